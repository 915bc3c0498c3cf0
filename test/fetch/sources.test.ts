// expandInputs end to end: files, folders, gzip, stdin, URLs, feeds, WARC archives, and one failure line per bad input.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { expandInputs, isInputFailure, type InputFailure } from '../../src/pipeline/fetch/sources.ts';
import { decodeBytes } from '../../src/pipeline/fetch/encoding.ts';
import type { RawDocument } from '../../src/domain/article.ts';
import { startServer, send, type TestServer } from './server.ts';
import { warcRecord, httpResponse, gzipMembers } from './warc-fixture.ts';

const NOW = new Date('2024-02-01T00:00:00Z');
const PAGE = (title: string) => `<!doctype html><html><head><title>${title}</title></head><body><p>${title} body.</p></body></html>`;
const RU = 'Министр иностранных дел России заявил во вторник, что переговоры о поставках зерна продолжатся на следующей неделе.';
const AR = 'قال وزير الخارجية يوم الثلاثاء إن المحادثات بشأن صادرات الحبوب ستستمر الأسبوع المقبل في إسطنبول.';
const TR = "Dışişleri Bakanı salı günü yaptığı açıklamada, tahıl ihracatına ilişkin görüşmelerin önümüzdeki hafta İstanbul'da süreceğini söyledi.";

let dir: string;
let srv: TestServer;
const rel = (p: string) => path.join(dir, p);
/** Replaces the temp folder and server address with stable names so expectations read plainly. */
const tidy = (s: string) => s.split(dir).join('DIR').split(srv.base).join('SRV');

before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'storyline-sources-'));
  const files: Record<string, Buffer | string> = {
    'tree/a.html': PAGE('A'),
    'tree/b.txt': 'Plain capture B\n\nBody of B.',
    'tree/sub/c.htm': PAGE('C'),
    'tree/sub/deeper/d.html.gz': gzipSync(PAGE('D')),
    'tree/.hidden.html': PAGE('hidden'),
    'tree/.git/config.html': PAGE('hidden folder'),
    'tree/notes.md': '# not an input type',
    'tree/Z-upper.txt': 'Upper-case names sort before lower-case ones.',
    'empty.txt': '',
    'blank.txt': '  \n\n\t\n',
    'binary.html': Buffer.from([0x3c, 0x70, 0x3e, 0x00, 0xff, 0x00, 0x10, 0x20]),
    'image.txt': Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 0x41)]),
    'truncated.html.gz': gzipSync(PAGE('T').repeat(50)).subarray(0, 60),
    'notgzip.txt.gz': 'this was never gzipped at all',
    'noext': PAGE('No extension'),
    'not-a-feed.json': '{"hello": "world"}',
    'broken.xml': '<rss><channel><title>x</channel>',
    'archive.warc': Buffer.concat(warcRecords()),
    'archive.warc.gz': gzipMembers(warcRecords()),
    'renamed.bin': gzipMembers(warcRecords()),
    'fake.warc': 'This file only claims to be an archive.',
    'bomb.html.gz': gzipSync(Buffer.alloc(5000, 0x61)),
  };
  for (const [name, body] of Object.entries(files)) {
    await fs.mkdir(path.dirname(rel(name)), { recursive: true });
    await fs.writeFile(rel(name), body);
  }
  // Sparse: 100 MB on paper, nothing on disk, so refusing it must not depend on reading it.
  await fs.writeFile(rel('huge.html'), '<p>');
  await fs.truncate(rel('huge.html'), 100 * 1024 * 1024);

  srv = await startServer({
    '/page': send(PAGE('Web page')),
    '/redirect': send('', { location: '/page' }, 302),
    '/missing': send('gone', {}, 404),
    '/ru': send(iconv.encode(`<html><body><p>${RU}</p></body></html>`, 'windows-1251'), { 'content-type': 'text/html; charset=windows-1251' }),
    '/ar': send(iconv.encode(`<html><head><meta charset="windows-1256"></head><body><p>${AR}</p></body></html>`, 'windows-1256'), { 'content-type': 'text/html' }),
    '/tr': send(iconv.encode(`<html><body><p>${TR}</p></body></html>`, 'iso-8859-9'), { 'content-type': 'text/html' }),
    '/a/1': send(PAGE('Item 1')),
    '/a/2': send(PAGE('Item 2')),
    '/a/3': send(PAGE('Item 3')),
    '/a/pdf': send(Buffer.from('%PDF-1.7\n...'), { 'content-type': 'application/pdf' }),
    '/rss.xml': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Local RSS</title><link>${srv.base}/</link>
        <item><title>Item one</title><link>/a/1</link><pubDate>Tue, 09 Jan 2024 10:00:00 GMT</pubDate><author>desk@example.org (Desk)</author><description>First.</description></item>
        <item><title>Gone</title><link>/a/gone</link></item>
        <item><title>Item two</title><link>${srv.base}/a/2</link></item>
        <item><title>A PDF</title><link>/a/pdf</link></item>
        <item><title>No link</title></item>
      </channel></rss>`);
    },
    '/atom.xml': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/atom+xml' });
      res.end(`<feed xmlns="http://www.w3.org/2005/Atom"><title>Local Atom</title>
        <entry><title>Item three</title><link href="${srv.base}/a/3"/><published>2024-01-09T08:00:00Z</published><author><name>Ann</name></author></entry></feed>`);
    },
    '/feed.json': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/feed+json' });
      res.end(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Local JSON', items: [{ id: '1', url: `${srv.base}/a/1`, title: 'JSON one' }] }));
    },
    '/bad-feed.xml': send('<?xml version="1.0"?><rss><channel><item><title>x</item></channel></rss>', { 'content-type': 'application/rss+xml' }),
    '/sitemap.xml.gz': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-gzip' });
      res.end(gzipSync(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${srv.base}/a/2</loc></url></urlset>`));
    },
    '/index.xml': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.end(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>/sitemap.xml.gz</loc></sitemap><sitemap><loc>/index.xml</loc></sitemap></sitemapindex>`);
    },
    '/list.opml': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/x-opml' });
      res.end(`<opml version="2.0"><head><title>List</title></head><body><outline text="f"><outline xmlUrl="/atom.xml"/><outline xmlUrl="/feed.json"/></outline></body></opml>`);
    },
  });
});

after(async () => {
  await srv.close();
  await fs.rm(dir, { recursive: true, force: true });
});

function warcRecords(): Buffer[] {
  return [
    warcRecord({ type: 'warcinfo', block: 'software: test\r\n' }),
    warcRecord({ type: 'response', uri: 'https://w.example.org/1', date: '2024-01-05T06:07:08Z', block: httpResponse('200 OK', { 'Content-Type': 'text/html' }, PAGE('W1')) }),
    warcRecord({ type: 'response', uri: 'https://w.example.org/x.css', block: httpResponse('200 OK', { 'Content-Type': 'text/css' }, 'p{}') }),
    warcRecord({ type: 'response', uri: 'https://w.example.org/bad', block: 'not http', length: 'many' }),
    warcRecord({ type: 'response', uri: 'https://w.example.org/2', block: httpResponse('200 OK', { 'Content-Type': 'text/html' }, PAGE('W2')) }),
  ];
}

async function run(inputs: string[], stdin?: NodeJS.ReadableStream, maxBytes?: number): Promise<Array<RawDocument | InputFailure>> {
  const out: Array<RawDocument | InputFailure> = [];
  for await (const item of expandInputs(inputs, { stdin, maxBytes, now: () => NOW })) out.push(item);
  return out;
}

/** "doc <input> | <url> | <contentType> | <feed item title>" or "fail <code> <error line>". */
function lines(items: Array<RawDocument | InputFailure>): string[] {
  return items.map((it) => tidy(isInputFailure(it)
    ? `fail ${it.code} ${it.error}`
    : `doc ${it.input} | ${it.url} | ${it.contentType} | ${it.feed?.itemTitle ?? '-'}`));
}

const cases: Array<{ reason: string; inputs: () => string[]; stdin?: () => NodeJS.ReadableStream; maxBytes?: number; expected: string[] }> = [
  {
    reason: 'folder: recursive, code-point sorted, hidden files and folders and unknown extensions skipped, .gz read',
    inputs: () => [rel('tree')],
    expected: [
      'doc DIR/tree/Z-upper.txt | null | text/plain | -',
      'doc DIR/tree/a.html | null | text/html | -',
      'doc DIR/tree/b.txt | null | text/plain | -',
      'doc DIR/tree/sub/c.htm | null | text/html | -',
      'doc DIR/tree/sub/deeper/d.html.gz | null | text/html | -',
    ],
  },
  {
    reason: 'file errors are one line each and do not stop the batch; a .gz name over plain bytes is read as plain',
    inputs: () => [rel('nope.html'), rel('empty.txt'), rel('blank.txt'), rel('binary.html'), rel('image.txt'), rel('truncated.html.gz'), rel('notgzip.txt.gz'), rel('tree/a.html')],
    expected: [
      'fail not_found DIR/nope.html: no such file or folder',
      'fail empty_input DIR/empty.txt: empty file',
      'fail empty_input DIR/blank.txt: contains only whitespace',
      'fail binary_input DIR/binary.html: not text (contains NUL bytes)',
      'fail binary_input DIR/image.txt: not text (PNG data)',
      'fail bad_gzip DIR/truncated.html.gz: truncated or corrupt gzip (unexpected end of file)',
      'doc DIR/notgzip.txt.gz | null | text/plain | -',
      'doc DIR/tree/a.html | null | text/html | -',
    ],
  },
  {
    reason: 'a 100 MB file is refused by its size',
    inputs: () => [rel('huge.html')],
    expected: ['fail too_large DIR/huge.html: 100 MB exceeds the 20 MB limit'],
  },
  {
    reason: 'a lower cap applies to files, and to what a small .gz inflates to',
    inputs: () => [rel('tree/a.html'), rel('bomb.html.gz')],
    maxBytes: 50,
    expected: [
      'fail too_large DIR/tree/a.html: 84 bytes exceeds the 50 bytes limit',
      'fail too_large DIR/bomb.html.gz: larger than the 50 bytes limit',
    ],
  },
  {
    reason: 'a .warc that is not an archive is refused, not read as a page',
    inputs: () => [rel('fake.warc')],
    expected: ['fail bad_warc DIR/fake.warc: does not start with a WARC/1.x record'],
  },
  {
    reason: 'unknown extension is sniffed by content; non-feed .json and malformed .xml are refused as feeds',
    inputs: () => [rel('noext'), rel('not-a-feed.json'), rel('broken.xml')],
    expected: [
      'doc DIR/noext | null | null | -',
      'fail bad_feed DIR/not-a-feed.json: not an RSS, Atom, JSON Feed, sitemap or OPML document',
      "fail bad_feed DIR/broken.xml: malformed XML at line 1: Expected closing tag 'title' (opened in line 1, col 15) instead of closing tag 'channel'.",
    ],
  },
  {
    reason: 'WARC archives: one document per HTML response, named by record index; the damaged record is one failure',
    inputs: () => [rel('archive.warc'), rel('archive.warc.gz'), rel('renamed.bin')],
    expected: [
      'doc DIR/archive.warc#record-1 | https://w.example.org/1 | text/html | -',
      'fail bad_warc DIR/archive.warc#record-3: invalid Content-Length "many"',
      'doc DIR/archive.warc#record-4 | https://w.example.org/2 | text/html | -',
      'doc DIR/archive.warc.gz#record-1 | https://w.example.org/1 | text/html | -',
      'fail bad_warc DIR/archive.warc.gz#record-3: invalid Content-Length "many"',
      'doc DIR/archive.warc.gz#record-4 | https://w.example.org/2 | text/html | -',
      'doc DIR/renamed.bin#record-1 | https://w.example.org/1 | text/html | -',
      'fail bad_warc DIR/renamed.bin#record-3: invalid Content-Length "many"',
      'doc DIR/renamed.bin#record-4 | https://w.example.org/2 | text/html | -',
    ],
  },
  {
    reason: 'stdin as "-"',
    inputs: () => ['-'],
    stdin: () => Readable.from([Buffer.from('Plain text from a pipe.\n')]),
    expected: ['doc - | null | null | -'],
  },
  {
    reason: 'gzipped stdin is un-gzipped',
    inputs: () => ['-'],
    stdin: () => Readable.from([gzipSync(PAGE('piped'))]),
    expected: ['doc - | null | null | -'],
  },
  {
    reason: 'empty stdin',
    inputs: () => ['-'],
    stdin: () => Readable.from([]),
    expected: ['fail empty_input -: empty input'],
  },
  {
    reason: 'a WARC piped on stdin is streamed by record',
    inputs: () => ['-'],
    stdin: () => Readable.from([gzipMembers(warcRecords())]),
    expected: [
      'doc -#record-1 | https://w.example.org/1 | text/html | -',
      'fail bad_warc -#record-3: invalid Content-Length "many"',
      'doc -#record-4 | https://w.example.org/2 | text/html | -',
    ],
  },
  {
    reason: 'URLs: page, redirect keeps the final URL, 404 is one failure line',
    inputs: () => [`${srv.base}/page`, `${srv.base}/redirect`, `${srv.base}/missing`],
    expected: [
      'doc SRV/page | SRV/page | text/html; charset=utf-8 | -',
      'doc SRV/redirect | SRV/page | text/html; charset=utf-8 | -',
      'fail http_status SRV/missing: HTTP 404 Not Found',
    ],
  },
  {
    reason: 'RSS feed: each item page fetched in order with feed metadata; failing, binary and link-less items are named and the batch goes on',
    inputs: () => [`${srv.base}/rss.xml`],
    expected: [
      'fail bad_feed SRV/rss.xml: 1 item(s) without an http(s) link skipped',
      'doc SRV/a/1 | SRV/a/1 | text/html; charset=utf-8 | Item one',
      'fail http_status SRV/a/gone (item of SRV/rss.xml): HTTP 404 Not Found',
      'doc SRV/a/2 | SRV/a/2 | text/html; charset=utf-8 | Item two',
      'fail binary_input SRV/a/pdf (item of SRV/rss.xml): not text (PDF data)',
    ],
  },
  {
    reason: 'Atom and JSON Feed items',
    inputs: () => [`${srv.base}/atom.xml`, `${srv.base}/feed.json`],
    expected: [
      'doc SRV/a/3 | SRV/a/3 | text/html; charset=utf-8 | Item three',
      'doc SRV/a/1 | SRV/a/1 | text/html; charset=utf-8 | JSON one',
    ],
  },
  {
    reason: 'malformed feed is one bad_feed line',
    inputs: () => [`${srv.base}/bad-feed.xml`],
    expected: ["fail bad_feed SRV/bad-feed.xml: malformed XML at line 1: Expected closing tag 'title' (opened in line 1, col 42) instead of closing tag 'item'."],
  },
  {
    reason: 'sitemap index → gzipped sitemap → page; the index listing itself is not read twice',
    inputs: () => [`${srv.base}/index.xml`],
    expected: ['doc SRV/a/2 | SRV/a/2 | text/html; charset=utf-8 | -'],
  },
  {
    reason: 'OPML → feeds → item pages',
    inputs: () => [`${srv.base}/list.opml`],
    expected: [
      'doc SRV/a/3 | SRV/a/3 | text/html; charset=utf-8 | Item three',
      'doc SRV/a/1 | SRV/a/1 | text/html; charset=utf-8 | JSON one',
    ],
  },
];

for (const c of cases) {
  test(`expandInputs: ${c.reason}`, async () => {
    assert.deepEqual(lines(await run(c.inputs(), c.stdin?.(), c.maxBytes)), c.expected);
  });
}

test('expandInputs: the 100 MB file is refused quickly', async () => {
  const started = Date.now();
  await run([rel('huge.html')]);
  assert.ok(Date.now() - started < 500, `took ${Date.now() - started} ms`);
});

test('expandInputs: documents carry bytes, fetchedAt from now() or WARC-Date, and feed metadata', async () => {
  const [file] = await run([rel('tree/sub/deeper/d.html.gz')]);
  assert.ok(!isInputFailure(file));
  assert.equal(file.bytes.toString(), PAGE('D'));
  assert.equal(file.fetchedAt, NOW.toISOString());

  const [warcDoc] = await run([rel('archive.warc.gz')]);
  assert.ok(!isInputFailure(warcDoc));
  assert.equal(warcDoc.fetchedAt, '2024-01-05T06:07:08.000Z');

  const items = await run([`${srv.base}/rss.xml`]);
  const first = items.find((x): x is RawDocument => !isInputFailure(x));
  assert.deepEqual(tidyFeed(first?.feed), {
    feedUrl: 'SRV/rss.xml', feedTitle: 'Local RSS', itemTitle: 'Item one', itemPublished: '2024-01-09T10:00:00.000Z',
    itemAuthor: 'desk@example.org (Desk)', itemSummary: 'First.',
  });
});

function tidyFeed(feed: RawDocument['feed']): unknown {
  return feed && { ...feed, feedUrl: tidy(feed.feedUrl) };
}

const charsetCases: Array<{ reason: string; path: string; charset: string; text: string }> = [
  { reason: 'windows-1251 Russian named in the header', path: '/ru', charset: 'windows-1251', text: RU },
  { reason: 'windows-1256 Arabic named in <meta>', path: '/ar', charset: 'windows-1256', text: AR },
  { reason: 'ISO-8859-9 Turkish named nowhere: detected', path: '/tr', charset: 'windows-1254', text: TR },
];

for (const c of charsetCases) {
  test(`fetched page decodes: ${c.reason}`, async () => {
    const [doc] = await run([srv.base + c.path]);
    assert.ok(!isInputFailure(doc));
    const decoded = decodeBytes(doc.bytes, doc.contentType);
    assert.equal(decoded.charset, c.charset);
    assert.ok(decoded.text.includes(c.text));
  });
}
