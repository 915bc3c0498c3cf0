// Greedy left-to-right part-of-speech tagging with the committed averaged-perceptron model, over news tokens made to look like the Treebank's.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  AFTER, BEFORE, contextFeatures, FeatureBuffer, isUpperSentence, SELF, tagFeatures, tagWordFeatures, TWO_AFTER, TWO_BEFORE, WORD_GROUPS,
  wordAt, wordHashes, type WordHashes,
} from './features.ts';
import { readModel, type PosModel, type WeightTable } from './model.ts';

/** The committed model, trained by scripts/train-pos.ts (see model/README.md). */
export const MODEL_PATH = fileURLToPath(new URL('./model/pos-model.json.gz', import.meta.url));

let committed: PosModel | null = null;

/** The committed model, read on first use and kept for the life of the process. */
export function defaultModel(): PosModel {
  committed ??= readModel(readFileSync(MODEL_PATH), MODEL_PATH);
  return committed;
}

/** Whole tokens written as the Treebank writes them: quotation marks as '"', dashes as "--", the ellipsis as "...". */
const WHOLE_TOKEN_FORMS = new Map<string, string>([
  ...[...'“”„‟«»「」『』‘‚‛‹›`'].map((c): [string, string] => [c, '"']),
  ['``', '"'], ["''", '"'],
  // A lone closing single quote is a possessive ("Russians’") or closes a quotation; the model tells which.
  ['’', "'"], ['ʼ', "'"],
  ['—', '--'], ['–', '--'], ['―', '--'], ['‒', '--'],
  ['…', '...'],
]);
/** Characters that make a word's form differ from the word (most words have none, and are taken as they are). */
const NEEDS_WORK = /['’‘`ʼ—–‒―]/;
const INNER_APOSTROPHES = /[’‘`ʼ]/g;
const INNER_DASHES = /[—–‒―]/g;
/** Clitics the Treebank splits off their word ("Russia's" → "Russia" "'s", "can't" → "ca" "n't"). */
const CLITIC = /^(.+?)(n't|'(?:s|re|ve|ll|d|m))$/i;

/**
 * The Treebank forms of a sentence's words: typographic quotes, apostrophes and dashes made plain, and
 * clitics split off, as in the training data. `host[i]` is the index of word i's first form, whose tag is
 * the word's.
 */
export function treebankForms(words: readonly string[]): { forms: string[]; host: Int32Array } {
  const forms: string[] = [];
  const host = new Int32Array(words.length);
  for (let i = 0; i < words.length; i++) {
    host[i] = forms.length;
    const raw = words[i];
    const whole = WHOLE_TOKEN_FORMS.get(raw);
    if (whole !== undefined) {
      forms.push(whole);
      continue;
    }
    if (raw.length < 2 || !NEEDS_WORK.test(raw)) {
      forms.push(raw);
      continue;
    }
    const word = raw.replace(INNER_APOSTROPHES, "'").replace(INNER_DASHES, '-');
    const clitic = word.length > 2 ? CLITIC.exec(word) : null;
    if (clitic && /[\p{L}\p{N}]$/u.test(clitic[1])) forms.push(clitic[1], clitic[2]);
    else forms.push(word);
  }
  return { forms, host };
}

/** Tag indices of a sentence already in Treebank forms. */
export function tagForms(model: PosModel, forms: readonly string[]): Int32Array {
  const n = forms.length;
  const out = new Int32Array(n);
  if (n === 0) return out;
  const words = forms.map(wordHashes);
  const upper = isUpperSentence(words);
  const { weights, dictionary } = model;
  const K = model.tags.length;
  const scores = new Int32Array(K);
  const buf = scratch.token;
  const hist = scratch.history;
  const tags = tagSums(weights, K);
  // Offsets of the groups in a word's sums.
  const o1 = BEFORE * K, o2 = AFTER * K, o3 = TWO_BEFORE * K, o4 = TWO_AFTER * K;
  let prev = -1;
  let prev2 = -1;
  for (let i = 0; i < n; i++) {
    let best = dictionary.get(forms[i]) ?? -1;
    if (best < 0) {
      const s0 = groupSums(weights, K, words[i], SELF);
      const s1 = groupSums(weights, K, wordAt(words, i - 1), BEFORE);
      const s2 = groupSums(weights, K, wordAt(words, i + 1), AFTER);
      const s3 = groupSums(weights, K, wordAt(words, i - 2), TWO_BEFORE);
      const s4 = groupSums(weights, K, wordAt(words, i + 2), TWO_AFTER);
      const ot = tagPairSums(weights, K, tags, prev, prev2);
      const st = tags.sums;
      for (let k = 0; k < K; k++) scores[k] = s0[k] + s1[o1 + k] + s2[o2 + k] + s3[o3 + k] + s4[o4 + k] + st[ot + k];
      contextFeatures(words, i, upper, buf);
      weights.addScores(buf, scores);
      tagWordFeatures(words, i, prev, hist);
      weights.addScores(hist, scores);
      best = 0;
      for (let k = 1; k < K; k++) if (scores[k] > scores[best]) best = k;
    }
    out[i] = best;
    prev2 = prev;
    prev = best;
  }
  return out;
}

/**
 * The summed weights of word `w`'s feature groups under `table` (group g at g * K), with group `group`
 * filled. The sums are made once per word and table and kept in the word's memo: a probe of the large
 * table misses the cache, a few dozen integers read in a row do not.
 */
function groupSums(table: WeightTable, K: number, w: WordHashes, group: number): Int32Array {
  if (w.memo?.owner !== table) w.memo = { owner: table, sums: new Int32Array(WORD_GROUPS.length * K), done: 0 };
  const memo = w.memo;
  if (!(memo.done & (1 << group))) {
    const buf = scratch.group;
    buf.n = 0;
    WORD_GROUPS[group](w, buf);
    table.addScores(buf, memo.sums.subarray(group * K, (group + 1) * K));
    memo.done |= 1 << group;
  }
  return memo.sums;
}

/** Summed weights of the tag features of each pair of previous tags (pair p at p * K) under one table, filled as pairs occur. */
interface TagSums {
  sums: Int32Array;
  done: Uint8Array;
}

const tagSumsByTable = new WeakMap<WeightTable, TagSums>();

function tagSums(table: WeightTable, K: number): TagSums {
  let t = tagSumsByTable.get(table);
  if (!t) tagSumsByTable.set(table, (t = { sums: new Int32Array((K + 1) * (K + 1) * K), done: new Uint8Array((K + 1) * (K + 1)) }));
  return t;
}

/** Offset in `t.sums` of the pair of previous tags (-1 before the sentence), summed on first use. */
function tagPairSums(table: WeightTable, K: number, t: TagSums, prev: number, prev2: number): number {
  const pair = (prev2 + 1) * (K + 1) + prev + 1;
  const at = pair * K;
  if (!t.done[pair]) {
    const buf = scratch.group;
    buf.n = 0;
    tagFeatures(prev, prev2, buf);
    table.addScores(buf, t.sums.subarray(at, at + K));
    t.done[pair] = 1;
  }
  return at;
}

/** Feature buffers reused across calls (tagging is synchronous, so one set serves the process). */
const scratch = { token: new FeatureBuffer(), history: new FeatureBuffer(), group: new FeatureBuffer() };

/** Penn Treebank tags of one sentence's words under `model`, one per word. */
export function tagWords(model: PosModel, words: readonly string[]): string[] {
  const { forms, host } = treebankForms(words);
  const tags = tagForms(model, forms);
  const out = new Array<string>(words.length);
  for (let i = 0; i < words.length; i++) out[i] = model.tags[tags[host[i]]];
  return out;
}

/**
 * Penn Treebank tags (as CoNLL-2003 has them) of one sentence's words, one per word. Words are tokens as
 * the quote tokenizer makes them: punctuation apart, typographic quotes and apostrophes allowed, and clitics
 * split or not ("Russia’s" takes the tag of "Russia", "don't" that of "do").
 */
export function tagSentence(words: readonly string[]): string[] {
  return tagWords(defaultModel(), words);
}

/**
 * Tags of a tokenized text, sentence by sentence: one tag per token. `sentences` are consecutive token
 * ranges (`from` inclusive, `to` exclusive) that cover the tokens in order, as the quote tokenizer's do.
 */
export function tagSentences(tokens: ReadonlyArray<{ text: string }>, sentences: ReadonlyArray<{ from: number; to: number }>): string[] {
  const model = defaultModel();
  const out = new Array<string>(tokens.length);
  let next = 0;
  for (const s of sentences) {
    if (s.from !== next || s.to < s.from || s.to > tokens.length) {
      throw new Error(`sentence [${s.from}, ${s.to}) does not continue at token ${next} of ${tokens.length}`);
    }
    const words = new Array<string>(s.to - s.from);
    for (let k = s.from; k < s.to; k++) words[k - s.from] = tokens[k].text;
    const tags = tagWords(model, words);
    for (let k = s.from; k < s.to; k++) out[k] = tags[k - s.from];
    next = s.to;
  }
  if (next !== tokens.length) throw new Error(`sentences end at token ${next}, before the last of ${tokens.length}`);
  return out;
}
