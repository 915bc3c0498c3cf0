// Turns raw bytes into text: BOM, UTF-8 with non-ASCII, declared charset (header, <meta>, XML declaration), then detection.
import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { StorylineError } from '../../lib/errors.ts';

/** How far into the document a <meta charset> or XML declaration is looked for (pages often put it after scripts). */
const META_SCAN_BYTES = 4096;

/** Bytes sampled for the binary check and for charset detection. */
const SAMPLE_BYTES = 64 * 1024;

/** How much of a page is searched for text runs to detect from; inline data can fill the first hundreds of KB. */
const DETECTION_SCAN_BYTES = 4 * 1024 * 1024;

/**
 * Share of C0 control bytes (other than tab, LF, FF, CR, ESC) above which bytes are not text.
 * Text pages have none or a stray few (< 0.1%); compressed or image data has about 11%
 * (28 of 256 byte values), so 5% separates them with room on both sides.
 */
const BINARY_CONTROL_RATIO = 0.05;

/**
 * Labels whose bytes are decoded with a superset, as browsers do (WHATWG Encoding Standard):
 * pages declaring Latin-1 or ASCII routinely use the windows-1252 quotes and dashes.
 */
const CHARSET_ALIASES: Record<string, string> = {
  'iso-8859-1': 'windows-1252', 'iso8859-1': 'windows-1252', 'latin1': 'windows-1252', 'l1': 'windows-1252',
  'us-ascii': 'windows-1252', 'ascii': 'windows-1252', 'cp1252': 'windows-1252', 'x-cp1252': 'windows-1252',
  'iso-8859-9': 'windows-1254', 'iso8859-9': 'windows-1254', 'latin5': 'windows-1254', 'cp1254': 'windows-1254',
  'iso-8859-11': 'windows-874', 'tis-620': 'windows-874',
  'x-cp1251': 'windows-1251', 'cp1251': 'windows-1251', 'win-1251': 'windows-1251',
  'cp1256': 'windows-1256', 'x-cp1256': 'windows-1256',
  'utf8': 'utf-8', 'unicode-1-1-utf-8': 'utf-8',
  'gb2312': 'gbk', 'x-gbk': 'gbk', 'ks_c_5601-1987': 'euc-kr', 'x-sjis': 'shift_jis', 'sjis': 'shift_jis',
};

/**
 * File signatures of common binary formats. They catch files whose first kilobytes
 * happen to be free of NULs (PDF headers, some JPEG segments).
 */
const BINARY_SIGNATURES: Array<{ name: string; bytes: number[] }> = [
  { name: 'PDF', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'PNG', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'JPEG', bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'ZIP', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'gzip', bytes: [0x1f, 0x8b] },
  { name: 'RIFF (WebP/WAV/AVI)', bytes: [0x52, 0x49, 0x46, 0x46] },
  { name: 'ELF', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'zstd', bytes: [0x28, 0xb5, 0x2f, 0xfd] },
  { name: 'bzip2', bytes: [0x42, 0x5a, 0x68] },
  { name: '7-Zip', bytes: [0x37, 0x7a, 0xbc, 0xaf] },
];

/** Tags needed before prose that mentions "<p>" once is called HTML; three is beyond an accidental quote. */
const HTML_TAGS_IN_PROSE = 3;

const BOMS: Array<{ charset: string; bytes: number[] }> = [
  { charset: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  { charset: 'utf-16le', bytes: [0xff, 0xfe] },
  { charset: 'utf-16be', bytes: [0xfe, 0xff] },
];

/** Decodes bytes to text and names the charset used. Throws StorylineError('binary_input') for non-text bytes. */
export function decodeBytes(bytes: Buffer, contentType: string | null): { text: string; charset: string } {
  // 1. A byte-order mark wins over every declaration (as in browsers).
  for (const bom of BOMS) {
    if (startsWith(bytes, bom.bytes)) {
      return { text: iconv.decode(bytes.subarray(bom.bytes.length), bom.charset), charset: bom.charset };
    }
  }

  const headerCharset = normaliseCharset(charsetParam(contentType));
  // A declared UTF-16 without a BOM is real UTF-16 (full of NULs), so the binary check must not see it.
  if (!headerCharset?.startsWith('utf-16')) {
    const reason = binaryReason(bytes);
    if (reason) throw new StorylineError('binary_input', `not text: ${reason}`);
  }

  // 2. Bytes that are valid UTF-8 and use non-ASCII are UTF-8, whatever is declared: legacy-encoded text
  //    with accented or non-Latin letters is practically never valid UTF-8, while stale declarations are
  //    common (pages re-saved as UTF-8 keep their old <meta>; servers default to ISO-8859-1). Measured on
  //    the pubdate and zyte dev pages: 3 of 192 declare a legacy charset over UTF-8 bytes.
  const utf8 = isUtf8(bytes);
  if (utf8 && hasNonAscii(bytes) && !headerCharset?.startsWith('utf-16')) return { text: bytes.toString('utf8'), charset: 'utf-8' };

  // 3. The Content-Type header, 4. a <meta> or XML declaration near the start.
  const declared = headerCharset ?? declaredInDocument(bytes);
  if (declared && declared !== 'utf-8') return { text: iconv.decode(bytes, declared), charset: declared };

  // A page declaring UTF-8 whose bytes are not is mis-declared, which legacy-encoded sites do often;
  // detection reads it better than U+FFFD would.
  if (utf8) return { text: bytes.toString('utf8'), charset: 'utf-8' };

  // 5. Statistical detection for legacy single- and multi-byte encodings.
  const detected = normaliseCharset(chardet.detect(detectionSample(bytes)));
  const charset = detected && detected !== 'utf-8' ? detected : 'windows-1252';
  return { text: iconv.decode(bytes, charset), charset };
}

/** True when the text starts like an HTML document or fragment rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).replace(/^\uFEFF/, '');
  if (/<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]/i.test(head)) return true;
  // A fragment: it opens with a tag, or several block/meta tags appear early on.
  const tags = head.match(/<(p|div|article|section|main|meta|title|br|h[1-6]|span|a|ul|li|table)[\s>/]/gi) ?? [];
  return (/^\s*</.test(head) && tags.length >= 1) || tags.length >= HTML_TAGS_IN_PROSE;
}

/** Why the bytes are not text, or null when they are. Exported so inputs can be refused before decoding. */
export function binaryReason(bytes: Buffer): string | null {
  for (const sig of BINARY_SIGNATURES) {
    if (startsWith(bytes, sig.bytes)) return `${sig.name} data`;
  }
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i];
    if (b === 0) return 'contains NUL bytes';
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) controls++;
  }
  if (sample.length && controls / sample.length > BINARY_CONTROL_RATIO) {
    return `${Math.round((100 * controls) / sample.length)}% control bytes`;
  }
  return null;
}

/** The `charset` parameter of a Content-Type value, or null. */
export function charsetParam(contentType: string | null): string | null {
  const m = contentType?.match(/charset\s*=\s*["']?([^"';\s]+)/i);
  return m ? m[1] : null;
}

/** A charset label in the name iconv-lite decodes with, or null when unknown. */
export function normaliseCharset(label: string | null): string | null {
  if (!label) return null;
  const lower = label.trim().toLowerCase();
  const name = CHARSET_ALIASES[lower] ?? lower;
  return iconv.encodingExists(name) ? name : null;
}

function declaredInDocument(bytes: Buffer): string | null {
  // latin1 maps bytes one to one, so ASCII markup reads the same whatever the real charset is.
  const head = bytes.subarray(0, META_SCAN_BYTES).toString('latin1');
  const meta = head.match(/<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i);
  const xml = head.match(/^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)["']/i);
  const charset = normaliseCharset(meta?.[1] ?? xml?.[1] ?? null);
  // Bytes readable as ASCII markup cannot be UTF-16, whatever the page says (WHATWG rule).
  return charset?.startsWith('utf-16') ? 'utf-8' : charset;
}

/**
 * The page's non-ASCII text runs, without markup, scripts and styles, for the detector: on whole pages
 * the ASCII of markup and scripts drowns the letters and chardet falls back to Latin-1. Tags are ASCII
 * in every encoding detected here (no legacy multi-byte encoding uses "<" or ">" as a trail byte), so
 * they can be cut out before decoding. Measured on dev pages re-encoded into legacy charsets with
 * their declarations removed: 73/104 decoded right from the first 64 KB, 104/104 from these runs.
 */
function detectionSample(bytes: Buffer): Buffer {
  const page = bytes.subarray(0, DETECTION_SCAN_BYTES).toString('latin1')
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ');
  const runs: string[] = [];
  let size = 0;
  for (const segment of page.split(/<[^>]*>/)) {
    if (!/[\x80-\xff]/.test(segment)) continue;
    const run = segment.replace(/&[#\w]+;/g, ' ').replace(/\s+/g, ' ').trim();
    runs.push(run);
    size += run.length + 1;
    if (size >= SAMPLE_BYTES) break;
  }
  return runs.length ? Buffer.from(runs.join(' '), 'latin1') : bytes.subarray(0, SAMPLE_BYTES);
}

function hasNonAscii(bytes: Buffer): boolean {
  for (const b of bytes) if (b > 0x7f) return true;
  return false;
}

function startsWith(bytes: Buffer, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}
