// Features for story clustering: weighted terms and name-like tokens of one article, language-agnostic.
import { foldForSearch } from '../../lib/fold.ts';
import { STOPWORDS } from './stopwords.ts';

export interface DocFeatures {
  /** Sub-linear term weights (before IDF); names are terms too. */
  terms: Map<string, number>;
  /**
   * Names (people, places, organisations, events) with their salience in this article: sub-linear count,
   * title mentions counted TITLE_WEIGHT times. From capitalisation, plus any entity keys the caller passes.
   */
  names: Map<string, number>;
}

/** Title words count as much as this many body occurrences: headlines name the event. */
export const FP = { TF_MODE: 0, NAME_BIGRAMS: 0, FIRST_LINE_TITLE: 0, STEM: 0, NUMBERS: 0, TITLE_WEIGHT: 2, LEDE_CHARS: 0, LEDE_WEIGHT: 1, MAX_BODY_CHARS: 3000 };
/** Only the opening of long articles is used: the lede says what the story is; tails drift into background. */
/** Share of a title's longer words that are capitalised above which it is in title case, so capitals there say nothing. */
const TITLE_CASE_SHARE = 0.6;
/** Words shorter than this carry no event identity, unless they hold a digit (scores, counts, ordinals). */
const MIN_WORD_LENGTH = 3;
/** With no title given, a first line up to this long is taken for one (feeds and plain-text captures put the headline there). */
const FIRST_LINE_TITLE_CHARS = 200;
/** Capitalised words up to this long before a full stop are taken for abbreviations (Dr., Gov., U.S.), not sentence ends. */
const ABBREVIATION_LENGTH = 3;

const TOKEN = /[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’-]*|[.!?;:]/gu;
const SENTENCE_END = new Set(['.', '!', '?']);
const POSSESSIVE = /['’]s?$/u;
const UPPER_START = /^\p{Lu}/u;
const DIGIT = /\p{N}/u;

interface Token { key: string; capitalised: boolean; initial: boolean; length: number }

function tokens(source: string, language: string | null): Token[] {
  const out: Token[] = [];
  let initial = true;
  for (const m of source.matchAll(TOKEN)) {
    const raw = m[0];
    if (raw.length === 1 && SENTENCE_END.has(raw)) {
      // "Dr. Benjamin", "U.S. forces": a full stop after a short capitalised word or an initial ends no sentence.
      const prev = out.at(-1);
      if (!(raw === '.' && prev?.capitalised && prev.length <= ABBREVIATION_LENGTH)) initial = true;
      continue;
    }
    if (raw === ';' || raw === ':') continue;
    const full = foldForSearch(raw, language).replace(POSSESSIVE, '');
    const key = FP.STEM && !DIGIT.test(full) ? full.slice(0, FP.STEM) : full;
    out.push({ key, capitalised: UPPER_START.test(raw), initial, length: raw.length });
    initial = false;
  }
  return out;
}

function keep(key: string): boolean {
  return (key.length >= MIN_WORD_LENGTH || DIGIT.test(key)) && !STOPWORDS.has(key);
}

/**
 * Terms and names of one article. A word is a name when it is capitalised away from a sentence start and
 * never written in lower case in the same article (so "Host" in a title-case headline is not one).
 * Scripts without case (Arabic, Persian) give no names here: the caller's entity keys stand in.
 */
export function extractFeatures(title: string | null, text: string, language: string | null = null, entities: readonly string[] = []): DocFeatures {
  if (!title && FP.FIRST_LINE_TITLE) {
    const nl = text.indexOf('\n');
    if (nl > 0 && nl <= FIRST_LINE_TITLE_CHARS) { title = text.slice(0, nl); text = text.slice(nl + 1); }
  }
  const head = title ? tokens(title, language) : [];
  const lede = tokens(text.slice(0, FP.LEDE_CHARS), language);
  const body = tokens(text.slice(FP.LEDE_CHARS, FP.MAX_BODY_CHARS), language);
  const longWords = head.filter((t) => t.key.length > 3);
  const titleCase = body.length > 0 && longWords.length > 1 && longWords.filter((t) => t.capitalised).length / longWords.length >= TITLE_CASE_SHARE;

  const lowerSeen = new Set<string>();
  const capitalSeen = new Set<string>();
  for (const t of [...(titleCase ? [] : head), ...lede, ...body]) {
    if (!t.capitalised) lowerSeen.add(t.key);
    else if (!t.initial) capitalSeen.add(t.key);
  }
  const isName = (key: string) => capitalSeen.has(key) && !lowerSeen.has(key);

  const counts = new Map<string, number>();
  const nameCounts = new Map<string, number>();
  const add = (list: Token[], weight: number) => {
    let prevName: string | null = null;
    for (const t of list) {
      const name = t.capitalised && t.length > 1 && isName(t.key);
      if (FP.NAME_BIGRAMS && name && prevName !== null) {
        const pair = `${prevName} ${t.key}`;
        counts.set(pair, (counts.get(pair) ?? 0) + weight);
        nameCounts.set(pair, (nameCounts.get(pair) ?? 0) + weight);
      }
      prevName = name ? t.key : null;
      if (!keep(t.key)) continue;
      counts.set(t.key, (counts.get(t.key) ?? 0) + weight);
      if (name || (FP.NUMBERS && DIGIT.test(t.key))) nameCounts.set(t.key, (nameCounts.get(t.key) ?? 0) + weight);
    }
  };
  add(head, FP.TITLE_WEIGHT);
  add(lede, FP.LEDE_WEIGHT);
  add(body, 1);
  for (const e of entities) {
    const key = foldForSearch(e, language);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    nameCounts.set(key, (nameCounts.get(key) ?? 0) + 1);
  }
  const sublinear = (m: Map<string, number>) => new Map([...m].map(([k, c]) => [k, FP.TF_MODE === 1 ? Math.sqrt(c) : FP.TF_MODE === 2 ? 1 + 0.3 * Math.log(c) : 1 + Math.log(c)] as [string, number]));
  return { terms: sublinear(counts), names: sublinear(nameCounts) };
}
