// Averaged-perceptron weights of the part-of-speech tagger: the sparse weight table, its file format, and the trainer the training script drives.
import { gunzipSync, gzipSync } from 'node:zlib';
import { HASH_SCHEME, type FeatureBuffer } from './features.ts';
import { KeyIndex } from '../../lib/feature-keys.ts';

/**
 * Feature weights in an open-addressing hash table keyed by the feature's two 32-bit halves. A feature
 * has weights for a few of the ~45 tags only, so each slot holds its key and the range of its
 * (tag, weight) pairs in `pairs`: `slots[4 s]`, `slots[4 s + 1]` the key, `slots[4 s + 2]` to
 * `slots[4 s + 3]` the pair range, one cache line per probe. Weights are integers in units of 1/scale:
 * sums are exact, so a tag never depends on the order of features. A key's second half is never 0, so a
 * slot whose second half is 0 is empty.
 */
export class WeightTable {
  readonly slots: Int32Array;
  /** Interleaved (tag, weight) pairs. */
  readonly pairs: Int32Array;
  private readonly mask: number;

  constructor(readonly weights: SparseWeights, readonly scale: number) {
    const { a, b, rowStart, tags, units } = weights;
    // A table at most two thirds full keeps probe runs short (under two slots on average for a hit).
    let cap = 16;
    while (cap < a.length * 1.5) cap *= 2;
    this.mask = cap - 1;
    this.slots = new Int32Array(cap * 4);
    this.pairs = new Int32Array(tags.length * 2);
    for (let k = 0; k < tags.length; k++) {
      this.pairs[2 * k] = tags[k];
      this.pairs[2 * k + 1] = units[k];
    }
    for (let n = 0; n < a.length; n++) {
      let s = a[n] & this.mask;
      while (this.slots[4 * s + 1] !== 0) s = (s + 1) & this.mask;
      this.slots[4 * s] = a[n];
      this.slots[4 * s + 1] = b[n];
      this.slots[4 * s + 2] = 2 * rowStart[n];
      this.slots[4 * s + 3] = 2 * rowStart[n + 1];
    }
  }

  /** Adds the weights (in units of 1/scale) of the buffer's features to `scores`. */
  addScores(buf: FeatureBuffer, scores: Int32Array): void {
    const { slots, pairs, mask } = this;
    for (let n = 0; n < buf.n; n++) {
      const ka = buf.a[n];
      const kb = buf.b[n];
      let s = ka & mask;
      for (;;) {
        const o = 4 * s;
        const sb = slots[o + 1];
        if (sb === 0) break;
        if (sb === kb && slots[o] === ka) {
          for (let k = slots[o + 2], end = slots[o + 3]; k < end; k += 2) scores[pairs[k]] += pairs[k + 1];
          break;
        }
        s = (s + 1) & mask;
      }
    }
  }
}

/** Kept features: keys `a[n]`, `b[n]`; feature n's weights are `units[k]` for tag `tags[k]`, k in [rowStart[n], rowStart[n + 1]). */
export interface SparseWeights {
  a: Int32Array;
  b: Int32Array;
  rowStart: Int32Array;
  tags: Uint8Array;
  units: Int32Array;
}

export interface PosModel {
  /** The tag set, by index. */
  tags: string[];
  weights: WeightTable;
  /** Words that nearly always take one tag in training (tag index), tagged without scoring. */
  dictionary: Map<string, number>;
}

/** On-disk form: gzipped JSON; keys, row lengths, tags and weights as base64 of little-endian arrays, weights in units of 1/scale. */
interface ModelFile {
  format: 1;
  tags: string[];
  /** How keys are made (features.ts); a model is only valid with the feature code that made it. */
  hash: string;
  scale: number;
  count: number;
  keysA: string;
  keysB: string;
  /** Number of (tag, weight) pairs of each feature, one byte each. */
  rowLengths: string;
  pairTags: string;
  weights: string;
  /** Tag dictionary: tag index → the words that take it. */
  dictionary: Record<string, string[]>;
  about?: Record<string, unknown>;
}

function int32ToBase64(a: Int32Array): string {
  const buf = Buffer.alloc(a.length * 4);
  for (let i = 0; i < a.length; i++) buf.writeInt32LE(a[i], i * 4);
  return buf.toString('base64');
}

function int32FromBase64(s: string): Int32Array {
  const buf = Buffer.from(s, 'base64');
  const out = new Int32Array(buf.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = buf.readInt32LE(i * 4);
  return out;
}

export function writeModel(model: PosModel, about: Record<string, unknown>): Buffer {
  const { a, b, rowStart, tags, units } = model.weights.weights;
  const lengths = new Uint8Array(a.length);
  for (let n = 0; n < a.length; n++) lengths[n] = rowStart[n + 1] - rowStart[n];
  const dictionary: Record<string, string[]> = {};
  for (const [word, tag] of [...model.dictionary].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))) (dictionary[tag] ??= []).push(word);
  const file: ModelFile = {
    format: 1, tags: model.tags, hash: HASH_SCHEME, scale: model.weights.scale, count: a.length,
    keysA: int32ToBase64(a), keysB: int32ToBase64(b), rowLengths: Buffer.from(lengths).toString('base64'),
    pairTags: Buffer.from(tags).toString('base64'), weights: int32ToBase64(units), dictionary, about,
  };
  return gzipSync(JSON.stringify(file), { level: 9 });
}

export function readModel(gz: Buffer, source = 'part-of-speech model'): PosModel {
  const file = JSON.parse(gunzipSync(gz).toString('utf8')) as ModelFile;
  if (file.format !== 1 || file.hash !== HASH_SCHEME) throw new Error(`${source}: unsupported format ${file.format} or key scheme ${file.hash}`);
  const lengths = Buffer.from(file.rowLengths, 'base64');
  const rowStart = new Int32Array(lengths.length + 1);
  for (let n = 0; n < lengths.length; n++) rowStart[n + 1] = rowStart[n] + lengths[n];
  const weights: SparseWeights = {
    a: int32FromBase64(file.keysA), b: int32FromBase64(file.keysB), rowStart,
    tags: new Uint8Array(Buffer.from(file.pairTags, 'base64')), units: int32FromBase64(file.weights),
  };
  if (weights.a.length !== file.count || weights.b.length !== file.count || lengths.length !== file.count || weights.units.length !== rowStart[file.count]) {
    throw new Error(`${source}: array lengths disagree with its ${file.count} features`);
  }
  const dictionary = new Map<string, number>();
  for (const [tag, words] of Object.entries(file.dictionary)) for (const w of words) dictionary.set(w, Number(tag));
  return { tags: file.tags, weights: new WeightTable(weights, file.scale), dictionary };
}

/**
 * Trainer state for the averaged perceptron (lazy averaging with per-weight timestamps). Features sit in a
 * growing open-addressing table; each holds a linked list of its (tag, weight) entries, since a feature is
 * only ever updated for a few tags and dense rows of every tag would take gigabytes.
 */
export class PerceptronTrainer {
  private readonly keys = new KeyIndex((moved, cap) => this.move(moved, cap));
  /** First entry of each feature's list, -1 when none. */
  private head = new Int32Array(this.keys.cap).fill(-1);
  private entries = 0;
  private eTag = new Int32Array(1 << 16);
  private eNext = new Int32Array(1 << 16);
  private eW = new Float64Array(1 << 16);
  private eTotal = new Float64Array(1 << 16);
  private eStamp = new Float64Array(1 << 16);
  private clock = 0;
  readonly scores: Float64Array;

  constructor(readonly tagCount: number) {
    this.scores = new Float64Array(tagCount);
  }

  /** Moves each feature's list head to its slot in the grown key index. */
  private move(moved: Int32Array, cap: number): void {
    const old = this.head;
    this.head = new Int32Array(cap).fill(-1);
    for (let o = 0; o < moved.length; o++) if (moved[o] >= 0) this.head[moved[o]] = old[o];
  }

  /** The entry of `tag` in feature slot `s`, made when missing. */
  private entry(s: number, tag: number): number {
    for (let e = this.head[s]; e >= 0; e = this.eNext[e]) if (this.eTag[e] === tag) return e;
    if (this.entries === this.eTag.length) {
      const size = this.entries * 2;
      const grown = <A extends Int32Array | Float64Array>(x: A, make: (n: number) => A): A => {
        const y = make(size);
        y.set(x);
        return y;
      };
      this.eTag = grown(this.eTag, (n) => new Int32Array(n));
      this.eNext = grown(this.eNext, (n) => new Int32Array(n));
      this.eW = grown(this.eW, (n) => new Float64Array(n));
      this.eTotal = grown(this.eTotal, (n) => new Float64Array(n));
      this.eStamp = grown(this.eStamp, (n) => new Float64Array(n));
    }
    const e = this.entries++;
    this.eTag[e] = tag;
    this.eNext[e] = this.head[s];
    this.head[s] = e;
    return e;
  }

  /** Current (not averaged) best tag of a token with the features of `bufs`; ties go to the lower tag index. */
  predict(bufs: readonly FeatureBuffer[]): number {
    const s = this.scores;
    s.fill(0);
    for (const buf of bufs) {
      for (let n = 0; n < buf.n; n++) {
        const slot = this.keys.find(buf.a[n], buf.b[n]);
        if (slot < 0) continue;
        for (let e = this.head[slot]; e >= 0; e = this.eNext[e]) s[this.eTag[e]] += this.eW[e];
      }
    }
    let best = 0;
    for (let k = 1; k < this.tagCount; k++) if (s[k] > s[best]) best = k;
    return best;
  }

  /** One training example: moves weight from the `guess` tag to the `gold` tag for every feature of `bufs`. */
  update(bufs: readonly FeatureBuffer[], gold: number, guess: number): void {
    this.clock++;
    if (guess === gold) return;
    for (const buf of bufs) {
      for (let n = 0; n < buf.n; n++) {
        const s = this.keys.slot(buf.a[n], buf.b[n]);
        this.bump(this.entry(s, gold), 1);
        this.bump(this.entry(s, guess), -1);
      }
    }
  }

  private bump(e: number, delta: number): void {
    this.eTotal[e] += (this.clock - this.eStamp[e]) * this.eW[e];
    this.eStamp[e] = this.clock;
    this.eW[e] += delta;
  }

  /** Averaged weights in units of 1/scale (those that round to 0 dropped, and features left with none). */
  averaged(scale: number): SparseWeights {
    const a: number[] = [];
    const b: number[] = [];
    const rowStart: number[] = [0];
    const tags: number[] = [];
    const units: number[] = [];
    const row: Array<[number, number]> = [];
    const { a: ka, b: kb, cap } = this.keys;
    for (let s = 0; s < cap; s++) {
      if (kb[s] === 0) continue;
      row.length = 0;
      for (let e = this.head[s]; e >= 0; e = this.eNext[e]) {
        const avg = this.clock === 0 ? 0 : (this.eTotal[e] + (this.clock - this.eStamp[e]) * this.eW[e]) / this.clock;
        const u = Math.round(avg * scale);
        if (u !== 0) row.push([this.eTag[e], u]);
      }
      if (row.length === 0) continue;
      row.sort((x, y) => x[0] - y[0]);
      a.push(ka[s]);
      b.push(kb[s]);
      for (const [t, u] of row) { tags.push(t); units.push(u); }
      rowStart.push(tags.length);
    }
    return { a: Int32Array.from(a), b: Int32Array.from(b), rowStart: Int32Array.from(rowStart), tags: Uint8Array.from(tags), units: Int32Array.from(units) };
  }
}

/** The weights of magnitude at least `minUnits`, and the features that keep any. */
export function pruned(weights: SparseWeights, minUnits: number): SparseWeights {
  const { a, b, rowStart, tags, units } = weights;
  const keep: number[] = [];
  const starts: number[] = [0];
  const out: { a: number[]; b: number[] } = { a: [], b: [] };
  for (let n = 0; n < a.length; n++) {
    const before = keep.length;
    for (let k = rowStart[n]; k < rowStart[n + 1]; k++) if (Math.abs(units[k]) >= minUnits) keep.push(k);
    if (keep.length === before) continue;
    out.a.push(a[n]);
    out.b.push(b[n]);
    starts.push(keep.length);
  }
  return {
    a: Int32Array.from(out.a), b: Int32Array.from(out.b), rowStart: Int32Array.from(starts),
    tags: Uint8Array.from(keep, (k) => tags[k]), units: Int32Array.from(keep, (k) => units[k]),
  };
}
