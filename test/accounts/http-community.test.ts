// Community over HTTP: link posts through the real pipeline, votes and threads by plain forms, stored XSS kept
// inert, injection strings in every field, other readers' items out of reach, SSRF refused, and the JSON API.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { XMLParser } from 'fast-xml-parser';
import { Browser, FIXTURE_PAGES, articleId, startSite, type TestSite } from './server.ts';

let site: TestSite;
let pages: Server;
let pagesUrl = '';
let geneva = 0;

const LINKED_PAGE = `<!doctype html><html lang="en"><head><title>Ministers agree to meet again | Linked Example</title>
<meta property="og:site_name" content="Linked Example"><meta property="article:published_time" content="2022-01-20T08:00:00Z"></head>
<body><article><h1>Ministers agree to meet again</h1>
<p>Foreign ministers agreed on Thursday to hold another round of talks next month after a meeting that lasted most of the day.</p>
<p>Officials on both sides said the exchange had been useful even though the main differences between them remained unresolved.</p>
<p>No venue has been announced, but diplomats said Geneva and Vienna were both being considered for the next session.</p>
</article></body></html>`;

before(async () => {
  pages = createServer((req, res) => {
    if (req.url?.startsWith('/ministers')) { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(LINKED_PAGE); return; }
    if (req.url === '/geneva-copy') { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(FIXTURE_PAGES['geneva.html']); return; }
    res.writeHead(404); res.end('not found');
  });
  await new Promise<void>((r) => pages.listen(0, '127.0.0.1', r));
  pagesUrl = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
  site = await startSite({ options: { allowPrivateLinks: true } });
  geneva = await articleId(site, 'Diplomats meet in Geneva for security talks');
});
after(async () => {
  await site.close();
  await new Promise<void>((r) => pages.close(() => r()));
});

const XSS = [
  '<script>alert("xss")</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '<a href="javascript:alert(1)">click</a>',
  '</textarea><script>alert(2)</script>',
];
const SQLI = ["' OR '1'='1", "1; DROP TABLE users; --", "Robert'); DROP TABLE comments;--", '" OR ""="', "1' UNION SELECT password_hash FROM users --"];

/** No live markup from the payload: every `<` of it arrives as &lt;. */
function assertInert(body: string, payload: string, reason: string): void {
  assert.ok(!body.includes(payload), `${reason}: the raw payload is not in the page`);
  assert.ok(!/<script>alert|<img src=x|<svg onload|href="javascript:/i.test(body), `${reason}: no live markup in the page`);
}

test('a link post is fetched, ingested and joins a story; the same URL again leads to the first post', async () => {
  const alice = new Browser(site, '198.51.100.101');
  await alice.register('alice');
  await alice.get('/submit');
  const before = await site.app.store.countArticles();
  const r = await alice.post('/submit', { title: 'Ministers agree', url: `${pagesUrl}/ministers?utm_source=feed`, body: '' });
  assert.equal(r.status, 303);
  assert.match(r.location!, /^\/posts\/\d+\?done=posted$/);
  assert.equal(await site.app.store.countArticles(), before + 1, 'the page went through the ingest pipeline');
  const postPage = await alice.get(r.location!);
  assert.match(postPage.body, /Read the extracted article/);
  const articleLink = /href="\/articles\/(\d+)">Read the extracted article/.exec(postPage.body)!;
  const membership = await site.app.store.getMembership(Number(articleLink[1]));
  assert.ok(membership, 'the article was placed in a story');

  const bob = new Browser(site, '198.51.100.102');
  await bob.register('bob');
  await bob.get('/submit');
  const again = await bob.post('/submit', { title: 'Same link', url: `${pagesUrl}/ministers`, body: '' });
  assert.equal(again.location, r.location!.replace('posted', 'postExisted'));

  const copy = await bob.post('/submit', { title: 'A copy of Geneva', url: `${pagesUrl}/geneva-copy`, body: '' });
  const copyPage = await bob.get(copy.location!);
  assert.match(copyPage.body, new RegExp(`href="/articles/${geneva}">Read the extracted article`), 'a reprint points to the stored original');
});

test('by default a submitted link may not reach private addresses (SSRF)', async () => {
  const strict = await startSite({ articles: false });
  try {
    const b = new Browser(strict);
    await b.register('ssrf');
    await b.get('/submit');
    const r = await b.post('/submit', { title: 'Internal', url: `${pagesUrl}/ministers`, body: '' });
    assert.match(r.location!, /done=postFetchFailed/);
    assert.equal(await strict.app.store.countArticles(), 0, 'nothing was fetched');
    for (const url of ['http://169.254.169.254/latest/meta-data/', 'http://[::1]:8080/', 'http://localhost/']) {
      const x = await b.post('/submit', { title: 'Internal', url, body: '' });
      assert.match(x.location!, /done=postFetchFailed/, url);
    }
  } finally {
    await strict.close();
  }
});

test('vote, comment and reply by plain forms on an article; points show as "N Points"', async () => {
  const carol = new Browser(site, '198.51.100.103');
  await carol.register('carol');
  const page = await carol.get(`/articles/${geneva}/discussion`);
  assert.match(page.body, /Leave your vote/);
  assert.match(page.body, /0 Points/);
  assert.match(page.body, /Leave a Reply/);
  const up = await carol.post('/vote', { type: 'article', id: String(geneva), value: '1', return: `/articles/${geneva}/discussion` });
  assert.equal(up.status, 303);
  assert.equal(up.location, `/articles/${geneva}/discussion?done=voted`);
  const after = await carol.get(up.location!);
  assert.match(after.body, /1 Point</);
  assert.match(after.body, /aria-pressed="true"[^>]*>Upvote/);

  const c1 = await carol.post('/comments', { itemType: 'article', itemId: String(geneva), body: 'Interesting meeting.', return: `/articles/${geneva}/discussion` });
  assert.match(c1.location!, /\/articles\/\d+\/discussion\?done=commented#c(\d+)/);
  const commentId = /#c(\d+)/.exec(c1.location!)![1];
  const dave = new Browser(site, '198.51.100.104');
  await dave.register('dave');
  const withForm = await dave.get(`/articles/${geneva}/discussion?reply=${commentId}`);
  assert.match(withForm.body, new RegExp(`id="reply-${commentId}"`), 'the reply form opens under the comment without JavaScript');
  const reply = await dave.post('/comments', { itemType: 'article', itemId: String(geneva), parentId: commentId, body: 'Agreed.', return: `/articles/${geneva}/discussion` });
  assert.equal(reply.status, 303);
  const thread = await dave.get(`/articles/${geneva}/discussion`);
  assert.match(thread.body, new RegExp(`id="c${commentId}"[\\s\\S]*Interesting meeting\\.[\\s\\S]*<ol class="thread"><li class="comment visible"[\\s\\S]*Agreed\\.`));
  assert.match(thread.body, /2 comments/);
});

test('stored XSS in posts, comments, collection names and titles is rendered inert; names cannot carry markup', async () => {
  const b = new Browser(site, '198.51.100.105');
  await b.register('xss-tester');
  for (const payload of XSS) {
    await b.get('/submit');
    const post = await b.post('/submit', { title: payload, url: '', body: `${payload}\n\nsecond ${payload}` });
    assert.equal(post.status, 303, payload);
    assertInert((await b.get(post.location!)).body, payload, `post ${payload}`);
    assertInert((await b.get('/posts?sort=new')).body, payload, `post list ${payload}`);

    await b.get(`/articles/${geneva}/discussion`);
    await b.post('/comments', { itemType: 'article', itemId: String(geneva), body: payload, return: `/articles/${geneva}/discussion` });
    assertInert((await b.get(`/articles/${geneva}/discussion`)).body, payload, `comment ${payload}`);

    await b.get('/collections');
    const col = await b.post('/collections', { name: payload.slice(0, 80), isPublic: 'on' });
    assert.equal(col.status, 303, payload);
    assertInert((await b.get(col.location!)).body, payload.slice(0, 80), `collection ${payload}`);
    assertInert((await b.get('/collections')).body, payload.slice(0, 80), `collection list ${payload}`);
    const csv = await b.get(col.location!.replace(/\?.*$/, '') + '/export.csv');
    assert.equal(csv.headers['content-type'], 'text/csv; charset=utf-8');
    assertInert((await b.get(`/users/xss-tester`)).body, payload, `profile ${payload}`);
  }
  assertInert((await b.get('/feed')).body, XSS[0], 'feed');
  for (const name of XSS) {
    const r = await new Browser(site, '198.51.100.106').register(name.slice(0, 32));
    assert.equal(r.status, 400, `username ${name}`);
    assertInert(r.body, name.slice(0, 32), `register form echo ${name}`);
  }
});

test('SQL-injection strings in every field are stored as text or refused, never run', async () => {
  const b = new Browser(site, '198.51.100.107');
  await b.register('sqli-tester');
  const users = await site.c.sql.countUsers();
  for (const s of SQLI) {
    await b.get('/submit');
    const post = await b.post('/submit', { title: s, url: '', body: s });
    assert.match((await b.get(post.location!)).body, new RegExp(escapeRe(htmlEscape(s))), `post title ${s}`);
    await b.get(`/articles/${geneva}/discussion`);
    assert.equal((await b.post('/comments', { itemType: 'article', itemId: String(geneva), body: s, parentId: '', return: '/' })).status, 303, s);
    assert.notEqual((await b.post('/comments', { itemType: s, itemId: String(geneva), body: s })).status, 303, `itemType ${s}`);
    assert.notEqual((await b.post('/comments', { itemType: 'article', itemId: s, body: s })).status, 303, `itemId ${s}`);
    assert.notEqual((await b.post('/vote', { type: 'article', id: s, value: '1' })).status, 303, `vote id ${s}`);
    assert.notEqual((await b.post('/vote', { type: s, id: String(geneva), value: '1' })).status, 303, `vote type ${s}`);
    assert.notEqual((await b.post('/vote', { type: 'article', id: String(geneva), value: s })).status, 303, `vote value ${s}`);
    await b.get('/collections');
    assert.equal((await b.post('/collections', { name: s })).status, 303, `collection name ${s}`);
    assert.notEqual((await b.post('/follow', { type: 'story', key: s })).status, 303, `follow key ${s}`);
    assert.notEqual((await b.post('/follow', { type: s, key: 'x' })).status, 303, `follow type ${s}`);
    assert.equal((await b.get(`/users/${encodeURIComponent(s)}`)).status, 404, `profile ${s}`);
    assert.notEqual((await b.get(`/collections/${encodeURIComponent(s)}`)).status, 200, `collection id ${s}`);
    const login = new Browser(site, '198.51.100.108');
    await login.get('/forgot-password');
    assert.notEqual((await login.post('/forgot-password', { email: s })).status, 500, `reset ${s}`);
  }
  assert.equal(await site.c.sql.countUsers(), users, 'no user appeared or vanished');
  assert.ok(site.db.prepare("SELECT COUNT(*) FROM comments WHERE body = ?").pluck().get(SQLI[1]) as number >= 1, 'stored verbatim as text');
});

test("a reader cannot edit, delete or see another reader's private items", async () => {
  const owner = new Browser(site, '198.51.100.109');
  await owner.register('owner');
  const other = new Browser(site, '198.51.100.110');
  await other.register('other');

  await owner.get('/submit');
  const post = await owner.post('/submit', { title: 'Owner post', url: '', body: 'Mine' });
  const postId = /\/posts\/(\d+)/.exec(post.location!)![1];
  await owner.get('/collections');
  const col = await owner.post('/collections', { name: 'Private things' });
  const colId = /\/collections\/(\d+)/.exec(col.location!)![1];
  await owner.get(`/articles/${geneva}/discussion`);
  const comment = await owner.post('/comments', { itemType: 'article', itemId: String(geneva), body: 'Owner comment', return: '/' });
  const commentId = /#c(\d+)/.exec(comment.location!)![1];

  await other.get('/settings');
  const rows: Array<[string, () => Promise<{ status: number }>, number]> = [
    ['see a private collection', () => other.get(`/collections/${colId}`), 404],
    ['export a private collection', () => other.get(`/collections/${colId}/export.json`), 404],
    ['rename a private collection', () => other.post(`/collections/${colId}`, { name: 'Stolen' }), 404],
    ['delete a private collection', () => other.post(`/collections/${colId}/delete`, {}), 404],
    ['add to a private collection', () => other.post('/collections/add', { collection: colId, type: 'article', id: String(geneva) }), 404],
    ['edit the post', () => other.post(`/posts/${postId}/edit`, { title: 'Hacked', body: 'x' }), 403],
    ['delete the post', () => other.post(`/posts/${postId}/delete`, {}), 403],
    ['open the comment editor', () => other.get(`/comments/${commentId}/edit`), 403],
    ['edit the comment', () => other.post(`/comments/${commentId}/edit`, { body: 'Hacked' }), 403],
    ['delete the comment', () => other.post(`/comments/${commentId}/delete`, {}), 403],
    ['moderate', () => other.post(`/moderation/comments/${commentId}/remove`, {}), 403],
    ['ban', () => other.post('/moderation/users/owner/ban', {}), 403],
  ];
  for (const [reason, act, status] of rows) assert.equal((await act()).status, status, reason);
  assert.equal((await owner.get(`/collections/${colId}`)).status, 200, 'still there for its owner');
  assert.equal(site.db.prepare('SELECT name FROM collections WHERE id = ?').pluck().get(Number(colId)), 'Private things');
  assert.equal((await site.c.community.getPost(Number(postId))).title, 'Owner post');
  assert.equal((await site.c.community.getComment(Number(commentId))).body, 'Owner comment');

  const anon = new Browser(site);
  assert.equal((await anon.get(`/collections/${colId}`)).status, 404);
  assert.equal((await anon.get(`/api/v1/collections/${colId}`)).status, 404);
});

test('the API: vote, comment, collect and follow with a personal access token', async () => {
  await site.f.inject({ method: 'POST', url: '/api/v1/users', payload: { username: 'robot', email: 'robot@example.org', password: 'correct horse battery' } });
  const token = (await site.f.inject({ method: 'POST', url: '/api/v1/tokens', payload: { login: 'robot', password: 'correct horse battery' } })).json().token;
  const auth = { authorization: `Bearer ${token}` };
  const vote = await site.f.inject({ method: 'PUT', url: `/api/v1/articles/${geneva}/vote`, headers: auth, payload: { value: -1 } });
  assert.equal(vote.statusCode, 200);
  assert.equal(vote.json().my_vote, -1);
  const comment = await site.f.inject({ method: 'POST', url: `/api/v1/articles/${geneva}/comments`, headers: auth, payload: { body: 'From the API' } });
  assert.equal(comment.statusCode, 201);
  const thread = await site.f.inject({ url: `/api/v1/articles/${geneva}/comments` });
  assert.ok((thread.json().data as Array<{ body: string }>).some((c) => c.body === 'From the API'));
  const col = await site.f.inject({ method: 'POST', url: '/api/v1/collections', headers: auth, payload: { name: 'API list', public: false } });
  assert.equal(col.statusCode, 201);
  assert.equal((await site.f.inject({ method: 'POST', url: `/api/v1/collections/${col.json().id}/items`, headers: auth, payload: { type: 'article', id: geneva } })).statusCode, 204);
  const csv = await site.f.inject({ url: `/api/v1/collections/${col.json().id}/export?format=csv`, headers: auth });
  assert.match(csv.body, /Diplomats meet in Geneva/);
  assert.equal((await site.f.inject({ url: `/api/v1/collections/${col.json().id}` })).statusCode, 404, 'private: not without the token');
  const follow = await site.f.inject({ method: 'POST', url: '/api/v1/follows', headers: auth, payload: { type: 'outlet', key: 'Daily Example' } });
  assert.equal(follow.statusCode, 201);
  const feed = await site.f.inject({ url: '/api/v1/feed', headers: auth });
  assert.ok((feed.json().data as Array<{ id: number }>).some((e) => e.id === geneva));
  const noAuth = await site.f.inject({ method: 'PUT', url: `/api/v1/articles/${geneva}/vote`, payload: { value: 1 } });
  assert.deepEqual(noAuth.json(), { errors: [{ code: 'unauthorized', message: 'Please log in first.' }] });
});

function htmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('an admin bans a reader from their profile with a reason: their session ends, log-in is refused, the log says so in the page language', async () => {
  const admin = new Browser(site, '198.51.100.120');
  await admin.register('modadmin');
  await site.c.accounts.setAdmin((await site.c.accounts.byName('modadmin'))!, true);
  const spammer = new Browser(site, '198.51.100.121');
  await spammer.register('spammer');
  assert.equal((await spammer.get('/settings')).status, 200);

  const profile = await admin.get('/ru/users/spammer');
  assert.match(profile.body, /<form class="ban-form" method="post" action="\/ru\/moderation\/users\/spammer\/ban">/, 'a ban form with a reason field');
  const banned = await admin.post('/ru/moderation/users/spammer/ban', { reason: 'ссылки на спам', return: '/ru/users/spammer' });
  assert.equal(banned.status, 303);
  assert.equal(banned.location, '/ru/users/spammer?done=moderated');
  assert.equal((await spammer.get('/settings')).status, 303, "the banned reader's session has ended");
  const login = await spammer.login('spammer');
  assert.equal(login.status, 403);
  assert.match(login.body, /This account is suspended\./);

  const log = await admin.get('/ru/moderation');
  assert.match(log.body, /<td>заблокирован<\/td><td>читатель #\d+ <span dir="auto">spammer<\/span><\/td><td dir="auto">ссылки на спам<\/td>/, 'action, target and reason, in Russian');
  const adminProfile = await admin.get('/users/modadmin');
  assert.doesNotMatch(adminProfile.body, /ban-form/, 'no ban form on one\'s own profile');
  await site.c.accounts.setAdmin((await site.c.accounts.byName('spammer'))!, true);
  await admin.get('/moderation');
  assert.equal((await admin.post('/moderation/users/spammer/unban', {})).status, 403, 'admins are not moderated from the web');
  await site.c.accounts.setAdmin((await site.c.accounts.byName('spammer'))!, false);
  assert.equal((await admin.post('/moderation/users/spammer/unban', { return: '/moderation' })).status, 303);
  assert.equal((await spammer.login('spammer')).status, 303, 'the ban is lifted');
});

test('the private Atom feed: its address is shown once in settings, serves what the reader follows, and a new address ends the old one', async () => {
  const b = new Browser(site, '198.51.100.122');
  await b.register('feedreader');
  await b.get(`/articles/${geneva}`);
  await b.post('/follow', { type: 'outlet', key: 'Daily Example', return: `/articles/${geneva}` });
  await b.get('/settings');
  const created = await b.post('/settings/feed', {});
  assert.equal(created.status, 200);
  const url = /<code>http:\/\/storyline\.test(\/feed\/[A-Za-z0-9_-]{43}\.atom)<\/code>/.exec(created.body)?.[1];
  assert.ok(url, 'the feed address is on the page');
  assert.doesNotMatch((await b.get('/settings')).body, new RegExp(url.slice(6, 30)), 'and only on that page');

  const feed = await new Browser(site).get(url);
  assert.equal(feed.status, 200, 'no cookie needed: the secret is the credential');
  assert.equal(feed.headers['content-type'], 'application/atom+xml; charset=utf-8');
  assert.equal(feed.headers['x-robots-tag'], 'noindex');
  const doc = new XMLParser({ ignoreAttributes: false }).parse(feed.body) as { feed: { author: { name: string }; entry: Array<{ title: string; category: { '@_label': string } }> | { title: string } } };
  assert.equal(doc.feed.author.name, 'feedreader');
  const entries = [doc.feed.entry].flat() as Array<{ title: string; category: { '@_label': string } }>;
  assert.ok(entries.some((e) => e.title === 'Diplomats meet in Geneva for security talks' && e.category['@_label'] === 'Daily Example'), 'the followed outlet\'s article');

  const rotated = await b.post('/settings/feed', {});
  const next = /<code>http:\/\/storyline\.test(\/feed\/[A-Za-z0-9_-]{43}\.atom)<\/code>/.exec(rotated.body)![1];
  assert.notEqual(next, url);
  assert.equal((await new Browser(site).get(url)).status, 404, 'the old address stopped working');
  assert.equal((await new Browser(site).get(next)).status, 200);
  for (const wrong of ['/feed/not-a-token.atom', `/feed/${'A'.repeat(43)}.atom`, `${next.slice(0, -5)}.rss`]) {
    assert.equal((await new Browser(site).get(wrong)).status, 404, wrong);
  }
});

test('API tokens from the settings page: shown once, listed by their start only, revocable', async () => {
  const b = new Browser(site, '198.51.100.123');
  await b.register('tokenmaker');
  await b.get('/settings');
  const made = await b.post('/settings/tokens', { name: 'my script' });
  const token = /<code>(slp_[A-Za-z0-9_-]{43})<\/code>/.exec(made.body)?.[1];
  assert.ok(token, 'the token is shown');
  const auth = { authorization: `Bearer ${token}` };
  assert.equal((await site.f.inject({ url: '/api/v1/me', headers: auth })).json().username, 'tokenmaker');
  const settings = await b.get('/settings');
  assert.ok(!settings.body.includes(token), 'never shown again');
  assert.match(settings.body, new RegExp(`<strong dir="auto">my script</strong> <code>${token.slice(0, 10)}…</code>`));
  const id = /action="\/settings\/tokens\/(\d+)\/revoke"/.exec(settings.body)![1];
  assert.equal((await b.post(`/settings/tokens/${id}/revoke`, {})).location, '/settings?done=tokenRevoked');
  assert.equal((await site.f.inject({ url: '/api/v1/me', headers: auth })).statusCode, 401, 'revoked');
});

test("the API keeps readers out of each other's items as the pages do", async () => {
  const register = async (name: string) => {
    await site.f.inject({ method: 'POST', url: '/api/v1/users', payload: { username: name, email: `${name}@example.org`, password: 'correct horse battery' } });
    return { authorization: `Bearer ${(await site.f.inject({ method: 'POST', url: '/api/v1/tokens', payload: { login: name, password: 'correct horse battery' } })).json().token}` };
  };
  const owner = await register('apiowner');
  const other = await register('apiother');
  const post = (await site.f.inject({ method: 'POST', url: '/api/v1/posts', headers: owner, payload: { title: 'Owned', body: 'Text' } })).json().id;
  const col = (await site.f.inject({ method: 'POST', url: '/api/v1/collections', headers: owner, payload: { name: 'Private' } })).json().id;
  const comment = (await site.f.inject({ method: 'POST', url: `/api/v1/articles/${geneva}/comments`, headers: owner, payload: { body: 'Mine' } })).json().id;
  const rows: Array<[string, 'GET' | 'PATCH' | 'DELETE' | 'POST' | 'PUT', string, object | undefined, number]> = [
    ['edit the post', 'PATCH', `/posts/${post}`, { title: 'Hacked' }, 403],
    ['delete the post', 'DELETE', `/posts/${post}`, undefined, 403],
    ['see the private collection', 'GET', `/collections/${col}`, undefined, 404],
    ['export it', 'GET', `/collections/${col}/export?format=csv`, undefined, 404],
    ['rename it', 'PATCH', `/collections/${col}`, { name: 'Stolen' }, 404],
    ['delete it', 'DELETE', `/collections/${col}`, undefined, 404],
    ['add to it', 'POST', `/collections/${col}/items`, { type: 'article', id: geneva }, 404],
    ['edit the comment', 'PATCH', `/comments/${comment}`, { body: 'Hacked' }, 403],
    ['delete the comment', 'DELETE', `/comments/${comment}`, undefined, 403],
    ['remove the comment as a moderator', 'POST', `/comments/${comment}/remove`, {}, 403],
    ['ban the owner', 'PUT', '/users/apiowner/ban', {}, 403],
    ['list all accounts', 'GET', '/moderation/users', undefined, 403],
  ];
  for (const [reason, method, url, payload, status] of rows) {
    const r = await site.f.inject({ method, url: `/api/v1${url}`, headers: other, payload });
    assert.equal(r.statusCode, status, reason);
  }
  assert.equal((await site.f.inject({ url: `/api/v1/posts/${post}` })).json().title, 'Owned');
  assert.equal((await site.f.inject({ url: `/api/v1/collections/${col}`, headers: owner })).json().name, 'Private');
});
