// Tokenizer and sentence splitter for raw text that keeps character offsets (Penn-Treebank-like, as CoNLL-2003).
import type { Token } from './types.ts';
import { ABBREVIATIONS, CLITICS } from './lexicon.ts';

const OPENING = new Set(['"', "'", '“', '‘', '«', '(', '[', '{', '„', '‹']);
const CLOSING = new Set(['"', "'", '”', '’', '»', ')', ']', '}', ',', ';', ':', '!', '?', '›']);
/** Clitics split off a word's end, Treebank style ("Russia's" → "Russia" "'s", "don't" → "do" "n't"). */
const CLITIC_RE = /(n['’]t|['’](?:s|re|ve|ll|d|m))$/i;
/** A dotted initialism such as "U.S." or "p.m.", which keeps its final period. */
const INITIALISM_RE = /^(?:\p{L}\.)+$/u;
/** A ranked-list number ("1.", "12.") as the first chunk of a line. */
const LIST_NUMBER_RE = /^\d{1,3}\.$/;
/** Pieces split inside a chunk: dashes used as punctuation, ellipses, commas not inside numbers, slashes between words. */
const INNER_SPLIT_RE = /(—|--+|…|\.\.\.+|(?<!\d),|,(?!\d))/u;

/** Splits raw text into tokens with character offsets. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const chunkRe = /\S+/g;
  let lastEnd = 0;
  for (let m = chunkRe.exec(text); m; m = chunkRe.exec(text)) {
    const newline = tokens.length === 0 || /[\n\r\u2028\u2029]/.test(text.slice(lastEnd, m.index));
    const before = tokens.length;
    // A list number opening a line keeps its period ("1. Schumacher"), as in ranked results.
    if (newline && LIST_NUMBER_RE.test(m[0])) push(tokens, m[0], m.index);
    else splitChunk(m[0], m.index, tokens);
    if (tokens.length > before) tokens[before].newline = newline;
    lastEnd = m.index + m[0].length;
  }
  return tokens;
}

function push(out: Token[], text: string, start: number): void {
  if (text.length > 0) out.push({ text, start, end: start + text.length, newline: false });
}

function splitChunk(chunk: string, offset: number, out: Token[]): void {
  if (CLITICS.has(chunk.toLowerCase().replace('’', "'")) || /^[\p{P}\p{S}]+$/u.test(chunk) && chunk.length <= 3) {
    push(out, chunk, offset);
    return;
  }
  // split() with a capturing group puts the separators at odd indices.
  const pieces = chunk.split(INNER_SPLIT_RE);
  if (pieces.length > 1) {
    let pos = 0;
    pieces.forEach((piece, k) => {
      if (k % 2 === 1) push(out, piece, offset + pos);
      else if (piece.length > 0) splitChunk(piece, offset + pos, out);
      pos += piece.length;
    });
    return;
  }
  let s = 0;
  let e = chunk.length;
  // Leading quotes and brackets.
  while (s < e - 1 && OPENING.has(chunk[s])) {
    push(out, chunk[s], offset + s);
    s++;
  }
  // Trailing punctuation, peeled from the end and emitted in order afterwards.
  const tail: Array<[string, number]> = [];
  for (;;) {
    if (e - s <= 1) break;
    const c = chunk[e - 1];
    if (CLOSING.has(c)) {
      // A possessive plural's apostrophe ("Russians'") and a closing quote both split off.
      tail.push([c, e - 1]);
      e--;
      continue;
    }
    if (c === '.') {
      const core = chunk.slice(s, e);
      if (isAbbreviation(core)) break;
      tail.push(['.', e - 1]);
      e--;
      continue;
    }
    break;
  }
  const core = chunk.slice(s, e);
  const clitic = core.length > 2 ? CLITIC_RE.exec(core) : null;
  if (clitic && clitic.index > 0) {
    push(out, core.slice(0, clitic.index), offset + s);
    push(out, clitic[0], offset + s + clitic.index);
  } else {
    push(out, core, offset + s);
  }
  for (let i = tail.length - 1; i >= 0; i--) push(out, tail[i][0], offset + tail[i][1]);
}

/** Whether a word ending in a period keeps it ("Mr.", "U.S.", "Corp."). */
export function isAbbreviation(word: string): boolean {
  if (!word.endsWith('.') || word.length < 2) return false;
  if (INITIALISM_RE.test(word)) return true;
  return ABBREVIATIONS.has(word.slice(0, -1).toLowerCase());
}

const SENTENCE_END = new Set(['.', '!', '?', '...', '…']);
const CLOSERS_AFTER_END = new Set(['"', "'", '”', '’', ')', ']', '»']);

/**
 * Groups tokens into sentences: a line break always starts one, and so does a capitalised or quoted
 * token after a sentence-final mark (an abbreviation's own period is not one).
 */
export function splitSentences(tokens: Token[]): Token[][] {
  const sentences: Token[][] = [];
  let current: Token[] = [];
  let ended = false;
  let prevEnd = -1;
  for (const tok of tokens) {
    // A quote glued to the previous token closes that sentence; one after a space opens the next.
    const closesPrevious = ended && CLOSERS_AFTER_END.has(tok.text) && tok.start === prevEnd;
    const opensNext = ended && !closesPrevious && /^[\p{Lu}\p{N}"“‘'(\[]/u.test(tok.text);
    if (current.length > 0 && (tok.newline || opensNext)) {
      sentences.push(current);
      current = [];
      ended = false;
    }
    current.push(tok);
    if (SENTENCE_END.has(tok.text)) ended = true;
    else if (!closesPrevious) ended = false;
    prevEnd = tok.end;
  }
  if (current.length > 0) sentences.push(current);
  return sentences;
}
