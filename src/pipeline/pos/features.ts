// Token features of the part-of-speech tagger as 64-bit hashed keys, shared by the training script and the runtime tagger.

/*
 * A feature is a template and up to two values (hashed words, affixes, shapes or tags). Its key is two
 * 32-bit hashes of those parts under two seeds, so no feature name is ever built: a word's parts are hashed
 * once per distinct word and a key costs a few integer multiplications. Two different features share a key
 * with odds of about 2^-63 per pair. The hashing (src/lib/feature-keys.ts) is shared with the cue tagger.
 */
import { fmix, hashString, mixRound, templates } from '../../lib/feature-keys.ts';
import { isUpperSentence as isCapitalSentence } from '../../lib/capitals.ts';

/** Names the key scheme in the model file: a model is only valid with the hashing that made it. */
export const HASH_SCHEME = 'fnv1a-murmur3-x2';

/**
 * Feature templates (a template's place in this list is hashed into its keys: reorder it and retrain): the
 * classic greedy tagger's set (the word, its affixes, its neighbours and their suffixes, the previous one or
 * two tags) plus the word's shape, a word bigram each side, the word at the start of a sentence or in a
 * headline written in capitals, where capitalisation says nothing, the word as written (+0.07 points of
 * ner-dev accuracy) and the previous tag with the next word (+0.10). Tried and left out: the two words
 * around the token (+0.05 for 10% more features), the previous tag with the next word's suffix (-0.08),
 * the headline word's suffix (-0.07).
 */
const TEMPLATE_LIST = [
  // the token itself
  'bias', 'w', 'W', 's1', 's2', 's3', 's4', 'p1', 'p2', 'p3', 'sh', 'first', 'up',
  // its neighbours
  'w-1', 'w+1', 'w-2', 'w+2', 's3-1', 's3+1', 'sh-1', 'sh+1', 'w-1|w', 'w|w+1',
  // the tags already chosen for the tokens before it
  't-1', 't-2', 't-2|t-1', 't-1|w', 't-1|s3', 't-1|w+1',
] as const;

const { id: T, seedA: TEMPLATE_SEEDS_A, seedB: TEMPLATE_SEEDS_B } = templates(TEMPLATE_LIST);

/** Most features a token can have (buffers are sized from it). */
export const MAX_FEATURES = TEMPLATE_LIST.length;

/** Hashes of one word form's parts, cached across sentences: words repeat, and hashing is most of the feature cost. */
export interface WordHashes {
  /** Lower case. */
  lower: number;
  exact: number;
  /** Suffixes of 1–4 and prefixes of 1–3 characters of the lower-case form (0 when the word is not longer). */
  suffix: Int32Array;
  prefix: Int32Array;
  /** Word shape with runs collapsed ("Xx", "x", "d-d-d", "X.X."). */
  shape: number;
  /** Has a letter and no lower-case one ("EU", "REJECTS"). */
  upper: boolean;
  hasLetter: boolean;
  /**
   * Scratch for the tagger: the summed weights of this word's feature groups (WORD_GROUPS) under one weight
   * table, kept here so they are found without a lookup and dropped with the word.
   */
  memo: { owner: object; sums: Int32Array; done: number } | null;
}

/**
 * Cached word forms; cleared when full so that a long-running process keeps a bounded table: with the
 * tagger's sums a word takes about 1 KB, so at most 20 MB. News vocabulary repeats: over the PolNeAR train
 * texts (727k tokens as the quote tokenizer cuts them) the 20k most frequent forms are 98% of the tokens.
 */
const WORD_CACHE_LIMIT = 20_000;
const wordCache = new Map<string, WordHashes>();

/** Longest shape kept (after collapsing runs), so long tokens share shapes. */
const MAX_SHAPE_LENGTH = 6;

/** Word shape: letters to X/x, digits to d, other characters kept, runs collapsed ("Ryabkov" → "Xx", "U.S." → "X.X."). */
export function shape(word: string): string {
  let out = '';
  let last = '';
  for (const ch of word) {
    const lower = ch.toLowerCase();
    const c = lower !== ch.toUpperCase() ? (ch === lower ? 'x' : 'X') : ch >= '0' && ch <= '9' ? 'd' : /\p{L}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (c === last) continue;
    out += c;
    last = c;
    if (out.length >= MAX_SHAPE_LENGTH) break;
  }
  return out;
}

export function wordHashes(word: string): WordHashes {
  let h = wordCache.get(word);
  if (h) return h;
  const lower = word.toLowerCase();
  const suffix = new Int32Array(5);
  const prefix = new Int32Array(4);
  for (let k = 1; k <= 4; k++) if (lower.length > k) suffix[k] = hashString(lower.slice(-k));
  for (let k = 1; k <= 3; k++) if (lower.length > k) prefix[k] = hashString(lower.slice(0, k));
  const hasLetter = /\p{L}/u.test(word);
  h = { lower: hashString(lower), exact: hashString(word), suffix, prefix, shape: hashString(shape(word)), upper: hasLetter && word === word.toUpperCase(), hasLetter, memo: null };
  if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
  wordCache.set(word, h);
  return h;
}

const BOS = hashString('<s>');
const EOS = hashString('</s>');
const BOUNDARY_BOS: WordHashes = boundary(BOS);
const BOUNDARY_EOS: WordHashes = boundary(EOS);

function boundary(mark: number): WordHashes {
  return { lower: mark, exact: mark, suffix: new Int32Array(5).fill(mark), prefix: new Int32Array(4).fill(mark), shape: mark, upper: false, hasLetter: false, memo: null };
}

/** A sentence written in capitals (headlines, datelines), where capitalisation tells nothing; one capitalised word is not such a sentence. */
export function isUpperSentence(words: readonly WordHashes[]): boolean {
  return isCapitalSentence(words, 1);
}

/** Collects feature keys: `a[n]`, `b[n]` are the two halves of feature n. */
export class FeatureBuffer {
  readonly a = new Int32Array(MAX_FEATURES);
  readonly b = new Int32Array(MAX_FEATURES);
  n = 0;

  /** A feature of a template and its values (a template always takes the same number of values). */
  add(template: number, x?: number, y?: number): void {
    let ha = TEMPLATE_SEEDS_A[template];
    let hb = TEMPLATE_SEEDS_B[template];
    if (x !== undefined) { ha = mixRound(ha, x); hb = mixRound(hb, x); }
    if (y !== undefined) { ha = mixRound(ha, y); hb = mixRound(hb, y); }
    this.a[this.n] = fmix(ha);
    // The low bit of the second half is always set, so (0, 0) can mark an empty slot of a table.
    this.b[this.n] = fmix(hb) | 1;
    this.n++;
  }
}

/**
 * Features that one word brings by itself from its place relative to the token described: the token itself
 * (its word, affixes and shape), the words one before and after it, the words two before and after it.
 * They are the same wherever the word occurs, so the tagger may sum their weights once per word. Each adds
 * to `out` without clearing it.
 */
export const WORD_GROUPS: ReadonlyArray<(w: WordHashes, out: FeatureBuffer) => void> = [
  (me, out) => {
    out.add(T.bias);
    out.add(T.w, me.lower);
    if (me.exact !== me.lower) out.add(T.W, me.exact);
    for (let k = 1; k <= 4; k++) if (me.suffix[k] !== 0) out.add(T.s1 + k - 1, me.suffix[k]);
    for (let k = 1; k <= 3; k++) if (me.prefix[k] !== 0) out.add(T.p1 + k - 1, me.prefix[k]);
    out.add(T.sh, me.shape);
  },
  (p1, out) => {
    out.add(T['w-1'], p1.lower);
    out.add(T['s3-1'], p1.suffix[3] || p1.lower);
    out.add(T['sh-1'], p1.shape);
  },
  (n1, out) => {
    out.add(T['w+1'], n1.lower);
    out.add(T['s3+1'], n1.suffix[3] || n1.lower);
    out.add(T['sh+1'], n1.shape);
  },
  (p2, out) => out.add(T['w-2'], p2.lower),
  (n2, out) => out.add(T['w+2'], n2.lower),
];
/** Groups by place: the token itself, one before, one after, two before, two after. */
export const SELF = 0;
export const BEFORE = 1;
export const AFTER = 2;
export const TWO_BEFORE = 3;
export const TWO_AFTER = 4;

/** The word at `k` of a sentence, or the <s> and </s> marks outside it. */
export function wordAt(words: readonly WordHashes[], k: number): WordHashes {
  return k < 0 ? BOUNDARY_BOS : k >= words.length ? BOUNDARY_EOS : words[k];
}

/**
 * Features of token `i` that do not depend on the tags chosen before it and are not in WORD_GROUPS: the
 * token opening the sentence or in a capitalised one, and the word bigrams. Into `out`, cleared first.
 */
export function contextFeatures(words: readonly WordHashes[], i: number, upperSentence: boolean, out: FeatureBuffer): void {
  const w = words[i].lower;
  out.n = 0;
  if (i === 0) out.add(T.first, words[i].shape);
  if (upperSentence) out.add(T.up, w);
  out.add(T['w-1|w'], wordAt(words, i - 1).lower, w);
  out.add(T['w|w+1'], w, wordAt(words, i + 1).lower);
}

/** Every feature of token `i` that does not depend on the tags chosen before it, into `out` (cleared first). */
export function tokenFeatures(words: readonly WordHashes[], i: number, upperSentence: boolean, out: FeatureBuffer): void {
  contextFeatures(words, i, upperSentence, out);
  WORD_GROUPS[SELF](words[i], out);
  WORD_GROUPS[BEFORE](wordAt(words, i - 1), out);
  WORD_GROUPS[AFTER](wordAt(words, i + 1), out);
  WORD_GROUPS[TWO_BEFORE](wordAt(words, i - 2), out);
  WORD_GROUPS[TWO_AFTER](wordAt(words, i + 2), out);
}

/**
 * Features of the tags chosen for the two tokens before the token (tag indices, -1 before the sentence)
 * alone, which the tagger may sum once per pair of tags. Adds to `out` without clearing it.
 */
export function tagFeatures(prev: number, prev2: number, out: FeatureBuffer): void {
  out.add(T['t-1'], prev);
  out.add(T['t-2'], prev2);
  out.add(T['t-2|t-1'], prev2, prev);
}

/** Features of the previous token's tag with token `i`'s word and suffix, into `out` (cleared first). */
export function tagWordFeatures(words: readonly WordHashes[], i: number, prev: number, out: FeatureBuffer): void {
  const me = words[i];
  out.n = 0;
  out.add(T['t-1|w'], prev, me.lower);
  out.add(T['t-1|s3'], prev, me.suffix[3] || me.lower);
  out.add(T['t-1|w+1'], prev, wordAt(words, i + 1).lower);
}

/** Every feature of the tags chosen before token `i`, into `out` (cleared first). */
export function historyFeatures(words: readonly WordHashes[], i: number, prev: number, prev2: number, out: FeatureBuffer): void {
  tagWordFeatures(words, i, prev, out);
  tagFeatures(prev, prev2, out);
}
