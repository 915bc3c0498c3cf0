// Word and punctuation tokens with character offsets, sentence and paragraph numbers, for attribution finding.
import { ABBREVIATIONS } from './lexicon.ts';
import { MARKS } from './marks.ts';
import { matchDateline } from '../metadata/dateline.ts';

export interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
  /** word: letters/digits; punct: anything else, one character (or an ellipsis / dash run). */
  kind: 'word' | 'punct';
  sentence: number;
  paragraph: number;
}

export interface Sentence {
  /** Index of the first token and one past the last. */
  from: number;
  to: number;
  paragraph: number;
}

export interface Tokenized {
  tokens: Token[];
  sentences: Sentence[];
}

/** Words (letters with their combining marks, as in decomposed "François"), numbers, ellipses, dash runs, any other character. */
const TOKEN_RE = /[\p{L}\p{M}\p{N}]+(?:(?:['’][\p{L}\p{M}]+)|(?:[-.&/][\p{L}\p{M}\p{N}]+))*|\.{2,}|…|[-–—]{1,3}|\S/gu;
/** A pronoun with a contracted auxiliary ("he’s", "they're", "I’ve"); possessives of names stay whole. */
const PRONOUN_CLITIC = /^(he|she|it|they|we|i|you|that|there|who)(['’](?:s|re|ve|ll|d|m))$/i;
const SENTENCE_END = new Set(['.', '!', '?', '…']);
const CLOSERS_AFTER_END = /^[”"’'»)\]」』›]$/;

/**
 * Splits text into tokens and sentences. Paragraph breaks always end a sentence, and a paragraph's dateline
 * ("WASHINGTON —", "TEHRAN (FNA)-", "GENEVA, January 9. /TASS/.") is a sentence of its own: it is neither a
 * speaker nor part of what is said.
 */
export function tokenize(text: string): Tokenized {
  const tokens: Token[] = [];
  let paragraph = 0;
  let lastEnd = 0;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
    const gap = text.slice(lastEnd, m.index);
    if (tokens.length > 0 && /\n/.test(gap)) paragraph++;
    let value = m[0];
    let end = m.index + value.length;
    // Keep the period of an abbreviation or initial with its word ("Mr.", "U.S.", "J."), so it does not end a sentence.
    if (text[end] === '.' && isAbbreviation(value)) {
      value += '.';
      end++;
      TOKEN_RE.lastIndex = end;
    }
    const kind = /[\p{L}\p{N}]/u.test(value[0]) ? 'word' : 'punct';
    // "He’s predicting": the pronoun and the auxiliary are two words, so the speaker is not lost in the cue.
    const clitic = PRONOUN_CLITIC.exec(value);
    if (clitic) {
      const cut = m.index + clitic[1].length;
      tokens.push({ start: m.index, end: cut, text: clitic[1], lower: clitic[1].toLowerCase(), kind, sentence: 0, paragraph });
      tokens.push({ start: cut, end, text: clitic[2], lower: clitic[2].toLowerCase(), kind, sentence: 0, paragraph });
    } else {
      tokens.push({ start: m.index, end, text: value, lower: value.toLowerCase(), kind, sentence: 0, paragraph });
    }
    lastEnd = end;
  }
  TOKEN_RE.lastIndex = 0;
  return { tokens, sentences: splitSentences(tokens, datelineEnds(text, tokens)) };
}

/** Indices of the tokens that follow a dateline at the start of their paragraph. */
function datelineEnds(text: string, tokens: Token[]): Set<number> {
  const ends = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    if (i > 0 && tokens[i - 1].paragraph === tokens[i].paragraph) continue;
    const lineEnd = text.indexOf('\n', tokens[i].start);
    const dateline = matchDateline(text.slice(tokens[i].start, lineEnd < 0 ? text.length : lineEnd));
    if (!dateline) continue;
    const end = tokens[i].start + dateline.length;
    let k = i;
    while (k < tokens.length && tokens[k].paragraph === tokens[i].paragraph && tokens[k].start < end) k++;
    if (k > i && k < tokens.length && tokens[k].paragraph === tokens[i].paragraph) ends.add(k);
  }
  return ends;
}

function isAbbreviation(word: string): boolean {
  if (ABBREVIATIONS.has(word.toLowerCase())) return true;
  if (/^\p{Lu}$/u.test(word)) return true; // an initial: "J. Smith"
  return /^(?:\p{L}\.)+\p{L}$/u.test(word); // "U.S", "p.m"
}

function splitSentences(tokens: Token[], breaks: ReadonlySet<number>): Sentence[] {
  const sentences: Sentence[] = [];
  let from = 0;
  const close = (to: number): void => {
    if (to > from) sentences.push({ from, to, paragraph: tokens[from].paragraph });
    from = to;
  };
  for (let i = 0; i < tokens.length; i++) {
    const next = tokens[i + 1];
    if (next && (next.paragraph !== tokens[i].paragraph || breaks.has(i + 1))) { close(i + 1); continue; }
    if (!SENTENCE_END.has(tokens[i].text) && !tokens[i].text.startsWith('..')) continue;
    // Closing quotes and brackets after the full stop belong to the sentence it ends.
    let j = i + 1;
    while (j < tokens.length && tokens[j].paragraph === tokens[i].paragraph && CLOSERS_AFTER_END.test(tokens[j].text)) j++;
    const after = tokens[j];
    if (!after || after.paragraph !== tokens[i].paragraph) { close(j); i = j - 1; continue; }
    if (startsSentence(after)) { close(j); i = j - 1; }
  }
  close(tokens.length);
  sentences.forEach((s, n) => { for (let k = s.from; k < s.to; k++) tokens[k].sentence = n; });
  return sentences;
}

function startsSentence(t: Token): boolean {
  if (/^[\p{Lu}\p{N}]/u.test(t.text)) return true;
  return t.kind === 'punct' && (MARKS[t.text] !== undefined || t.text === '(' || t.text === '[');
}
