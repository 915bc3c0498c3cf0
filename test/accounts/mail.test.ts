// Password reset end to end over real SMTP (a local smtp-server), the outbox folder without SMTP, and the admin CLI.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { createMailer } from '../../src/accounts/mailer.ts';
import { run as usersCli } from '../../src/accounts/cli.ts';
import type { Io } from '../../src/cli/common.ts';
import { Browser, startSite, type TestSite } from './server.ts';
import { mailText } from './helpers.ts';

const received: Array<{ to: string[]; raw: string }> = [];
let smtp: SMTPServer;
let smtpUrl = '';
let site: TestSite;

before(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  site = await startSite({ articles: false, mailer: createMailer({ smtpUrl, mailFrom: 'Storyline <no-reply@storyline.test>', outboxDir: '' }) });
});
after(async () => {
  await site.close();
  await new Promise<void>((r) => smtp.close(() => r()));
});

async function nextMail(count: number, timeoutMs = 10_000): Promise<{ to: string[]; raw: string }> {
  const deadline = Date.now() + timeoutMs;
  while (received.length < count) {
    if (Date.now() > deadline) assert.fail(`no mail number ${count} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return received[count - 1];
}

function linkPath(mail: string): string {
  const m = /http:\/\/storyline\.test(\/(?:[a-z]{2}\/)?reset-password\/[A-Za-z0-9_-]{43})/.exec(mailText(mail));
  assert.ok(m, `a reset link in:\n${mail}`);
  return m[1];
}

test('forgot password → mail over SMTP → reset → old session gone → used and expired links say so', async () => {
  const owner = new Browser(site, '198.51.100.20');
  await owner.register('alice');
  assert.equal((await owner.get('/settings')).status, 200, 'the old session works before the reset');

  const visitor = new Browser(site, '198.51.100.21');
  const form = await visitor.get('/forgot-password');
  assert.match(form.body, /Enter your account data and we will send you a link to reset your password\./);
  const unknown = await visitor.post('/forgot-password', { email: 'nobody@example.org' });
  const known = await visitor.post('/forgot-password', { email: 'Alice@Example.org' });
  assert.equal(unknown.status, 303);
  assert.equal(known.status, 303);
  assert.equal(unknown.location, known.location, 'the same answer whether or not the address has an account');
  const sent = await visitor.get(known.location!);
  assert.match(sent.body, /If an account uses that address, a link to reset its password is on its way/);

  const mail = await nextMail(1);
  assert.deepEqual(mail.to, ['alice@example.org']);
  assert.match(mail.raw, /Subject: Reset your Storyline password/);
  const link = linkPath(mail.raw);

  const page = await visitor.get(link);
  assert.equal(page.status, 200);
  assert.equal(page.headers['referrer-policy'], 'same-origin', 'the token in the path never leaves the site');
  const weak = await visitor.post(link, { password: 'too short' });
  assert.equal(weak.status, 400, 'a refused password leaves the link usable');
  const done = await visitor.post(link, { password: 'a completely new passphrase' });
  assert.equal(done.status, 303);
  assert.equal(done.location, '/settings?done=passwordReset');
  assert.match((await visitor.get('/settings?done=passwordReset')).body, /Every other session has ended/);

  const stale = await owner.get('/settings');
  assert.equal(stale.status, 303, 'the session from before the reset has ended');

  const used = await new Browser(site).get(link);
  assert.equal(used.status, 410);
  assert.match(used.body, /Your password reset link appears to be invalid or expired\./);
  assert.match(used.body, /href="\/forgot-password"/, 'offers a new link');

  const russian = new Browser(site, '198.51.100.22');
  await russian.get('/ru/forgot-password');
  await russian.post('/ru/forgot-password', { email: 'alice@example.org' });
  const second = linkPath((await nextMail(2)).raw);
  assert.match(second, /^\/ru\/reset-password\//, 'the link opens in the language it was asked from');
  site.clock.advance(61 * 60_000);
  const expired = await new Browser(site).get(second);
  assert.equal(expired.status, 410);
  assert.match(expired.body, /<html lang="ru"/);
  assert.equal(received.length, 2, 'the unknown address got no mail');
});

test('without SMTP, mail is written to the outbox folder as .eml', async () => {
  const outbox = join(site.dir, 'outbox');
  const mailer = createMailer({ smtpUrl: '', mailFrom: 'Storyline <no-reply@storyline.test>', outboxDir: outbox });
  await mailer.send({ to: 'reader@example.org', subject: 'Reset your Storyline password', text: 'Open http://storyline.test/reset-password/abc' });
  const files = readdirSync(outbox);
  assert.equal(files.length, 1);
  assert.match(files[0], /\.eml$/);
  const eml = readFileSync(join(outbox, files[0]), 'utf8');
  assert.match(eml, /^To: reader@example\.org$/m);
  assert.match(mailText(eml), /reset-password\/abc/);
});

test('the CLI issues a reset link an admin can hand over, and lists, bans and promotes users', async () => {
  // A site of its own: its clock is the CLI's, and the test above moved the shared one.
  const site = await startSite({ articles: false });
  after(() => site.close());
  await new Browser(site).register('alice');
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    stdout: (s) => out.push(s), stderr: (s) => err.push(s), stdin: process.stdin, isTTY: false,
    env: { STORYLINE_PUBLIC_URL: 'http://storyline.test' },
  };
  const db = join(site.dir, 'store.db');
  assert.equal(await usersCli(['reset-link', 'alice', '--db', db], io), 0, err.join(''));
  const link = /http:\/\/storyline\.test(\/reset-password\/[A-Za-z0-9_-]{43})/.exec(out.join(''));
  assert.ok(link, out.join(''));
  const page = await new Browser(site).get(link[1]);
  assert.equal(page.status, 200, 'the printed link opens the reset form');

  out.length = 0;
  assert.equal(await usersCli(['list', '--json', '--db', db], io), 0);
  assert.deepEqual((JSON.parse(out.join('')) as Array<{ username: string }>).map((u) => u.username), ['alice']);
  assert.equal(await usersCli(['make-admin', 'alice', '--db', db], io), 0);
  assert.equal((await site.c.accounts.byName('alice'))?.isAdmin, true);
  assert.equal(await usersCli(['ban', 'nobody', '--db', db], io), 1, 'an unknown user is an error');
  await assert.rejects(usersCli(['frobnicate', '--db', db], io), /expected one of/);
});

test('mail that cannot be delivered does not change the answer', async () => {
  const broken = await startSite({ articles: false, mailer: createMailer({ smtpUrl: 'smtp://127.0.0.1:9', mailFrom: 'x@storyline.test', outboxDir: '' }) });
  try {
    const b = new Browser(broken);
    await b.register('henry');
    const anon = new Browser(broken, '198.51.100.30');
    await anon.get('/forgot-password');
    const r = await anon.post('/forgot-password', { email: 'henry@example.org' });
    assert.equal(r.status, 303);
    assert.equal(r.location, '/forgot-password?sent=1');
  } finally {
    await broken.close();
  }
});
