// Linear sequence tagger over BIO tags: the committed weights, their file format, and Viterbi decoding.
import { gunzipSync, gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { documentFeatures } from './features.ts';

export const TAGS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG', 'B-MISC', 'I-MISC'] as const;
export type Tag = (typeof TAGS)[number];
export const TAG_INDEX = new Map<string, number>(TAGS.map((t, i) => [t, i]));
const T = TAGS.length;

/** allowed[p * T + t]: whether tag t may follow tag p (an I-X only continues a B-X or I-X). */
const ALLOWED: boolean[] = [];
for (let p = 0; p < T; p++) {
  for (let t = 0; t < T; t++) {
    const tag = TAGS[t];
    ALLOWED.push(!tag.startsWith('I-') || TAGS[p].slice(2) === tag.slice(2));
  }
}
const ALLOWED_START: boolean[] = TAGS.map((t) => !t.startsWith('I-'));

/** Weights of a trained tagger. Emission weights are sparse: feature → [tag, weight, tag, weight, ...]. */
export interface TaggerWeights {
  start: Float64Array;
  trans: Float64Array;
  emission: Map<string, number[]>;
}

/** On-disk form: gzipped JSON, weights as integers of 1/scale. */
interface ModelFile {
  format: 1;
  tags: string[];
  scale: number;
  start: number[];
  trans: number[];
  features: Record<string, number[]>;
  about?: Record<string, unknown>;
}

export function writeModel(weights: TaggerWeights, scale: number, about: Record<string, unknown>): Buffer {
  const q = (x: number): number => Math.round(x * scale);
  const features: Record<string, number[]> = {};
  for (const [name, pairs] of weights.emission) {
    const out: number[] = [];
    for (let k = 0; k < pairs.length; k += 2) {
      const v = q(pairs[k + 1]);
      if (v !== 0) out.push(pairs[k], v);
    }
    if (out.length > 0) features[name] = out;
  }
  const file: ModelFile = {
    format: 1, tags: [...TAGS], scale, start: [...weights.start].map(q), trans: [...weights.trans].map(q), features, about,
  };
  return gzipSync(JSON.stringify(file), { level: 9 });
}

export function readModel(path: string): TaggerWeights {
  const file = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as ModelFile;
  if (file.format !== 1 || file.tags.join() !== TAGS.join()) throw new Error(`unsupported tagger model ${path}`);
  const s = 1 / file.scale;
  const emission = new Map<string, number[]>();
  for (const [name, pairs] of Object.entries(file.features)) {
    emission.set(name, pairs.map((v, k) => (k % 2 === 0 ? v : v * s)));
  }
  return {
    start: Float64Array.from(file.start, (v) => v * s),
    trans: Float64Array.from(file.trans, (v) => v * s),
    emission,
  };
}

/** Emission scores of one sentence: scores[i * T + t]. */
export function emissionScores(weights: TaggerWeights, features: string[][]): Float64Array {
  const scores = new Float64Array(features.length * T);
  for (let i = 0; i < features.length; i++) {
    const base = i * T;
    for (const f of features[i]) {
      const pairs = weights.emission.get(f);
      if (!pairs) continue;
      for (let k = 0; k < pairs.length; k += 2) scores[base + pairs[k]] += pairs[k + 1];
    }
  }
  return scores;
}

/** Best tag sequence under emission, start and transition scores, respecting BIO constraints. */
export function viterbi(scores: Float64Array, n: number, start: ArrayLike<number>, trans: ArrayLike<number>): number[] {
  if (n === 0) return [];
  const best = new Float64Array(n * T).fill(-Infinity);
  const back = new Int32Array(n * T);
  for (let t = 0; t < T; t++) if (ALLOWED_START[t]) best[t] = start[t] + scores[t];
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < T; t++) {
      let bestScore = -Infinity;
      let arg = 0;
      for (let p = 0; p < T; p++) {
        if (!ALLOWED[p * T + t]) continue;
        const s = best[(i - 1) * T + p] + trans[p * T + t];
        if (s > bestScore) { bestScore = s; arg = p; }
      }
      best[i * T + t] = bestScore + scores[i * T + t];
      back[i * T + t] = arg;
    }
  }
  let last = 0;
  for (let t = 1; t < T; t++) if (best[(n - 1) * T + t] > best[(n - 1) * T + last]) last = t;
  const path = new Array<number>(n);
  path[n - 1] = last;
  for (let i = n - 1; i > 0; i--) path[i - 1] = back[i * T + path[i]];
  return path;
}

/** Tags documents: features of the whole document, then the best tag sequence of each sentence. */
export function tagDocument(weights: TaggerWeights, sentences: string[][]): string[][] {
  const features = documentFeatures(sentences);
  return features.map((f) => viterbi(emissionScores(weights, f), f.length, weights.start, weights.trans).map((t) => TAGS[t]));
}
