// Averaged-perceptron cue tagger: weights, greedy decoding, and the training step the training script drives.
import type { QuoteDoc } from './document.ts';
import { TAGS, tokenFeatures, type Tag } from './features.ts';
import { CUE_WORD_FORMS } from './lexicon.ts';

export interface TaggerModel {
  /** feature -> one weight per tag, in TAGS order. */
  weights: Record<string, number[]>;
}

/** Scores of each tag for one token's features. */
function scores(model: TaggerModel, feats: string[]): number[] {
  const s = TAGS.map(() => 0);
  for (const f of feats) {
    const w = model.weights[f];
    if (!w) continue;
    for (let k = 0; k < s.length; k++) s[k] += w[k];
  }
  return s;
}

/**
 * Greedy left-to-right tagging. `outsideBias` is added to the O score: positive values trade
 * recall for precision.
 */
export function tagTokens(model: TaggerModel, doc: QuoteDoc, outsideBias = 0, lexiconBias = 0): Tag[] {
  const tags: Tag[] = [];
  const o = TAGS.indexOf('O');
  for (let i = 0; i < doc.tokens.length; i++) {
    const prev: Tag = i > 0 && doc.tokens[i - 1].sentence === doc.tokens[i].sentence ? tags[i - 1] : 'O';
    const s = scores(model, tokenFeatures(doc, i, prev));
    s[o] += outsideBias + (CUE_WORD_FORMS.has(doc.tokens[i].lower) ? lexiconBias : 0);
    let best = o;
    for (let k = 0; k < s.length; k++) if (s[k] > s[best]) best = k;
    let tag = TAGS[best];
    if (tag === 'I' && prev === 'O') tag = 'B';
    tags.push(tag);
  }
  return tags;
}

/** Trainer state for the averaged perceptron (lazy averaging with per-feature timestamps). */
export class PerceptronTrainer {
  private readonly w = new Map<string, Float64Array>();
  private readonly total = new Map<string, Float64Array>();
  private readonly stamp = new Map<string, Float64Array>();
  private readonly seen = new Map<string, number>();
  private clock = 0;

  private entry(map: Map<string, Float64Array>, f: string): Float64Array {
    let v = map.get(f);
    if (!v) { v = new Float64Array(TAGS.length); map.set(f, v); }
    return v;
  }

  predict(feats: string[]): number {
    const s = new Float64Array(TAGS.length);
    for (const f of feats) {
      const v = this.w.get(f);
      if (!v) continue;
      for (let k = 0; k < s.length; k++) s[k] += v[k];
    }
    // Ties go to O (the last tag), so an untrained model tags nothing.
    let best = s.length - 1;
    for (let k = 0; k < s.length - 1; k++) if (s[k] > s[best]) best = k;
    return best;
  }

  /** One training example; returns the predicted tag index. */
  update(feats: string[], gold: number): number {
    this.clock++;
    const guess = this.predict(feats);
    if (guess === gold) return guess;
    for (const f of feats) {
      this.seen.set(f, (this.seen.get(f) ?? 0) + 1);
      const w = this.entry(this.w, f);
      const tot = this.entry(this.total, f);
      const st = this.entry(this.stamp, f);
      for (const [k, delta] of [[gold, 1], [guess, -1]] as const) {
        tot[k] += (this.clock - st[k]) * w[k];
        st[k] = this.clock;
        w[k] += delta;
      }
    }
    return guess;
  }

  /** Averaged weights, dropping features updated fewer than `minCount` times or with negligible weight. */
  averaged(minCount: number, minWeight: number): TaggerModel {
    const weights: Record<string, number[]> = {};
    for (const [f, w] of this.w) {
      if ((this.seen.get(f) ?? 0) < minCount) continue;
      const tot = this.total.get(f)!;
      const st = this.stamp.get(f)!;
      const avg = Array.from(w, (x, k) => (tot[k] + (this.clock - st[k]) * x) / this.clock);
      if (Math.max(...avg.map(Math.abs)) < minWeight) continue;
      weights[f] = avg.map((x) => Math.round(x * 1000) / 1000);
    }
    return { weights };
  }
}
