// Reports over HTTP: a reader reports a post from its page or the API, the admin sees it and dismisses it from the
// API; readers who are not admins cannot, and no reader reports their own post.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Browser, startSite, type TestSite } from './server.ts';

let site: TestSite;
let author: Browser;
let reader: Browser;
let postId = 0;

before(async () => {
  site = await startSite({ articles: false });
  author = new Browser(site, '198.51.100.201');
  await author.register('poster');
  await author.get('/submit');
  const made = await author.post('/submit', { title: 'Buy cheap watches', url: '', body: 'Visit my shop for watches.' });
  postId = Number(/^\/posts\/(\d+)\?done=posted$/.exec(made.location!)![1]);
  reader = new Browser(site, '198.51.100.202');
  await reader.register('watcher');
});
after(async () => {
  await site.close();
});

const api = (method: 'GET' | 'POST', url: string, token: string | null, payload?: object) =>
  site.f.inject({ method, url: `/api/v1${url}`, payload, headers: token ? { authorization: `Bearer ${token}` } : {} });

async function tokenOf(name: string): Promise<string> {
  return (await site.c.accounts.createApiToken((await site.c.accounts.byName(name))!, 'test')).token;
}

test('a reader reports a post from its page: the link, the form, a reason required, then back with thanks', async () => {
  const page = await reader.get(`/posts/${postId}`);
  assert.match(page.body, new RegExp(`<p class="report"><a href="/posts/${postId}/report">Report post</a></p>`));
  assert.doesNotMatch((await author.get(`/posts/${postId}`)).body, /Report post/, 'not on one\'s own post');
  assert.doesNotMatch((await new Browser(site).get(`/posts/${postId}`)).body, /Report post/, 'not for visitors');
  assert.equal((await new Browser(site).get(`/posts/${postId}/report`)).status, 303, 'a visitor is sent to log in');

  const form = await reader.get(`/posts/${postId}/report`);
  assert.equal(form.status, 200);
  assert.match(form.body, /<h1>Report a post<\/h1>/);
  assert.match(form.body, /<blockquote class="reported"><p dir="auto">Buy cheap watches<\/p><p dir="auto">Visit my shop for watches\.<\/p><\/blockquote>/, 'what is reported');
  assert.match(form.body, new RegExp(`<form class="account-form" method="post" action="/posts/${postId}/report">`));

  const empty = await reader.post(`/posts/${postId}/report`, { reason: '  ' });
  assert.equal(empty.status, 400, 'a report needs a reason');
  assert.match(empty.body, /<h1>Report a post<\/h1>/);
  const sent = await reader.post(`/posts/${postId}/report`, { reason: 'Advertising' });
  assert.equal(sent.status, 303);
  assert.equal(sent.location, `/posts/${postId}?done=reported`);
  assert.match((await reader.get(sent.location!)).body, /Thank you\. A moderator will look at it\./);

  const ownForm = await author.get(`/posts/${postId}/report`);
  assert.equal(ownForm.status, 200);
  assert.equal((await author.post(`/posts/${postId}/report`, { reason: 'test' })).status, 403, 'authors do not report their own posts');
  const ru = await reader.get(`/ru/posts/${postId}/report`);
  assert.match(ru.body, /<h1>Жалоба на публикацию<\/h1>/, 'in the page language');
  const ar = await reader.get(`/ar/posts/${postId}`);
  assert.match(ar.body, /dir="rtl"/);
  assert.match(ar.body, /الإبلاغ عن المنشور/);
});

test('the API reports a post; an admin dismisses the reports, a reader who is not one cannot', async () => {
  await new Browser(site, '198.51.100.203').register('second');
  const second = await tokenOf('second');
  const r = await api('POST', `/posts/${postId}/report`, second, { reason: 'Spam' });
  assert.equal(r.statusCode, 202);
  assert.deepEqual(r.json(), { status: 'reported' });
  assert.equal((await api('POST', `/posts/${postId}/report`, await tokenOf('poster'), { reason: 'x' })).statusCode, 403, 'not one\'s own post');
  assert.equal((await api('POST', `/posts/${postId}/report`, second, {})).statusCode, 400, 'a reason is required');
  assert.equal((await api('POST', '/posts/99999/report', second, { reason: 'Spam' })).statusCode, 404);
  assert.equal((await api('POST', `/posts/${postId}/report`, null, { reason: 'Spam' })).statusCode, 401);

  await new Browser(site, '198.51.100.204').register('moderator');
  await site.c.accounts.setAdmin((await site.c.accounts.byName('moderator'))!, true);
  const admin = await tokenOf('moderator');
  const open = (await api('GET', '/moderation/reports', admin)).json() as { data: Array<{ target_type: string; target_id: number; reports: number; reasons: string[] }> };
  const entry = open.data.find((x) => x.target_type === 'post' && x.target_id === postId);
  assert.ok(entry, 'the post is among the open reports');
  assert.equal(entry.reports, 2, 'one from the page, one from the API');
  assert.deepEqual([...entry.reasons].sort(), ['Advertising', 'Spam']);

  const refused = await api('POST', `/moderation/reports/post/${postId}/dismiss`, second);
  assert.equal(refused.statusCode, 403, 'a reader who is not an admin');
  assert.equal(refused.json().errors[0].code, 'forbidden');
  assert.equal((await api('POST', `/moderation/reports/post/${postId}/dismiss`, null)).statusCode, 401, 'no token');
  assert.equal((await api('POST', `/moderation/reports/article/${postId}/dismiss`, admin)).statusCode, 400, 'articles are not reported');
  assert.equal((await api('GET', '/moderation/reports', admin)).json().data.length, 1, 'refused dismissals leave the reports open');

  const done = await api('POST', `/moderation/reports/post/${postId}/dismiss`, admin);
  assert.equal(done.statusCode, 204);
  assert.equal((await api('GET', '/moderation/reports', admin)).json().data.length, 0, 'no open report left');
  assert.equal((await api('POST', `/moderation/reports/post/${postId}/dismiss`, admin)).statusCode, 404, 'nothing left to dismiss');
  const log = (await api('GET', '/moderation/log', admin)).json() as { data: Array<{ action: string; target_type: string; target_id: number; moderator: string }> };
  assert.deepEqual(log.data.filter((e) => e.action === 'dismiss-reports').map((e) => [e.target_type, e.target_id, e.moderator]), [['post', postId, 'moderator']], 'logged once');
  assert.equal((await site.c.community.getPost(postId)).title, 'Buy cheap watches', 'dismissing leaves the post as it was');
});
