// Quotes suite: quote detection P/R/F1 and speaker accuracy against BRAT attribution annotations (PolNeAR layout).
import { f1, round, type EvalResult } from '../metrics.ts';
import { readAnnotatedFolder, type GoldAttribution } from '../../pipeline/quotes/brat.ts';
import { extractQuotes } from '../../pipeline/quotes/extract.ts';
import type { QuoteMention, Span } from '../../pipeline/quotes/types.ts';

/** Overlap thresholds of shared/eval/README.md: overlap / gold length at or above this is a match. */
export const LOOSE = 0.3;
const STRICT = 0.8;

export interface QuoteCounts {
  predicted: number;
  gold: number;
  matched: number;
  matchedStrict: number;
  /** Matched (loose) quotes whose gold attribution names a source. */
  withSource: number;
  speakerRight: number;
}

function length(spans: Span[]): number {
  return spans.reduce((s, x) => s + Math.max(0, x.end - x.start), 0);
}

function overlap(a: Span[], b: Span[]): number {
  let n = 0;
  for (const x of a) for (const y of b) n += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
  return n;
}

/** Share of the gold spans' characters that the predicted spans cover (0 for empty gold). */
export function goldCovered(pred: Span[], gold: Span[]): number {
  const len = length(gold);
  return len === 0 ? 0 : overlap(pred, gold) / len;
}

/** What scoring reads of a predicted quote: its content parts and its speaker mention. */
type Scored = Pick<QuoteMention, 'parts'> & { speaker: Span | null };

/** One-to-one matching, best ratio first: each gold content and each prediction is used at most once. */
function match(pred: Scored[], gold: GoldAttribution[], threshold: number): Array<[number, number]> {
  const candidates: Array<[number, number, number]> = [];
  pred.forEach((p, i) => gold.forEach((g, j) => {
    const ratio = goldCovered(p.parts, g.content);
    if (ratio >= threshold) candidates.push([ratio, i, j]);
  }));
  candidates.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  const pairs: Array<[number, number]> = [];
  for (const [, i, j] of candidates) {
    if (usedP.has(i) || usedG.has(j)) continue;
    usedP.add(i);
    usedG.add(j);
    pairs.push([i, j]);
  }
  return pairs;
}

/** Counts for one annotator's attributions of one text. */
export function scoreText(pred: Scored[], gold: GoldAttribution[]): QuoteCounts {
  const loose = match(pred, gold, LOOSE);
  let withSource = 0;
  let speakerRight = 0;
  for (const [i, j] of loose) {
    const source = gold[j].source;
    if (!source) continue;
    withSource++;
    const sp = pred[i].speaker;
    if (sp && overlap([sp], source) > 0) speakerRight++;
  }
  return {
    predicted: pred.length, gold: gold.length, matched: loose.length,
    matchedStrict: match(pred, gold, STRICT).length, withSource, speakerRight,
  };
}

function add(a: QuoteCounts, b: QuoteCounts, weight = 1): QuoteCounts {
  return {
    predicted: a.predicted + weight * b.predicted, gold: a.gold + weight * b.gold,
    matched: a.matched + weight * b.matched, matchedStrict: a.matchedStrict + weight * b.matchedStrict,
    withSource: a.withSource + weight * b.withSource, speakerRight: a.speakerRight + weight * b.speakerRight,
  };
}

const ZERO: QuoteCounts = { predicted: 0, gold: 0, matched: 0, matchedStrict: 0, withSource: 0, speakerRight: 0 };

/** One annotator's attributions read as predictions: the content's fragments, the source's first fragment. */
function asPredictions(gold: GoldAttribution[]): Scored[] {
  return gold.map((g) => ({ parts: g.content, speaker: g.source?.[0] ?? null }));
}

/**
 * Scores any extractor over a folder; a text with several annotators counts once, its counts averaged.
 * On the texts with several annotators it also scores each annotator against the others, the same way
 * (`agreement_*`), beside the extractor's score on those texts alone (`quote_f1_on_agreement_texts`):
 * how far people agree under this metric is the ceiling a system can be held to.
 */
export function scoreFolder(dir: string, extract: (text: string) => QuoteMention[]): EvalResult {
  const texts = readAnnotatedFolder(dir);
  let total = ZERO;
  let agreement = ZERO;
  let onShared = ZERO;
  let shared = 0;
  const files: Record<string, Record<string, number>> = {};
  for (const t of texts) {
    if (t.annotations.length === 0) continue;
    const pred = extract(t.text);
    let perText = ZERO;
    for (const a of t.annotations) perText = add(perText, scoreText(pred, a.attributions), 1 / t.annotations.length);
    total = add(total, perText);
    const n = t.annotations.length;
    if (n > 1) {
      shared++;
      onShared = add(onShared, perText);
      for (const a of t.annotations) {
        for (const b of t.annotations) {
          if (a !== b) agreement = add(agreement, scoreText(asPredictions(a.attributions), b.attributions), 1 / (n * (n - 1)));
        }
      }
    }
    files[t.name] = {
      quote_f1: round(quoteF1(perText)),
      gold: round(perText.gold, 2), predicted: perText.predicted,
    };
  }
  const precision = safe(total.matched, total.predicted);
  const recall = safe(total.matched, total.gold);
  const precisionStrict = safe(total.matchedStrict, total.predicted);
  const recallStrict = safe(total.matchedStrict, total.gold);
  return {
    suite: 'quotes',
    n: Object.keys(files).length,
    metrics: {
      quote_precision: round(precision),
      quote_recall: round(recall),
      quote_f1: round(f1(precision, recall)),
      quote_f1_08: round(f1(precisionStrict, recallStrict)),
      speaker_accuracy: round(safe(total.speakerRight, total.withSource)),
      ...(shared > 0 ? {
        agreement_texts: shared,
        agreement_quote_f1: round(quoteF1(agreement)),
        agreement_speaker_accuracy: round(safe(agreement.speakerRight, agreement.withSource)),
        quote_f1_on_agreement_texts: round(quoteF1(onShared)),
      } : {}),
    },
    files,
  };
}

function quoteF1(c: QuoteCounts): number {
  return f1(safe(c.matched, c.predicted), safe(c.matched, c.gold));
}

function safe(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

export async function run(dir: string): Promise<EvalResult> {
  return scoreFolder(dir, extractQuotes);
}
