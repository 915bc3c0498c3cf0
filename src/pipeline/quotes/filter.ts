// Candidate filter: a logistic-regression model that judges each cue's attribution (cue, source, content)
// as a whole and keeps the ones that read as reported speech or thought. The cue tagger runs with a
// recall-leaning bias; this filter takes back the precision. Trained by scripts/train-quotes.ts.
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Attribution, Range } from './attribute.ts';
import { isMark, type QuoteDoc } from './document.ts';
import { CUE_LEMMA_OF, CUE_WORD_FORMS, SPEAKER_PRONOUNS } from './lexicon.ts';
import { LEXNAMES, senseClasses } from '../../lib/wordnet.ts';

export type Features = Array<[string, number]>;

export interface FilterModel {
  weights: Map<string, number>;
}

/** On-disk form: gzipped JSON, feature name → weight. */
interface FilterFile {
  format: 1;
  weights: Record<string, number>;
  about?: Record<string, unknown>;
}

export function readFilter(gz: Buffer): FilterModel {
  const file = JSON.parse(gunzipSync(gz).toString('utf8')) as FilterFile;
  if (file.format !== 1) throw new Error('unsupported quote filter model');
  return { weights: new Map(Object.entries(file.weights)) };
}

export function writeFilter(model: FilterModel, about: Record<string, unknown>): Buffer {
  const weights: Record<string, number> = {};
  for (const [k, w] of [...model.weights].sort((a, b) => (a[0] < b[0] ? -1 : 1))) weights[k] = Math.round(w * 1e4) / 1e4;
  const file: FilterFile = { format: 1, weights, about };
  return gzipSync(JSON.stringify(file), { level: 9 });
}

/** Probability that the attribution is one an annotator would mark. */
export function filterScore(model: FilterModel, features: Features): number {
  let z = 0;
  for (const [k, v] of features) z += (model.weights.get(k) ?? 0) * v;
  return 1 / (1 + Math.exp(-z));
}

const FINITE = /^(VBD|VBZ|VBP|MD)$/;

function bucket(n: number, edges: number[]): string {
  let b = 0;
  while (b < edges.length && n > edges[b]) b++;
  return String(b);
}

function sourceKind(doc: QuoteDoc, source: Range | null): string {
  if (!source) return 'none';
  const first = doc.tokens[source.from];
  if (source.to - source.from === 1 && SPEAKER_PRONOUNS.has(first.lower)) return 'pro';
  for (let i = source.from; i < source.to; i++) if (/^NNP/.test(doc.pos[i] ?? '')) return 'name';
  return 'np';
}

/**
 * Features of one attribution built from a cue whose tagger margin is `margin`. Conjunctions with the cue's
 * lemma let the model learn, per verb, which shapes are speech ("said that ...") and which are not.
 */
export function candidateFeatures(doc: QuoteDoc, a: Attribution, margin: number): Features {
  const { tokens, pos } = doc;
  const cue = a.cue!;
  const first = tokens[cue.from];
  const lemma = CUE_LEMMA_OF.get(first.lower) ?? first.lower;
  const src = sourceKind(doc, a.source);
  let words = 0;
  let quoted = 0;
  let finite = 0;
  for (const r of a.content) {
    for (let i = r.from; i < r.to; i++) {
      if (tokens[i].kind !== 'word') continue;
      words++;
      if (doc.quoteOf[i] >= 0) quoted++;
      if (FINITE.test(pos[i] ?? '')) finite++;
    }
  }
  const q = quoted === 0 ? 'none' : quoted === words ? 'all' : 'part';
  const c0 = a.content[0];
  const side = c0.from >= cue.to ? 'after' : 'before';
  const srcSide = !a.source ? 'none' : a.source.from >= cue.to ? 'after' : 'before';
  const prevTok = tokens[c0.from - 1];
  const opener = side === 'after' && prevTok && prevTok.lower === 'that' ? 'that'
    : side === 'after' && prevTok?.text === ':' ? 'colon' : isMark(tokens[c0.from]) ? 'mark' : 'bare';
  const next = tokens[cue.to]?.lower ?? '</s>';
  const prev = tokens[cue.from - 1]?.lower ?? '<s>';
  const sent = doc.sentences[first.sentence];
  let sentQuoted = false;
  for (let i = sent.from; i < sent.to && !sentQuoted; i++) sentQuoted = doc.quoteOf[i] >= 0;
  const len = bucket(words, [1, 2, 5, 10, 20, 40]);
  // The content's opening word and its class: a clause ("he", "the plan will") or an object ("bankruptcy").
  let c = c0.from;
  while (c < c0.to && tokens[c].kind !== 'word') c++;
  const cw = c < c0.to ? tokens[c].lower : '-';
  const cpos = c < c0.to ? pos[c] ?? '-' : '-';
  const srcHead = a.source ? tokens[a.source.to - 1].lower : '-';
  const srcDist = !a.source ? 'none' : bucket(Math.max(a.source.from - cue.to, cue.from - a.source.to), [0, 1, 3, 8]);
  const inQuote = doc.quoteOf[cue.from] >= 0 ? 1 : 0;
  const cuePos = pos[cue.from] ?? '';
  const classes = cuePos.startsWith('VB') ? senseClasses(first.lower, 'verb') : cuePos.startsWith('NN') ? senseClasses(first.lower, 'noun') : null;
  const sense = classes?.length ? LEXNAMES[classes[0]] : '-';
  const f: Features = [
    ['bias', 1],
    [`sense=${sense}`, 1],
    ...[...new Set(classes ?? [])].map((c): [string, number] => [`senses=${LEXNAMES[c]}`, 1]),
    [`sense×src=${sense}|${src}`, 1],
    [`sense×open=${sense}|${opener}`, 1],
    [`sense×q=${sense}|${q}`, 1],
    [`sense×finite=${sense}|${finite > 0 ? 1 : 0}`, 1],
    [`c0=${cw}`, 1],
    [`c0pos=${cpos}`, 1],
    [`cue×c0pos=${lemma}|${cpos}`, 1],
    [`srchead=${srcHead}`, 1],
    [`srcdist=${srcDist}`, 1],
    [`cueinq=${inQuote}`, 1],
    [`finites=${bucket(finite, [0, 1, 2, 4])}`, 1],
    ['margin', Math.max(-4, Math.min(4, margin / 25))],
    [`mb=${Math.max(-6, Math.min(6, Math.floor(margin / 10)))}`, 1],
    [`cue=${lemma}`, 1],
    [`cuelen=${Math.min(cue.to - cue.from, 4)}`, 1],
    [`pos=${pos[cue.from]}`, 1],
    [`lex=${CUE_WORD_FORMS.has(first.lower) ? 1 : 0}`, 1],
    [`src=${src}`, 1],
    [`srcside=${srcSide}`, 1],
    [`src×side=${src}|${side}`, 1],
    [`len=${len}`, 1],
    [`q=${q}`, 1],
    [`q×len=${q}|${len}`, 1],
    [`parts=${Math.min(a.content.length, 3)}`, 1],
    [`side=${side}`, 1],
    [`open=${opener}`, 1],
    [`next=${next}`, 1],
    [`prev=${prev}`, 1],
    [`sentq=${sentQuoted ? 1 : 0}`, 1],
    [`finite=${finite > 0 ? 1 : 0}`, 1],
    [`para0=${first.paragraph === 0 ? 1 : 0}`, 1],
    [`inh=${a.inherits ? 1 : 0}`, 1],
    [`cue×src=${lemma}|${src}`, 1],
    [`cue×q=${lemma}|${q}`, 1],
    [`cue×open=${lemma}|${opener}`, 1],
    [`cue×next=${lemma}|${next}`, 1],
    [`cue×finite=${lemma}|${finite > 0 ? 1 : 0}`, 1],
    [`open×finite=${opener}|${finite > 0 ? 1 : 0}`, 1],
  ];
  return f;
}

/** Logistic regression by stochastic gradient descent with L2, on soft labels in [0, 1]. */
export function trainFilter(all: Array<{ features: Features; label: number }>, options: {
  epochs: number; rate: number; l2: number; seed: number; minCount: number;
}): FilterModel {
  // Features seen in fewer than minCount candidates carry more noise than evidence.
  const counts = new Map<string, number>();
  for (const c of all) for (const [k] of c.features) counts.set(k, (counts.get(k) ?? 0) + 1);
  const examples = all.map((c) => ({ label: c.label, features: c.features.filter(([k]) => counts.get(k)! >= options.minCount) }));
  const weights = new Map<string, number>();
  let s = options.seed;
  const order = examples.map((_, i) => i);
  let step = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      s = (s * 1103515245 + 12345) % 2147483648;
      const j = s % (i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const n of order) {
      const { features, label } = examples[n];
      const rate = options.rate / (1 + step++ / examples.length);
      const g = filterScore({ weights }, features) - label;
      for (const [k, v] of features) {
        const w = weights.get(k) ?? 0;
        weights.set(k, w - rate * (g * v + options.l2 * w));
      }
    }
  }
  for (const [k, w] of weights) if (Math.abs(w) < 1e-3) weights.delete(k);
  return { weights };
}
