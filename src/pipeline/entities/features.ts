// Token features of the name tagger, computed from raw words only (no part-of-speech tags), shared by training and tagging.
import { findGazetteerHits, isFirstName } from './gazetteer.ts';
import { CALENDAR_WORDS, ORG_WORDS, ROLE_HEADS } from './lexicon.ts';
import { isUpperSentence } from '../../lib/capitals.ts';

/** Affix lengths used as features, with their templates. */
const PREFIX_TEMPLATES = ['p1=', 'p2=', 'p3=', 'p4='];
const SUFFIX_TEMPLATES = ['s1=', 's2=', 's3=', 's4='];
/** Longest word shape kept before it is cut, so long words share shapes. */
const MAX_SHAPE_LENGTH = 8;
/**
 * Words whose properties (and the tagger's per-word sums) are kept between documents; past this size the
 * cache starts over, which bounds its memory on a long-running ingest. News vocabulary repeats: over the
 * PolNeAR train and zyte-dev texts (806k tokens) 30k words served 94% of tokens (100k: 95%), and the heap
 * grew by 11 MB.
 */
const WORD_CACHE_SIZE = 30_000;

/**
 * Templates of features with values. A feature's name is its template followed by its values joined by '|'
 * ("w-1|w=" + "the" + "|" + "minister"); a feature without values is a fixed name ("b", "fn", "g=country:U").
 */
export const ONE_VALUE_TEMPLATES = [
  'w=', 'W=', 'sh=', 'lsh=', ...PREFIX_TEMPLATES, ...SUFFIX_TEMPLATES, 'first|sh=', 'first|w=', 'up|sh=', 'up|w=',
  'w-1=', 'w+1=', 'w-2=', 'w+2=', 'sh-1=', 'sh+1=',
] as const;
export const TWO_VALUE_TEMPLATES = ['w-1|w=', 'w|w+1=', 'w-1|sh=', 'sh|w+1='] as const;
export const THREE_VALUE_TEMPLATES = ['sh-1|sh|sh+1='] as const;

/**
 * Receives a document's features token by token, as templates and values, so a caller can either build
 * the names (training) or look them up in a model without building any string (tagging).
 */
export interface FeatureSink {
  /** Starts a sentence of `length` tokens. */
  sentenceStart(length: number): void;
  /** Starts the next token of the current sentence. */
  token(): void;
  /** A feature without values. */
  flag(name: string): void;
  one(template: string, a: string): void;
  two(template: string, a: string, b: string): void;
  three(template: string, a: string, b: string, c: string): void;
  /**
   * The features that word `w` brings by itself from its place relative to the token (`WORD_GROUPS[group]`):
   * the same wherever the word occurs, so a sink may work them out once per word.
   */
  group(group: number, w: WordInfo): void;
  sentenceEnd(): void;
}

/** What the features need to know about one (normalised) word; computed once per distinct word. */
export interface WordInfo {
  word: string;
  lower: string;
  /** `shortShape(word)` and `wordShape(word)`. */
  shape: string;
  longShape: string;
  capitalized: boolean;
  /** Starts with a lower-case letter. */
  startsLower: boolean;
  hasLetter: boolean;
  /** Written in capitals throughout (unchanged by upper-casing). */
  upper: boolean;
  firstName: boolean;
  /**
   * Scratch for a sink's results about this word (the tagger's summed group scores for one model), kept
   * here so they are found without a lookup and dropped with the word.
   */
  memo: { owner: object; sums: Float64Array; done: number } | null;
}

const NEEDS_NORMALIZING = /[’‘`“”„«»—–]/;

/** Typographic quotes and dashes made plain, so news text and the training text share words. */
export function normalizeWord(word: string): string {
  if (!NEEDS_NORMALIZING.test(word)) return word;
  return word.replace(/[’‘`]/g, "'").replace(/[“”„«»]/g, '"').replace(/[—–]/g, '--');
}

/** Word shape: letters to X/x, digits to d, other characters kept ("Ryabkov" → "Xxxxxxx", "U.S." → "X.X."). */
export function wordShape(word: string): string {
  let out = '';
  for (const ch of word) {
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    if (lower !== upper) out += ch === upper ? 'X' : 'x';
    else if (ch >= '0' && ch <= '9') out += 'd';
    else out += /\p{L}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (out.length >= MAX_SHAPE_LENGTH) break;
  }
  return out;
}

/** Shape with runs collapsed ("Xxxxxxx" → "Xx", "1996-08-22" → "d-d-d"). */
export function shortShape(word: string): string {
  return wordShape(word.length > 40 ? word.slice(0, 40) : word).replace(/(.)\1+/g, '$1');
}

const wordCache = new Map<string, WordInfo>();

/** Properties of a raw token's normalised word, from the cache when the word was seen before. */
export function wordInfo(raw: string): WordInfo {
  let info = wordCache.get(raw);
  if (info) return info;
  if (wordCache.size >= WORD_CACHE_SIZE) wordCache.clear();
  const word = normalizeWord(raw);
  const capitalized = /^\p{Lu}/u.test(word);
  info = {
    word, lower: word.toLowerCase(), shape: shortShape(word), longShape: wordShape(word), capitalized,
    startsLower: /^\p{Ll}/u.test(word), hasLetter: /\p{L}/u.test(word), upper: word === word.toUpperCase(),
    firstName: capitalized && isFirstName(word), memo: null,
  };
  wordCache.set(raw, info);
  return info;
}


/** What the whole document says about each lower-cased word: seen in lower case, seen capitalised mid-sentence. */
interface DocumentEvidence {
  lower: Set<string>;
  midCapital: Set<string>;
}

function documentEvidence(sentences: WordInfo[][], upperSentences: boolean[]): DocumentEvidence {
  const lower = new Set<string>();
  const midCapital = new Set<string>();
  sentences.forEach((words, s) => {
    if (upperSentences[s]) return;
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      if (w.startsLower) lower.add(w.word);
      else if (i > 0 && w.capitalized && !w.upper && !isOpener(words[i - 1].word)) midCapital.add(w.lower);
    }
  });
  return { lower, midCapital };
}

/** A quote or bracket before a word, after which a capital may just open a quotation. */
function isOpener(word: string): boolean {
  return word === '"' || word === "'" || word === '(';
}

/**
 * Features of every token of a document, sentence by sentence, as names. The document as a whole is an input
 * because a word seen elsewhere in lower case, or capitalised mid-sentence, tells how to read it here.
 */
export function documentFeatures(rawSentences: string[][]): string[][][] {
  const sink = new NameSink();
  emitDocumentFeatures(rawSentences, sink);
  return sink.document;
}

/** The same features as `documentFeatures`, given to a sink instead of built as names. */
export function emitDocumentFeatures(rawSentences: string[][], sink: FeatureSink): void {
  const sentences = rawSentences.map((s) => s.map(wordInfo));
  const upper = sentences.map((words) => isUpperSentence(words));
  const evidence = documentEvidence(sentences, upper);
  sentences.forEach((words, s) => sentenceFeatures(words, upper[s], evidence, sink));
}

/**
 * Features that one word brings by itself, by its place relative to the token described: the token itself
 * (the word, its shapes and affixes), the token opening a sentence or in a capitalised sentence, and the
 * words one and two before and after it.
 */
export const WORD_GROUPS: ReadonlyArray<(w: WordInfo, sink: FeatureSink) => void> = [
  (w, sink) => {
    const lw = w.lower;
    sink.flag('b');
    sink.one('w=', lw);
    sink.one('W=', w.word);
    sink.one('sh=', w.shape);
    sink.one('lsh=', w.longShape);
    for (let k = 1; k <= PREFIX_TEMPLATES.length; k++) {
      if (lw.length > k) {
        sink.one(PREFIX_TEMPLATES[k - 1], lw.slice(0, k));
        sink.one(SUFFIX_TEMPLATES[k - 1], lw.slice(-k));
      }
    }
  },
  (w, sink) => { sink.one('first|sh=', w.shape); sink.one('first|w=', w.lower); },
  (w, sink) => { sink.one('up|sh=', w.shape); sink.one('up|w=', w.lower); },
  (w, sink) => { sink.one('w-1=', w.lower); sink.one('sh-1=', w.shape); },
  (w, sink) => { sink.one('w+1=', w.lower); sink.one('sh+1=', w.shape); },
  (w, sink) => sink.one('w-2=', w.lower),
  (w, sink) => sink.one('w+2=', w.lower),
];
const SELF = 0, FIRST = 1, UP = 2, PREV = 3, NEXT = 4, PREV2 = 5, NEXT2 = 6;

/** Stand-ins for the words before the first token and after the last. */
const START = boundary('<s>');
const END = boundary('</s>');

function boundary(mark: string): WordInfo {
  return { word: mark, lower: mark, shape: mark, longShape: mark, capitalized: false, startsLower: false, hasLetter: false, upper: true, firstName: false, memo: null };
}

/** Where a token sits in a gazetteer hit (single, begin, last, inside), and whose hit: its own or a neighbour's. */
const HIT_POSITIONS = ['U', 'B', 'L', 'I'];
const HIT_OWNERS = ['', '-1', '+1'];
const SELF_HIT = 0, PREV_HIT = 1, NEXT_HIT = 2;

/** Names of the gazetteer features of each class ("-1g=country:B"), built once per class so tagging builds none. */
const gazetteerNames = new Map<string, string[]>();
function gazetteerFeature(owner: number, cls: string, position: number): string {
  let names = gazetteerNames.get(cls);
  if (!names) {
    names = HIT_OWNERS.flatMap((o) => HIT_POSITIONS.map((pos) => `${o}g=${cls}:${pos}`));
    gazetteerNames.set(cls, names);
  }
  return names[owner * HIT_POSITIONS.length + position];
}

function sentenceFeatures(words: WordInfo[], upperSentence: boolean, evidence: DocumentEvidence, sink: FeatureSink): void {
  const n = words.length;
  // Gazetteer hits per token, as (position in HIT_POSITIONS, class) pairs.
  const gaz: Array<Array<number | string> | undefined> = new Array(n);
  for (const hit of findGazetteerHits(words.map((w) => w.word))) {
    for (const cls of hit.classes) {
      const len = hit.end - hit.start;
      for (let k = hit.start; k < hit.end; k++) {
        (gaz[k] ??= []).push(len === 1 ? 0 : k === hit.start ? 1 : k === hit.end - 1 ? 2 : 3, cls);
      }
    }
  }
  const at = (i: number): WordInfo => (i < 0 ? START : i >= n ? END : words[i]);
  const gazetteer = (k: number, owner: number): void => {
    const g = gaz[k];
    if (g) for (let j = 0; j < g.length; j += 2) sink.flag(gazetteerFeature(owner, g[j + 1] as string, g[j] as number));
  };
  sink.sentenceStart(n);
  for (let i = 0; i < n; i++) {
    const w = words[i];
    const lw = w.lower;
    const sh = w.shape;
    const prev = at(i - 1);
    const next = at(i + 1);
    sink.token();
    sink.group(SELF, w);
    if (i === 0) sink.group(FIRST, w);
    if (upperSentence) sink.group(UP, w);
    sink.group(PREV, prev);
    sink.group(NEXT, next);
    sink.group(PREV2, at(i - 2));
    sink.group(NEXT2, at(i + 2));
    sink.two('w-1|w=', prev.lower, lw);
    sink.two('w|w+1=', lw, next.lower);
    sink.three('sh-1|sh|sh+1=', prev.shape, sh, next.shape);
    sink.two('w-1|sh=', prev.lower, sh);
    sink.two('sh|w+1=', sh, next.lower);
    gazetteer(i, SELF_HIT);
    if (i > 0) gazetteer(i - 1, PREV_HIT);
    if (i + 1 < n) gazetteer(i + 1, NEXT_HIT);
    if (w.capitalized) {
      if (w.firstName) sink.flag('fn');
      if (i > 0 && words[i - 1].firstName) sink.flag('fn-1');
      if (evidence.lower.has(lw)) sink.flag(upperSentence ? 'up|doclower' : 'doclower');
      if (evidence.midCapital.has(lw)) sink.flag(upperSentence || i === 0 ? 'init|docmidcap' : 'docmidcap');
      if (CALENDAR_WORDS.has(lw)) sink.flag('calendar');
      // The capitalised run this word belongs to ends in an organisation word ("... Party", "... Bank").
      let j = i;
      while (j + 1 < n && words[j + 1].capitalized) j++;
      if (j > i && ORG_WORDS.has(words[j].lower)) sink.flag('run-ends-org');
      if (ORG_WORDS.has(lw)) sink.flag('orgword');
      if (i > 0 && ROLE_HEADS.has(words[i - 1].lower)) sink.flag('after-role');
    }
  }
  sink.sentenceEnd();
}

/** Builds every feature's name: the form training counts and the model file stores. */
class NameSink implements FeatureSink {
  readonly document: string[][][] = [];
  private sentence: string[][] = [];
  private current: string[] = [];

  sentenceStart(): void {
    this.sentence = [];
  }

  token(): void {
    this.current = [];
    this.sentence.push(this.current);
  }

  flag(name: string): void {
    this.current.push(name);
  }

  one(template: string, a: string): void {
    this.current.push(template + a);
  }

  two(template: string, a: string, b: string): void {
    this.current.push(`${template}${a}|${b}`);
  }

  three(template: string, a: string, b: string, c: string): void {
    this.current.push(`${template}${a}|${b}|${c}`);
  }

  group(group: number, w: WordInfo): void {
    WORD_GROUPS[group](w, this);
  }

  sentenceEnd(): void {
    this.document.push(this.sentence);
  }
}
