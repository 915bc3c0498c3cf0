// Search folding: the one normal form that indexed text, queries and snippet highlighting share, so all three agree.
//
// Decisions (tested in test/storage/fold.test.ts):
// - NFKD first, so compatibility forms (ligatures, full-width letters, superscripts) and precomposed accents split.
// - Lower-casing follows the text's language when it has its own rules (Turkish, Azerbaijani: I→ı, İ→i).
// - Diacritics are dropped from Latin and Greek letters (é→e, ş→s, ğ→g, ά→α), as FTS5's
//   `remove_diacritics 2` does; other scripts keep their marks (Cyrillic й stays й; ё becomes е, as Russian
//   search usually does), and the result is re-composed (NFC).
// - Dotless ı folds to i in every language. Turkish search then matches the way Turkish is typed on any
//   keyboard: ş, ç, ğ, ö, ü already lose their marks, and ı/i/I/İ all meet at i, so "istanbul", "ISTANBUL"
//   and "İstanbul" find each other whatever language the text or the query is in. The price is that
//   Turkish minimal pairs (kır/kir) are not told apart, as they already are not for s/ş.
// - Letters that do not decompose but have a plain equivalent are listed in FOLDED_LETTERS (ß→ss, ø→o, ł→l…).

/** Languages whose lower-casing of I differs from the default (dotless ı). */
const TURKIC_CASING = new Set(['tr', 'az']);

/** Letters with no Unicode decomposition that searchers type as their plain Latin or Greek equivalent. */
export const FOLDED_LETTERS: Readonly<Record<string, string>> = {
  'ı': 'i', 'ß': 'ss', 'ẞ': 'ss', 'ø': 'o', 'đ': 'd', 'ð': 'd', 'ł': 'l', 'ħ': 'h', 'ŧ': 't',
  'æ': 'ae', 'œ': 'oe', 'þ': 'th', 'ŀ': 'l', 'ĸ': 'k', 'ſ': 's', 'ς': 'σ',
  // Cyrillic ё after decomposition (е + U+0308): Russian text writes ё and е interchangeably.
  'е\u0308': 'е',
};

const FOLDED_LETTER_RE = new RegExp(Object.keys(FOLDED_LETTERS).join('|'), 'gu');
/** Combining diacritics (U+0300–U+036F) after a Latin or Greek letter, or with no letter before them. */
const LATIN_GREEK_MARKS_RE = /(?<=[\p{Script=Latin}\p{Script=Greek}][\u0300-\u036f]*)[\u0300-\u036f]+|(?<![\p{L}\p{M}])[\u0300-\u036f]+/gu;
const COMBINING_RE = /[\u0300-\u036f]/;
const ASCII_RE = /^[\x00-\x7f]*$/;
/** A search word: a run of letters, digits and combining marks (FTS5 unicode61 splits on everything else). */
const WORD_RE = /[\p{L}\p{N}\p{M}]+/gu;
const ASCII_WORD_RE = /[a-z0-9]+/g;
const WORD_CHAR_RE = /^[\p{L}\p{N}\p{M}]$/u;
/** 1 for ASCII letters and digits, else 0. */
const ASCII_WORD_CHAR = Uint8Array.from({ length: 128 }, (_, c) => (/[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0));
/** Word-character class of each BMP code unit, filled on first sight: 0 unknown, 1 word, 2 not a word character. */
const BMP_WORD_CHAR = new Uint8Array(0x10000);
/** Folded non-ASCII words, cached per casing rule: news text repeats its names and function words. */
const WORD_CACHE = new Map<string, string[]>();
const TURKIC_WORD_CACHE = new Map<string, string[]>();
const WORD_CACHE_LIMIT = 50_000;

/** The folded form of `text` for matching; `lang` is the text's language (ISO 639-1) when known. */
export function foldForSearch(text: string, lang?: string | null): string {
  if (ASCII_RE.test(text)) return text.toLowerCase();
  const decomposed = text.normalize('NFKD');
  const lower = isTurkic(lang) ? decomposed.toLocaleLowerCase('tr') : decomposed.toLowerCase();
  const letters = lower.replace(FOLDED_LETTER_RE, (c) => FOLDED_LETTERS[c] ?? c);
  return (COMBINING_RE.test(letters) ? letters.replace(LATIN_GREEK_MARKS_RE, '') : letters).normalize('NFC');
}

/**
 * The folded words of `text`, in order: what the full-text index holds for it. Each word of the original
 * is folded on its own (one original word may fold to several, e.g. "½" to "1 2"), which is what lets
 * snippets map matches back to the original text (see `visitWords`).
 */
export function searchWords(text: string, lang?: string | null): string[] {
  if (ASCII_RE.test(text)) return text.toLowerCase().match(ASCII_WORD_RE) ?? [];
  const out: string[] = [];
  visitWords(text, lang, (folded) => { out.push(folded); });
  return out;
}

/**
 * Calls `visit` with each folded word of `text` and the UTF-16 offsets of the original word it comes from
 * (several calls share offsets when one word folds to several). Returning false stops the walk.
 */
export function visitWords(text: string, lang: string | null | undefined, visit: (folded: string, start: number, end: number) => boolean | void): void {
  // A hand-written scan: a Unicode-class regex costs ~0.4 µs per word in V8, five times this loop.
  const n = text.length;
  let i = 0;
  while (i < n) {
    let width = wordCharWidth(text, i);
    while (i < n && width === 0) {
      i += text.charCodeAt(i) >= 0xd800 && text.charCodeAt(i) < 0xdc00 ? 2 : 1;
      width = wordCharWidth(text, i);
    }
    if (i >= n) return;
    const start = i;
    let ascii = true;
    while (i < n && width > 0) {
      if (text.charCodeAt(i) > 0x7f) ascii = false;
      i += width;
      width = wordCharWidth(text, i);
    }
    const w = text.slice(start, i);
    if (ascii) {
      if (visit(w.toLowerCase(), start, i) === false) return;
    } else {
      for (const f of foldWord(w, lang)) if (visit(f, start, i) === false) return;
    }
  }
}

/** UTF-16 units of the word character at `i` (letter, digit or mark: 1, or 2 for a surrogate pair), 0 if none. */
function wordCharWidth(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) return ASCII_WORD_CHAR[c];
  if (c >= 0xd800 && c < 0xdc00) {
    const cp = text.codePointAt(i) ?? c;
    return cp > 0xffff && WORD_CHAR_RE.test(String.fromCodePoint(cp)) ? 2 : 0;
  }
  let k = BMP_WORD_CHAR[c];
  if (k === 0) {
    k = WORD_CHAR_RE.test(text[i]) ? 1 : 2;
    BMP_WORD_CHAR[c] = k;
  }
  return k === 1 ? 1 : 0;
}

/** The folded words one original word stands for (usually one; none for a lone combining mark). */
export function foldWord(word: string, lang?: string | null): readonly string[] {
  if (isAscii(word)) return [word.toLowerCase()];
  const cache = isTurkic(lang) ? TURKIC_WORD_CACHE : WORD_CACHE;
  let folded = cache.get(word);
  if (!folded) {
    folded = foldForSearch(word, lang).match(WORD_RE) ?? [];
    if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
    cache.set(word, folded);
  }
  return folded;
}

/** Folded words joined by single spaces: the text handed to the full-text engines, so both see the same words. */
export function searchText(text: string | null, lang?: string | null): string {
  return text ? searchWords(text, lang).join(' ') : '';
}

function isTurkic(lang: string | null | undefined): boolean {
  return !!lang && TURKIC_CASING.has(lang.slice(0, 2).toLowerCase());
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}
