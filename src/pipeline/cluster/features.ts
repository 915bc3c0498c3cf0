// Features for story clustering: weighted terms and the names and figures of one article, language-agnostic.
import { foldForSearch } from '../../lib/fold.ts';
import { CALENDAR_WORDS, STOPWORDS, weekdayOf } from './stopwords.ts';

export interface DocFeatures {
  /** Sub-linear term weights (before IDF); anchors are terms too. */
  terms: Map<string, number>;
  /**
   * Anchors: the names (capitalised words, plus any entity keys the caller passes) and figures (words with a
   * digit: counts, ages, scores, years) that tell one event from another of the same kind. Sub-linear weights.
   */
  anchors: Map<string, number>;
  /**
   * The weekdays the title and lede name ('saturday'…), as shares summing to 1 (empty when none is named):
   * the day of the event, which tells two same-kind events apart when the articles carry no dates.
   */
  weekdays: Map<string, number>;
}

const DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/**
 * Calibrated with the clusterer's constants as a set on stories-dev (ECB+ topics 1–35, NewsWCL50); don't tune one alone.
 * TITLE_WEIGHT: title words count as much as this many body occurrences (headlines name the event).
 * MAX_BODY_CHARS: only the opening of an article is read; the lede says what the story is, long tails drift
 *   into background that other stories share.
 */
export const TITLE_WEIGHT = 2;
export const MAX_BODY_CHARS = 2000;
/**
 * Weight of a caller's entity key against one capitalised-name mention. In cased scripts the keys repeat the
 * names already found; at full weight they crowded them out (stories-dev with the NER stage's keys: ECB+ 0.866
 * against 0.884 without keys), at half weight they cost little (0.881). In caseless scripts they are the only names.
 */
export const ENTITY_WEIGHT = 0.5;
/** With no title given, a first line up to this long is taken for one (plain-text captures put the headline there). */
const FIRST_LINE_TITLE_CHARS = 200;
/** Share of a title's longer words that are capitalised from which it is in title case, so its capitals say nothing. */
const TITLE_CASE_SHARE = 0.6;
/** Words shorter than this carry no event identity, unless they hold a digit. */
const MIN_WORD_LENGTH = 3;
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
      const prev = out.at(-1);
      if (!(raw === '.' && prev?.capitalised && prev.length <= ABBREVIATION_LENGTH)) initial = true;
      continue;
    }
    if (raw === ';' || raw === ':') continue;
    const key = foldForSearch(raw, language).replace(POSSESSIVE, '');
    out.push({ key, capitalised: UPPER_START.test(raw), initial, length: raw.length });
    initial = false;
  }
  return out;
}

function keep(key: string): boolean {
  return (key.length >= MIN_WORD_LENGTH || DIGIT.test(key)) && !STOPWORDS.has(key);
}

/**
 * Terms and anchors of one article. A word is a name when it is capitalised away from a sentence start and
 * never written in lower case in the same article (so "Host" in a title-case headline is not one).
 * Scripts without case (Arabic, Persian) give no names here: the caller's entity keys stand in for them.
 */
export function extractFeatures(title: string | null, text: string, language: string | null = null, entities: readonly string[] = []): DocFeatures {
  if (!title) {
    const end = text.indexOf('\n');
    if (end > 0 && end <= FIRST_LINE_TITLE_CHARS) { title = text.slice(0, end); text = text.slice(end + 1); }
  }
  const head = title ? tokens(title, language) : [];
  const body = tokens(text.slice(0, MAX_BODY_CHARS), language);
  // The first word is capitalised in any headline style, so it says nothing about which style this is.
  const longWords = head.slice(1).filter((t) => t.key.length > 3);
  const titleCase = body.length > 0 && longWords.length > 0 && longWords.filter((t) => t.capitalised).length / longWords.length >= TITLE_CASE_SHARE;

  const lowerSeen = new Set<string>();
  const capitalSeen = new Set<string>();
  for (const t of titleCase ? body : [...head, ...body]) {
    if (!t.capitalised) lowerSeen.add(t.key);
    else if (!t.initial) capitalSeen.add(t.key);
  }
  const isName = (t: Token) => t.capitalised && t.length > 1 && capitalSeen.has(t.key) && !lowerSeen.has(t.key);

  const counts = new Map<string, number>();
  const anchorCounts = new Map<string, number>();
  const dayCounts = new Map<string, number>();
  const add = (list: Token[], weight: number) => {
    for (const t of list) {
      const day = weekdayOf(t.key, language);
      if (day !== undefined) dayCounts.set(DAY_NAMES[day], (dayCounts.get(DAY_NAMES[day]) ?? 0) + weight);
      if (!keep(t.key)) continue;
      counts.set(t.key, (counts.get(t.key) ?? 0) + weight);
      if ((isName(t) && !CALENDAR_WORDS.has(t.key)) || DIGIT.test(t.key)) anchorCounts.set(t.key, (anchorCounts.get(t.key) ?? 0) + weight);
    }
  };
  add(head, TITLE_WEIGHT);
  add(body, 1);
  const terms = sublinear(counts), anchors = sublinear(anchorCounts);
  // Entity keys (one per entity, or one per mention) stand beside the capitalised names they mostly repeat.
  const entityCounts = new Map<string, number>();
  for (const e of entities) { const key = foldForSearch(e, language); entityCounts.set(key, (entityCounts.get(key) ?? 0) + 1); }
  for (const [key, w] of sublinear(entityCounts)) {
    terms.set(key, (terms.get(key) ?? 0) + ENTITY_WEIGHT * w);
    anchors.set(key, (anchors.get(key) ?? 0) + ENTITY_WEIGHT * w);
  }
  let days = 0;
  for (const n of dayCounts.values()) days += n;
  const weekdays = new Map([...dayCounts].map(([d, n]) => [d, n / days]));
  return { terms, anchors, weekdays };
}

function sublinear(counts: Map<string, number>): Map<string, number> {
  return new Map([...counts].map(([k, c]) => [k, 1 + Math.log(c)]));
}
