// Averaged-perceptron cue tagger: the weight table and its file format, greedy decoding, and the training step the training script drives.
import { gunzipSync, gzipSync } from 'node:zlib';
import type { QuoteDoc } from './document.ts';
import {
  FeatureBuffer, featureContext, historyFeatures, isLexical, TAG_I, TAG_O, TAGS, tokenFeatures, type Tag,
} from './features.ts';
import { KeyIndex } from '../../lib/feature-keys.ts';

const K = TAGS.length;

/**
 * Feature weights in an open-addressing hash table keyed by the feature's two 32-bit halves, stored side by
 * side (`keys[2 * slot]`, `keys[2 * slot + 1]`) so that a probe reads one cache line. Weights are integers in
 * units of 1/scale (`w[slot * K + tag]`): sums are exact, so a tag never depends on the order of features.
 * A key's second half is never 0, so a slot whose second half is 0 is empty.
 */
export class WeightTable {
  readonly keys: Int32Array;
  readonly w: Int32Array;
  private readonly mask: number;

  constructor(a: Int32Array, b: Int32Array, units: Int32Array, readonly scale: number) {
    // A table at most half full keeps probe runs short.
    let cap = 16;
    while (cap < a.length * 2) cap *= 2;
    this.mask = cap - 1;
    this.keys = new Int32Array(cap * 2);
    this.w = new Int32Array(cap * K);
    for (let n = 0; n < a.length; n++) {
      let s = a[n] & this.mask;
      while (this.keys[2 * s + 1] !== 0) s = (s + 1) & this.mask;
      this.keys[2 * s] = a[n];
      this.keys[2 * s + 1] = b[n];
      for (let k = 0; k < K; k++) this.w[s * K + k] = units[n * K + k];
    }
  }

  /** Adds the weights (in units of 1/scale) of the buffer's features to `scores`. */
  addScores(buf: FeatureBuffer, scores: Float64Array): void {
    const { keys, w, mask } = this;
    for (let n = 0; n < buf.n; n++) {
      const ka = buf.a[n];
      const kb = buf.b[n];
      let s = ka & mask;
      for (;;) {
        const sb = keys[2 * s + 1];
        if (sb === 0) break;
        if (sb === kb && keys[2 * s] === ka) {
          const o = s * K;
          scores[0] += w[o];
          scores[1] += w[o + 1];
          scores[2] += w[o + 2];
          break;
        }
        s = (s + 1) & mask;
      }
    }
  }
}

export interface TaggerModel {
  weights: WeightTable;
}

/** On-disk form: gzipped JSON; keys and weights as base64 of little-endian Int32 arrays, weights in units of 1/scale. */
interface ModelFile {
  format: 2;
  tags: string[];
  /** How keys are made (features.ts); a model is only valid with the feature code that made it. */
  hash: 'fnv1a-murmur3-x2';
  scale: number;
  count: number;
  keysA: string;
  keysB: string;
  weights: string;
  about?: Record<string, unknown>;
}

function toBase64(a: Int32Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

function fromBase64(s: string): Int32Array {
  const buf = Buffer.from(s, 'base64');
  const out = new Int32Array(buf.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = buf.readInt32LE(i * 4);
  return out;
}

function quantize(w: Float64Array, scale: number): Int32Array {
  return Int32Array.from(w, (x) => Math.round(x * scale));
}

export function writeModel(features: AveragedWeights, scale: number, about: Record<string, unknown>): Buffer {
  const q = quantize(features.w, scale);
  const file: ModelFile = {
    format: 2, tags: [...TAGS], hash: 'fnv1a-murmur3-x2', scale, count: features.a.length,
    keysA: toBase64(features.a), keysB: toBase64(features.b), weights: toBase64(q), about,
  };
  return gzipSync(JSON.stringify(file), { level: 9 });
}

export function readModel(gz: Buffer): TaggerModel {
  const file = JSON.parse(gunzipSync(gz).toString('utf8')) as ModelFile;
  if (file.format !== 2 || file.tags.join() !== TAGS.join() || file.hash !== 'fnv1a-murmur3-x2') throw new Error('unsupported cue tagger model');
  return { weights: new WeightTable(fromBase64(file.keysA), fromBase64(file.keysB), fromBase64(file.weights), file.scale) };
}

/**
 * Greedy left-to-right tagging. `outsideBias` is added to the O score (positive values trade recall for
 * precision); `lexiconBias` is added to it as well for words of the cue lexicon. `margins`, when given,
 * receives each token's best cue score minus its O score (biases included, in weight units).
 */
export function tagTokens(model: TaggerModel, doc: QuoteDoc, outsideBias = 0, lexiconBias = 0, margins?: Float64Array): Tag[] {
  const ctx = featureContext(doc);
  const buf = new FeatureBuffer();
  const hist = new FeatureBuffer();
  const fixed = new Float64Array(K);
  const s = new Float64Array(K);
  const tags: Tag[] = [];
  const { scale } = model.weights;
  let prev = TAG_O;
  for (let i = 0; i < doc.tokens.length; i++) {
    if (i > 0 && doc.tokens[i - 1].sentence !== doc.tokens[i].sentence) prev = TAG_O;
    fixed.fill(0);
    tokenFeatures(ctx, i, buf);
    model.weights.addScores(buf, fixed);
    s.set(fixed);
    historyFeatures(ctx, i, prev, hist);
    model.weights.addScores(hist, s);
    s[TAG_O] += (outsideBias + (isLexical(ctx, i) ? lexiconBias : 0)) * scale;
    let best = TAG_O;
    for (let k = 0; k < K; k++) if (s[k] > s[best]) best = k;
    if (best === TAG_I && prev === TAG_O) best = 0;
    if (margins) margins[i] = (Math.max(s[0], s[1]) - s[TAG_O]) / scale;
    tags.push(TAGS[best]);
    prev = best;
  }
  return tags;
}

/** Averaged weights of the kept features: keys `a[n]`, `b[n]`, weights `w[n * K + tag]`. */
export interface AveragedWeights {
  a: Int32Array;
  b: Int32Array;
  w: Float64Array;
}

/** Trainer state for the averaged perceptron (lazy averaging with per-feature timestamps), in a growing hash table. */
export class PerceptronTrainer {
  private readonly keys = new KeyIndex((moved, cap) => this.move(moved, cap));
  private w = new Float64Array(this.keys.cap * K);
  private total = new Float64Array(this.keys.cap * K);
  private stamp = new Float64Array(this.keys.cap * K);
  private seen = new Int32Array(this.keys.cap);
  private clock = 0;
  private readonly scores = new Float64Array(K);

  /** Moves the per-feature values to the slots of the grown key index. */
  private move(moved: Int32Array, cap: number): void {
    const old = { w: this.w, total: this.total, stamp: this.stamp, seen: this.seen };
    this.w = new Float64Array(cap * K);
    this.total = new Float64Array(cap * K);
    this.stamp = new Float64Array(cap * K);
    this.seen = new Int32Array(cap);
    for (let o = 0; o < moved.length; o++) {
      const s = moved[o];
      if (s < 0) continue;
      this.seen[s] = old.seen[o];
      for (let k = 0; k < K; k++) {
        this.w[s * K + k] = old.w[o * K + k];
        this.total[s * K + k] = old.total[o * K + k];
        this.stamp[s * K + k] = old.stamp[o * K + k];
      }
    }
  }

  /** Current (not averaged) scores of the first `count` features of each buffer. */
  private predict(bufs: ReadonlyArray<[FeatureBuffer, number]>): number {
    const s = this.scores;
    s.fill(0);
    for (const [buf, count] of bufs) {
      for (let n = 0; n < count; n++) {
        const slot = this.keys.find(buf.a[n], buf.b[n]);
        if (slot < 0) continue;
        for (let k = 0; k < K; k++) s[k] += this.w[slot * K + k];
      }
    }
    // Ties go to O (the last tag), so an untrained model tags nothing.
    let best = K - 1;
    for (let k = 0; k < K - 1; k++) if (s[k] > s[best]) best = k;
    return best;
  }

  /**
   * One training example: the first `count` features of each buffer (the buffer's `split` hides its
   * identity features, its `n` keeps them all). Returns the predicted tag index.
   */
  update(bufs: ReadonlyArray<[FeatureBuffer, number]>, gold: number): number {
    this.clock++;
    const guess = this.predict(bufs);
    if (guess === gold) return guess;
    for (const [buf, count] of bufs) {
      for (let n = 0; n < count; n++) {
        const s = this.keys.slot(buf.a[n], buf.b[n]);
        this.seen[s]++;
        for (const [k, delta] of [[gold, 1], [guess, -1]] as const) {
          const o = s * K + k;
          this.total[o] += (this.clock - this.stamp[o]) * this.w[o];
          this.stamp[o] = this.clock;
          this.w[o] += delta;
        }
      }
    }
    return guess;
  }

  /** Averaged weights, dropping features updated fewer than `minCount` times or with negligible weight. */
  averaged(minCount: number, minWeight: number): AveragedWeights {
    const a: number[] = [];
    const b: number[] = [];
    const w: number[] = [];
    const avg = new Float64Array(K);
    const { a: ka, b: kb, cap } = this.keys;
    for (let s = 0; s < cap; s++) {
      if (kb[s] === 0 || this.seen[s] < minCount) continue;
      let max = 0;
      for (let k = 0; k < K; k++) {
        const o = s * K + k;
        avg[k] = (this.total[o] + (this.clock - this.stamp[o]) * this.w[o]) / this.clock;
        max = Math.max(max, Math.abs(avg[k]));
      }
      if (max < minWeight) continue;
      a.push(ka[s]);
      b.push(kb[s]);
      w.push(...avg);
    }
    return { a: Int32Array.from(a), b: Int32Array.from(b), w: Float64Array.from(w) };
  }
}

/** A trained table used directly, without a round trip through the file (training experiments). */
export function modelOf(weights: AveragedWeights, scale: number): TaggerModel {
  return { weights: new WeightTable(weights.a, weights.b, quantize(weights.w, scale), scale) };
}
