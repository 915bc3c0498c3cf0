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
    const points = site.c.community.points('article', [geneva], null).get(geneva)!.points;
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

test('OpenAPI schemas match what the community API answers', async () => {
  const b = new Browser(site, '198.51.100.67');
  await b.register('apiclient');
  const api = async (method: 'GET' | 'POST' | 'PUT', url: string, token: string | null, payload?: unknown) => {
    const res = await site.f.inject({ method, url: `/api/v1${url}`, payload: payload as object, headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: res.statusCode, body: res.body ? JSON.parse(res.body) as Record<string, unknown> : {} };
  };
  const doc = (await site.f.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as { components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> } };
  /** The answer has exactly the documented properties. */
  const conforms = (body: Record<string, unknown>, schema: string) => {
    const s = doc.components.schemas[schema];
    assert.deepEqual(Object.keys(body).sort(), Object.keys(s.properties ?? {}).sort(), `${schema}: properties`);
    for (const k of s.required ?? []) assert.ok(k in body, `${schema}: ${k}`);
  };
  const token = await api('POST', '/tokens', null, { login: 'apiclient', password: 'correct horse battery', name: 'test' });
  assert.equal(token.status, 201);
  conforms(token.body, 'NewToken');
  const t = token.body.token as string;
  conforms((await api('GET', '/me', t)).body, 'Me');
  conforms((await api('PUT', `/articles/${geneva}/vote`, t, { value: 1 })).body, 'Points');
  conforms((await api('GET', `/articles/${geneva}/vote`, t)).body, 'Points');
  const collection = await api('POST', '/collections', t, { name: 'API list' });
  conforms(collection.body, 'Collection');
  await api('POST', `/collections/${collection.body.id}/items`, t, { type: 'story', id: storyId });
  const full = await api('GET', `/collections/${collection.body.id}`, t);
  conforms(full.body, 'CollectionWithItems');
  conforms((full.body.items as Array<Record<string, unknown>>)[0], 'CollectionItem');
  conforms((await api('POST', '/follows', t, { type: 'story', key: String(storyId) })).body, 'Follow');
  conforms((await api('POST', `/articles/${geneva}/comments`, t, { body: 'Via the API.' })).body, 'NewComment');
  const thread = await api('GET', `/articles/${geneva}/comments`, t);
  conforms(thread.body, 'Thread');
  conforms((thread.body.data as Array<Record<string, unknown>>)[0], 'Comment');
  conforms((await api('GET', '/feed', t)).body, 'Feed');
  conforms((await api('GET', '/me/export', t)).body, 'Export');
  const refused = await api('PUT', `/articles/${geneva}/vote`, null, { value: 1 });
  assert.equal(refused.status, 401);
  conforms(refused.body, 'AccountsError');
});
