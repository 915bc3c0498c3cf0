// WARC reading: HTML responses out, other records passed over, damaged records reported and skipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { Readable } from 'node:stream';
import { readWarc, dechunk, type WarcItem } from '../../src/pipeline/fetch/warc.ts';
import { warcRecord, httpResponse, chunked, gzipMembers } from './warc-fixture.ts';

const HTML_A = '<html><body><p>First story body.</p></body></html>';
const HTML_B = '<html><body><p>Second story, sent in chunks and gzipped.</p></body></html>';
const HTML_C = '<html><body><p>Third story after the damage.</p></body></html>';

/** Records in archive order; the comment on each says what readWarc must do with it. */
const RECORDS: Buffer[] = [
  // 0: warcinfo — passed over
  warcRecord({ type: 'warcinfo', block: 'software: test\r\nformat: WARC File Format 1.0\r\n' }),
  // 1: request — passed over
  warcRecord({ type: 'request', uri: 'https://a.example.org/1', contentType: 'application/http; msgtype=request', block: 'GET /1 HTTP/1.1\r\nHost: a.example.org\r\n\r\n' }),
  // 2: HTML response — a page
  warcRecord({ type: 'response', uri: 'https://a.example.org/1', date: '2024-01-09T12:34:56Z', block: httpResponse('200 OK', { 'Content-Type': 'text/html; charset=utf-8' }, HTML_A) }),
  // 3: image response — passed over
  warcRecord({ type: 'response', uri: 'https://a.example.org/logo.png', block: httpResponse('200 OK', { 'Content-Type': 'image/png' }, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0])) }),
  // 4: malformed (Content-Length not a number) — an error, then the reader resynchronises
  Buffer.from('WARC/1.0\r\nWARC-Type: response\r\nContent-Length: twelve\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>lost</p>\r\n\r\n'),
  // 5: chunked + gzip HTML response — a page with both transforms undone
  warcRecord({ type: 'response', uri: 'https://a.example.org/2', block: httpResponse('200 OK', { 'Content-Type': 'text/html', 'Transfer-Encoding': 'chunked', 'Content-Encoding': 'gzip' }, chunkedBytes(gzipSync(HTML_B), 7)) }),
  // 6: redirect response — passed over
  warcRecord({ type: 'response', uri: 'https://a.example.org/old', block: httpResponse('301 Moved Permanently', { 'Content-Type': 'text/html', Location: '/2' }, '<a href="/2">moved</a>') }),
  // 7: not a WARC record at all — an error
  Buffer.from('garbage line here\r\nmore garbage\r\n\r\n'),
  // 8: HTML resource record (no HTTP envelope) — a page
  warcRecord({ type: 'resource', uri: 'file:///saved/c.html', contentType: 'text/html', block: HTML_C }),
];

function chunkedBytes(body: Buffer, size: number): Buffer {
  const parts: Buffer[] = [];
  for (let i = 0; i < body.length; i += size) {
    const piece = body.subarray(i, i + size);
    parts.push(Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n'));
  }
  return Buffer.concat([...parts, Buffer.from('0\r\n\r\n')]);
}

async function collect(source: Buffer | AsyncIterable<Uint8Array>, maxRecordBytes?: number): Promise<WarcItem[]> {
  const out: WarcItem[] = [];
  for await (const item of readWarc(source, { maxRecordBytes })) out.push(item);
  return out;
}

/** A compact view: "page <index> <url> <body>" or "error <index> <code>". */
function summary(items: WarcItem[]): string[] {
  return items.map((it) => (it.kind === 'page' ? `page ${it.index} ${it.url} ${it.bytes.toString()}` : `error ${it.index} ${it.code}`));
}

const EXPECTED = [
  `page 2 https://a.example.org/1 ${HTML_A}`,
  'error 4 bad_warc',
  `page 5 https://a.example.org/2 ${HTML_B}`,
  'error 7 bad_warc',
  `page 8 file:///saved/c.html ${HTML_C}`,
];

/** Splits bytes into small pieces so records and headers straddle chunk boundaries. */
function dribble(bytes: Buffer, size: number): AsyncIterable<Uint8Array> {
  const pieces: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) pieces.push(bytes.subarray(i, i + size));
  return Readable.from(pieces);
}

const archiveCases: Array<{ reason: string; source: () => Buffer | AsyncIterable<Uint8Array>; expected: string[] }> = [
  { reason: '.warc as one buffer', source: () => Buffer.concat(RECORDS), expected: EXPECTED },
  { reason: '.warc streamed in 13-byte pieces', source: () => dribble(Buffer.concat(RECORDS), 13), expected: EXPECTED },
  // Damage cannot be skipped inside one gzip member, so the gz archive carries only well-formed records plus one with a bad length.
  { reason: '.warc.gz with one gzip member per record (CC-NEWS layout)', source: () => gzipMembers(RECORDS.filter((_, i) => i !== 7)), expected: EXPECTED.filter((l) => !l.startsWith('error 7')).map(renumberAfter(7)) },
  { reason: '.warc.gz as one gzip member, streamed', source: () => dribble(gzipSync(Buffer.concat(RECORDS)), 101), expected: EXPECTED },
];

function renumberAfter(removed: number): (line: string) => string {
  return (line) => line.replace(/^(page|error) (\d+)/, (m, kind, n) => (Number(n) > removed ? `${kind} ${Number(n) - 1}` : m));
}

for (const c of archiveCases) {
  test(`readWarc: ${c.reason}`, async () => {
    assert.deepEqual(summary(await collect(c.source())), c.expected);
  });
}

test('readWarc: page fields carry WARC-Date as ISO, status and HTTP content type', async () => {
  const [first] = await collect(Buffer.concat(RECORDS));
  assert.equal(first.kind, 'page');
  if (first.kind !== 'page') return;
  assert.equal(first.date, '2024-01-09T12:34:56.000Z');
  assert.equal(first.status, 200);
  assert.equal(first.contentType, 'text/html; charset=utf-8');
});

const damageCases: Array<{ reason: string; archive: () => Buffer; expected: string[]; maxRecordBytes?: number }> = [
  {
    reason: 'Content-Length too long swallows the next record start: error, then the next record is still read',
    archive: () => Buffer.concat([
      warcRecord({ type: 'response', uri: 'https://x/1', block: httpResponse('200 OK', { 'Content-Type': 'text/html' }, '<p>short</p>'), length: '80' }),
      warcRecord({ type: 'response', uri: 'https://x/2', block: httpResponse('200 OK', { 'Content-Type': 'text/html' }, HTML_C) }),
    ]),
    expected: ['error 0 bad_warc', `page 1 https://x/2 ${HTML_C}`],
  },
  {
    reason: 'Content-Length too short leaves body behind: error, then resync to the next record',
    archive: () => Buffer.concat([
      warcRecord({ type: 'response', uri: 'https://x/1', block: httpResponse('200 OK', { 'Content-Type': 'text/html' }, HTML_A), length: '20' }),
      warcRecord({ type: 'response', uri: 'https://x/2', block: httpResponse('200 OK', { 'Content-Type': 'text/html' }, HTML_C) }),
    ]),
    expected: ['error 0 bad_warc', `page 1 https://x/2 ${HTML_C}`],
  },
  {
    reason: 'archive cut off inside a record: pages before it, then one truncation error',
    archive: () => {
      const whole = Buffer.concat([RECORDS[2], RECORDS[8]]);
      return whole.subarray(0, whole.length - 30);
    },
    expected: [`page 0 https://a.example.org/1 ${HTML_A}`, 'error 1 bad_warc'],
  },
  {
    reason: 'truncated .warc.gz: pages before the cut, then bad_gzip',
    archive: () => {
      const gz = gzipMembers([RECORDS[2], RECORDS[8]]);
      return gz.subarray(0, gz.length - 20);
    },
    expected: [`page 0 https://a.example.org/1 ${HTML_A}`, 'error 1 bad_gzip'],
  },
  {
    reason: 'HTML record over the size cap is skipped with too_large; an oversized image is passed over silently',
    archive: () => Buffer.concat([
      warcRecord({ type: 'response', uri: 'https://x/big.jpg', block: httpResponse('200 OK', { 'Content-Type': 'image/jpeg' }, Buffer.alloc(3000, 1)) }),
      warcRecord({ type: 'response', uri: 'https://x/big', block: httpResponse('200 OK', { 'Content-Type': 'text/html' }, '<p>' + 'x'.repeat(3000) + '</p>') }),
      warcRecord({ type: 'response', uri: 'https://x/ok', block: httpResponse('200 OK', { 'Content-Type': 'text/html' }, HTML_A) }),
    ]),
    maxRecordBytes: 2000,
    expected: ['error 1 too_large', `page 2 https://x/ok ${HTML_A}`],
  },
  {
    reason: 'response block that is not HTTP is an error; a dns: response is passed over',
    archive: () => Buffer.concat([
      warcRecord({ type: 'response', uri: 'dns:a.example.org', contentType: 'text/dns', block: '20240109120000\na.example.org. 300 IN A 10.0.0.1\n' }),
      warcRecord({ type: 'response', uri: 'https://x/1', block: 'this is not an http message' }),
    ]),
    expected: ['error 1 bad_warc'],
  },
  {
    reason: 'body stored already de-chunked under a chunked header is kept as is',
    archive: () => warcRecord({ type: 'response', uri: 'https://x/1', block: httpResponse('200 OK', { 'Content-Type': 'text/html', 'Transfer-Encoding': 'chunked' }, HTML_A) }),
    expected: [`page 0 https://x/1 ${HTML_A}`],
  },
];

for (const c of damageCases) {
  test(`readWarc damage: ${c.reason}`, async () => {
    assert.deepEqual(summary(await collect(c.archive(), c.maxRecordBytes)), c.expected);
  });
}

const dechunkCases: Array<{ reason: string; input: Buffer; expected: string | null }> = [
  { reason: 'two chunks', input: chunked('hello world', 6), expected: 'hello world' },
  { reason: 'chunk extensions are ignored', input: Buffer.from('5;name=v\r\nhello\r\n0\r\n\r\n'), expected: 'hello' },
  { reason: 'not chunked', input: Buffer.from('<html>'), expected: null },
  { reason: 'chunk longer than the data', input: Buffer.from('ff\r\nhello\r\n0\r\n\r\n'), expected: null },
];

for (const c of dechunkCases) {
  test(`dechunk: ${c.reason}`, () => {
    assert.equal(dechunk(c.input)?.toString() ?? null, c.expected);
  });
}
