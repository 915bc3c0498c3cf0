// The news pages with the community: the account menu in every header, the article and story blocks in the five
// UI languages, forms from those pages coming back to them, pages for one reader kept out of shared caches, the
// same pages without accounts, and the community API in the OpenAPI document.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/web/server.ts';
import { escapeHtml } from '../../src/web/html.ts';
import { LOCALES, LOCALE_CODES, type Locale } from '../../src/web/i18n/index.ts';
import { accountsText } from '../../src/accounts/i18n/index.ts';
import { Browser, articleId, startSite, type TestSite } from './server.ts';

let site: TestSite;
let geneva = 0;
let storyId = 0;

before(async () => {
  site = await startSite();
  geneva = await articleId(site, 'Diplomats meet in Geneva for security talks');
  const membership = await site.app.store.getMembership(geneva);
  assert.ok(membership, 'the fixture article is in a story');
  storyId = membership.storyId;
});
after(async () => site.close());

/** A catalogue string as it appears in a page. */
const text = (locale: Locale, key: Parameters<ReturnType<typeof accountsText>['t']>[0], vars?: Record<string, string | number>) => escapeHtml(accountsText(locale).t(key, vars));
/** The community block: it ends with "Add to Collection", the last of its sections. */
const block = (body: string) => /<section class="community"[\s\S]*?<section class="collect"[\s\S]*?<\/section>\n<\/section>\n/.exec(body)?.[0] ?? '';
const header = (body: string) => /<header class="site">[\s\S]*?<\/header>/.exec(body)?.[0] ?? '';
const footer = (body: string) => /<footer class="site">[\s\S]*?<\/footer>/.exec(body)?.[0] ?? '';

test('a visitor: the article block with points, discussion link and log-in links; the header offers log in and register; no cookie', async () => {
  const b = new Browser(site, '198.51.100.60');
  const r = await b.get(`/articles/${geneva}`);
  assert.equal(r.status, 200);
  const community = block(r.body);
  assert.match(community, /Leave your vote/);
  assert.match(community, /0 Points/);
  assert.match(community, new RegExp(`<a href="/articles/${geneva}/discussion#comments">Leave a Reply</a> · 0 comments`));
  assert.match(community, new RegExp(`href="/login\\?next=%2Farticles%2F${geneva}"`), 'log in to vote, then come back');
  assert.doesNotMatch(community, /<form/, 'no forms for a visitor');
  const head = header(r.body);
  assert.match(head, /class="account-bar"/);
  assert.match(head, /<a href="\/login">Log in<\/a>/);
  assert.match(head, /<a href="\/register">Register<\/a>/);
  assert.match(footer(r.body), /<a href="\/login">Log in<\/a> · <a href="\/register">Register<\/a> · <a href="\/privacy">Privacy Policy<\/a>/);
  assert.match(r.body, /<link rel="stylesheet" href="\/accounts\/community\.css\?v=[0-9a-f]{12}">/);
  assert.equal(r.headers['set-cookie'], undefined, 'reading an article sets no cookie');
  assert.equal(r.headers.vary, 'cookie');
  assert.equal(r.headers['cache-control'], undefined, "a visitor's page is the same for every visitor");
});

test('signed in: the header names the reader with their pages; the blocks have forms; the page is private', async () => {
  const b = new Browser(site, '198.51.100.61');
  await b.register('pagereader');
  for (const url of [`/articles/${geneva}`, `/stories/${storyId}`, '/', '/search?q=geneva', '/no-such-page']) {
    const r = await b.get(url);
    const head = header(r.body);
    assert.match(head, /Signed in as <a href="\/users\/pagereader"><bdi>pagereader<\/bdi><\/a>/, `${url}: the reader's name`);
    for (const [path, label] of [['/settings', 'Settings'], ['/collections', 'Collections'], ['/submit', 'Create your post']]) {
      assert.ok(head.includes(`<a href="${path}">${label}</a>`), `${url}: ${label}`);
    }
    assert.match(head, /<form class="inline" method="post" action="\/logout"><input type="hidden" name="_csrf" value="[^"]+"><button type="submit">Log out<\/button>/, `${url}: log out`);
    assert.equal(r.headers['cache-control'], 'private, no-store', `${url}: no shared cache keeps it`);
    const foot = footer(r.body);
    assert.match(foot, /<a href="\/privacy">Privacy Policy<\/a>/, `${url}: the privacy policy`);
    assert.doesNotMatch(foot, /\/login|\/register/, `${url}: a signed-in reader is not offered log-in`);
  }
  const article = block((await b.get(`/articles/${geneva}`)).body);
  assert.match(article, /<form class="vote-form" method="post" action="\/vote">/);
  assert.match(article, /name="type" value="outlet"><input type="hidden" name="key" value="Daily Example">/);
  assert.match(article, new RegExp(`name="type" value="story"><input type="hidden" name="key" value="${storyId}">`));
  assert.match(article, /Add to Collection/);
  assert.match(article, /No collections yet/);
  const story = block((await b.get(`/stories/${storyId}`)).body);
  assert.match(story, new RegExp(`<a href="/stories/${storyId}/discussion#comments">Leave a Reply</a>`));
  assert.match(story, /Follow this story/);
  assert.match(story, new RegExp(`name="type" value="story"><input type="hidden" name="id" value="${storyId}">`), 'add the story to a collection');
  assert.doesNotMatch(story, /Leave your vote/, 'stories take no votes');
});

test('vote, follow and collect from the article page: each comes back to it, with a confirmation and the new state', async () => {
  const b = new Browser(site, '198.51.100.62');
  await b.register('articlevoter');
  const here = `/articles/${geneva}`;
  await b.get(here);
  const voted = await b.post('/vote', { type: 'article', id: String(geneva), value: '1', return: here });
  assert.equal(voted.status, 303);
  assert.equal(voted.location, `${here}?done=voted`);
  const after = await b.get(voted.location);
  assert.match(after.body, /<p class="notice" role="status">Your vote has been counted\.<\/p>/);
  assert.match(block(after.body), /<span class="points">1 Point<\/span>/);
  assert.match(block(after.body), /class="up" name="value" value="0" aria-pressed="true"/, 'pressing again takes the vote back');

  const followed = await b.post('/follow', { type: 'outlet', key: 'Daily Example', return: here });
  assert.equal(followed.location, `${here}?done=followed`);
  assert.match(block((await b.get(here)).body), /action="\/unfollow">[\s\S]*?value="Daily Example"[\s\S]*?aria-pressed="true">Unfollow</);

  const added = await b.post('/collections/add', { type: 'article', id: String(geneva), name: 'Reading list', return: here });
  assert.equal(added.location, `${here}?done=added#collect`);
  const collected = block((await b.get(here)).body);
  assert.match(collected, /<p>In your collections: <a href="\/collections\/\d+" dir="auto">Reading list<\/a><\/p>/);

  await b.post('/comments', { itemType: 'article', itemId: String(geneva), body: 'Counted on the article page.', return: here });
  assert.match(block((await b.get(here)).body), /Leave a Reply<\/a> · 1 comment</, 'the comment count');
});

test('the story page keeps its sections cached, never one reader\'s parts', async () => {
  const a = new Browser(site, '198.51.100.63');
  await a.register('firstviewer');
  assert.match((await a.get(`/stories/${storyId}`)).body, /firstviewer/);
  const visitor = await new Browser(site, '198.51.100.64').get(`/stories/${storyId}`);
  assert.equal(visitor.status, 200);
  assert.doesNotMatch(visitor.body, /firstviewer|name="_csrf"/, 'the second view is built for its own reader');
  assert.match(visitor.body, /id="timeline"/);
});

test('every UI language: the blocks and the menu in that language, right to left for Arabic and Persian', async () => {
  const b = new Browser(site, '198.51.100.65');
  await b.register('polyglot');
  for (const locale of LOCALE_CODES) {
    const prefix = LOCALES[locale].prefix;
    const article = await b.get(`${prefix}/articles/${geneva}`);
    assert.equal(article.status, 200, locale);
    assert.match(article.body, new RegExp(`<html lang="${locale}" dir="${locale === 'ar' || locale === 'fa' ? 'rtl' : 'ltr'}">`), `${locale}: direction`);
    const community = block(article.body);
    for (const key of ['vote.leave', 'vote.up', 'vote.down', 'comments.leave', 'follow.story', 'collections.add', 'collections.noneYet', 'collections.addNew', 'collections.create'] as const) {
      assert.ok(community.includes(text(locale, key)), `${locale}: ${key}`);
    }
    assert.ok(community.includes(text(locale, 'follow.outlet', { name: 'Daily Example' })), `${locale}: follow the outlet`);
    const points = (await site.c.community.points('article', [geneva], null)).get(geneva)!.points;
    assert.ok(community.includes(`<span class="points">${escapeHtml(accountsText(locale).n('count.points', points))}</span>`), `${locale}: points`);
    assert.ok(community.includes(`action="${prefix}/vote"`), `${locale}: forms post in the page's language`);
    assert.ok(community.includes(`href="${prefix}/articles/${geneva}/discussion#comments"`), `${locale}: discussion link`);
    const menu = header(article.body);
    for (const key of ['nav.settings', 'nav.collections', 'nav.submit', 'nav.logout'] as const) assert.ok(menu.includes(text(locale, key)), `${locale}: menu ${key}`);
    const story = block((await b.get(`${prefix}/stories/${storyId}`)).body);
    assert.ok(story.includes(text(locale, 'follow.story')) && story.includes(text(locale, 'collections.add')), `${locale}: story block`);
    if (locale !== 'en') {
      for (const english of ['Leave your vote', 'Add to Collection', 'Follow this story', 'Upvote', 'Log out', 'Signed in as']) {
        assert.ok(!article.body.includes(english), `${locale}: no English "${english}"`);
      }
    }
  }
});

test('with registration closed, neither the header nor the footer offers it', async () => {
  const closed = await startSite({ articles: false, options: { registration: false } });
  try {
    const r = await new Browser(closed).get('/');
    assert.match(header(r.body), /<a href="\/login">Log in<\/a>/);
    assert.match(footer(r.body), /<a href="\/login">Log in<\/a> · <a href="\/privacy">/);
    assert.doesNotMatch(r.body, /href="\/register"/);
  } finally {
    await closed.close();
  }
});

test('with the optional cookie offered: the consent banner on news pages, and the language they are read in is remembered', async () => {
  const offering = await startSite({ options: { optionalCookies: true } });
  try {
    const id = await articleId(offering, 'Vienna meeting ends without agreement');
    const b = new Browser(offering, '198.51.100.66');
    const first = await b.get(`/tr/articles/${id}`);
    assert.match(first.body, /<section class="consent"/);
    assert.match(first.body, new RegExp(`name="return" value="/tr/articles/${id}"`), 'the answer comes back to the article');
    assert.equal(first.headers['cache-control'], 'private, no-store', 'the banner carries a form token');
    await b.post('/tr/cookies', { consent: 'yes', return: `/tr/articles/${id}` });
    const again = await b.get(`/ar/articles/${id}`);
    assert.doesNotMatch(again.body, /<section class="consent"/, 'answered: no banner');
    assert.equal(b.cookies.get('sl_lang'), 'ar', 'the language of the last news page read');
  } finally {
    await offering.close();
  }
});

test('the entry page takes a returning reader to the language they let the site remember; a link to English on the site is followed', async () => {
  const offering = await startSite({ articles: false, options: { optionalCookies: true } });
  /** The same browser (its cookies) arriving with other request headers (Referer, Sec-Fetch-Site). */
  const from = (b: Browser, headers: Record<string, string>) => {
    const twin = new Browser(offering, b.ip, headers);
    for (const [k, v] of b.cookies) twin.cookies.set(k, v);
    return twin;
  };
  try {
    const b = new Browser(offering, '198.51.100.70');
    assert.equal((await b.get('/')).status, 200, 'no choice yet: the English entry page');
    await b.post('/tr/cookies', { consent: 'yes', return: '/tr/' });
    assert.equal(b.cookies.get('sl_lang'), 'tr');
    const rows: Array<[string, Record<string, string>, number, string | undefined]> = [
      ['a typed address', {}, 302, '/tr/?outlet=Daily+Example'],
      ['a bookmark, as the browser says', { 'sec-fetch-site': 'none' }, 302, '/tr/?outlet=Daily+Example'],
      ['a link from another site', { referer: 'https://search.example/?q=storyline', 'sec-fetch-site': 'cross-site' }, 302, '/tr/?outlet=Daily+Example'],
      ["this site's language switcher", { referer: 'http://storyline.test/tr/?outlet=Daily+Example' }, 200, undefined],
      ['the switcher in a browser that sends no Referer', { 'sec-fetch-site': 'same-origin' }, 200, undefined],
    ];
    for (const [reason, headers, status, location] of rows) {
      const r = await from(b, headers).get('/?outlet=Daily+Example');
      assert.equal(r.status, status, reason);
      assert.equal(r.location, location, reason);
      assert.equal(r.headers['cache-control'], 'private, no-store', `${reason}: the answer depends on the reader's cookie`);
    }
    const english = from(b, { referer: 'http://storyline.test/tr/' });
    await english.get('/');
    assert.equal(english.cookies.get('sl_lang'), 'en', 'reading the English page makes English the remembered language');
    assert.equal((await from(english, {}).get('/')).status, 200, 'and the next arrival stays in English');

    const declined = new Browser(offering, '198.51.100.71');
    await declined.get('/fa/');
    await declined.post('/fa/cookies', { consent: 'no', return: '/fa/' });
    assert.equal((await declined.get('/')).status, 200, 'no consent, no remembered language');
    assert.equal((await declined.get('/fa/')).status, 200);
    assert.equal((await declined.get('/')).status, 200);
  } finally {
    await offering.close();
  }
  const planted = new Browser(site, '198.51.100.72');
  planted.cookies.set('sl_consent', 'yes');
  planted.cookies.set('sl_lang', 'ru');
  const plain = await planted.get('/');
  assert.equal(plain.status, 200, 'a site that does not offer the optional cookie ignores it');
  assert.equal(plain.headers['cache-control'], undefined);
});

test('without accounts the news pages carry none of it', async () => {
  const plain = buildServer(site.app, { publicUrl: 'http://storyline.test', accounts: false });
  try {
    for (const url of [`/articles/${geneva}`, `/stories/${storyId}`, `/fa/articles/${geneva}`, '/']) {
      const r = await plain.inject({ method: 'GET', url });
      assert.equal(r.statusCode, 200, url);
      assert.doesNotMatch(r.body, /class="community"|class="account-bar"|community\.css|name="_csrf"/, url);
      assert.equal(r.headers.vary, undefined, url);
    }
    assert.equal((await plain.inject({ method: 'GET', url: '/login' })).statusCode, 404, 'no accounts pages');
    const home = await plain.inject({ method: 'GET', url: '/' });
    assert.doesNotMatch(footer(home.body), /\/login|\/register/, 'the footer does not link to them');
    const privacy = await plain.inject({ method: 'GET', url: '/ru/privacy' });
    assert.equal(privacy.statusCode, 200, 'the privacy policy exists without accounts');
    assert.match(privacy.body, /не устанавливает никаких cookie/);
    assert.doesNotMatch(privacy.body, /sl_session|sl_csrf/, 'and names no account cookies');
    const doc = (await plain.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as { paths: Record<string, unknown> };
    assert.equal(doc.paths['/posts'], undefined, 'no community endpoints documented');
  } finally {
    await plain.close();
  }
});

interface Operation {
  parameters: Array<{ name: string; in: string; required: boolean }>;
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
  requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> };
  security?: unknown[];
}

test('OpenAPI: every route of the API is documented, with its parameters, answers and schemas, and nothing else is', async () => {
  // A second server over the same site, to see the routes it registers.
  const f: FastifyInstance = buildServer(site.app, { publicUrl: 'http://storyline.test', accounts: { db: site.db, community: site.c } });
  const served = new Set<string>();
  f.addHook('onRoute', (r) => {
    if (!r.url.startsWith('/api/v1/') || r.url === '/api/v1/openapi.json') return;
    for (const m of [r.method].flat()) if (m !== 'HEAD') served.add(`${m.toLowerCase()} ${r.url.slice('/api/v1'.length).replace(/:(\w+)/g, '{$1}')}`);
  });
  try {
    await f.ready();
    const doc = (await f.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
      paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown>; securitySchemes: Record<string, { scheme: string }> };
    };
    const documented = new Set(Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`)));
    assert.deepEqual([...served].filter((r) => !documented.has(r)), [], 'served but not documented');
    assert.deepEqual([...documented].filter((r) => !served.has(r)), [], 'documented but not served');
    for (const want of ['post /tokens', 'put /articles/{id}/vote', 'post /stories/{id}/comments', 'post /collections', 'get /collections/{id}/export', 'post /follows', 'post /posts', 'get /me/export']) {
      assert.ok(documented.has(want), `documented: ${want}`);
    }

    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        for (const name of path.match(/\{(\w+)\}/g) ?? []) {
          assert.ok(op.parameters.some((p) => p.in === 'path' && p.required && `{${p.name}}` === name), `${method} ${path}: path parameter ${name}`);
        }
        assert.ok(Object.keys(op.responses).some((s) => s.startsWith('2')), `${method} ${path}: a success answer`);
        assert.ok(op.responses['500'], `${method} ${path}: the error shape`);
      }
    }
    const vote = doc.paths['/articles/{id}/vote'].put;
    assert.deepEqual(vote.security, [{ bearerToken: [] }], 'voting needs a token');
    assert.ok(vote.responses['401'] && vote.responses['404'], 'and says what happens without one, or for no such article');
    assert.ok(vote.requestBody?.content['application/json'].schema.properties?.value, 'the vote value');
    assert.equal(doc.components.securitySchemes.bearerToken.scheme, 'bearer');
    assert.ok(doc.paths['/posts'].get.parameters.some((p) => p.name === 'sort' && p.in === 'query'));
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]);
    for (const r of refs) assert.ok(doc.components.schemas[r], `$ref ${r} resolves`);
    for (const name of ['Me', 'NewToken', 'Points', 'Thread', 'Comment', 'Collection', 'CollectionWithItems', 'Follow', 'Feed', 'Post', 'Export', 'AccountsError']) {
      assert.ok(doc.components.schemas[name], `schema ${name}`);
    }
  } finally {
    await f.close();
  }
});

interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  allOf?: JsonSchema[];
}

test('OpenAPI schemas match what the community API answers, field by field, and every field is snake_case', async () => {
  const b = new Browser(site, '198.51.100.67');
  await b.register('apiclient');
  await new Browser(site, '198.51.100.68').register('apiadmin');
  await site.c.accounts.setAdmin((await site.c.accounts.byName('apiadmin'))!, true);
  const api = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, token: string | null, payload?: unknown) => {
    const res = await site.f.inject({ method, url: `/api/v1${url}`, payload: payload as object, headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: res.statusCode, body: res.body ? JSON.parse(res.body) as Record<string, unknown> : {} };
  };
  const doc = (await site.f.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as { components: { schemas: Record<string, JsonSchema> } };
  const resolve = (s: JsonSchema): JsonSchema => {
    if (s.$ref) return resolve(doc.components.schemas[s.$ref.split('/').at(-1)!]);
    if (!s.allOf) return s;
    const parts = s.allOf.map(resolve);
    return { type: 'object', properties: Object.assign({}, ...parts.map((p) => p.properties)), required: parts.flatMap((p) => p.required ?? []) };
  };
  /** The value has the required fields and no undocumented one, each of the documented type, all the way down; names are snake_case. */
  const check = (value: unknown, schema: JsonSchema, where: string): void => {
    const s = resolve(schema);
    if (s.enum) return assert.ok(s.enum.includes(value), `${where}: ${JSON.stringify(value)} is one of ${JSON.stringify(s.enum)}`);
    const types = [s.type ?? []].flat();
    if (value === null) return assert.ok(types.includes('null'), `${where}: may be null`);
    if (Array.isArray(value)) {
      assert.ok(types.includes('array'), `${where}: an array`);
      return value.forEach((v, i) => check(v, s.items!, `${where}[${i}]`));
    }
    if (typeof value === 'object') {
      assert.ok(types.includes('object'), `${where}: an object`);
      const keys = Object.keys(value as object);
      for (const k of keys) assert.match(k, /^[a-z][a-z0-9_]*$/, `${where}.${k}: snake_case`);
      assert.deepEqual(keys.filter((k) => !(k in (s.properties ?? {}))), [], `${where}: undocumented fields`);
      for (const k of s.required ?? []) assert.ok(k in (value as object), `${where}: ${k} required`);
      for (const k of keys) check((value as Record<string, unknown>)[k], s.properties![k], `${where}.${k}`);
      return;
    }
    const ok = types.some((t) => t === typeof value || (t === 'integer' && Number.isInteger(value)) || (t === 'number' && typeof value === 'number'));
    assert.ok(ok, `${where}: ${typeof value} where ${types.join('|')} is documented`);
  };
  const conforms = (body: unknown, name: string) => check(body, { $ref: `#/components/schemas/${name}` }, name);

  const token = await api('POST', '/tokens', null, { login: 'apiclient', password: 'correct horse battery', name: 'test' });
  assert.equal(token.status, 201);
  conforms(token.body, 'NewToken');
  const t = token.body.token as string;
  const admin = (await api('POST', '/tokens', null, { login: 'apiadmin', password: 'correct horse battery' })).body.token as string;
  conforms((await api('GET', '/tokens', t)).body, 'TokenList');
  conforms((await api('GET', '/me', t)).body, 'Me');
  conforms((await api('PUT', `/articles/${geneva}/vote`, t, { value: 1 })).body, 'Points');
  conforms((await api('GET', `/articles/${geneva}/vote`, t)).body, 'Points');
  const collection = await api('POST', '/collections', t, { name: 'API list' });
  conforms(collection.body, 'Collection');
  await api('POST', `/collections/${collection.body.id}/items`, t, { type: 'story', id: storyId });
  await api('POST', `/collections/${collection.body.id}/items`, t, { type: 'article', id: geneva });
  const full = await api('GET', `/collections/${collection.body.id}`, t);
  conforms(full.body, 'CollectionWithItems');
  conforms((await api('PATCH', `/collections/${collection.body.id}`, t, { public: true })).body, 'Collection');
  conforms((await api('GET', '/collections', t)).body, 'CollectionList');
  conforms((await api('POST', '/follows', t, { type: 'story', key: String(storyId) })).body, 'Follow');
  await api('POST', '/follows', t, { type: 'outlet', key: 'Daily Example' });
  conforms((await api('GET', '/follows', t)).body, 'FollowList');
  const comment = await api('POST', `/articles/${geneva}/comments`, t, { body: 'Via the API.' });
  conforms(comment.body, 'NewComment');
  conforms((await api('POST', `/articles/${geneva}/comments`, admin, { body: 'A reply.', parent_id: comment.body.id })).body, 'NewComment');
  conforms((await api('PATCH', `/comments/${comment.body.id}`, t, { body: 'Via the API, edited.' })).body, 'EditedComment');
  conforms((await api('PUT', `/comments/${comment.body.id}/vote`, admin, { value: -1 })).body, 'Points');
  conforms((await api('POST', `/comments/${comment.body.id}/report`, admin, { reason: 'testing reports' })).body, 'Status');
  const thread = await api('GET', `/articles/${geneva}/comments`, t);
  conforms(thread.body, 'Thread');
  const post = await api('POST', '/posts', t, { title: 'A text post from the API', body: 'Its text.' });
  assert.equal(post.status, 201);
  conforms(post.body, 'SubmittedPost');
  conforms((await api('PATCH', `/posts/${post.body.id}`, t, { title: 'Renamed' })).body, 'Post');
  conforms((await api('PUT', `/posts/${post.body.id}/vote`, admin, { value: 1 })).body, 'Points');
  conforms((await api('GET', `/posts/${post.body.id}`, null)).body, 'Post');
  conforms((await api('GET', '/posts?sort=new', null)).body, 'PostList');
  conforms((await api('GET', '/users/apiclient', null)).body, 'PublicUser');
  conforms((await api('GET', '/feed', t)).body, 'Feed');
  conforms((await api('GET', '/me/export', t)).body, 'Export');
  conforms((await api('GET', '/moderation/reports', admin)).body, 'ReportList');
  conforms((await api('GET', '/moderation/users', admin)).body, 'UserList');
  await api('POST', `/comments/${comment.body.id}/hide`, admin, { reason: 'checking the log' });
  conforms((await api('GET', '/moderation/log', admin)).body, 'ModerationLog');
  conforms((await api('POST', '/password-resets', null, { email: 'apiclient@example.org' })).body, 'Status');
  conforms((await api('PATCH', '/me', t, { current_password: 'correct horse battery', email: 'apiclient2@example.org' })).body, 'Me');
  const refused = await api('PUT', `/articles/${geneva}/vote`, null, { value: 1 });
  assert.equal(refused.status, 401);
  conforms(refused.body, 'AccountsError');
  const invalid = await api('POST', '/collections', t, { name: '' });
  assert.equal(invalid.status, 400);
  conforms(invalid.body, 'AccountsError');
});

test('the collection export and the settings download are snake_case like the API', async () => {
  const b = new Browser(site, '198.51.100.69');
  await b.register('exportcase');
  await b.get('/collections');
  const created = await b.post('/collections', { name: 'Case check' });
  const id = /\/collections\/(\d+)/.exec(created.location!)![1];
  await b.post('/collections/add', { collection: id, type: 'article', id: String(geneva), return: '/' });
  const keys = (value: unknown): string[] => (Array.isArray(value) ? value.flatMap(keys)
    : value && typeof value === 'object' ? Object.entries(value).flatMap(([k, v]) => [k, ...keys(v)]) : []);
  const collection = (await b.get(`/collections/${id}/export.json`)).json<{ items: Array<{ added_at: string }> }>();
  assert.ok(collection.items[0].added_at, 'items carry added_at');
  const settings = (await b.get('/settings/export.json')).json<{ exported_at: string; collections: Array<{ is_public: boolean }> }>();
  assert.ok(settings.exported_at);
  assert.equal(settings.collections[0].is_public, false, 'a flag, not 0 or 1');
  for (const [what, doc] of [['collection export', collection], ['settings download', settings]] as const) {
    assert.deepEqual(keys(doc).filter((k) => !/^[a-z][a-z0-9_]*$/.test(k)), [], `${what}: every field name is snake_case`);
  }
});
