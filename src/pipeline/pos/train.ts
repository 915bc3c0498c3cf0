// Training of the part-of-speech tagger: the tag set and tag dictionary drawn from tagged sentences, one perceptron epoch, and accuracy.
import { FeatureBuffer, historyFeatures, isUpperSentence, tokenFeatures, wordHashes } from './features.ts';
import { PerceptronTrainer, WeightTable, type PosModel } from './model.ts';
import { tagForms } from './tagger.ts';
import type { PosSentence } from './conll.ts';

/** Tags of the training sentences, most frequent first (ties by name), so that the tag set is the same for the same data. */
export function tagSet(sentences: readonly PosSentence[]): string[] {
  const counts = new Map<string, number>();
  for (const s of sentences) for (const t of s.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([t]) => t);
}

/**
 * Words seen at least `minCount` times that take one tag in at least `minShare` of them: the tagger gives
 * them that tag without scoring, which is most of its speed (they are the frequent function words).
 */
export function tagDictionary(sentences: readonly PosSentence[], tags: readonly string[], minCount: number, minShare: number): Map<string, number> {
  const index = new Map(tags.map((t, i) => [t, i]));
  const counts = new Map<string, Map<number, number>>();
  for (const s of sentences) {
    s.words.forEach((w, i) => {
      let byTag = counts.get(w);
      if (!byTag) counts.set(w, (byTag = new Map()));
      const t = index.get(s.tags[i])!;
      byTag.set(t, (byTag.get(t) ?? 0) + 1);
    });
  }
  const out = new Map<string, number>();
  for (const [w, byTag] of counts) {
    let total = 0;
    let best = -1;
    let bestCount = 0;
    for (const [t, c] of byTag) {
      total += c;
      if (c > bestCount || (c === bestCount && t < best)) { best = t; bestCount = c; }
    }
    if (total >= minCount && bestCount / total >= minShare) out.set(w, best);
  }
  return out;
}

/** A training sentence with its gold tag indices. */
export interface EncodedSentence {
  words: string[];
  gold: Int32Array;
}

export function encodeSentences(sentences: readonly PosSentence[], tags: readonly string[]): EncodedSentence[] {
  const index = new Map(tags.map((t, i) => [t, i]));
  return sentences.map((s) => ({
    words: s.words,
    gold: Int32Array.from(s.tags, (t) => {
      const k = index.get(t);
      if (k === undefined) throw new Error(`tag "${t}" is not in the tag set`);
      return k;
    }),
  }));
}

/**
 * One pass of the averaged perceptron over `sentences`, in the given order. The tags of earlier tokens are
 * the ones the tagger chose, as when tagging, so that it learns to recover from its own mistakes; dictionary
 * words take their tag and teach nothing.
 */
export function trainEpoch(trainer: PerceptronTrainer, sentences: readonly EncodedSentence[], dictionary: ReadonlyMap<string, number>): void {
  const buf = new FeatureBuffer();
  const hist = new FeatureBuffer();
  const bufs = [buf, hist];
  for (const s of sentences) {
    const words = s.words.map(wordHashes);
    const upper = isUpperSentence(words);
    let prev = -1;
    let prev2 = -1;
    for (let i = 0; i < words.length; i++) {
      let guess = dictionary.get(s.words[i]) ?? -1;
      if (guess < 0) {
        tokenFeatures(words, i, upper, buf);
        historyFeatures(words, i, prev, prev2, hist);
        guess = trainer.predict(bufs);
        trainer.update(bufs, s.gold[i], guess);
      }
      prev2 = prev;
      prev = guess;
    }
  }
}

/** A runtime model of the trainer's averaged weights, in units of 1/scale. */
export function modelOf(trainer: PerceptronTrainer, tags: string[], dictionary: Map<string, number>, scale: number): PosModel {
  return { tags, weights: new WeightTable(trainer.averaged(scale), scale), dictionary };
}

/** Share of tokens whose tag the model gets right. */
export function accuracy(model: PosModel, sentences: readonly PosSentence[]): number {
  let right = 0;
  let all = 0;
  for (const s of sentences) {
    const got = tagForms(model, s.words);
    for (let i = 0; i < got.length; i++) {
      if (model.tags[got[i]] === s.tags[i]) right++;
      all++;
    }
  }
  return all === 0 ? 0 : right / all;
}
