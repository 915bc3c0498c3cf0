// The `ner` eval suite: exact-span F1 of recognised PER, LOC and ORG names on CoNLL-2003 files, from raw text.
import { readConllFolder, bioSpans } from '../../pipeline/entities/conll.ts';
import { recognize } from '../../pipeline/entities/recognize.ts';
import { f1, round, type EvalResult } from '../metrics.ts';

/** Types scored; MISC is left out, as the suite's README says. */
const SCORED = ['PER', 'LOC', 'ORG'] as const;

interface Tally { tp: number; fp: number; fn: number }

export interface NerScores {
  f1: number;
  precision: number;
  recall: number;
  per: number;
  loc: number;
  org: number;
}

/** Exact-span scores of predicted against gold BIO tags, sentence by sentence. */
export function scoreDocuments(docs: Array<{ gold: string[][]; predicted: string[][] }>): NerScores {
  const tallies = new Map<string, Tally>(SCORED.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  for (const doc of docs) {
    doc.gold.forEach((goldTags, si) => {
      const key = (s: { start: number; end: number; type: string }): string => `${s.start}:${s.end}:${s.type}`;
      const gold = new Set(bioSpans(goldTags).map(key));
      const predicted = new Set(bioSpans(doc.predicted[si] ?? []).map(key));
      for (const k of predicted) {
        const tally = tallies.get(k.split(':')[2]);
        if (!tally) continue;
        if (gold.has(k)) tally.tp++;
        else tally.fp++;
      }
      for (const k of gold) {
        const tally = tallies.get(k.split(':')[2]);
        if (tally && !predicted.has(k)) tally.fn++;
      }
    });
  }
  const prf = (t: Tally): { p: number; r: number; f: number } => {
    const p = t.tp + t.fp === 0 ? 0 : t.tp / (t.tp + t.fp);
    const r = t.tp + t.fn === 0 ? 0 : t.tp / (t.tp + t.fn);
    return { p, r, f: f1(p, r) };
  };
  const all = [...tallies.values()].reduce((a, t) => ({ tp: a.tp + t.tp, fp: a.fp + t.fp, fn: a.fn + t.fn }), { tp: 0, fp: 0, fn: 0 });
  const overall = prf(all);
  return {
    f1: overall.f, precision: overall.p, recall: overall.r,
    per: prf(tallies.get('PER')!).f, loc: prf(tallies.get('LOC')!).f, org: prf(tallies.get('ORG')!).f,
  };
}

/**
 * Rebuilds each document's raw text (tokens joined by spaces, sentences by line breaks), runs `recognize`
 * on it, maps the predicted character spans back to tokens and scores them against the gold tags.
 */
export async function run(dir: string): Promise<EvalResult> {
  const docs = readConllFolder(dir);
  const scored: Array<{ gold: string[][]; predicted: string[][] }> = [];
  let sentences = 0;
  let tokens = 0;
  for (const doc of docs) {
    const starts: number[] = [];
    const ends: number[] = [];
    const where: Array<[number, number]> = [];
    let text = '';
    doc.sentences.forEach((s, si) => {
      if (si > 0) text += '\n';
      s.words.forEach((w, wi) => {
        if (wi > 0) text += ' ';
        starts.push(text.length);
        text += w;
        ends.push(text.length);
        where.push([si, wi]);
      });
    });
    sentences += doc.sentences.length;
    tokens += where.length;
    const predicted = doc.sentences.map((s) => s.words.map(() => 'O'));
    for (const m of recognize(text)) {
      // The tokens a predicted span covers, even when it starts or ends inside one.
      const first = ends.findIndex((e) => e > m.start);
      let last = first;
      while (last + 1 < starts.length && starts[last + 1] < m.end) last++;
      if (first < 0) continue;
      const [si, wi] = where[first];
      const [sj, wj] = where[last];
      if (si !== sj) continue;
      predicted[si][wi] = `B-${m.type}`;
      for (let k = wi + 1; k <= wj; k++) predicted[si][k] = `I-${m.type}`;
    }
    scored.push({ gold: doc.sentences.map((s) => s.tags), predicted });
  }
  const s = scoreDocuments(scored);
  return {
    suite: 'ner',
    n: docs.length,
    metrics: {
      f1: round(s.f1), precision: round(s.precision), recall: round(s.recall),
      per: round(s.per), loc: round(s.loc), org: round(s.org), sentences, tokens,
    },
  };
}
