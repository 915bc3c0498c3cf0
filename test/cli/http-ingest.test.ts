// The CLI ingesting over real HTTP from a local server: a page, a feed of pages, and failing URLs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';

const ROOT = process.cwd();
const db = join(mkdtempSync(join(tmpdir(), 'storyline-http-')), 'store.db');
let server: Server;
let base = '';

const page = (title: string, body: string) => `<!doctype html><html lang="en"><head><title>${title} | Daily Example</title>
<meta property="og:site_name" content="Daily Example"><meta property="article:published_time" content="2022-01-12T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>${title}</h1>
${body.split('\n').map((p) => `<p>${p}</p>`).join('\n')}</article><footer>© Daily Example. Privacy policy. Cookie settings.</footer></body></html>`;

const ARTICLE_A = page('Council meets in Brussels', 'The council met in Brussels on Wednesday for four hours of talks on security in Europe, officials said.\nDiplomats described the session as frank and said the sides would meet again within weeks to continue the discussion of proposals.\nThe next round is expected in Vienna, where the organisation will hold a broader meeting of its members on Thursday.');
const ARTICLE_B = page('Ministers trade proposals', 'Foreign ministers exchanged written proposals on Friday after a week of talks that ended without agreement, a spokesman said.\nBoth sides said they would study the documents before the next meeting, which has not yet been scheduled by either government.');

before(async () => {
  server = createServer((req, res) => {
    if (req.url === '/a') { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(ARTICLE_A); return; }
    if (req.url === '/b' || req.url?.startsWith('/b?')) { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(ARTICLE_B); return; }
    if (req.url === '/feed.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Daily Example</title><link>${base}/</link>
<item><title>Council meets in Brussels</title><link>${base}/a</link><pubDate>Wed, 12 Jan 2022 10:00:00 GMT</pubDate></item>
<item><title>Ministers trade proposals</title><link>${base}/b?utm_source=rss</link><pubDate>Fri, 14 Jan 2022 10:00:00 GMT</pubDate></item>
<item><title>Gone</title><link>${base}/gone</link></item></channel></rss>`);
      return;
    }
    if (req.url === '/boom') { res.writeHead(500); res.end('internal error'); return; }
    res.writeHead(404); res.end('not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => server.close());

function cli(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'storyline.js'), ...args, '--db', db], { cwd: ROOT });
    let out = '', err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

test('a feed URL ingests each item page; a failing item is reported and the rest go on', async () => {
  const r = await cli(['ingest', `${base}/feed.xml`, '--json']);
  const report = JSON.parse(r.out);
  assert.equal(r.code, 1, 'one item failed');
  assert.equal(report.ingested, 2);
  assert.equal(report.failed.length, 1);
  assert.match(report.failed[0].error, /gone.*404/i);
  const list = JSON.parse((await cli(['articles', '--json'])).out) as Array<{ id: number; title: string; outlet: string; published: string }>;
  const a = list.find((x) => x.title === 'Council meets in Brussels');
  assert.ok(a, 'title without the site suffix');
  assert.equal(a.outlet, 'Daily Example');
  assert.equal(a.published.slice(0, 10), '2022-01-12');
});

test('the same page under a tracking-parameter URL is a duplicate of the feed copy', async () => {
  const r = JSON.parse((await cli(['ingest', `${base}/b?utm_medium=email&fbclid=1`, '--json'])).out);
  assert.equal(r.duplicates, 1);
  assert.equal(r.articles[0].duplicate_of !== null, true);
});

test('HTTP errors and unreachable hosts are one-line failures naming the URL', async () => {
  const r = await cli(['ingest', `${base}/boom`, 'http://127.0.0.1:1/nothing', '--json']);
  assert.equal(r.code, 1);
  const report = JSON.parse(r.out);
  assert.equal(report.failed.length, 2);
  assert.match(report.failed[0].error, /boom.*500/);
  assert.match(report.failed[1].error, /127\.0\.0\.1:1/);
});
