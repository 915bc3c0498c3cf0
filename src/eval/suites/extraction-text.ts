// Quality gate for plain-text capture extraction: Zyte shingle P/R/F1 of the ingest orchestrator over a zyte-benchmark-style folder.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { processDocument } from '../../pipeline/run.ts';
import { round, zyteAggregate, zyteDocument, type DocPR, type EvalResult } from '../metrics.ts';

interface Bodies {
  [id: string]: { articleBody: string; url?: string | null };
}

/** One page's score, with the text produced, for finding systematic errors. */
export interface TextPageScore extends DocPR {
  id: string;
  url: string | null;
  predicted: string;
  truth: string;
}

/**
 * Scores every page of `dir/ground-truth.json` that has a whole-page capture in `dir/text-only-input.json`.
 */
export async function scoreTextPages(dir: string): Promise<TextPageScore[]> {
  const truth = JSON.parse(await readFile(join(dir, 'ground-truth.json'), 'utf8')) as Bodies;
  const input = JSON.parse(await readFile(join(dir, 'text-only-input.json'), 'utf8')) as Bodies;
  const scores: TextPageScore[] = [];
  for (const [id, gold] of Object.entries(truth)) {
    const capture = input[id]?.articleBody;
    if (typeof capture !== 'string') continue;
    // Through the same orchestrator as ingest, as a plain-text capture with no repetition evidence.
    let predicted = '';
    try {
      predicted = processDocument({ input: id, url: null, bytes: Buffer.from(capture, 'utf8'), contentType: 'text/plain', fetchedAt: new Date().toISOString() }).text;
    } catch {
      predicted = '';
    }
    scores.push({ id, url: gold.url ?? null, predicted, truth: gold.articleBody, ...zyteDocument(predicted, gold.articleBody) });
  }
  return scores;
}

export async function run(dir: string): Promise<EvalResult> {
  const scores = await scoreTextPages(dir);
  const { precision, recall, f1 } = zyteAggregate(scores);
  return {
    suite: 'extraction-text',
    n: scores.length,
    metrics: { precision: round(precision), recall: round(recall), f1: round(f1) },
  };
}
