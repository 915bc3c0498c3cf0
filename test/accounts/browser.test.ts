// A real browser (Debian chromium, headless) through the reader's journey with plain forms: register, log in,
// vote, collect and follow from the article page, follow from the story page, comment, reply, log out; then
// forgot password → mail from a local SMTP server → reset → the old session is gone → used and expired links say so.
// Skipped when chromium is absent, except under CI=true.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { chromium, type Browser as Chromium, type Page } from 'playwright-core';
import { createMailer } from '../../src/accounts/mailer.ts';
import { articleId, startSite, type TestSite } from './server.ts';
import { mailText } from './helpers.ts';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.CI === 'true') throw new Error(`${CHROMIUM} is required under CI (apt-get install chromium)`);
const skip = available ? false : `${CHROMIUM} not found: install Debian's chromium to run the browser test`;

let site: TestSite;
let smtp: SMTPServer;
let browser: Chromium;
let base = '';
const mails: string[] = [];

before(async () => {
  if (!available) return;
  smtp = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => { mails.push(Buffer.concat(chunks).toString('utf8')); callback(); });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`, mailFrom: 'Storyline <no-reply@storyline.test>', outboxDir: '' });
  // Links in mail use the public URL, so the port is chosen before the site is built.
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  site = await startSite({ mailer, options: { publicUrl: base } });
  await site.f.listen({ port, host: '127.0.0.1' });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
});
after(async () => {
  if (!available) return;
  await browser?.close();
  await site?.close();
  await new Promise<void>((r) => smtp.close(() => r()));
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function newPage(): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const problems: string[] = [];
  // A used or expired reset link answers 410 on purpose; the browser logs that as a failed load.
  page.on('console', (m) => { if (m.type() === 'error' && !/status of 410/.test(m.text())) problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  return { page, problems };
}

async function waitForMail(count: number): Promise<string> {
  const deadline = Date.now() + 10_000;
  while (mails.length < count) {
    if (Date.now() > deadline) assert.fail(`mail ${count} did not arrive`);
    await new Promise((r) => setTimeout(r, 25));
  }
  const raw = mailText(mails[count - 1]);
  const link = /(http:\/\/127\.0\.0\.1:\d+\/reset-password\/[A-Za-z0-9_-]{43})/.exec(raw);
  assert.ok(link, raw);
  return link[1];
}

test('register → log in → on the article page: vote, add to a new collection, follow → follow the story → comment → reply → log out', { skip }, async () => {
  const { page, problems } = await newPage();
  const geneva = await articleId(site, 'Diplomats meet in Geneva for security talks');

  await page.goto(`${base}/register`);
  await page.getByLabel('Username').fill('reader1');
  await page.getByLabel('E-mail').fill('reader1@example.org');
  await page.getByLabel('Password').fill('a long browser passphrase');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByText('Welcome, reader1. Your account is ready.').waitFor();

  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByText('You have logged out.').waitFor();
  await page.goto(`${base}/login`);
  await page.getByLabel('Username or e-mail').fill('reader1');
  await page.getByLabel('Password').fill('a long browser passphrase');
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await page.getByText('Welcome back, reader1.').waitFor();

  // Votes, collections and follows from the article page itself, where a reader meets them.
  await page.goto(`${base}/articles/${geneva}`);
  await page.locator('header.site .account-bar').getByRole('link', { name: 'reader1' }).waitFor();
  await page.getByText('Leave your vote').waitFor();
  await page.getByRole('button', { name: 'Upvote' }).click();
  await page.getByText('Your vote has been counted.').waitFor();
  assert.equal(new URL(page.url()).pathname, `/articles/${geneva}`, 'the vote comes back to the article');
  await page.getByText('1 Point', { exact: true }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Upvote' }).getAttribute('aria-pressed'), 'true');

  await page.getByText('No collections yet — here you\'ll find the collections you create.').waitFor();
  await page.getByLabel('Or add to a new collection').fill('Geneva talks');
  await page.getByRole('button', { name: 'Create collection' }).click();
  await page.getByText('Added to the collection.').waitFor();
  assert.equal(new URL(page.url()).pathname, `/articles/${geneva}`);
  await page.getByRole('link', { name: 'Geneva talks' }).first().waitFor();

  await page.getByRole('button', { name: 'Follow Daily Example' }).click();
  await page.getByText('You follow it now.').waitFor();
  assert.equal(new URL(page.url()).pathname, `/articles/${geneva}`);
  assert.equal(await page.getByRole('button', { name: 'Unfollow' }).first().getAttribute('aria-pressed'), 'true');

  // The story page carries its own block: follow the story from there.
  const story = await site.app.store.getMembership(geneva);
  assert.ok(story, 'the article is in a story');
  await page.goto(`${base}/stories/${story.storyId}`);
  await page.getByRole('button', { name: 'Follow this story' }).click();
  await page.getByText('You follow it now.').waitFor();
  assert.equal(new URL(page.url()).pathname, `/stories/${story.storyId}`);

  // The home page carries what readers vote up, with the reader's own vote; its "Hot with readers" order counts it for the story.
  await page.goto(`${base}/`);
  const box = page.locator('aside.hot-readers');
  await box.getByRole('link', { name: 'Diplomats meet in Geneva for security talks' }).waitFor();
  assert.equal(await box.getByRole('button', { name: 'Upvote' }).getAttribute('aria-pressed'), 'true');
  await page.getByRole('link', { name: 'Hot with readers' }).click();
  await page.locator('ol.stories').getByText('1 point', { exact: true }).waitFor();
  assert.equal(new URL(page.url()).search, '?sort=hot');

  // The discussion is one link away from the article.
  await page.goto(`${base}/articles/${geneva}`);
  await page.getByRole('link', { name: 'Leave a Reply' }).click();
  await page.locator('#reply-form-body').fill('A first comment from the browser.');
  await page.getByRole('button', { name: 'Post comment' }).click();
  await page.getByText('A first comment from the browser.').waitFor();
  await page.getByRole('link', { name: 'Reply', exact: true }).first().click();
  const replyForm = page.locator('form.reply[id^="reply-"]:not(#reply-form)');
  await replyForm.locator('textarea').fill('And a reply to it.');
  await replyForm.getByRole('button', { name: 'Post comment' }).click();
  await page.locator('ol.thread ol.thread').getByText('And a reply to it.').waitFor();
  await page.goto(`${base}/articles/${geneva}`);
  await page.getByText('2 comments').waitFor();

  await page.goto(`${base}/feed`);
  await page.locator('ul.follows').getByText('Daily Example').waitFor();
  await page.locator('ol.feed').getByText('Diplomats meet in Geneva for security talks').first().waitFor();

  await page.goto(`${base}/collections`);
  await page.getByRole('link', { name: 'Geneva talks' }).click();
  await page.getByRole('link', { name: 'Diplomats meet in Geneva for security talks' }).waitFor();

  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByText('You have logged out.').waitFor();
  await page.goto(`${base}/settings`);
  assert.match(page.url(), /\/login\?next=%2Fsettings$/);
  assert.deepEqual(problems, [], 'no console errors (CSP violations would show here)');
});

test('forgot password → mail → reset → old session gone → used and expired links say so', { skip }, async () => {
  const old = await newPage();
  await old.page.goto(`${base}/login`);
  await old.page.getByLabel('Username or e-mail').fill('reader1');
  await old.page.getByLabel('Password').fill('a long browser passphrase');
  await old.page.getByRole('button', { name: 'Log in', exact: true }).click();
  await old.page.goto(`${base}/settings`);
  await old.page.getByRole('heading', { name: 'Settings' }).waitFor();

  const { page, problems } = await newPage();
  await page.goto(`${base}/login`);
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await page.getByText('Enter your account data and we will send you a link to reset your password.').waitFor();
  await page.getByLabel('E-mail').fill('reader1@example.org');
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await page.getByText('a link to reset its password is on its way').waitFor();

  const link = await waitForMail(1);
  await page.goto(link);
  await page.getByLabel('New password').fill('the passphrase after reset');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await page.getByText('Your password has been changed. Every other session has ended.').waitFor();

  await old.page.goto(`${base}/settings`);
  assert.match(old.page.url(), /\/login\?next=/, 'the session from before the reset has ended');

  await page.goto(link);
  await page.getByText('Your password reset link appears to be invalid or expired.').waitFor();
  await page.getByRole('link', { name: 'Request a new link' }).waitFor();

  await page.goto(`${base}/forgot-password`);
  await page.getByLabel('E-mail').fill('reader1@example.org');
  await page.getByRole('button', { name: 'Send reset link' }).click();
  const second = await waitForMail(2);
  site.clock.advance(61 * 60_000);
  await page.goto(second);
  await page.getByText('Your password reset link appears to be invalid or expired.').waitFor();
  assert.deepEqual(problems, []);
});
