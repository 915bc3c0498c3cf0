// Quality gate for HTML article extraction: Zyte shingle P/R/F1 of the ingest orchestrator over a zyte-benchmark-style folder.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { processDocument } from '../../pipeline/run.ts';
import { round, zyteAggregate, zyteDocument, type DocPR, type EvalResult } from '../metrics.ts';

interface GroundTruth {
  [id: string]: { articleBody: string; url?: string | null };
}

/** One page's score, with the text produced, for finding systematic errors. */
export interface PageScore extends DocPR {
  id: string;
  url: string | null;
  predicted: string;
  truth: string;
}

/** Decodes page bytes: the <meta charset> (or http-equiv content type) when declared, else UTF-8. */
export function decodePage(bytes: Buffer): string {
  const head = bytes.subarray(0, 4096).toString('latin1');
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (declared && declared !== 'utf-8' && declared !== 'utf8') {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // An unknown label falls through to UTF-8, the web's default.
    }
  }
  return bytes.toString('utf8');
}

/** Scores every page listed in `dir/ground-truth.json` whose `html/<id>.html.gz` exists. */
export async function scorePages(dir: string): Promise<PageScore[]> {
  const truth = JSON.parse(await readFile(join(dir, 'ground-truth.json'), 'utf8')) as GroundTruth;
  const available = new Set(await readdir(join(dir, 'html')));
  const scores: PageScore[] = [];
  for (const [id, gold] of Object.entries(truth)) {
    const file = `${id}.html.gz`;
    if (!available.has(file)) continue;
    // Through the same orchestrator as ingest (decoding, one DOM build, dates, extraction).
    const bytes = gunzipSync(await readFile(join(dir, 'html', file)));
    const url = gold.url ?? null;
    let predicted = '';
    try {
      predicted = processDocument({ input: file, url, bytes, contentType: 'text/html', fetchedAt: new Date().toISOString() }).text;
    } catch {
      predicted = ''; // no article found scores zero for this page
    }
    scores.push({ id, url, predicted, truth: gold.articleBody, ...zyteDocument(predicted, gold.articleBody) });
  }
  return scores;
}

export async function run(dir: string): Promise<EvalResult> {
  const scores = await scorePages(dir);
  const { precision, recall, f1 } = zyteAggregate(scores);
  return {
    suite: 'extraction',
    n: scores.length,
    metrics: { precision: round(precision), recall: round(recall), f1: round(f1) },
  };
}
