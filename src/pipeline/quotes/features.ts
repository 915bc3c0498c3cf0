// Token features of the cue tagger as 64-bit hashed keys, shared by the training script and the runtime tagger.
import type { QuoteDoc } from './document.ts';
import type { Sentence } from './tokens.ts';
import { isMark } from './document.ts';
import { AUXILIARIES, CUE_LEMMA_OF, CUE_WORD_FORMS, SPEAKER_PRONOUNS } from './lexicon.ts';
import { MARKS } from './marks.ts';
import { fmix, hashString, mixRound, templates } from '../../lib/feature-keys.ts';
import { LEXNAMES, senseClasses } from '../../lib/wordnet.ts';

/** Tags of the cue tagger: first token of a cue, a later token of it, outside. */
export const TAGS = ['B', 'I', 'O'] as const;
export type Tag = (typeof TAGS)[number];
export const TAG_B = 0;
export const TAG_I = 1;
export const TAG_O = 2;

/* Feature keys are hashed as src/lib/feature-keys.ts describes. */

/**
 * Feature templates, in the order tokenFeatures emits them. Those after the buffer's `split` (the word
 * itself, and the wider context added later: the agent word, what the word opens further on, three words
 * out) are hidden together for a share of training tokens (word dropout), so that the tagger also learns
 * from the near context what carries over to unseen cue words. Hiding the wider context with the word
 * scored better on quotes-dev (quote F1 0.801 against 0.797) than always showing it.
 */
const TEMPLATE_LIST = [
  // always shown: neighbours, word class, part of speech, agent class, what the word opens
  'bias', 'sh', 'p1', 'p2', 'n1', 'n2', 'p1n1', 'q', 'lex', 'lexq', 'psh', 'first', 'ag', 'aux', 'op', 'pos', 'pp1',
  'pn1', 'pag', 'pagop', 'lexpag', 'lexop', 'lexag', 'pp2', 'qopen', 'wnc', 'wnm', 'wnag', 'wnop',
  // hidden under word dropout
  'w', 'st', 'suf3', 'p1w', 'wn1', 'wn1n2', 'qw', 'ppro', 'ag2', 'opw', 'posw', 'qb', 'qa', 'sq', 'lem', 'lemag',
  'lemop', 'agw', 'lexagw', 'op2', 'op2w', 'nsh', 'n1pos', 'para', 'p3', 'n3',
  // the tag chosen for the previous token (added by the decoder for each candidate history)
  'pt', 'ptw',
] as const;

const { id: T, seedA: TEMPLATE_SEEDS_A, seedB: TEMPLATE_SEEDS_B } = templates(TEMPLATE_LIST);

/** Most features a token can have (buffers are sized from it). */
export const MAX_FEATURES = TEMPLATE_LIST.length;

/** Hashes of one word form, cached across documents: words repeat, and hashing is most of the feature cost. */
interface WordHashes {
  /** The form the features read: lower case, with <q> for a quotation mark and <num> for a number. */
  word: number;
  stem: number;
  suf3: number;
  suf2: number;
  shape: number;
  /** 1 when the form is in the cue lexicon. */
  lex: number;
  /** 1 when the form is a speaker pronoun. */
  pro: number;
  /** 1 when the form is an auxiliary or adverb that may stand between a subject and its cue. */
  aux: number;
  /** The cue lemma for forms of the cue lexicon, else the stem. */
  lemma: number;
}

/** Cached word forms; cleared when full so that a long-running process keeps a bounded table. */
const WORD_CACHE_LIMIT = 100_000;
const wordCache = new Map<string, WordHashes>();

function shape(text: string): string {
  if (/^\p{Lu}+$/u.test(text)) return 'XX';
  if (/^\p{Lu}/u.test(text)) return 'Xx';
  if (/^\p{N}/u.test(text)) return 'd';
  if (/^\p{Ll}/u.test(text)) return 'x';
  return text;
}

/** A rough stem so that said/says/saying share evidence with unseen forms of the same verb. */
function stem(word: string): string {
  return word.replace(/(ing|ed|es|s)$/, '');
}

function wordHashes(text: string, kind: 'word' | 'punct'): WordHashes {
  let h = wordCache.get(text);
  if (h) return h;
  const lower = text.toLowerCase();
  const w = kind === 'punct' && MARKS[text] !== undefined ? '<q>'
    : kind === 'word' && /^\p{N}/u.test(text) ? '<num>' : lower;
  h = {
    word: hashString(w), stem: hashString(stem(w)), suf3: hashString(w.slice(-3)), suf2: hashString(w.slice(-2)),
    shape: hashString(shape(text)), lex: CUE_WORD_FORMS.has(w) ? 1 : 0, pro: SPEAKER_PRONOUNS.has(w) ? 1 : 0,
    aux: AUXILIARIES.has(lower) ? 1 : 0, lemma: hashString(CUE_LEMMA_OF.get(w) ?? stem(w)),
  };
  if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
  wordCache.set(text, h);
  return h;
}

const BOS = hashString('<s>');
const EOS = hashString('</s>');
const NONE = hashString('-');
const PRONOUN = hashString('pro');
const OPENS = { that: hashString('that'), colon: hashString(':'), to: hashString('to'), quote: hashString('q') };
const POS_CACHE = new Map<string, number>();
/** Words after a verb that show what it takes: a clause, a question, a preposition of its object. */
const OPENERS = new Map(['that', 'whether', 'if', 'how', 'why', 'what', 'for', 'about', 'of', 'on', 'with', 'to', 'as', 'by', ':', 'in'].map((w) => [w, hashString(w)]));

function posHash(tag: string): number {
  let h = POS_CACHE.get(tag);
  if (h === undefined) POS_CACHE.set(tag, (h = hashString(tag)));
  return h;
}

/** Per-document values the features read, computed once per document. */
export interface FeatureContext {
  doc: QuoteDoc;
  words: WordHashes[];
  pos: Int32Array;
  /** Whether each sentence holds a quotation. */
  sentenceQuoted: Uint8Array;
  /** WordNet class of each verb or noun token's most frequent sense, and of its three most frequent senses as a set (hashed; NONE otherwise). */
  sense: Int32Array;
  senses: Int32Array;
}

/** Hash of each WordNet class name, and of each set of classes seen (a bit per class number, modulo 32). */
const LEXNAME_HASHES = LEXNAMES.map(hashString);
const classSetHashes = new Map<number, number>();

/**
 * The word's WordNet classes as its part of speech (verb.communication for "said", verb.contact for "filed",
 * noun.communication for "statement"): they carry what the tagger learnt about seen cue words over to unseen ones.
 * The set's bits wrap at 32 for verb classes (29–43); within one part of speech no two classes share a bit.
 */
function senseHashes(word: string, tag: string): [number, number] {
  const pos = tag.startsWith('VB') ? 'verb' : tag.startsWith('NN') && !tag.startsWith('NNP') ? 'noun' : null;
  const classes = pos ? senseClasses(word, pos) : null;
  if (!classes?.length) return [NONE, NONE];
  let mask = 0;
  for (const c of classes) mask |= 1 << (c - 3);
  let set = classSetHashes.get(mask);
  if (set === undefined) classSetHashes.set(mask, (set = hashString(`m${mask}`)));
  return [LEXNAME_HASHES[classes[0]], set];
}

export function featureContext(doc: QuoteDoc): FeatureContext {
  const words = doc.tokens.map((t) => wordHashes(t.text, t.kind));
  const pos = Int32Array.from(doc.pos, posHash);
  const sentenceQuoted = new Uint8Array(doc.sentences.length);
  for (let i = 0; i < doc.tokens.length; i++) if (doc.quoteOf[i] >= 0) sentenceQuoted[doc.tokens[i].sentence] = 1;
  const sense = new Int32Array(doc.tokens.length);
  const senses = new Int32Array(doc.tokens.length);
  for (let i = 0; i < doc.tokens.length; i++) {
    const t = doc.tokens[i];
    [sense[i], senses[i]] = t.kind === 'word' ? senseHashes(t.lower, doc.pos[i] ?? '') : [NONE, NONE];
  }
  return { doc, words, pos, sentenceQuoted, sense, senses };
}

/** Whether token `i` is a verb of the cue lexicon (the decoder leans towards taking those as cues). */
export function isLexical(ctx: FeatureContext, i: number): boolean {
  // The lexicon holds verb forms: "talks" and "claims" as nouns ("the security talks") get no lean.
  return ctx.words[i].lex === 1 && (ctx.doc.pos[i] ?? '').startsWith('VB');
}

/**
 * Collects feature keys: `a[n]`, `b[n]` are the two halves of feature n. Features of templates that read
 * the word itself come after `split`, so training can drop them as a block.
 */
export class FeatureBuffer {
  readonly a = new Int32Array(MAX_FEATURES);
  readonly b = new Int32Array(MAX_FEATURES);
  n = 0;
  split = 0;

  /** A feature of a template and its values (a template always takes the same number of values). */
  add(template: number, x?: number, y?: number, z?: number): void {
    let ha = TEMPLATE_SEEDS_A[template];
    let hb = TEMPLATE_SEEDS_B[template];
    if (x !== undefined) { ha = mixRound(ha, x); hb = mixRound(hb, x); }
    if (y !== undefined) { ha = mixRound(ha, y); hb = mixRound(hb, y); }
    if (z !== undefined) { ha = mixRound(ha, z); hb = mixRound(hb, z); }
    this.a[this.n] = fmix(ha);
    // The low bit of the second half is always set, so (0, 0) can mark an empty slot of a table.
    this.b[this.n] = fmix(hb) | 1;
    this.n++;
  }
}

/** The word form at `k`, or the sentence boundary marks outside the sentence. */
function wordAt(ctx: FeatureContext, sent: Sentence, k: number): number {
  return k < sent.from ? BOS : k >= sent.to ? EOS : ctx.words[k].word;
}

function posAt(ctx: FeatureContext, sent: Sentence, k: number): number {
  return k < sent.from ? BOS : k >= sent.to ? EOS : ctx.pos[k];
}

/**
 * Features of token `i` that do not depend on the tags chosen before it, into `out` (cleared first).
 * Sentence boundaries are shown as <s> and </s> so that context never leaks across sentences.
 */
export function tokenFeatures(ctx: FeatureContext, i: number, out: FeatureBuffer): void {
  const { doc, words, pos: posOf } = ctx;
  const { tokens } = doc;
  const t = tokens[i];
  const sent = doc.sentences[t.sentence];
  const me = words[i];
  const w = me.word;
  const p1 = wordAt(ctx, sent, i - 1);
  const p2 = wordAt(ctx, sent, i - 2);
  const n1 = wordAt(ctx, sent, i + 1);
  const n2 = wordAt(ctx, sent, i + 2);
  const inQuote = doc.quoteOf[i] >= 0 ? 1 : 0;
  const lex = me.lex;
  // Agent before the word (after skipping auxiliaries): a name, a pronoun or a noun phrase head.
  let k = i - 1;
  while (k >= sent.from && words[k].aux === 1) k--;
  const agent = k < sent.from ? BOS : words[k].pro === 1 ? PRONOUN : words[k].shape;
  const aux = k < i - 1 ? words[k + 1].word : NONE;
  const agentPos = k < sent.from ? BOS : posOf[k];
  // What the word opens: a "that" clause, a colon, a quotation, an infinitive.
  let opens = NONE;
  for (let m = i + 1; m < Math.min(sent.to, i + 5); m++) {
    const lw = tokens[m].lower;
    if (isMark(tokens[m])) { opens = OPENS.quote; break; }
    if (lw === 'that') { opens = OPENS.that; break; }
    if (lw === ':') { opens = OPENS.colon; break; }
    if (lw === 'to') { opens = OPENS.to; break; }
  }
  const pi = posAt(ctx, sent, i);

  out.n = 0;
  out.add(T.bias);
  out.add(T.sh, me.shape);
  out.add(T.p1, p1);
  out.add(T.p2, p2);
  out.add(T.n1, n1);
  out.add(T.n2, n2);
  out.add(T.p1n1, p1, n1);
  out.add(T.q, inQuote);
  out.add(T.lex, lex);
  out.add(T.lexq, lex, inQuote);
  out.add(T.psh, i > sent.from ? words[i - 1].shape : BOS);
  out.add(T.first, i === sent.from ? 1 : 0);
  out.add(T.ag, agent, me.suf2);
  out.add(T.aux, aux, me.suf2);
  out.add(T.op, opens, me.suf2);
  out.add(T.pos, pi);
  out.add(T.pp1, posAt(ctx, sent, i - 1), pi);
  out.add(T.pn1, pi, posAt(ctx, sent, i + 1));
  out.add(T.pag, agentPos, pi);
  out.add(T.pagop, agentPos, pi, opens);
  out.add(T.lexpag, lex, agentPos, pi);
  out.add(T.lexop, lex, opens, pi);
  out.add(T.lexag, lex, agent);
  out.add(T.pp2, posAt(ctx, sent, i - 2), posAt(ctx, sent, i - 1), pi);
  if (inQuote && doc.quoteTokens[doc.quoteOf[i]].from === i) out.add(T.qopen);
  const sense = ctx.sense[i];
  out.add(T.wnc, sense, pi);
  out.add(T.wnm, ctx.senses[i]);
  out.add(T.wnag, sense, agent);
  out.add(T.wnop, sense, opens);
  out.split = out.n;

  out.add(T.w, w);
  out.add(T.st, me.stem);
  out.add(T.suf3, me.suf3);
  out.add(T.p1w, p1, w);
  out.add(T.wn1, w, n1);
  out.add(T.wn1n2, w, n1, n2);
  out.add(T.qw, inQuote, w);
  out.add(T.ppro, i - 1 >= sent.from ? words[i - 1].pro : 0, w);
  out.add(T.ag2, agent, me.stem);
  out.add(T.opw, opens, me.stem);
  out.add(T.posw, pi, me.stem);
  // Position relative to the nearest quotation in the sentence: cues hug quotations.
  const qBefore = i > sent.from && (isMark(tokens[i - 1]) || (tokens[i - 1].text === ',' && isMark(tokens[i - 2])));
  const qAfter = i + 1 < sent.to && isMark(tokens[i + 1]);
  if (qBefore) out.add(T.qb, me.stem);
  if (qAfter) out.add(T.qa, me.stem);
  if (ctx.sentenceQuoted[t.sentence] === 1) out.add(T.sq, me.stem);
  out.add(T.lem, me.lemma);
  out.add(T.lemag, agent, me.lemma);
  out.add(T.lemop, opens, me.lemma);
  const agentWord = k < sent.from ? BOS : words[k].word;
  out.add(T.agw, agentWord);
  out.add(T.lexagw, lex, agentWord);
  // The first clause or preposition word within the next few tokens, past an object.
  let op2 = NONE;
  let dist = 0;
  for (let m = i + 1; m < Math.min(sent.to, i + 7); m++) {
    const h = OPENERS.get(tokens[m].lower);
    if (h !== undefined) { op2 = h; dist = Math.min(m - i, 4); break; }
    if (isMark(tokens[m])) { op2 = OPENS.quote; dist = Math.min(m - i, 4); break; }
  }
  out.add(T.op2, op2, dist, pi);
  out.add(T.op2w, op2, me.lemma);
  out.add(T.nsh, i + 1 < sent.to ? words[i + 1].shape : EOS, pi);
  out.add(T.n1pos, posAt(ctx, sent, i + 1), me.lemma);
  out.add(T.para, Math.min(t.paragraph, 3), sent.from === 0 || tokens[sent.from - 1].paragraph !== t.paragraph ? 0 : 1);
  out.add(T.p3, wordAt(ctx, sent, i - 3));
  out.add(T.n3, wordAt(ctx, sent, i + 3));
}

/** Features of the previous token's tag (`prev` is a TAGS index), into `out` (cleared first; `split` marks the identity one). */
export function historyFeatures(ctx: FeatureContext, i: number, prev: number, out: FeatureBuffer): void {
  out.n = 0;
  out.add(T.pt, prev + 1);
  out.split = out.n;
  out.add(T.ptw, prev + 1, ctx.words[i].word);
}
