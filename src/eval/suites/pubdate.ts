// Quality gate for publication dates: day-level accuracy of findPublishedInHtml (text fallback) over an htmldate-style folder.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { processDocument } from '../../pipeline/run.ts';
import type { PublishedDate } from '../../domain/article.ts';
import { round, type EvalResult } from '../metrics.ts';

/** gold.json: page URL → its file under html/ (gzipped) and the day it was published (null: none). */
interface Gold {
  [url: string]: { file: string; date: string | null };
}

export interface PageResult {
  url: string;
  file: string;
  gold: string | null;
  predicted: string | null;
  detail: string | null;
  outcome: 'tp' | 'fp' | 'fn' | 'tn';
}

/** Bytes at most searched for a <meta charset> declaration (browsers look in the first 1024; pages stray further). */
const CHARSET_SNIFF_BYTES = 4096;
/** Share of U+FFFD in a UTF-8 decoding above which the bytes are taken as another charset and detected. */
const BAD_UTF8_SHARE = 0.001;

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

function strictUtf8(bytes: Buffer): string | null {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return null;
  }
}

/** Decodes page bytes: BOM, then the declared <meta> charset (unless the bytes are plainly UTF-8), then UTF-8, then detection when UTF-8 fails. */
export function decodeHtml(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv.decode(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(bytes.subarray(2), 'utf-16be');
  const head = bytes.subarray(0, CHARSET_SNIFF_BYTES).toString('latin1');
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (declared && !/^utf-?8$/.test(declared) && iconv.encodingExists(declared)) {
    // Pages often keep a legacy <meta> after their server moved to UTF-8 (the HTTP header, which we
    // lack, wins in browsers). Bytes that are valid UTF-8 with multi-byte sequences are almost never
    // legacy single-byte text, so they are read as UTF-8.
    const utf8 = strictUtf8(bytes);
    return utf8 !== null && /[^\x00-\x7f]/.test(utf8) ? utf8 : iconv.decode(bytes, declared);
  }
  const utf8 = bytes.toString('utf8');
  const bad = (utf8.match(/\uFFFD/g) ?? []).length;
  if (declared || bad <= utf8.length * BAD_UTF8_SHARE) return utf8;
  const detected = chardet.detect(bytes);
  return detected && iconv.encodingExists(detected) ? iconv.decode(bytes, detected) : utf8;
}

/** The gold file as written by pandas: missing dates appear as the bare token NaN, which JSON lacks. */
function parseGold(text: string): Gold {
  return JSON.parse(text.replace(/:\s*NaN\b/g, ': null')) as Gold;
}

/** Scores every page of `dir/gold.json`; a page without a gold date is right only when none is predicted. */
export async function scorePubdate(dir: string, now: Date = new Date()): Promise<PageResult[]> {
  const gold = parseGold(await readFile(join(dir, 'gold.json'), 'utf8'));
  const results: PageResult[] = [];
  for (const [url, g] of Object.entries(gold)) {
    // Through the same orchestrator as ingest: decoding, one DOM build, page dates, then visible-text dates.
    const bytes = gunzipSync(await readFile(join(dir, 'html', `${g.file}.gz`)));
    let found: PublishedDate | null = null;
    try {
      found = processDocument({ input: g.file, url, bytes, contentType: 'text/html', fetchedAt: now.toISOString() }, { now, allowEmpty: true }).published;
    } catch {
      found = null; // an undecodable page counts as a miss
    }
    const predicted = found ? found.value.slice(0, 10) : null;
    const expected = g.date ? g.date.slice(0, 10) : null;
    const outcome = predicted === null ? (expected === null ? 'tn' : 'fn') : predicted === expected ? 'tp' : 'fp';
    results.push({ url, file: g.file, gold: expected, predicted, detail: found?.detail ?? null, outcome });
  }
  return results;
}

export async function run(dir: string): Promise<EvalResult> {
  const results = await scorePubdate(dir);
  const count = (o: PageResult['outcome']) => results.filter((r) => r.outcome === o).length;
  const [tp, fp, fn, tn] = [count('tp'), count('fp'), count('fn'), count('tn')];
  const n = results.length;
  return {
    suite: 'pubdate',
    n,
    metrics: {
      accuracy: round(n === 0 ? 0 : (tp + tn) / n),
      precision: round(tp + fp === 0 ? 0 : tp / (tp + fp)),
      recall: round(tp + fn === 0 ? 0 : tp / (tp + fn)),
    },
    failures: results
      .filter((r) => r.outcome === 'fp' || r.outcome === 'fn')
      .map((r) => ({ id: r.url, detail: `gold ${r.gold ?? 'none'}, got ${r.predicted ?? 'none'}${r.detail ? ` from ${r.detail}` : ''}` })),
  };
}
