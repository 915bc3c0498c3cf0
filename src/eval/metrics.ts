// Shared evaluation metrics (Zyte shingle P/R/F1, precision/recall/F1 helpers), as defined in shared/eval/README.md.

/** Tokens as Python's `\w+` with Unicode: letters, marks, digits, connector punctuation. */
export function zyteTokens(text: string): string[] {
  return text.match(/[\p{L}\p{M}\p{N}\p{Pc}]+/gu) ?? [];
}

function shingles(tokens: string[], n = 4): Map<string, number> {
  const out = new Map<string, number>();
  if (tokens.length === 0) return out;
  if (tokens.length < n) {
    out.set(tokens.join(' '), 1);
    return out;
  }
  for (let i = 0; i + n <= tokens.length; i++) {
    const k = tokens.slice(i, i + n).join(' ');
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

export interface DocPR { precision: number; recall: number }

/** Per-document shingle precision and recall (multisets of 4-gram shingles of `\w+` tokens). */
export function zyteDocument(predicted: string, truth: string): DocPR {
  const p = shingles(zyteTokens(predicted));
  const t = shingles(zyteTokens(truth));
  let tp = 0, pn = 0, tn = 0;
  for (const v of p.values()) pn += v;
  for (const [k, v] of t) { tn += v; tp += Math.min(v, p.get(k) ?? 0); }
  if (pn === 0 && tn === 0) return { precision: 1, recall: 1 };
  return { precision: pn === 0 ? 0 : tp / pn, recall: tn === 0 ? 0 : tp / tn };
}

/** Zyte aggregate: mean per-document P and R; F1 = harmonic mean of the means. */
export function zyteAggregate(docs: DocPR[]): { precision: number; recall: number; f1: number } {
  const n = docs.length || 1;
  const precision = docs.reduce((s, d) => s + d.precision, 0) / n;
  const recall = docs.reduce((s, d) => s + d.recall, 0) / n;
  return { precision, recall, f1: f1(precision, recall) };
}

export function f1(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

export function round(x: number, digits = 4): number {
  const m = 10 ** digits;
  return Math.round(x * m) / m;
}

export interface EvalResult {
  suite: string;
  n: number;
  metrics: Record<string, number>;
  /** Optional per-file or per-item breakdown. */
  files?: Record<string, Record<string, number>>;
  failures?: Array<{ id: string; detail: string }>;
}
