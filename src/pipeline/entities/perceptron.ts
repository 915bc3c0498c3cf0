// Linear sequence tagger over BIO tags: the committed weights, their file format, fast scoring of a document's features, and Viterbi decoding.
import { gunzipSync, gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import {
  emitDocumentFeatures, ONE_VALUE_TEMPLATES, THREE_VALUE_TEMPLATES, TWO_VALUE_TEMPLATES, WORD_GROUPS, type FeatureSink, type WordInfo,
} from './features.ts';

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
  /**
   * Set when every weight is an integer multiple of 1/scale (a model read from its file): tagging then sums
   * the integers, exactly, so a tag never depends on the order in which features are added.
   */
  scale?: number;
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
    scale: file.scale,
  };
}

/** Emission scores of one sentence from its features' names: scores[i * T + t]. */
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
  const c = compiled(weights);
  const sink = new ScoringSink(c);
  emitDocumentFeatures(sentences, sink);
  return sink.sentences.map((scores) => viterbi(scores, scores.length / T, c.startScores, c.transScores).map((t) => TAGS[t]));
}

// ── Fast scoring: features looked up by template and values, without building their names ──

/**
 * The emission weights indexed for lookup by a feature's parts: one map per template, nested once per value,
 * so a lookup hashes words the tagger already holds (a string caches its hash) instead of building a new
 * name per feature and token. Weights sit in flat arrays: row r's pairs are tags[start[r]..start[r+1]).
 */
interface CompiledWeights {
  /** Start and transition scores in the same unit as `values`. */
  startScores: Float64Array;
  transScores: Float64Array;
  flags: Map<string, number>;
  one: Map<string, Map<string, number>>;
  two: Map<string, Map<string, Map<string, number>>>;
  three: Map<string, Map<string, Map<string, Map<string, number>>>>;
  start: Int32Array;
  tags: Uint8Array;
  values: Float64Array;
}

const compiledCache = new WeakMap<TaggerWeights, CompiledWeights>();

function compiled(weights: TaggerWeights): CompiledWeights {
  let c = compiledCache.get(weights);
  if (!c) compiledCache.set(weights, (c = compile(weights)));
  return c;
}

function compile(weights: TaggerWeights): CompiledWeights {
  const arity = new Map<string, number>();
  for (const t of ONE_VALUE_TEMPLATES) arity.set(t, 1);
  for (const t of TWO_VALUE_TEMPLATES) arity.set(t, 2);
  for (const t of THREE_VALUE_TEMPLATES) arity.set(t, 3);
  const unit = (x: number): number => (weights.scale ? Math.round(x * weights.scale) : x);
  const c: CompiledWeights = {
    startScores: weights.start.map(unit), transScores: weights.trans.map(unit),
    flags: new Map(), one: new Map(), two: new Map(), three: new Map(),
    start: new Int32Array(weights.emission.size + 1), tags: new Uint8Array(0), values: new Float64Array(0),
  };
  let pairs = 0;
  for (const p of weights.emission.values()) pairs += p.length / 2;
  c.tags = new Uint8Array(pairs);
  c.values = new Float64Array(pairs);
  let row = 0;
  let at = 0;
  for (const [name, p] of weights.emission) {
    c.start[row] = at;
    for (let k = 0; k < p.length; k += 2) {
      c.tags[at] = p[k];
      c.values[at++] = unit(p[k + 1]);
    }
    const eq = name.indexOf('=');
    const template = eq >= 0 ? name.slice(0, eq + 1) : name;
    const n = arity.get(template) ?? 0;
    if (n === 0) c.flags.set(name, row);
    // A value may itself hold '|': the name is then filed under every way of splitting it, so a lookup by
    // parts finds it exactly when the parts joined by '|' spell the name.
    else for (const parts of splits(name.slice(eq + 1), n)) file(c, template, parts, row);
    row++;
  }
  c.start[row] = at;
  return c;
}

function file(c: CompiledWeights, template: string, parts: string[], row: number): void {
  const level = <V>(m: Map<string, V>, key: string, make: () => V): V => {
    let v = m.get(key);
    if (v === undefined) m.set(key, (v = make()));
    return v;
  };
  if (parts.length === 1) level(c.one, template, () => new Map<string, number>()).set(parts[0], row);
  else if (parts.length === 2) level(level(c.two, template, () => new Map()), parts[0], () => new Map<string, number>()).set(parts[1], row);
  else level(level(level(c.three, template, () => new Map()), parts[0], () => new Map()), parts[1], () => new Map<string, number>()).set(parts[2], row);
}

/** Every way of cutting `value` at '|' into `n` parts. */
function splits(value: string, n: number): string[][] {
  if (n === 1) return [[value]];
  const out: string[][] = [];
  for (let i = value.indexOf('|'); i >= 0; i = value.indexOf('|', i + 1)) {
    for (const rest of splits(value.slice(i + 1), n - 1)) out.push([value.slice(0, i), ...rest]);
  }
  return out;
}

/** Adds each feature's weights into the emission scores of its token as the features arrive. */
class ScoringSink implements FeatureSink {
  readonly sentences: Float64Array[] = [];
  /** Scores of the current sentence, and the offset of the current token in it. */
  private scores: Float64Array = new Float64Array(0);
  private base = -T;
  /** Each template's maps, by template index. */
  private readonly byOne: Array<Map<string, number> | undefined>;
  private readonly byTwo: Array<Map<string, Map<string, number>> | undefined>;
  private readonly byThree: Array<Map<string, Map<string, Map<string, number>>> | undefined>;
  private readonly templateIndex = new Map<string, number>();

  constructor(private readonly c: CompiledWeights) {
    const all = [...ONE_VALUE_TEMPLATES, ...TWO_VALUE_TEMPLATES, ...THREE_VALUE_TEMPLATES];
    all.forEach((t, i) => this.templateIndex.set(t, i));
    this.byOne = all.map((t) => c.one.get(t));
    this.byTwo = all.map((t) => c.two.get(t));
    this.byThree = all.map((t) => c.three.get(t));
  }

  sentenceStart(length: number): void {
    this.scores = new Float64Array(length * T);
    this.base = -T;
  }

  token(): void {
    this.base += T;
  }

  flag(name: string): void {
    this.add(this.c.flags.get(name));
  }

  one(template: string, a: string): void {
    this.add(this.byOne[this.templateIndex.get(template)!]?.get(a));
  }

  two(template: string, a: string, b: string): void {
    this.add(this.byTwo[this.templateIndex.get(template)!]?.get(a)?.get(b));
  }

  three(template: string, a: string, b: string, c: string): void {
    this.add(this.byThree[this.templateIndex.get(template)!]?.get(a)?.get(b)?.get(c));
  }

  /** A word's group of features is summed once per word (and model), kept in the word's memo, and reused at each occurrence. */
  group(group: number, w: WordInfo): void {
    if (w.memo?.owner !== this.c) w.memo = { owner: this.c, sums: new Float64Array(WORD_GROUPS.length * T), done: 0 };
    const memo = w.memo;
    const at = group * T;
    if (!(memo.done & (1 << group))) {
      const [scores, base] = [this.scores, this.base];
      [this.scores, this.base] = [memo.sums, at];
      WORD_GROUPS[group](w, this);
      [this.scores, this.base] = [scores, base];
      memo.done |= 1 << group;
    }
    for (let t = 0; t < T; t++) this.scores[this.base + t] += memo.sums[at + t];
  }

  sentenceEnd(): void {
    this.sentences.push(this.scores);
  }

  private add(row: number | undefined): void {
    if (row === undefined) return;
    const { start, tags, values } = this.c;
    for (let k = start[row]; k < start[row + 1]; k++) this.scores[this.base + tags[k]] += values[k];
  }
}
