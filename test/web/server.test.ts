// Server tests through app.inject: every route's status and headers, escaping of hostile input, API errors, OpenAPI, feeds, RTL.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { XMLValidator } from 'fast-xml-parser';
import type { App } from '../../src/app.ts';
import { buildServer } from '../../src/web/server.ts';
import { fixtureApp, HOSTILE_OUTLET } from './fixture.ts';

let app: App;
let server: FastifyInstance;

before(async () => {
  app = await fixtureApp();
  server = buildServer(app, { publicUrl: 'https://news.example' });
  await server.ready();
});
after(async () => {
  await server.close();
  await app.close();
});

const get = (url: string) => server.inject({ method: 'GET', url });

/** Strings that must never reach a page unescaped. */
const RAW_MARKUP = [/<script>alert/i, /<img src=x/i, /"><img/i, /onerror=alert\(1\)>/i];

function assertNoRawMarkup(body: string, why: string): void {
  for (const re of RAW_MARKUP) assert.doesNotMatch(body, re, why);
}

describe('pages', () => {
  const pages: Array<{ url: string; status: number; has: string[]; why: string }> = [
    { url: '/', status: 200, has: ['Ministers meet in Geneva', '4 articles'], why: 'home lists the story with its size' },
    { url: '/?language=ru', status: 200, has: ['Ministers meet in Geneva'], why: 'language filter keeps a story that has Russian articles' },
    { url: '/?outlet=Nobody', status: 200, has: ['No stories yet'], why: 'an outlet with no stories gives the empty state' },
    { url: '/stories/1', status: 200, has: ['Timeline', '<svg', 'Who said what', 'Anna Petrova', 'Coverage by outlet', 'Copies and near-duplicates'], why: 'story page sections' },
    { url: '/articles/1', status: 200, has: ['<mark class="quote kind-direct" id="quote-0">We are ready to listen,</mark>', 'https://wire.example/geneva-talks', 'dateline, year inferred from weekday'], why: 'article with a highlighted quote, source link and date provenance' },
    { url: '/articles/3', status: 200, has: ['lang="ru"', 'dir="auto"'], why: 'content keeps its language and auto direction' },
    { url: '/search?q=geneva', status: 200, has: ['<mark>', 'Ministers meet in Geneva'], why: 'search shows highlighted snippets' },
    { url: '/search?q=geneva&sort=date&outlet=Wire+One', status: 200, has: ['Ministers meet in Geneva', 'selected'], why: 'filters and sort are kept in the form' },
    { url: '/search?person=anna-petrova', status: 200, has: ['Ministers meet in Geneva'], why: 'a person alone lists their articles' },
    { url: '/search', status: 200, has: ['Type words to search'], why: 'empty search invites a query' },
    { url: '/outlets', status: 200, has: ['Wire One', 'Вестник'], why: 'outlet index' },
    { url: '/outlets/wire-one', status: 200, has: ['Wire One', 'Ministers meet in Geneva'], why: 'outlet page' },
    { url: '/people', status: 200, has: ['Anna Petrova', 'Deputy Minister'], why: 'people index' },
    { url: '/people/anna-petrova', status: 200, has: ['We are ready to listen,', 'the talks had ended without agreement'], why: 'person page lists quotes over time' },
    { url: '/stories/999', status: 404, has: ['Page not found', 'name="q"', 'Back to the stories'], why: 'unknown story: helpful 404 with search and home link' },
    { url: '/articles/abc', status: 400, has: ['This request could not be read', 'positive whole number'], why: 'bad id: 400 page naming the problem' },
    { url: '/people/nobody-here', status: 404, has: ['Page not found'], why: 'unknown person' },
    { url: '/outlets/nope', status: 404, has: ['Page not found'], why: 'unknown outlet' },
    { url: '/no/such/page', status: 404, has: ['Page not found'], why: 'unknown path' },
    { url: '/?page=0', status: 400, has: ['page'], why: 'page numbers start at 1' },
    { url: '/search?q=x&from=2022-13-45', status: 400, has: ['from'], why: 'impossible date is refused' },
  ];
  for (const p of pages) {
    test(`${p.url} → ${p.status}: ${p.why}`, async () => {
      const res = await get(p.url);
      assert.equal(res.statusCode, p.status, p.why);
      assert.match(res.headers['content-type'] as string, /^text\/html; charset=utf-8/);
      for (const s of p.has) assert.ok(res.body.includes(s), `${p.why}: missing ${s}`);
      assertNoRawMarkup(res.body, p.why);
    });
  }

  test('every response carries the security headers, with no inline script or style allowed', async () => {
    for (const url of ['/', '/stories/1', '/api/v1/stories', '/nope', '/static/style.css']) {
      const res = await get(url);
      const csp = res.headers['content-security-policy'] as string;
      assert.match(csp, /default-src 'self'/, url);
      assert.match(csp, /frame-ancestors 'none'/, url);
      assert.doesNotMatch(csp, /unsafe-inline/, url);
      assert.equal(res.headers['x-content-type-options'], 'nosniff', url);
      assert.equal(res.headers['x-frame-options'], 'DENY', url);
      assert.ok(res.headers['referrer-policy'], url);
    }
  });

  test('pages hold no inline script, style element or style attribute (the CSP would block them)', async () => {
    for (const url of ['/', '/stories/1', '/articles/1', '/search?q=geneva', '/people/anna-petrova', '/fa/stories/1']) {
      const body = (await get(url)).body;
      assert.doesNotMatch(body, /<script(?![^>]*\bsrc=)[^>]*>/, `${url}: inline script`);
      assert.doesNotMatch(body, /<style/, `${url}: style element`);
      assert.doesNotMatch(body, /\sstyle="/, `${url}: style attribute`);
      assert.doesNotMatch(body, /\son[a-z]+="/, `${url}: event handler attribute`);
    }
  });

  const hostile: Array<{ url: string; why: string }> = [
    { url: `/search?q=${encodeURIComponent('<script>alert(1)</script>')}`, why: 'script tag in the query' },
    { url: `/search?q=${encodeURIComponent('"><img src=x onerror=alert(1)>')}`, why: 'attribute breakout in the query' },
    { url: `/search?q=talks&outlet=${encodeURIComponent('"><img src=x onerror=alert(1)>')}`, why: 'attribute breakout in the outlet filter' },
    { url: `/?outlet=${encodeURIComponent('<script>alert(1)</script>')}`, why: 'script tag in the home filter' },
    { url: `/search?q=x&language=${encodeURIComponent('"><script>alert(1)</script>')}`, why: 'bad language code: 400 page echoes it escaped' },
    { url: `/stories/${encodeURIComponent('<script>alert(1)</script>')}`, why: 'markup in a path parameter' },
    { url: `/fa/search?q=${encodeURIComponent('<script>alert(1)</script>')}`, why: 'same in a right-to-left page' },
  ];
  for (const h of hostile) {
    test(`hostile input is escaped: ${h.why}`, async () => {
      const res = await get(h.url);
      assert.ok([200, 400, 404].includes(res.statusCode), `${h.why}: status ${res.statusCode}`);
      assertNoRawMarkup(res.body, h.why);
      if (res.statusCode === 200 && h.url.includes('q=%3Cscript')) assert.ok(res.body.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), `${h.why}: shown escaped`);
    });
  }

  test('a hostile outlet name and title from the store are escaped wherever they appear', async () => {
    for (const url of ['/', '/stories/1', '/articles/2', '/outlets', '/search?q=agreement', '/people/anna-petrova']) {
      const body = (await get(url)).body;
      assertNoRawMarkup(body, url);
    }
    const outlets = (await get('/outlets')).body;
    assert.ok(!outlets.includes(HOSTILE_OUTLET), 'never raw');
    assert.ok(outlets.includes('Evening &quot;Post&quot; &lt;img src=x onerror=alert(1)&gt;'), 'outlet shown as text');
  });

  test('an article URL that is not http(s) gets no source link', async () => {
    const body = (await get('/articles/2')).body;
    assert.doesNotMatch(body, /href="javascript:/i);
    assert.ok(!body.includes('Read it at the source'));
    assert.match((await get('/articles/1')).body, /<a href="https:\/\/wire\.example\/geneva-talks" rel="noopener noreferrer external">/);
  });

  test('share links encode the page address and title', async () => {
    const body = (await get('/articles/2')).body;
    const shared = encodeURIComponent('https://news.example/articles/2');
    assert.ok(body.includes(`https://t.me/share/url?url=${shared}&amp;text=`), 'telegram');
    assert.ok(body.includes(`https://vk.com/share.php?url=${shared}`), 'vk');
    assert.ok(body.includes(`mailto:?subject=${encodeURIComponent('<script>alert("t")</script> Talks end')}`), 'e-mail subject encoded');
  });

  test('near-duplicates fold under their original on the story page', async () => {
    const body = (await get('/stories/1')).body;
    const original = body.indexOf('href="/articles/1"', body.indexOf('id="articles"'));
    const fold = body.indexOf('<details class="copies">', original);
    const copy = body.indexOf('href="/articles/4"', fold);
    assert.ok(original > 0 && fold > original && copy > fold, 'original, then its folded copy');
  });

  test('the timeline chart has a title and links each mark to an event in the list', async () => {
    const body = (await get('/stories/1')).body;
    assert.match(body, /<svg class="chart timeline-chart"[^>]*aria-labelledby="timeline-chart-title"/);
    const marks = [...body.matchAll(/<a href="#(ev-\d+)" aria-label="[^"]+">/g)].map((m) => m[1]);
    assert.ok(marks.length >= 2, 'marks drawn');
    for (const id of marks) assert.ok(body.includes(`id="${id}"`), `list item ${id} exists`);
  });

  test('static files are served with their types and long caching when versioned', async () => {
    const home = (await get('/')).body;
    const css = /href="(\/static\/style\.css\?v=[0-9a-f]+)"/.exec(home)?.[1];
    const js = /src="(\/static\/app\.js\?v=[0-9a-f]+)"/.exec(home)?.[1];
    assert.ok(css && js, 'assets linked with a version');
    const c = await get(css);
    assert.equal(c.statusCode, 200);
    assert.match(c.headers['content-type'] as string, /^text\/css/);
    assert.match(c.headers['cache-control'] as string, /immutable/);
    const j = await get(js);
    assert.match(j.headers['content-type'] as string, /^text\/javascript/);
  });

  test('redirects stay on this site', async () => {
    const rows = [
      { url: '/en', to: '/', why: 'English lives at the root' },
      { url: '/en/stories/1', to: '/stories/1', why: 'an /en/ path goes to its root twin' },
      { url: '/en//evil.example/x', to: '/evil.example/x', why: 'protocol-relative target collapses to a path' },
      { url: '/en/%5Cevil.example', to: '/%5Cevil.example', why: 'encoded backslash stays encoded in the path' },
    ];
    for (const r of rows) {
      const res = await get(r.url);
      assert.equal(res.statusCode, 301, r.why);
      assert.equal(res.headers.location, r.to, r.why);
      assert.ok((res.headers.location as string).startsWith('/') && !(res.headers.location as string).startsWith('//'), r.why);
    }
  });
});

describe('languages', () => {
  const rows: Array<{ url: string; lang: string; dir: string; has: string; why: string }> = [
    { url: '/', lang: 'en', dir: 'ltr', has: 'Stories', why: 'English at the root' },
    { url: '/ru/', lang: 'ru', dir: 'ltr', has: 'Сюжеты', why: 'Russian' },
    { url: '/ar/stories/1', lang: 'ar', dir: 'rtl', has: 'التسلسل الزمني', why: 'Arabic is right-to-left' },
    { url: '/fa/stories/1', lang: 'fa', dir: 'rtl', has: 'گاه‌شمار', why: 'Persian is right-to-left' },
    { url: '/tr/search?q=geneva', lang: 'tr', dir: 'ltr', has: 'Ara', why: 'Turkish' },
    { url: '/fa/nope', lang: 'fa', dir: 'rtl', has: 'صفحه پیدا نشد', why: 'error pages speak the language of their path' },
  ];
  for (const r of rows) {
    test(`${r.url}: ${r.why}`, async () => {
      const res = await get(r.url);
      assert.match(res.body, new RegExp(`<html lang="${r.lang}" dir="${r.dir}">`), r.why);
      assert.ok(res.body.includes(r.has), r.why);
    });
  }

  test('digits and dates follow the language: Persian and Arabic-Indic digits', async () => {
    const fa = (await get('/fa/stories/1')).body;
    assert.match(fa, /۴ مقاله/, 'Persian digits in counts');
    assert.match(fa, /ژانویه/, 'Persian month name');
    const ar = (await get('/ar/stories/1')).body;
    assert.match(ar, /[٠-٩]/, 'Arabic-Indic digits');
    const ru = (await get('/ru/stories/1')).body;
    assert.match(ru, /4 статьи/, 'Russian plural for 4');
  });

  test('the language switcher keeps the current path and query', async () => {
    const body = (await get('/fa/search?q=geneva&sort=date')).body;
    assert.ok(body.includes('href="/search?q=geneva&amp;sort=date" lang="en"'), 'English twin');
    assert.ok(body.includes('href="/ru/search?q=geneva&amp;sort=date" lang="ru"'), 'Russian twin');
    assert.ok(body.includes('aria-current="true">فارسی'), 'current language marked');
  });

  test('without readers\' accounts the footer links only to the privacy policy, which says no cookie is set, in every language', async () => {
    const rows: Array<{ prefix: string; privacy: string; noCookies: RegExp; why: string }> = [
      { prefix: '', privacy: 'Privacy Policy', noCookies: /sets no cookies at all/, why: 'English' },
      { prefix: '/ru', privacy: 'Политика конфиденциальности', noCookies: /не устанавливает никаких cookie/, why: 'Russian' },
      { prefix: '/ar', privacy: 'سياسة الخصوصية', noCookies: /لا يضع الموقع أي ملفات تعريف ارتباط/, why: 'Arabic' },
      { prefix: '/fa', privacy: 'سیاست حریم خصوصی', noCookies: /هیچ کوکی‌ای قرار نمی‌دهد/, why: 'Persian' },
      { prefix: '/tr', privacy: 'Gizlilik Politikası', noCookies: /hiçbir çerez kullanmaz/, why: 'Turkish' },
    ];
    for (const r of rows) {
      for (const url of [`${r.prefix}/`, `${r.prefix}/stories/1`, `${r.prefix}/no-such-page`]) {
        const footer = /<footer class="site">[\s\S]*?<\/footer>/.exec((await get(url)).body)?.[0] ?? '';
        assert.ok(footer.includes(`<a href="${r.prefix}/privacy">${r.privacy}</a>`), `${url}: the privacy policy`);
        assert.doesNotMatch(footer, /\/login|\/register/, `${url}: no links to pages that do not exist here`);
      }
      const privacy = await get(`${r.prefix}/privacy`);
      assert.equal(privacy.statusCode, 200, r.why);
      assert.match(privacy.body, r.noCookies, r.why);
      assert.equal(privacy.headers['set-cookie'], undefined, `${r.why}: and it sets none`);
      for (const url of [`${r.prefix}/login`, `${r.prefix}/register`]) assert.equal((await get(url)).statusCode, 404, url);
    }
  });

  test('without readers\' accounts the home page is the news list alone: no choice of order, no readers\' box, and `sort` changes nothing', async () => {
    const main = (body: string) => /<main[\s\S]*<\/main>/.exec(body)?.[0] ?? '';
    for (const prefix of ['', '/ru', '/ar', '/fa', '/tr']) {
      const home = await get(`${prefix}/`);
      assert.equal(home.statusCode, 200);
      assert.doesNotMatch(home.body, /sort=hot|class="tabs"|hot-readers|home-lists|class="points"|name="sort"/, `${prefix}/: nothing of the readers' order`);
      assert.match(main(home.body), /<ol class="stories">/, `${prefix}/: the stories list`);
      for (const query of ['?sort=hot', '?sort=anything', '?sort=hot&page=1']) {
        const other = await get(`${prefix}/${query}`);
        assert.equal(other.statusCode, 200, `${prefix}/${query}: accepted as before`);
        assert.equal(main(other.body), main(home.body), `${prefix}/${query}: the same list`);
      }
    }
  });

  test('links inside a language stay in it', async () => {
    const body = (await get('/tr/stories/1')).body;
    assert.ok(body.includes('href="/tr/articles/1"'));
    assert.ok(!body.includes('href="/articles/1"'));
  });
});

test('the search page shows how many articles match, the same count as the API', async () => {
  const api = JSON.parse((await get('/api/v1/search?q=geneva&limit=1')).body) as { total: number };
  assert.ok(api.total >= 1);
  const page = (await get('/search?q=geneva')).body;
  const words = api.total === 1 ? '1 article' : `${api.total} articles`;
  assert.ok(page.includes(`<span class="count" role="status">${words}</span>`), words);
  const none = (await get('/search?q=zzzqxnothing')).body;
  assert.ok(!none.includes('class="count"'), 'no count line without results');
});

test('the story page marks a weakly attributed quote as uncertain, with its likelihood', async () => {
  const page = (await get('/stories/1')).body;
  const item = /<li class="quote kind-indirect uncertain">[\s\S]*?<\/li>/.exec(page);
  assert.ok(item, 'the 0.42 quote carries the uncertain class');
  assert.ok(item[0].includes('ended without agreement'));
  assert.match(item[0], /<span class="badge uncertain" title="[^"]*42\s?%[^"]*">uncertain attribution<\/span>/);
  assert.equal(page.match(/class="badge uncertain"/g)?.length, 1, 'the quote with no figure is not marked');
});

describe('JSON API', () => {
  const ok: Array<{ url: string; check: (b: Record<string, unknown>) => void; why: string }> = [
    { url: '/api/v1/stories', check: (b) => { assert.equal(b.total, 1); assert.equal((b.data as unknown[]).length, 1); }, why: 'story list with total' },
    { url: '/api/v1/stories?limit=1&offset=1', check: (b) => { assert.equal((b.data as unknown[]).length, 0); assert.equal(b.has_more, false); }, why: 'offset past the end' },
    { url: '/api/v1/stories/1', check: (b) => { assert.ok(Array.isArray(b.timeline)); assert.ok(Array.isArray(b.who_said_what)); }, why: 'story detail in snake_case' },
    {
      url: '/api/v1/stories/1',
      check: (b) => {
        const quotes = (b.who_said_what as Array<{ quotes: Array<{ confidence: unknown; cue: unknown }> }>).flatMap((g) => g.quotes);
        assert.ok(quotes.length > 0);
        for (const q of quotes) {
          assert.ok(q.confidence === null || (typeof q.confidence === 'number' && q.confidence >= 0 && q.confidence <= 1), String(q.confidence));
        }
        // The fixture's analyses are written by hand, without confidences, as analyses stored before them were.
        assert.ok(quotes.some((q) => q.confidence === null));
      },
      why: 'each quote says how sure the attribution is, null where no figure was recorded',
    },
    {
      url: '/api/v1/stories/1?min_confidence=0.5',
      check: (b) => {
        const quotes = (b.who_said_what as Array<{ quotes: Array<{ confidence: number | null; text: string }> }>).flatMap((g) => g.quotes);
        assert.ok(quotes.length > 0);
        assert.ok(quotes.every((q) => q.confidence === null || q.confidence >= 0.5), JSON.stringify(quotes));
        assert.ok(!quotes.some((q) => q.text.includes('ended without agreement')), 'the 0.42 quote is left out');
        assert.ok(Array.isArray(b.timeline) && (b.timeline as unknown[]).length > 0, 'the rest of the story is whole');
      },
      why: 'min_confidence leaves out weakly attributed quotes and keeps those without a figure',
    },
    { url: '/api/v1/articles?language=ru', check: (b) => { assert.equal(b.total, 1); }, why: 'filtered article list' },
    { url: '/api/v1/articles/1', check: (b) => { assert.equal(b.story_id, 1); assert.equal((b.quotes as unknown[]).length, 1); assert.equal(b.published_detail, 'dateline, year inferred from weekday'); }, why: 'article with story, quotes, provenance' },
    { url: '/api/v1/search?q=geneva', check: (b) => { assert.ok((b.data as unknown[]).length >= 1); assert.equal(b.total, (b.data as unknown[]).length); }, why: 'search hits with their count' },
    { url: '/api/v1/search?q=geneva&person=anna-petrova', check: (b) => { assert.ok((b.data as unknown[]).length >= 1); assert.equal(b.total, (b.data as unknown[]).length); }, why: 'search within one person\'s articles, counted' },
    { url: '/api/v1/search?q=geneva&limit=1', check: (b) => { assert.equal((b.data as unknown[]).length, 1); assert.equal(b.has_more, (b.total as number) > 1); }, why: 'the count does not depend on the page' },
    { url: '/api/v1/outlets', check: (b) => { assert.equal(b.total, 4); }, why: 'outlets' },
    { url: '/api/v1/outlets/wire-one', check: (b) => { assert.equal(b.name, 'Wire One'); }, why: 'one outlet' },
    { url: '/api/v1/people', check: (b) => { assert.equal((b.data as Array<{ slug: string }>)[0].slug, 'anna-petrova'); }, why: 'people' },
    { url: '/api/v1/people/anna-petrova', check: (b) => { assert.equal(b.name, 'Anna Petrova'); }, why: 'person' },
    { url: '/api/v1/people/anna-petrova/quotes', check: (b) => { assert.ok((b.data as unknown[]).length >= 2); assert.equal(typeof b.total, 'number'); }, why: 'person quotes with total' },
  ];
  for (const r of ok) {
    test(`${r.url}: ${r.why}`, async () => {
      const res = await get(r.url);
      assert.equal(res.statusCode, 200, res.body);
      assert.match(res.headers['content-type'] as string, /^application\/json/);
      r.check(res.json());
    });
  }

  const errors: Array<{ url: string; status: number; code: string; why: string }> = [
    { url: '/api/v1/stories/999', status: 404, code: 'not_found', why: 'unknown story' },
    { url: '/api/v1/articles/0', status: 400, code: 'bad_request', why: 'ids start at 1' },
    { url: '/api/v1/articles/1x', status: 400, code: 'bad_request', why: 'id not a number' },
    { url: '/api/v1/search', status: 400, code: 'bad_request', why: 'search needs q' },
    { url: '/api/v1/search?q=a&sort=best', status: 400, code: 'bad_request', why: 'unknown sort' },
    { url: '/api/v1/stories?limit=1000', status: 400, code: 'bad_request', why: 'limit above the maximum' },
    { url: '/api/v1/stories/1?min_confidence=1.5', status: 400, code: 'bad_request', why: 'confidence is a share from 0 to 1' },
    { url: '/api/v1/stories?limit=1&limit=2', status: 400, code: 'bad_request', why: 'repeated parameter' },
    { url: '/api/v1/people/nobody', status: 404, code: 'not_found', why: 'unknown person' },
    { url: '/api/v1/nothing-here', status: 404, code: 'not_found', why: 'unknown API path' },
  ];
  for (const r of errors) {
    test(`${r.url} → ${r.status}: ${r.why}`, async () => {
      const res = await get(r.url);
      assert.equal(res.statusCode, r.status);
      assert.match(res.headers['content-type'] as string, /^application\/json/);
      const body = res.json() as { errors: Array<{ code: string; message: string }> };
      assert.deepEqual(Object.keys(body), ['errors'], 'one error shape');
      assert.equal(body.errors[0].code, r.code);
      assert.equal(typeof body.errors[0].message, 'string');
    });
  }

  test('a failure inside a handler answers 500 in the error shape without internals', async () => {
    const stories = Object.create(app.stories, { list: { value: async () => { throw new Error('disk on fire at /secret/path'); } } });
    const broken = buildServer({ ...app, stories }, {});
    const api = await broken.inject({ method: 'GET', url: '/api/v1/stories' });
    assert.equal(api.statusCode, 500);
    assert.deepEqual(api.json(), { errors: [{ code: 'internal', message: 'internal server error' }] });
    const page = await broken.inject({ method: 'GET', url: '/ru/' });
    assert.equal(page.statusCode, 500);
    assert.ok(page.body.includes('Что-то пошло не так'), 'localised 500 page');
    assert.ok(!page.body.includes('/secret/path'));
    await broken.close();
  });

  test('the OpenAPI document is 3.1, describes every API route, and every $ref resolves', async () => {
    const doc = (await get('/api/v1/openapi.json')).json() as {
      openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown>; parameters: Array<{ name: string; in: string }> }>>;
      components: { schemas: Record<string, unknown> };
    };
    assert.equal(doc.openapi, '3.1.0');
    for (const path of ['/stories', '/stories/{id}', '/articles', '/articles/{id}', '/search', '/outlets', '/outlets/{slug}', '/people', '/people/{slug}', '/people/{slug}/quotes']) {
      assert.ok(doc.paths[path]?.get, `documented: ${path}`);
      assert.ok(doc.paths[path].get.responses['200'] && doc.paths[path].get.responses['400'], `${path} documents success and errors`);
      for (const name of path.match(/\{(\w+)\}/g) ?? []) {
        assert.ok(doc.paths[path].get.parameters.some((p) => p.in === 'path' && `{${p.name}}` === name), `${path}: path parameter ${name}`);
      }
      const sample = path.replace('{id}', '1').replace('{slug}', path.startsWith('/outlets') ? 'wire-one' : 'anna-petrova');
      const served = await get(`/api/v1${sample}${path === '/search' ? '?q=geneva' : ''}`);
      assert.equal(served.statusCode, 200, `served: ${path}`);
    }
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]);
    assert.ok(refs.length > 10);
    for (const r of refs) assert.ok(doc.components.schemas[r], `$ref ${r} resolves`);
    assert.ok(doc.paths['/search'].get.parameters.some((p) => p.name === 'q' && p.in === 'query'), 'search documents q');
  });
});

describe('feeds', () => {
  const rows: Array<{ url: string; type: RegExp; root: string; why: string }> = [
    { url: '/stories/1/feed.xml', type: /^application\/rss\+xml/, root: '<rss version="2.0"', why: 'story RSS' },
    { url: '/stories/1/feed.atom', type: /^application\/atom\+xml/, root: '<feed xmlns="http://www.w3.org/2005/Atom">', why: 'story Atom' },
    { url: '/search/feed.xml?q=geneva', type: /^application\/rss\+xml/, root: '<rss version="2.0"', why: 'search RSS' },
    { url: `/search/feed.atom?q=${encodeURIComponent('talks & <b>')}`, type: /^application\/atom\+xml/, root: '<feed', why: 'search Atom with markup in the query' },
  ];
  for (const r of rows) {
    test(`${r.url}: ${r.why} is well-formed XML`, async () => {
      const res = await get(r.url);
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['content-type'] as string, r.type);
      assert.ok(res.body.includes(r.root));
      assert.equal(XMLValidator.validate(res.body), true, 'well-formed');
      assertNoRawMarkup(res.body, r.why);
    });
  }

  test('story feed items link to absolute article pages and carry dates', async () => {
    const body = (await get('/stories/1/feed.xml')).body;
    assert.ok(body.includes('<link>https://news.example/articles/1</link>'));
    assert.match(body, /<pubDate>Mon, 10 Jan 2022 09:00:00 GMT<\/pubDate>/);
    assert.ok(body.includes('&lt;script&gt;'), 'hostile title escaped in XML');
  });

  test('feed errors: unknown story 404, search without a query 400', async () => {
    assert.equal((await get('/stories/77/feed.xml')).statusCode, 404);
    assert.equal((await get('/search/feed.xml')).statusCode, 400);
  });
});
