// Token features of the name tagger, computed from raw words only (no part-of-speech tags), shared by training and tagging.
import { findGazetteerHits, isFirstName } from './gazetteer.ts';
import { CALENDAR_WORDS, ORG_WORDS, ROLE_HEADS } from './lexicon.ts';

/** Affix lengths used as features. */
const AFFIX_LENGTHS = [1, 2, 3, 4];
/** Longest word shape kept before it is cut, so long words share shapes. */
const MAX_SHAPE_LENGTH = 8;

/** Typographic quotes and dashes made plain, so news text and the training text share words. */
export function normalizeWord(word: string): string {
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

function isCapitalized(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/** A sentence written in capitals (headlines, datelines), where capitalisation tells nothing. */
function isUpperSentence(words: string[]): boolean {
  let upper = 0;
  let letters = 0;
  for (const w of words) {
    if (!/\p{L}/u.test(w)) continue;
    letters++;
    if (w === w.toUpperCase()) upper++;
  }
  return letters > 0 && upper / letters > 0.8;
}

/** What the whole document says about each lower-cased word: seen in lower case, seen capitalised mid-sentence. */
interface DocumentEvidence {
  lower: Set<string>;
  midCapital: Set<string>;
}

function documentEvidence(sentences: string[][]): DocumentEvidence {
  const lower = new Set<string>();
  const midCapital = new Set<string>();
  for (const words of sentences) {
    if (isUpperSentence(words)) continue;
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      if (/^\p{Ll}/u.test(w)) lower.add(w);
      else if (i > 0 && isCapitalized(w) && w !== w.toUpperCase() && !/^["'(]$/.test(words[i - 1])) midCapital.add(w.toLowerCase());
    }
  }
  return { lower, midCapital };
}

/**
 * Features of every token of a document, sentence by sentence. The document as a whole is an input
 * because a word seen elsewhere in lower case, or capitalised mid-sentence, tells how to read it here.
 */
export function documentFeatures(rawSentences: string[][]): string[][][] {
  const sentences = rawSentences.map((s) => s.map(normalizeWord));
  const evidence = documentEvidence(sentences);
  return sentences.map((words) => sentenceFeatures(words, evidence));
}

function sentenceFeatures(words: string[], evidence: DocumentEvidence): string[][] {
  const n = words.length;
  const lower = words.map((w) => w.toLowerCase());
  const shapes = words.map(shortShape);
  const upperSentence = isUpperSentence(words);
  const gaz: string[][] = words.map(() => []);
  for (const hit of findGazetteerHits(words)) {
    for (const cls of hit.classes) {
      const len = hit.end - hit.start;
      for (let k = hit.start; k < hit.end; k++) {
        const pos = len === 1 ? 'U' : k === hit.start ? 'B' : k === hit.end - 1 ? 'L' : 'I';
        gaz[k].push(`g=${cls}:${pos}`);
      }
    }
  }
  const word = (i: number): string => (i < 0 ? '<s>' : i >= n ? '</s>' : lower[i]);
  const shape = (i: number): string => (i < 0 ? '<s>' : i >= n ? '</s>' : shapes[i]);
  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    const w = words[i];
    const lw = lower[i];
    const sh = shapes[i];
    const f: string[] = ['b', `w=${lw}`, `W=${w}`, `sh=${sh}`, `lsh=${wordShape(w)}`];
    for (const k of AFFIX_LENGTHS) {
      if (lw.length > k) f.push(`p${k}=${lw.slice(0, k)}`, `s${k}=${lw.slice(-k)}`);
    }
    if (i === 0) f.push(`first|sh=${sh}`, `first|w=${lw}`);
    if (upperSentence) f.push(`up|sh=${sh}`, `up|w=${lw}`);
    f.push(
      `w-1=${word(i - 1)}`, `w+1=${word(i + 1)}`, `w-2=${word(i - 2)}`, `w+2=${word(i + 2)}`,
      `sh-1=${shape(i - 1)}`, `sh+1=${shape(i + 1)}`,
      `w-1|w=${word(i - 1)}|${lw}`, `w|w+1=${lw}|${word(i + 1)}`,
      `sh-1|sh|sh+1=${shape(i - 1)}|${sh}|${shape(i + 1)}`,
      `w-1|sh=${word(i - 1)}|${sh}`, `sh|w+1=${sh}|${word(i + 1)}`,
    );
    for (const g of gaz[i]) f.push(g);
    if (i > 0) for (const g of gaz[i - 1]) f.push(`-1${g}`);
    if (i + 1 < n) for (const g of gaz[i + 1]) f.push(`+1${g}`);
    if (isCapitalized(w)) {
      if (isFirstName(w)) f.push('fn');
      if (i > 0 && isFirstName(words[i - 1])) f.push('fn-1');
      if (evidence.lower.has(lw)) f.push(upperSentence ? 'up|doclower' : 'doclower');
      if (evidence.midCapital.has(lw)) f.push(upperSentence || i === 0 ? 'init|docmidcap' : 'docmidcap');
      if (CALENDAR_WORDS.has(lw)) f.push('calendar');
      // The capitalised run this word belongs to ends in an organisation word ("... Party", "... Bank").
      let j = i;
      while (j + 1 < n && isCapitalized(words[j + 1])) j++;
      if (j > i && ORG_WORDS.has(lower[j])) f.push('run-ends-org');
      if (ORG_WORDS.has(lw)) f.push('orgword');
      if (i > 0 && ROLE_HEADS.has(lower[i - 1])) f.push('after-role');
    }
    out.push(f);
  }
  return out;
}
