// Streams HTML pages out of WARC files (.warc, multi-member .warc.gz such as CC-NEWS), one item per record.
//
// Hand-written rather than warcio: warcio reads a record with a bad Content-Length as if it were
// valid and swallows the records after it, while a batch ingest needs one error per bad record
// and the rest of the archive.
import { Readable, pipeline } from 'node:stream';
import { createGunzip, gunzipSync, inflateSync, brotliDecompressSync } from 'node:zlib';
import type { ErrorCode } from '../../lib/errors.ts';
import { ByteReader } from './byte-reader.ts';
import { DEFAULT_MAX_BYTES, formatBytes } from './http.ts';

/** WARC and HTTP header blocks are a few hundred bytes; 64 KB only guards against reading garbage forever. */
const MAX_HEADER_BYTES = 64 * 1024;
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);
const RECORD_START = Buffer.from('\nWARC/');
const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i;

export interface WarcPage {
  kind: 'page';
  /** Position of the record in the archive, counting every record from 0. */
  index: number;
  url: string | null;
  /** WARC-Date as ISO, or null when absent or unreadable. */
  date: string | null;
  status: number;
  contentType: string | null;
  /** HTTP payload with chunking and Content-Encoding undone. */
  bytes: Buffer;
}

export interface WarcError {
  kind: 'error';
  index: number;
  code: ErrorCode;
  message: string;
}

export type WarcItem = WarcPage | WarcError;

export interface WarcOptions {
  /** Records with a larger block are skipped (streamed past) with a too_large item. */
  maxRecordBytes?: number;
}

/**
 * Yields every HTML response (and HTML resource) record as a page; other records are passed over.
 * A malformed record yields an error item and reading resumes at the next "WARC/" line.
 */
export async function* readWarc(source: Buffer | AsyncIterable<Uint8Array>, opts: WarcOptions = {}): AsyncGenerator<WarcItem> {
  const maxRecordBytes = opts.maxRecordBytes ?? DEFAULT_MAX_BYTES;
  let reader = new ByteReader(Buffer.isBuffer(source) ? [source] : source);
  if ((await reader.peek(2)).equals(GZIP_MAGIC)) {
    // Node's gunzip reads concatenated members, so per-record gzip needs nothing special.
    // pipeline (not pipe) so a read error of the source surfaces where the records are read.
    const gunzip = createGunzip();
    pipeline(Readable.from(reader.rest()), gunzip, () => undefined);
    reader = new ByteReader(gunzip);
  }

  let index = 0;
  try {
    for (;; index++) {
      // Records are separated by CRLF CRLF; tolerate extra blank lines.
      while ((await reader.fill(1)) && isSpace((await reader.peek(1))[0])) reader.consume(1);
      if (await reader.atEnd()) return;

      const head = await readHeaderBlock(reader);
      if (!head) {
        yield { kind: 'error', index, code: 'bad_warc', message: `no end of the WARC header within ${formatBytes(MAX_HEADER_BYTES)}` };
        if (!(await resync(reader))) return;
        continue;
      }
      const lines = head.text.split(/\r?\n/);
      if (!/^WARC\/\d+\.\d+\s*$/.test(lines[0])) {
        yield { kind: 'error', index, code: 'bad_warc', message: `expected a "WARC/1.x" line, found "${clip(lines[0])}"` };
        if (!(await resync(reader))) return;
        continue;
      }
      const headers = parseHeaders(lines.slice(1));
      const lengthText = headers.get('content-length') ?? '';
      if (!/^\d+$/.test(lengthText)) {
        yield { kind: 'error', index, code: 'bad_warc', message: `invalid Content-Length "${clip(lengthText)}"` };
        if (!(await resync(reader))) return;
        continue;
      }
      reader.consume(head.length);

      const length = Number(lengthText);
      const type = (headers.get('warc-type') ?? '').toLowerCase();
      const wanted = type === 'response' || type === 'resource';
      if (!wanted || length > maxRecordBytes) {
        // An oversized video or PDF response is not worth a message; an oversized page is.
        const isPage = wanted && isHtmlRecord(await reader.peek(Math.min(length, MAX_HEADER_BYTES)), type, headers);
        const skipped = await reader.skip(length);
        if (isPage) yield { kind: 'error', index, code: 'too_large', message: `${formatBytes(length)} exceeds the ${formatBytes(maxRecordBytes)} limit` };
        if (skipped < length) {
          yield { kind: 'error', index, code: 'bad_warc', message: `truncated (${skipped} of ${length} bytes)` };
          return;
        }
        continue;
      }

      const block = await reader.read(length);
      if (block.length < length) {
        yield { kind: 'error', index, code: 'bad_warc', message: `truncated (${block.length} of ${length} bytes)` };
        return;
      }
      if (!(await recordEndsCleanly(reader))) {
        yield { kind: 'error', index, code: 'bad_warc', message: `Content-Length ${length} does not match the record` };
        // An overlong length swallowed the next record's start: put it back. A short one left body behind: skip it.
        const next = block.indexOf(RECORD_START);
        if (next >= 0) reader.unshift(block.subarray(next + 1));
        else if (!(await resync(reader))) return;
        continue;
      }
      const item = type === 'response' ? responsePage(block, headers, index) : resourcePage(block, headers, index);
      if (item) yield item;
    }
  } catch (err) {
    // zlib reports a cut-off or corrupt .gz here; the records before it were already yielded.
    const e = err as { code?: string; message?: string };
    const gz = typeof e.code === 'string' && e.code.startsWith('Z_');
    yield { kind: 'error', index, code: gz ? 'bad_gzip' : 'bad_warc', message: `${gz ? 'truncated or corrupt gzip' : 'unreadable'} (${e.message ?? String(err)})` };
  }
}

function responsePage(block: Buffer, warcHeaders: Map<string, string>, index: number): WarcItem | null {
  const warcType = warcHeaders.get('content-type') ?? '';
  // dns:, whois: and similar responses are not HTTP messages.
  if (warcType && !/application\/http/i.test(warcType)) return null;
  const end = headerEnd(block);
  const nl = block.indexOf('\n');
  const statusLine = block.subarray(0, nl < 0 ? Math.min(block.length, 200) : nl).toString('latin1');
  const status = statusLine.match(/^HTTP\/\d(?:\.\d)?\s+(\d{3})/);
  if (end < 0 || !status) {
    return { kind: 'error', index, code: 'bad_warc', message: 'response block is not an HTTP message' };
  }
  const http = parseHeaders(block.subarray(0, end).toString('latin1').split(/\r?\n/).slice(1));
  const contentType = http.get('content-type') ?? null;
  const code = Number(status[1]);
  if (code < 200 || code > 299 || !contentType || !HTML_TYPES.test(contentType)) return null;

  let body = block.subarray(end);
  // Crawlers differ: some store the body as sent, some decoded with the original headers kept.
  // So each transform applies only when the bytes actually are in that form.
  if (/chunked/i.test(http.get('transfer-encoding') ?? '')) body = dechunk(body) ?? body;
  body = decodeContent(body, http.get('content-encoding') ?? '');
  return page(index, warcHeaders, code, contentType, body);
}

/** Whether a record (or the first bytes of one) is an HTML page, judged from its content types. */
function isHtmlRecord(blockStart: Buffer, type: string, warcHeaders: Map<string, string>): boolean {
  if (type === 'resource') return HTML_TYPES.test(warcHeaders.get('content-type') ?? '');
  const end = headerEnd(blockStart);
  if (end < 0) return false;
  const http = parseHeaders(blockStart.subarray(0, end).toString('latin1').split(/\r?\n/).slice(1));
  return HTML_TYPES.test(http.get('content-type') ?? '');
}

function resourcePage(block: Buffer, warcHeaders: Map<string, string>, index: number): WarcItem | null {
  const contentType = warcHeaders.get('content-type') ?? null;
  if (!contentType || !HTML_TYPES.test(contentType)) return null;
  return page(index, warcHeaders, 200, contentType, block);
}

function page(index: number, warcHeaders: Map<string, string>, status: number, contentType: string, bytes: Buffer): WarcPage {
  const date = warcHeaders.get('warc-date');
  const parsed = date ? new Date(date) : null;
  return {
    kind: 'page', index,
    url: warcHeaders.get('warc-target-uri')?.replace(/^<|>$/g, '') || null,
    date: parsed && !Number.isNaN(parsed.getTime()) ? parsed.toISOString() : null,
    status, contentType, bytes,
  };
}

/** The header block up to and including its blank line, left unconsumed; null when none within the limit. */
async function readHeaderBlock(reader: ByteReader): Promise<{ text: string; length: number } | null> {
  const crlf = await reader.indexOf(Buffer.from('\r\n\r\n'), MAX_HEADER_BYTES);
  // Some writers use bare LF; accept it when no CRLF blank line comes first.
  const lf = await reader.indexOf(Buffer.from('\n\n'), crlf >= 0 ? crlf : MAX_HEADER_BYTES);
  if (crlf < 0 && lf < 0) return null;
  const [at, size] = lf >= 0 && (crlf < 0 || lf < crlf) ? [lf, 2] : [crlf, 4];
  return { text: (await reader.peek(at)).toString('utf8'), length: at + size };
}

/**
 * A well-formed block is followed by its CRLF CRLF terminator, or at least by blank lines and the
 * next record or the end. Junk after a proper terminator is the next record's problem, not this one's.
 */
async function recordEndsCleanly(reader: ByteReader): Promise<boolean> {
  const next = await reader.peek(16);
  if (next.subarray(0, 4).toString('latin1') === '\r\n\r\n') return true;
  const after = next.toString('latin1').replace(/^[\r\n]+/, '');
  // A cut-off "WAR" at the very end is left for the next read to report as truncated.
  return after === '' || after.startsWith('WARC/') || 'WARC/'.startsWith(after);
}

/** Drops the bad record's first line and moves to the next line that starts a record. */
async function resync(reader: ByteReader): Promise<boolean> {
  reader.consume(1);
  if (!(await reader.skipTo(RECORD_START))) return false;
  reader.consume(1);
  return true;
}

function parseHeaders(lines: string[]): Map<string, string> {
  const headers = new Map<string, string>();
  let last = '';
  for (const line of lines) {
    // Folded continuation lines (leading whitespace) belong to the previous header.
    if (/^[ \t]/.test(line) && last) {
      headers.set(last, `${headers.get(last)} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    last = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(last)) headers.set(last, line.slice(colon + 1).trim());
  }
  return headers;
}

/** Offset just past the blank line ending an HTTP header block, or -1. */
function headerEnd(block: Buffer): number {
  const crlf = block.indexOf('\r\n\r\n');
  const lf = block.indexOf('\n\n');
  if (crlf < 0 && lf < 0) return -1;
  return lf >= 0 && (crlf < 0 || lf < crlf) ? lf + 2 : crlf + 4;
}

/** Undoes Transfer-Encoding: chunked; null when the body is not in chunked form. */
export function dechunk(body: Buffer): Buffer | null {
  const parts: Buffer[] = [];
  let pos = 0;
  for (;;) {
    const eol = body.indexOf('\r\n', pos);
    if (eol < 0) return null;
    const sizeText = body.subarray(pos, eol).toString('latin1').split(';')[0].trim();
    if (!/^[0-9a-f]+$/i.test(sizeText)) return null;
    const size = parseInt(sizeText, 16);
    if (size === 0) return Buffer.concat(parts);
    const start = eol + 2;
    if (start + size > body.length) return null;
    parts.push(body.subarray(start, start + size));
    pos = start + size + 2;
  }
}

function decodeContent(body: Buffer, encoding: string): Buffer {
  const enc = encoding.toLowerCase();
  try {
    if (enc.includes('gzip') && body[0] === 0x1f && body[1] === 0x8b) return gunzipSync(body);
    if (enc.includes('deflate')) return inflateSync(body);
    if (enc.includes('br')) return brotliDecompressSync(body);
  } catch {
    // Stored already decoded under the original header: keep the bytes as they are.
  }
  return body;
}

function isSpace(b: number | undefined): boolean {
  return b === 0x0d || b === 0x0a || b === 0x20 || b === 0x09;
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}
