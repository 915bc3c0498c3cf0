// Privacy over HTTP: only strictly necessary cookies by default, the consent banner only with an optional cookie,
// the language cookie only after consent, the privacy page, data export, and the widgets other pages embed.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { Browser, articleId, startSite } from './server.ts';
import { articleCommunity, embedContext, preferredLocale } from '../../src/accounts/web/embed.ts';

const plain = await startSite();
const offering = await startSite({ articles: false, options: { optionalCookies: true } });
after(async () => {
  await plain.close();
  await offering.close();
});

function setCookies(headers: Record<string, unknown>): string[] {
  const set = headers['set-cookie'];
  return set === undefined ? [] : (Array.isArray(set) ? set : [set]).map((l) => String(l).split('=')[0]);
}

test('by default: no banner, and a visitor gets no cookie until a form needs one', async () => {
  const b = new Browser(plain);
  const privacy = await b.get('/privacy');
  assert.deepEqual(setCookies(privacy.headers), [], 'reading the privacy page sets nothing');
  assert.match(privacy.body, /sl_session/);
  assert.match(privacy.body, /no consent banner is needed/);
  assert.doesNotMatch(privacy.body, /class="consent"/);
  assert.deepEqual(setCookies((await b.get('/posts')).headers), [], 'nor does a list without forms');
  assert.deepEqual(setCookies((await b.get('/login')).headers), ['sl_csrf'], 'a form sets the form-protection cookie only');
});

test('with the optional cookie offered: a banner until answered; "no" sets nothing optional; "yes" remembers the language', async () => {
  const b = new Browser(offering);
  const first = await b.get('/ru/privacy');
  assert.match(first.body, /class="consent"/);
  assert.match(first.body, /sl_lang/);
  const no = await b.post('/ru/cookies', { consent: 'no', return: '/ru/privacy' });
  assert.deepEqual(setCookies(no.headers).sort(), ['sl_consent', 'sl_lang'], 'the answer, and the optional cookie cleared');
  assert.equal(b.cookies.get('sl_consent'), 'no');
  assert.equal(b.cookies.has('sl_lang'), false);
  const after = await b.get('/ru/privacy');
  assert.doesNotMatch(after.body, /class="consent"/, 'answered: no banner');
  await b.get('/tr/login');
  assert.equal(b.cookies.has('sl_lang'), false, 'declined: the language is not remembered');

  const yes = new Browser(offering, '198.51.100.9');
  await yes.get('/ru/privacy');
  await yes.post('/ru/cookies', { consent: 'yes', return: '/ru/privacy' });
  assert.equal(yes.cookies.get('sl_lang'), 'ru');
  await yes.get('/tr/login');
  assert.equal(yes.cookies.get('sl_lang'), 'tr', 'the last language read');
  const req = { headers: { cookie: [...yes.cookies].map(([k, v]) => `${k}=${v}`).join('; ') }, protocol: 'http', socket: {} };
  assert.equal(preferredLocale(req as never, offering.c.options), 'tr');
  assert.equal(preferredLocale(req as never, plain.c.options), null, 'a site that does not offer it ignores the cookie');
});

test('data export: everything about the reader, no secrets', async () => {
  const b = new Browser(plain, '198.51.100.11');
  await b.register('exporter');
  const geneva = await articleId(plain, 'Diplomats meet in Geneva for security talks');
  await b.get(`/articles/${geneva}/discussion`);
  await b.post('/vote', { type: 'article', id: String(geneva), value: '1', return: '/' });
  await b.post('/comments', { itemType: 'article', itemId: String(geneva), body: 'Exported comment', return: '/' });
  const r = await b.get('/settings/export.json');
  assert.equal(r.status, 200);
  assert.match(String(r.headers['content-disposition']), /attachment; filename="storyline-exporter\.json"/);
  const data = r.json<Record<string, unknown[]> & { account: { email: string } }>();
  assert.equal(data.account.email, 'exporter@example.org');
  assert.equal(data.votes.length, 1);
  assert.equal((data.comments[0] as { body: string }).body, 'Exported comment');
  assert.equal(data.sessions.length, 1);
  assert.doesNotMatch(r.body, /argon2|id_hash|token_hash|password_hash/);
});

test('the article block other pages embed: points, discussion link, follows and "Add to Collection"', async () => {
  const b = new Browser(plain, '198.51.100.12');
  await b.register('embedder');
  const geneva = await articleId(plain, 'Diplomats meet in Geneva for security talks');
  const req = { url: `/fa/articles/${geneva}`, query: {}, headers: { cookie: `sl_session=${b.cookies.get('sl_session')}` }, protocol: 'http', socket: { remoteAddress: '127.0.0.1' } };
  const reply = { getHeader: () => undefined, header: () => reply };
  const ctx = await embedContext(plain.c, req as never, reply as never, 'fa', { assets: { css: '', js: '', icon: '' }, outletSlugs: new Map() });
  assert.equal(ctx.viewer?.username, 'embedder');
  const out = (await articleCommunity(plain.c, ctx, { id: geneva, outlet: 'Daily Example', storyId: null })).value;
  assert.match(out, /رأی خود را بدهید/, 'Persian "Leave your vote"');
  assert.match(out, new RegExp(`href="/fa/articles/${geneva}/discussion#comments"`));
  assert.match(out, /action="\/fa\/follow"/);
  assert.match(out, /name="_csrf" value="[^"]+"/);
  assert.match(out, /مجموعه‌ای نیست/, 'the empty collections state');
});
