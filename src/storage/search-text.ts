// Engine-independent search text: parsing what users type into a safe query tree, and highlighted snippets
// cut from the original (unfolded) article text. Both backends use these, so they agree on both.
import { searchWords, visitWords } from '../lib/fold.ts';

/** One thing to match: a word, or a phrase when it has several words; `prefix` makes the last word a prefix. */
export interface QueryItem {
  words: string[];
  prefix: boolean;
}

/** Matches documents holding every item of at least one group, and none of the excluded items. */
export interface ParsedQuery {
  anyOf: QueryItem[][];
  noneOf: QueryItem[];
}

/** Query items kept from one query: bounds the work of a pasted paragraph. */
export const MAX_QUERY_ITEMS = 32;
/** Shorter prefixes ("a*") would expand to a large share of the vocabulary; they match as whole words. */
export const MIN_PREFIX_CHARS = 2;
/**
 * A chunk of a query: a quoted phrase (the closing quote may be missing) with an optional *, or a run of
 * characters up to a space or a bracket-like separator. Joiners such as - ' . / stay inside a chunk, so
 * "e-mail", "U.S." and "covid-19" search as phrases, the way the engines split them in the text.
 */
const QUERY_CHUNK_RE = /"([^"]*)("?\*?)|[^\s"()[\]{}<>:;,!?^~|&+=]+/g;
/** Words shown in a snippet: about two lines of a result list (ts_headline's default is 35). */
export const SNIPPET_WORDS = 30;
/** Words of context kept before the first match in a snippet. */
const SNIPPET_LEAD_WORDS = 4;

/**
 * Parses a user query. Supported: words (all must match), "quoted phrases", prefix* (also "phrase"*),
 * OR between items, and -word or NOT word to exclude. Every other character is a word separator, so no
 * input can reach an engine's own query syntax. Words are folded like the index (see lib/fold.ts).
 */
export function parseQuery(query: string, lang?: string | null): ParsedQuery {
  const anyOf: QueryItem[][] = [[]];
  const noneOf: QueryItem[] = [];
  let negateNext = false;
  let items = 0;
  for (const m of query.matchAll(QUERY_CHUNK_RE)) {
    if (items >= MAX_QUERY_ITEMS) break;
    let chunk = m[1] ?? m[0];
    let prefix = m[1] !== undefined ? m[2].endsWith('*') : false;
    let negate = negateNext;
    negateNext = false;
    if (m[1] === undefined) {
      if (chunk === 'OR') {
        if (anyOf[anyOf.length - 1].length > 0) anyOf.push([]);
        continue;
      }
      if (chunk === 'AND') continue;
      if (chunk === 'NOT') {
        negateNext = true;
        continue;
      }
      if (chunk.length > 1 && chunk.startsWith('-')) {
        negate = true;
        chunk = chunk.slice(1);
      }
      prefix = /\*+$/.test(chunk);
    }
    const words = searchWords(chunk, lang);
    if (words.length === 0) continue;
    if (prefix && words[words.length - 1].length < MIN_PREFIX_CHARS) prefix = false;
    items++;
    if (negate) noneOf.push({ words, prefix });
    else anyOf[anyOf.length - 1].push({ words, prefix });
  }
  return { anyOf: anyOf.filter((g) => g.length > 0), noneOf };
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * A snippet of `text` around the densest cluster of query matches: about SNIPPET_WORDS words of the
 * original text, HTML-escaped, with matched words wrapped in <mark>…</mark> and "…" where text was cut.
 * Matches are found by folding each original word the way the index does, so "İstanbul" is marked for
 * the query "istanbul" while the reader still sees "İstanbul".
 */
export function highlightSnippet(text: string, query: ParsedQuery, lang?: string | null, maxWords = SNIPPET_WORDS): string {
  const { starts, ends, hits, complete } = scanMatches(text, query.anyOf.flat(), lang, maxWords);
  const n = starts.length;
  if (n === 0) return '';
  const [start, end] = bestWindow(hits, n, maxWords);
  let out = start > 0 ? '…' : '';
  // From the very start when the window is the start, so leading punctuation ("«", "(") is kept.
  let pos = start > 0 ? starts[start] : text.length - text.trimStart().length;
  let open = false;
  for (let i = start; i < end; i++) {
    const gap = text.slice(pos, starts[i]);
    const joinsMark = open && hits[i] >= 0 && /^\s*$/.test(gap);
    if (open && !joinsMark) {
      out += '</mark>';
      open = false;
    }
    out += escapeHtml(gap.replace(/\s+/g, ' '));
    if (hits[i] >= 0 && !open) {
      out += '<mark>';
      open = true;
    }
    out += escapeHtml(text.slice(starts[i], ends[i]));
    pos = ends[i];
  }
  if (open) out += '</mark>';
  if (end < n || !complete) out += '…';
  else out += escapeHtml(text.slice(pos).replace(/\s+/g, ' ').trimEnd());
  return out;
}

/**
 * Offsets of the original words and, for each, the index of the query item it is part of a match of (or -1).
 * The walk stops once every item has matched and a window's worth of words follows the last new one: the
 * best window then lies in what was read, and long articles are not folded to the end for 20 results.
 */
function scanMatches(text: string, items: QueryItem[], lang: string | null | undefined, windowWords: number) {
  const starts: number[] = [];
  const ends: number[] = [];
  const hits: number[] = [];
  // The folded words read so far and the original word each came from, for matching phrases backwards.
  const folded: string[] = [];
  const owner: number[] = [];
  const seen = new Set<number>();
  let stopAfter = Infinity;
  let complete = true;
  visitWords(text, lang, (f, start, end) => {
    if (starts.length === 0 || starts[starts.length - 1] !== start) {
      if (starts.length >= stopAfter) {
        complete = false;
        return false;
      }
      starts.push(start);
      ends.push(end);
      hits.push(-1);
    }
    folded.push(f);
    owner.push(starts.length - 1);
    const p = folded.length - 1;
    items.forEach((item, k) => {
      const len = item.words.length;
      if (p + 1 < len) return;
      for (let j = 0; j < len; j++) {
        const want = item.words[j];
        const got = folded[p - len + 1 + j];
        if (!(item.prefix && j === len - 1 ? got.startsWith(want) : got === want)) return;
      }
      for (let j = p - len + 1; j <= p; j++) if (hits[owner[j]] < 0) hits[owner[j]] = k;
      if (!seen.has(k)) {
        seen.add(k);
        if (seen.size === items.length) stopAfter = starts.length + windowWords;
      }
    });
  });
  return { starts, ends, hits, complete };
}

/** [start, end) of the window of `size` words with the most distinct items, then the most matched words. */
function bestWindow(hits: number[], n: number, size: number): [number, number] {
  if (n <= size) return [0, n];
  const inWindow = new Map<number, number>();
  let matched = 0;
  let best = { score: -1, start: 0 };
  const add = (k: number, d: number) => {
    if (k < 0) return;
    matched += d;
    const c = (inWindow.get(k) ?? 0) + d;
    if (c === 0) inWindow.delete(k);
    else inWindow.set(k, c);
  };
  for (let i = 0; i < n; i++) {
    add(hits[i], 1);
    if (i >= size) add(hits[i - size], -1);
    if (i >= size - 1) {
      const score = inWindow.size * (size + 1) + matched;
      if (score > best.score) best = { score, start: i - size + 1 };
    }
  }
  let first = best.start;
  while (first < n && hits[first] < 0) first++;
  if (first === n) return [0, size];
  const start = Math.max(0, Math.min(first - SNIPPET_LEAD_WORDS, n - size));
  return [start, start + size];
}
