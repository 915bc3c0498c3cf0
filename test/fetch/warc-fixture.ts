// Builds small WARC archives in memory for tests: plain records, per-record gzip members, deliberate damage.
import { gzipSync } from 'node:zlib';

export interface RecordSpec {
  type: string;
  uri?: string;
  date?: string;
  /** WARC Content-Type; defaults to the HTTP response type for response records. */
  contentType?: string;
  block: Buffer | string;
  /** Overrides the Content-Length header (to build malformed records). */
  length?: string;
}

export function warcRecord(r: RecordSpec): Buffer {
  const block = Buffer.isBuffer(r.block) ? r.block : Buffer.from(r.block);
  const lines = [
    'WARC/1.0',
    `WARC-Type: ${r.type}`,
    `WARC-Record-ID: <urn:uuid:${Math.abs(hash(block.toString('latin1') + r.type)).toString(16)}>`,
    ...(r.uri ? [`WARC-Target-URI: ${r.uri}`] : []),
    `WARC-Date: ${r.date ?? '2024-01-09T12:00:00Z'}`,
    `Content-Type: ${r.contentType ?? (r.type === 'response' ? 'application/http; msgtype=response' : 'application/warc-fields')}`,
    `Content-Length: ${r.length ?? block.length}`,
  ];
  return Buffer.concat([Buffer.from(lines.join('\r\n') + '\r\n\r\n'), block, Buffer.from('\r\n\r\n')]);
}

export function httpResponse(status: string, headers: Record<string, string>, body: Buffer | string): Buffer {
  const head = [`HTTP/1.1 ${status}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)].join('\r\n');
  return Buffer.concat([Buffer.from(head + '\r\n\r\n'), Buffer.isBuffer(body) ? body : Buffer.from(body)]);
}

export function chunked(body: string, size: number): Buffer {
  const parts: string[] = [];
  for (let i = 0; i < body.length; i += size) {
    const piece = body.slice(i, i + size);
    parts.push(`${Buffer.byteLength(piece).toString(16)}\r\n${piece}\r\n`);
  }
  return Buffer.from(parts.join('') + '0\r\n\r\n');
}

/** A .warc.gz as Common Crawl writes it: one gzip member per record. */
export function gzipMembers(records: Buffer[]): Buffer {
  return Buffer.concat(records.map((r) => gzipSync(r)));
}

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
  return h;
}
