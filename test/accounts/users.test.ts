// Account service on in-memory SQLite: registration rules, log-in, sessions, limits, settings, reset, tokens, bans.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AccountError } from '../../src/accounts/errors.ts';
import { LOGIN_ACCOUNT_LIMIT, LOGIN_IP_LIMIT, RESET_ACCOUNT_LIMIT, RESET_TTL_MS } from '../../src/accounts/policy.ts';
import { tokenHash } from '../../src/accounts/security.ts';
import { PASSWORD, addUser, makeCommunity, settle } from './helpers.ts';

const MINUTE = 60_000;

async function rejects(p: Promise<unknown>, code: string, key?: string, field?: string): Promise<AccountError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof AccountError, `expected AccountError, got ${String(err)}`);
    assert.equal(err.code, code);
    if (key) assert.equal(err.key, key);
    if (field) assert.equal(err.field, field);
    return err;
  }
  assert.fail(`expected ${code}`);
}

test('registration refuses bad input field by field', async () => {
  const c = makeCommunity();
  const rows: Array<[string, { username: string; email: string; password: string }, string, string]> = [
    ['a one-letter name is too short', { username: 'a', email: 'a@example.org', password: PASSWORD }, 'error.username', 'username'],
    ['names are ASCII letters, digits, _ and -', { username: 'bob<script>', email: 'b@example.org', password: PASSWORD }, 'error.username', 'username'],
    ['a name cannot start with punctuation', { username: '-bob', email: 'b@example.org', password: PASSWORD }, 'error.username', 'username'],
    ['an SQL fragment is not a name', { username: "x' OR '1'='1", email: 'b@example.org', password: PASSWORD }, 'error.username', 'username'],
    ['an address needs a domain', { username: 'bob', email: 'bob@localhost', password: PASSWORD }, 'error.email', 'email'],
    ['an address cannot carry a second recipient', { username: 'bob', email: 'bob@example.org, eve@example.org', password: PASSWORD }, 'error.email', 'email'],
    ['11 characters are too few (ASVS 2.1.1)', { username: 'bob', email: 'bob@example.org', password: 'abcdefghijk' }, 'error.passwordLength', 'password'],
    ['runs of spaces count as one', { username: 'bob', email: 'bob@example.org', password: 'abc        def' }, 'error.passwordLength', 'password'],
    ['129 characters are too many', { username: 'bob', email: 'bob@example.org', password: 'x'.repeat(129) }, 'error.passwordLength', 'password'],
    ['the password cannot contain the username', { username: 'roberta', email: 'r@example.org', password: 'my name is Roberta!' }, 'error.passwordPersonal', 'password'],
  ];
  for (const [reason, input, key, field] of rows) {
    await rejects(c.accounts.register({ ...input, ip: '10.1.1.1' }), 'invalid_input', key, field).catch((e) => assert.fail(`${reason}: ${e}`));
  }
  assert.equal(await c.sql.countUsers(), 0);
});

test('names are unique whatever their case; addresses too, and are stored lower-cased', async () => {
  const c = makeCommunity();
  const alice = await c.accounts.register({ username: 'Alice', email: 'Alice@Example.ORG', password: PASSWORD, ip: '1.1.1.1' });
  assert.equal(alice.email, 'alice@example.org');
  await rejects(c.accounts.register({ username: 'alice', email: 'other@example.org', password: PASSWORD, ip: '1.1.1.1' }), 'invalid_input', 'error.usernameTaken');
  await rejects(c.accounts.register({ username: 'alice2', email: 'ALICE@example.org', password: PASSWORD, ip: '1.1.1.1' }), 'invalid_input', 'error.emailTaken');
});

test('passwords are stored as argon2id hashes, never as typed', async () => {
  const c = makeCommunity();
  await addUser(c, 'alice');
  const stored = c.db.prepare('SELECT password_hash FROM users').pluck().get() as string;
  assert.match(stored, /^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
  assert.ok(!stored.includes(PASSWORD));
});

test('log-in by name or address gives a new session each time; only its hash is stored', async () => {
  const c = makeCommunity();
  await addUser(c, 'alice');
  const a = await c.accounts.login({ login: 'ALICE', password: PASSWORD, ip: '1.1.1.1', userAgent: 'test' });
  const b = await c.accounts.login({ login: 'alice@example.org', password: PASSWORD, ip: '1.1.1.1', userAgent: 'test' });
  assert.notEqual(a.sessionToken, b.sessionToken, 'every log-in makes a new session id');
  assert.ok(a.sessionToken.length >= 43, '32 random bytes in base64url');
  const stored = c.db.prepare('SELECT id_hash FROM sessions').pluck().all() as string[];
  assert.deepEqual(stored.sort(), [tokenHash(a.sessionToken), tokenHash(b.sessionToken)].sort());
  assert.equal((await c.accounts.resolveSession(a.sessionToken))?.user.username, 'alice');
  assert.equal(await c.accounts.resolveSession(tokenHash(a.sessionToken)), null, 'the stored hash is not a session id');
  await c.accounts.logout(a.sessionToken);
  assert.equal(await c.accounts.resolveSession(a.sessionToken), null, 'logged out');
  assert.ok(await c.accounts.resolveSession(b.sessionToken), 'the other session lives on');
});

test('wrong and unknown log-ins fail alike', async () => {
  const c = makeCommunity();
  await addUser(c, 'alice');
  const wrong = await rejects(c.accounts.login({ login: 'alice', password: 'not the password', ip: '1.1.1.1', userAgent: null }), 'unauthorized');
  const unknown = await rejects(c.accounts.login({ login: 'nobody', password: PASSWORD, ip: '1.1.1.2', userAgent: null }), 'unauthorized');
  assert.equal(wrong.key, unknown.key);
  await rejects(c.accounts.login({ login: "' OR 1=1 --", password: "' OR 1=1 --", ip: '1.1.1.3', userAgent: null }), 'unauthorized');
});

test('sessions end after the idle time and after the absolute lifetime', async () => {
  const c = makeCommunity();
  await addUser(c, 'alice');
  const idle = await c.accounts.login({ login: 'alice', password: PASSWORD, ip: '1.1.1.1', userAgent: null });
  c.clock.advance(29 * MINUTE);
  assert.ok(await c.accounts.resolveSession(idle.sessionToken), 'used within 30 minutes');
  c.clock.advance(29 * MINUTE);
  assert.ok(await c.accounts.resolveSession(idle.sessionToken), 'each use extends the idle deadline');
  c.clock.advance(31 * MINUTE);
  assert.equal(await c.accounts.resolveSession(idle.sessionToken), null, 'idle for 31 minutes');

  const busy = await c.accounts.login({ login: 'alice', password: PASSWORD, ip: '1.1.1.1', userAgent: null });
  for (let i = 0; i < 12 * 3 - 1; i++) {
    c.clock.advance(20 * MINUTE);
    assert.ok(await c.accounts.resolveSession(busy.sessionToken), `still alive after ${(i + 1) * 20} minutes of use`);
  }
  c.clock.advance(20 * MINUTE);
  assert.equal(await c.accounts.resolveSession(busy.sessionToken), null, '12 hours after log-in, even when in use');
});

test('five failures lock the account for 15 minutes, even for the right password', async () => {
  const c = makeCommunity();
  await addUser(c, 'alice');
  for (let i = 0; i < LOGIN_ACCOUNT_LIMIT.max; i++) {
    await rejects(c.accounts.login({ login: 'alice', password: `guess number ${i}`, ip: `2.2.2.${i}`, userAgent: null }), 'unauthorized');
  }
  const limited = await rejects(c.accounts.login({ login: 'alice@example.org', password: PASSWORD, ip: '3.3.3.3', userAgent: null }), 'rate_limited', 'error.tooManyLogins');
  assert.equal(limited.vars.minutes, 15);
  assert.ok(limited.retryAfter! > 14 * 60 && limited.retryAfter! <= 15 * 60);
  c.clock.advance(LOGIN_ACCOUNT_LIMIT.windowMs);
  assert.ok(await c.accounts.login({ login: 'alice', password: PASSWORD, ip: '3.3.3.3', userAgent: null }), 'the window has passed');
});

test('unknown names are limited the same way, so limits reveal nothing', async () => {
  const c = makeCommunity();
  for (let i = 0; i < LOGIN_ACCOUNT_LIMIT.max; i++) {
    await rejects(c.accounts.login({ login: 'ghost', password: `guess number ${i}`, ip: `2.2.3.${i}`, userAgent: null }), 'unauthorized');
  }
  await rejects(c.accounts.login({ login: 'ghost', password: 'another guess', ip: '4.4.4.4', userAgent: null }), 'rate_limited');
});

test('one address guessing across many accounts is stopped by the per-address limit', async () => {
  const c = makeCommunity();
  for (let i = 0; i < LOGIN_IP_LIMIT.max; i++) {
    await rejects(c.accounts.login({ login: `user${i}`, password: 'a guessed password', ip: '6.6.6.6', userAgent: null }), 'unauthorized');
  }
  await rejects(c.accounts.login({ login: 'someone-else', password: 'a guessed password', ip: '6.6.6.6', userAgent: null }), 'rate_limited');
  await rejects(c.accounts.login({ login: 'someone-else', password: 'a guessed password', ip: '7.7.7.7', userAgent: null }), 'unauthorized', undefined, 'login');
});

test('changing the password needs the current one, ends other sessions and renews this one', async () => {
  const c = makeCommunity();
  const alice = await addUser(c, 'alice');
  const here = await c.accounts.login({ login: 'alice', password: PASSWORD, ip: '1.1.1.1', userAgent: null });
  const there = await c.accounts.login({ login: 'alice', password: PASSWORD, ip: '1.1.1.2', userAgent: null });
  await rejects(c.accounts.changePassword(alice, { currentPassword: 'wrong', newPassword: 'a brand new passphrase', sessionHash: null, userAgent: null, locale: 'en' }), 'invalid_input', 'error.currentPassword', 'currentPassword');
  const fresh = await c.accounts.changePassword(alice, { currentPassword: PASSWORD, newPassword: 'a brand new passphrase', sessionHash: null, userAgent: null, locale: 'en' });
  assert.equal(await c.accounts.resolveSession(here.sessionToken), null);
  assert.equal(await c.accounts.resolveSession(there.sessionToken), null);
  assert.ok(await c.accounts.resolveSession(fresh));
  await rejects(c.accounts.login({ login: 'alice', password: PASSWORD, ip: '1.1.1.1', userAgent: null }), 'unauthorized');
  assert.ok(await c.accounts.login({ login: 'alice', password: 'a brand new passphrase', ip: '1.1.1.1', userAgent: null }));
  await settle();
  assert.equal(c.mailer.sent.at(-1)?.to, 'alice@example.org');
  assert.match(c.mailer.sent.at(-1)!.subject, /password was changed/);
});

test('changing the e-mail address tells the old address', async () => {
  const c = makeCommunity();
  const alice = await addUser(c, 'alice');
  await addUser(c, 'bob');
  await rejects(c.accounts.changeEmail(alice, { email: 'BOB@example.org', currentPassword: PASSWORD, locale: 'en' }), 'invalid_input', 'error.emailTaken');
  const after = await c.accounts.changeEmail(alice, { email: 'New@Example.org', currentPassword: PASSWORD, locale: 'en' });
  assert.equal(after.email, 'new@example.org');
  await settle();
  assert.equal(c.mailer.sent.at(-1)?.to, 'alice@example.org');
  assert.match(c.mailer.sent.at(-1)!.text, /new@example\.org/);
});

test('a reset link is mailed only for known addresses, works once, for an hour, and ends all sessions', async () => {
  const c = makeCommunity();
  await addUser(c, 'alice');
  const session = await c.accounts.login({ login: 'alice', password: PASSWORD, ip: '1.1.1.1', userAgent: null });
  await c.accounts.requestReset({ email: 'nobody@example.org', ip: '1.1.1.1', locale: 'en' });
  await settle();
  assert.equal(c.mailer.sent.length, 0, 'no mail for an unknown address (and no error either)');

  await c.accounts.requestReset({ email: 'ALICE@example.org', ip: '1.1.1.1', locale: 'ru' });
  await settle();
  assert.equal(c.mailer.sent.length, 1);
  const link = /https:\/\/storyline\.test\/ru\/reset-password\/([A-Za-z0-9_-]{43})/.exec(c.mailer.sent[0].text);
  assert.ok(link, `the mail holds a link in the requester's language: ${c.mailer.sent[0].text}`);
  const token = link[1];
  assert.equal(c.db.prepare('SELECT COUNT(*) FROM password_resets WHERE token_hash = ?').pluck().get(tokenHash(token)), 1, 'stored as a hash');
  assert.equal(c.db.prepare('SELECT COUNT(*) FROM password_resets WHERE token_hash = ?').pluck().get(token), 0, 'never as the token');
  assert.ok(await c.accounts.resetIsValid(token));

  await rejects(c.accounts.completeReset({ token, password: 'short', userAgent: null }), 'invalid_input', 'error.passwordLength');
  assert.ok(await c.accounts.resetIsValid(token), 'a refused password does not spend the link');
  const done = await c.accounts.completeReset({ token, password: 'reset to a new passphrase', userAgent: null });
  assert.equal(await c.accounts.resolveSession(session.sessionToken), null, 'the old session is gone');
  assert.ok(await c.accounts.resolveSession(done.sessionToken), 'a fresh session starts');
  assert.equal(await c.accounts.resetIsValid(token), false, 'used');
  await rejects(c.accounts.completeReset({ token, password: 'and again a new one', userAgent: null }), 'invalid_link', 'reset.invalid');

  await c.accounts.requestReset({ email: 'alice@example.org', ip: '1.1.1.1', locale: 'en' });
  await settle();
  const second = /reset-password\/([A-Za-z0-9_-]+)/.exec(c.mailer.sent.at(-1)!.text)![1];
  c.clock.advance(RESET_TTL_MS);
  assert.equal(await c.accounts.resetIsValid(second), false, 'expired after one hour');
  await rejects(c.accounts.completeReset({ token: second, password: 'too late for this one', userAgent: null }), 'invalid_link');
});

test('reset mail to one account is capped; the answer stays the same', async () => {
  const c = makeCommunity();
  await addUser(c, 'alice');
  for (let i = 0; i < RESET_ACCOUNT_LIMIT.max + 2; i++) await c.accounts.requestReset({ email: 'alice@example.org', ip: `9.9.9.${i}`, locale: 'en' });
  await settle();
  assert.equal(c.mailer.sent.length, RESET_ACCOUNT_LIMIT.max);
});

test('API tokens are shown once, stored hashed, and revocable by their owner only', async () => {
  const c = makeCommunity();
  const alice = await addUser(c, 'alice');
  const bob = await addUser(c, 'bob');
  const t = await c.accounts.createApiToken(alice, 'script');
  assert.match(t.token, /^slp_[A-Za-z0-9_-]{43}$/);
  assert.equal((await c.accounts.resolveApiToken(t.token))?.username, 'alice');
  assert.equal(c.db.prepare('SELECT COUNT(*) FROM api_tokens WHERE token_hash = ?').pluck().get(tokenHash(t.token)), 1);
  assert.equal(await c.accounts.resolveApiToken(t.token.slice(0, -1) + (t.token.endsWith('A') ? 'B' : 'A')), null);
  await rejects(c.accounts.revokeApiToken(bob.id, t.id), 'not_found');
  await c.accounts.revokeApiToken(alice.id, t.id);
  assert.equal(await c.accounts.resolveApiToken(t.token), null);
});

test('a ban ends sessions and tokens and refuses log-in', async () => {
  const c = makeCommunity();
  const eve = await addUser(c, 'eve');
  const s = await c.accounts.login({ login: 'eve', password: PASSWORD, ip: '1.1.1.1', userAgent: null });
  const t = await c.accounts.createApiToken(eve, 'bot');
  await c.accounts.setBanned(eve, { reason: 'spam' });
  assert.equal(await c.accounts.resolveSession(s.sessionToken), null);
  assert.equal(await c.accounts.resolveApiToken(t.token), null);
  await rejects(c.accounts.login({ login: 'eve', password: PASSWORD, ip: '1.1.1.1', userAgent: null }), 'banned');
  await c.accounts.setBanned(eve, null);
  assert.ok(await c.accounts.login({ login: 'eve', password: PASSWORD, ip: '1.1.1.1', userAgent: null }));
});

test('pruning deletes expired sessions, spent reset links and old throttle entries, and nothing live', async () => {
  const c = makeCommunity();
  const alice = await addUser(c, 'alice');
  const old = await c.accounts.login({ login: 'alice', password: PASSWORD, ip: '1.1.1.1', userAgent: null });
  await rejects(c.accounts.login({ login: 'alice', password: 'wrong password', ip: '1.1.1.1', userAgent: null }), 'unauthorized');
  await c.accounts.resetLink(alice.id);
  c.clock.advance(2 * 60 * MINUTE);
  const fresh = await c.accounts.login({ login: 'alice', password: PASSWORD, ip: '1.1.1.1', userAgent: null });
  await c.accounts.prune();
  const count = (table: string) => c.db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get();
  assert.equal(count('sessions'), 1);
  assert.ok(await c.accounts.resolveSession(fresh.sessionToken));
  assert.equal(await c.accounts.resolveSession(old.sessionToken), null);
  assert.equal(count('password_resets'), 0);
  assert.equal(count('throttle'), 0);
});
