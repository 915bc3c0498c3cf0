// Accounts over HTTP with the real web server: register, log in/out, cookies, CSRF, fixation, limits, languages, API auth.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildServer } from '../../src/web/server.ts';
import { escapeHtml } from '../../src/web/html.ts';
import { LOCALES, LOCALE_CODES } from '../../src/web/i18n/index.ts';
import { accountsText } from '../../src/accounts/i18n/index.ts';
import type { AccountsKey } from '../../src/accounts/i18n/types.ts';
import { Browser, startSite, type TestSite } from './server.ts';

let site: TestSite;
before(async () => { site = await startSite({ articles: false }); });
after(async () => { await site.close(); });

function cookieLine(headers: Record<string, unknown>, name: string): string {
  const set = headers['set-cookie'];
  const lines = (Array.isArray(set) ? set : [set]).map(String);
  const line = lines.find((l) => l.startsWith(`${name}=`));
  assert.ok(line, `Set-Cookie ${name} in ${lines.join(' | ')}`);
  return line;
}

test('the register form sets only the form-protection cookie, HttpOnly and SameSite=Lax', async () => {
  const b = new Browser(site);
  const page = await b.get('/register');
  assert.equal(page.status, 200);
  assert.match(page.body, /<form class="account-form" method="post" action="\/register"/);
  const line = cookieLine(page.headers, 'sl_csrf');
  assert.match(line, /HttpOnly/);
  assert.match(line, /SameSite=Lax/);
  assert.doesNotMatch(line, /Secure/, 'plain HTTP without a trusted proxy');
  assert.equal(page.headers['cache-control'], 'private, no-store');
});

test('a form post without the CSRF token, or with a wrong one, is refused with 403 and changes nothing', async () => {
  const b = new Browser(site);
  await b.get('/register');
  const rows: Array<[string, string | null]> = [
    ['no token at all', null],
    ['an empty token', ''],
    ['a made-up token', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
  ];
  for (const [reason, token] of rows) {
    const r = await b.post('/register', { _csrf: token, username: 'mallory', email: 'm@example.org', password: 'correct horse battery' });
    assert.equal(r.status, 403, reason);
    assert.match(r.body, /This form has expired or did not come from this site/, reason);
  }
  const fresh = new Browser(site);
  const noCookie = await fresh.post('/register', { _csrf: b.csrf, username: 'mallory', email: 'm@example.org', password: 'correct horse battery' });
  assert.equal(noCookie.status, 403, "another browser's token without its cookie");
  assert.equal(await site.c.accounts.byName('mallory'), null);
});

test('a post that names another site as its origin is refused even with a valid token', async () => {
  const b = new Browser(site, '198.51.100.8', { origin: 'https://evil.example' });
  await b.get('/register');
  const r = await b.post('/register', { username: 'origin-test', email: 'o@example.org', password: 'correct horse battery' });
  assert.equal(r.status, 403);
});

test('registering logs in with a session cookie; the session id changes at every log-in (no fixation)', async () => {
  const b = new Browser(site);
  b.cookies.set('sl_session', 'attacker-chosen-session-id');
  const reg = await b.register('Alice');
  assert.equal(reg.status, 303);
  assert.equal(reg.location, '/feed?done=registered');
  const first = b.cookies.get('sl_session')!;
  assert.notEqual(first, 'attacker-chosen-session-id', 'a planted id is never adopted');
  assert.match(cookieLine(reg.headers, 'sl_session'), /HttpOnly; SameSite=Lax/);
  assert.equal(b.cookies.has('sl_csrf'), false, 'the anonymous form cookie is dropped at log-in');

  const settings = await b.get('/settings');
  assert.equal(settings.status, 200);
  assert.match(settings.body, /alice@example\.org/);

  const again = await b.login('alice');
  assert.equal(again.status, 303);
  const second = b.cookies.get('sl_session')!;
  assert.notEqual(second, first, 'a new id at log-in');
  const stale = new Browser(site);
  stale.cookies.set('sl_session', first);
  assert.equal((await stale.get('/settings')).status, 303, 'the previous session of this browser ended');
});

test('a CSRF token belongs to its session: a logged-in form refuses the token of another session', async () => {
  const alice = new Browser(site);
  await alice.login('alice');
  await alice.get('/settings');
  const bob = new Browser(site);
  await bob.register('bob');
  await bob.get('/settings');
  const r = await bob.post('/settings/logout-all', { _csrf: alice.csrf });
  assert.equal(r.status, 403);
});

test('log-out ends the session on the server, not only in the browser', async () => {
  const b = new Browser(site);
  await b.login('alice');
  const token = b.cookies.get('sl_session')!;
  await b.get('/settings');
  const out = await b.post('/logout', {});
  assert.equal(out.status, 303);
  assert.equal(b.cookies.has('sl_session'), false);
  const replay = new Browser(site);
  replay.cookies.set('sl_session', token);
  const r = await replay.get('/settings');
  assert.equal(r.status, 303);
  assert.match(r.location!, /^\/login\?next=/);
});

test('behind a trusted proxy that says https, cookies are Secure with the __Host- prefix; untrusted, the header is ignored', async () => {
  const trusted = await startSite({ articles: false, options: { trustProxy: true } });
  try {
    const b = new Browser(trusted, '10.0.0.1', { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' });
    const page = await b.get('/login');
    assert.match(cookieLine(page.headers, '__Host-sl_csrf'), /; Secure/);
    const reg = await b.register('carol');
    assert.match(cookieLine(reg.headers, '__Host-sl_session'), /Path=\/; HttpOnly; SameSite=Lax; Secure/);
  } finally {
    await trusted.close();
  }
  const b = new Browser(site, '10.0.0.2', { 'x-forwarded-proto': 'https' });
  const page = await b.get('/login');
  assert.doesNotMatch(cookieLine(page.headers, 'sl_csrf'), /Secure/);
});

test('brute force: the sixth wrong password in 15 minutes is refused with 429 and a clear message', async () => {
  const b = new Browser(site, '198.51.100.50');
  await b.register('dave');
  const attacker = new Browser(site, '203.0.113.66');
  await attacker.get('/login');
  for (let i = 0; i < 5; i++) {
    const r = await attacker.post('/login', { login: 'dave', password: `wrong guess ${i}` });
    assert.equal(r.status, 401);
    assert.match(r.body, /Wrong username or password/);
  }
  const limited = await attacker.post('/login', { login: 'dave', password: 'correct horse battery' });
  assert.equal(limited.status, 429);
  assert.match(limited.body, /Too many failed log-in attempts\. Try again in 15 minutes/);
  assert.ok(Number(limited.headers['retry-after']) > 800);
  site.clock.advance(15 * 60_000);
  assert.equal((await attacker.post('/login', { login: 'dave', password: 'correct horse battery' })).status, 303);
});

test('hostile text in log-in fields comes back escaped and SQL strings are just wrong passwords', async () => {
  const b = new Browser(site, '198.51.100.77');
  await b.get('/login');
  const rows = [
    ['a script tag', '<script>alert(1)</script>'],
    ['an attribute breakout', '"><img src=x onerror=alert(1)>'],
    ['a classic SQL tautology', "' OR '1'='1' --"],
    ['a stacked query', "alice'; DROP TABLE users; --"],
  ];
  for (const [reason, login] of rows) {
    const r = await b.post('/login', { login, password: "' OR 1=1 --" });
    assert.equal(r.status, 401, reason);
    assert.ok(!r.body.includes(login), `${reason}: not echoed raw`);
  }
  assert.ok(await site.c.accounts.byName('alice'), 'the users table is intact');
});

test('every form route, in every language, refuses a post without the CSRF token or with another session\'s', async () => {
  // A second server over the same site and services, to list the routes it registers.
  const f = buildServer(site.app, { publicUrl: 'http://storyline.test', accounts: { db: site.db, community: site.c } });
  const routes: string[] = [];
  f.addHook('onRoute', (r) => {
    if ([r.method].flat().includes('POST') && !r.url.startsWith('/api/')) routes.push(r.url);
  });
  try {
    await f.ready();
    const twin: TestSite = { ...site, f };
    const victim = new Browser(twin, '198.51.100.90');
    await victim.register('csrfvictim');
    const other = new Browser(twin, '198.51.100.91');
    await other.register('csrfother');
    await other.get('/settings');
    const anonymous = new Browser(twin, '198.51.100.92');
    await anonymous.get('/login');
    const params: Record<string, string> = { id: '1', token: 'x'.repeat(43), name: 'csrfother', action: 'ban' };
    assert.ok(routes.length >= 30 * LOCALE_CODES.length, `the form routes were listed (${routes.length})`);
    for (const route of routes) {
      const url = route.replace(/:(\w+)/g, (_, p: string) => params[p]);
      const rows: Array<[string, Browser, string | null]> = [
        ['signed in, no token', victim, null],
        ["signed in, another session's token", victim, other.csrf],
        ['anonymous with the form cookie, no token', anonymous, null],
      ];
      for (const [reason, b, token] of rows) {
        const r = await b.post(url, { _csrf: token, title: 'x', body: 'x', name: 'x', email: 'x@example.org', password: 'correct horse battery' });
        assert.equal(r.status, 403, `${route}: ${reason}`);
      }
    }
    assert.ok(await site.c.accounts.byName('csrfvictim'), 'nothing was deleted');
    assert.equal((await site.c.accounts.byName('csrfother'))?.bannedAt, null, 'nobody was banned');
  } finally {
    await f.close();
  }
});

test('the accounts pages answer under every language prefix, in that language, right-to-left for Arabic and Persian', async () => {
  const b = new Browser(site, '198.51.100.93');
  await b.register('pagewalker');
  const user = (await site.c.accounts.byName('pagewalker'))!;
  // [page, title key, anonymous status, signed-in status]; pages for readers send visitors to log in, and the
  // log-in and register pages send readers who are already in to their feed.
  const pages: Array<[string, AccountsKey, number, number]> = [
    ['/register', 'register.title', 200, 303],
    ['/login', 'login.title', 200, 303],
    ['/logout', 'logout.title', 200, 200],
    ['/forgot-password', 'forgot.title', 200, 200],
    ['/settings', 'settings.title', 303, 200],
    ['/submit', 'submit.title', 303, 200],
    ['/collections', 'collections.title', 303, 200],
    ['/privacy', 'privacy.title', 200, 200],
  ];
  for (const locale of LOCALE_CODES) {
    const prefix = LOCALES[locale].prefix;
    const html = new RegExp(`<html lang="${locale}" dir="${locale === 'ar' || locale === 'fa' ? 'rtl' : 'ltr'}">`);
    const reset = new URL(await site.c.accounts.resetLink(user.id, locale)).pathname;
    const rows: Array<[string, AccountsKey, number, number]> = [
      ...pages.map(([p, key, anon, signed]) => [prefix + p, key, anon, signed] as [string, AccountsKey, number, number]),
      [reset, 'reset.title', 200, 200],
      [`${prefix}/reset-password/not-a-real-token`, 'forgot.title', 410, 410],
    ];
    for (const [url, key, anonStatus, signedStatus] of rows) {
      for (const [who, browser, status] of [['anonymous', new Browser(site, '198.51.100.94'), anonStatus], ['signed in', b, signedStatus]] as const) {
        const r = await browser.get(url);
        assert.equal(r.status, status, `${url} ${who}`);
        if (status === 303) {
          assert.ok(r.location!.startsWith(`${prefix}/`), `${url} ${who}: stays in the language (${r.location})`);
          continue;
        }
        assert.match(r.body, html, `${url} ${who}: language and direction`);
        assert.ok(r.body.includes(`<h1>${escapeHtml(accountsText(locale).t(key))}</h1>`), `${url} ${who}: the title in ${locale}`);
      }
    }
  }
});

test('pages exist under every language prefix, right-to-left for Arabic and Persian', async () => {
  const rows: Array<[string, string, string, RegExp]> = [
    ['/login', 'en', 'ltr', /Forgot password\?/],
    ['/ru/login', 'ru', 'ltr', /action="\/ru\/login"/],
    ['/ar/register', 'ar', 'rtl', /action="\/ar\/register"/],
    ['/fa/forgot-password', 'fa', 'rtl', /action="\/fa\/forgot-password"/],
    ['/tr/privacy', 'tr', 'ltr', /sl_session/],
  ];
  for (const [url, lang, dir, body] of rows) {
    const r = await new Browser(site).get(url);
    assert.equal(r.status, 200, url);
    assert.match(r.body, new RegExp(`<html lang="${lang}" dir="${dir}">`), url);
    assert.match(r.body, body, url);
  }
});

test('pages for readers redirect to log-in and back', async () => {
  for (const p of ['/settings', '/submit', '/collections', '/feed', '/ru/settings']) {
    const r = await new Browser(site).get(p);
    assert.equal(r.status, 303, p);
    assert.equal(r.location, `${p.startsWith('/ru') ? '/ru' : ''}/login?next=${encodeURIComponent(p)}`, p);
  }
  await new Browser(site).register('gina');
  const b = new Browser(site);
  await b.get('/login?next=/settings');
  const r = await b.post('/login', { login: 'gina', password: 'correct horse battery', next: '/settings' });
  assert.equal(r.location, '/settings?done=loggedIn');
  const other = new Browser(site);
  await other.get('/login');
  const evil = await other.post('/login', { login: 'gina', password: 'correct horse battery', next: '//evil.example/' });
  assert.equal(evil.location, '/evil.example/?done=loggedIn', 'a protocol-relative next stays on this site');
});

test('the API takes bearer tokens only: a session cookie alone gets 401 in the API error shape', async () => {
  const created = await site.f.inject({ method: 'POST', url: '/api/v1/users', payload: { username: 'apiuser', email: 'api@example.org', password: 'correct horse battery' } });
  assert.equal(created.statusCode, 201);
  assert.equal(created.json().username, 'apiuser');
  const bad = await site.f.inject({ method: 'POST', url: '/api/v1/users', payload: { username: 'x', email: 'nope', password: 'short' } });
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(Object.keys(bad.json().errors[0]).sort(), ['code', 'field', 'message']);
  assert.equal(bad.json().errors[0].code, 'invalid_input');

  const tok = await site.f.inject({ method: 'POST', url: '/api/v1/tokens', payload: { login: 'apiuser', password: 'correct horse battery', name: 'cli' } });
  assert.equal(tok.statusCode, 201);
  const token = tok.json().token as string;
  const meRes = await site.f.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
  assert.equal(meRes.statusCode, 200);
  assert.equal(meRes.json().email, 'api@example.org');

  const b = new Browser(site);
  await b.login('apiuser');
  const cookieOnly = await site.f.inject({ url: '/api/v1/me', headers: { cookie: `sl_session=${b.cookies.get('sl_session')}` } });
  assert.equal(cookieOnly.statusCode, 401);
  assert.deepEqual(cookieOnly.json(), { errors: [{ code: 'unauthorized', message: 'Please log in first.' }] });
  const wrong = await site.f.inject({ url: '/api/v1/me', headers: { authorization: 'Bearer slp_not-a-real-token' } });
  assert.equal(wrong.statusCode, 401);
});

test('changing the password in settings renews this session and ends the others', async () => {
  const here = new Browser(site);
  await here.register('erin');
  const there = new Browser(site);
  await there.login('erin');
  await here.get('/settings');
  const before = here.cookies.get('sl_session');
  const r = await here.post('/settings/password', { currentPassword: 'correct horse battery', newPassword: 'another long passphrase' });
  assert.equal(r.status, 303);
  assert.notEqual(here.cookies.get('sl_session'), before);
  assert.equal((await here.get('/settings')).status, 200);
  assert.equal((await there.get('/settings')).status, 303, 'the other browser is logged out');
});

test('deleting the account needs the password and removes it', async () => {
  const b = new Browser(site);
  await b.register('frank');
  await b.get('/settings');
  const wrong = await b.post('/settings/delete', { currentPassword: 'not my password' });
  assert.equal(wrong.status, 400);
  assert.match(wrong.body, /The current password is not correct/);
  const ok = await b.post('/settings/delete', { currentPassword: 'correct horse battery' });
  assert.equal(ok.status, 303);
  assert.equal(await site.c.accounts.byName('frank'), null);
});
