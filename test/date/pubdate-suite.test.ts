import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { decodeHtml, run } from '../../src/eval/suites/pubdate.ts';

/** Builds a tiny folder laid out as pubdate-dev: gold.json (with pandas' NaN) and gzipped pages. */
function makeFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pubdate-'));
  mkdirSync(join(dir, 'html'));
  const pages: Record<string, Buffer> = {
    'a.html': Buffer.from('<html><head><meta charset="utf-8"><script type="application/ld+json">'
      + '{"@type":"NewsArticle","datePublished":"2020-04-15T10:00:00Z"}</script></head><body><h1>A</h1></body></html>'),
    'b.html': iconv.encode('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head>'
      + '<body><h1>Новости города и области</h1><div class="date">3 марта 2020</div></body></html>', 'windows-1251'),
    'c.html': Buffer.from('<html><body><h1>Home page without a date</h1><p>Welcome.</p></body></html>'),
    'd.html': Buffer.from('<html><body><h1>Story with a wrong-looking date</h1><p class="date">1 May 2019</p></body></html>'),
    'e.html': Buffer.from('<html><body><h1>Story without any date at all</h1><p>Text.</p></body></html>'),
  };
  for (const [file, bytes] of Object.entries(pages)) writeFileSync(join(dir, 'html', `${file}.gz`), gzipSync(bytes));
  writeFileSync(join(dir, 'gold.json'), `{
    "https://example.com/a": {"date": "2020-04-15", "file": "a.html"},
    "https://example.ru/b": {"date": "2020-03-03", "file": "b.html"},
    "https://example.com/": {"date": NaN, "file": "c.html"},
    "https://example.com/d": {"date": "2019-05-02", "file": "d.html"},
    "https://example.com/e": {"date": "2019-05-02", "file": "e.html"}
  }`);
  return dir;
}

test('pubdate suite: reads any folder of that layout and scores day-level TP/FP/FN', async () => {
  const dir = makeFolder();
  try {
    const result = await run(dir);
    assert.equal(result.suite, 'pubdate');
    assert.equal(result.n, 5);
    // a, b right (TP); c has no gold date and none predicted (counts as right); d wrong (FP); e none (FN).
    assert.deepEqual(result.metrics, { accuracy: 0.6, precision: 0.6667, recall: 0.6667 });
    assert.equal(result.failures?.length, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const DECODE_CASES: Array<[bytes: Buffer, expected: string, reason: string]> = [
  [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>é</p>')]), '<p>é</p>', 'UTF-8 byte order mark'],
  [iconv.encode('<meta charset="windows-1251"><p>март</p>', 'windows-1251'), '<meta charset="windows-1251"><p>март</p>', 'declared windows-1251'],
  [iconv.encode('<meta charset=iso-8859-2><p>září</p>', 'iso-8859-2'), '<meta charset=iso-8859-2><p>září</p>', 'declared Latin-2'],
  [Buffer.from('<p>Ekim</p>'), '<p>Ekim</p>', 'no declaration: UTF-8'],
  [Buffer.from('<meta charset="windows-1252"><p>Verzögerung</p>'), '<meta charset="windows-1252"><p>Verzögerung</p>', 'a stale legacy declaration over UTF-8 bytes'],
  [iconv.encode('<p>Привет</p>', 'windows-1251'), '<p>Привет</p>', 'no declaration and invalid UTF-8: detected'],
];

for (const [bytes, expected, reason] of DECODE_CASES) {
  test(`decodeHtml: ${reason}`, () => assert.equal(decodeHtml(bytes), expected));
}
