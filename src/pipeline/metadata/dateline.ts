// Dateline recognition: "GENEVA, January 9. /TASS/.", "TEHRAN (FNA)-", "МОСКВА, 13 янв — РИА Новости.", "طهران (فارس)-", "موسكو - " at the start of a text.
import { withCities } from '../../lib/cities.ts';
import { countries } from 'countries-list';
import type { DatelineGuess } from '../contracts.ts';
import { isParagraph, words } from '../../lib/lines.ts';
import { GREGORIAN_MONTHS, HIJRI_MONTHS, PERSIAN_MONTHS } from '../date/months.ts';
import { CITY_EXONYMS, MONTH_NAMES, NOT_DATELINE_CITIES } from './dateline-data.ts';
import { OUTLET_ALIASES } from './outlet-data.ts';

/**
 * A city followed only by a dash ("LONDON —", "Moscow —") is weak evidence: many small towns share a
 * name with a common word or acronym ("Nato"). Below this population the gazetteer does not vouch for it.
 */
const DASH_ONLY_MIN_POPULATION = 100_000;

/** A paragraph this long reads as prose; whole-page captures open with shorter menu lines. */
const PROSE_MIN_WORDS = 12;

/** In a whole-page capture the dateline opens one of the first few prose paragraphs (after a standfirst). */
const LEDE_PARAGRAPHS = 3;

/** Datelines are short: the pattern is only tried on this many leading characters. */
const DATELINE_MAX_CHARS = 160;

/**
 * Arabic script has no capitals to set a place name apart, so a name of more words than this before a
 * credit ("طهران (فارس)-") is the start of a sentence, not a city.
 */
const UNCASED_CITY_MAX_WORDS = 2;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (forms: Iterable<string>): string =>
  [...new Set(forms)].sort((a, b) => b.length - a.length).map((f) => escape(f).replace(/ /g, '\\s+')).join('|');

/** Every spelling by which an outlet signs its copy; a credit that is one of these is a wire credit for sure. */
const KNOWN_CREDITS = new Set(Object.values(OUTLET_ALIASES).flat());

// ── Cased scripts (Latin, Cyrillic): "GENEVA, January 9. /TASS/." ──

const UPPER_WORD = String.raw`\p{Lu}[\p{Lu}\p{M}'’.\-]*`;
const TITLE_WORD = String.raw`\p{Lu}[\p{Ll}\p{M}'’\-]+`;
const CITY = `(?<city>${UPPER_WORD}(?: ${UPPER_WORD}){0,3}|${TITLE_WORD}(?:[ \\-]${TITLE_WORD}){0,2})`;

function monthAlternation(): string {
  const forms = new Set<string>();
  for (const m of MONTH_NAMES) {
    forms.add(m);
    forms.add(m[0].toUpperCase() + m.slice(1));
    forms.add(m.toUpperCase());
  }
  return alternation(forms);
}
const MONTH = `(?:${monthAlternation()})`;
const DATE = String.raw`(?<date>${MONTH}\.? \d{1,2}(?:, \d{4})?|\d{1,2} ${MONTH}(?: \d{4})?|\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?)`;
/** A region after the city ("SAN FRANCISCO, Calif.", "BEIRUT, Lebanon"), never a month. */
const REGION = String.raw`(?:,\s*(?!${MONTH}\b)(?<region>\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*){0,2}))?`;
/** Outlet names that may follow a dash as the credit ("— РИА Новости."): only known ones, a dash alone opens the text. */
const DASH_CREDIT = `\\s*[—–―-]\\s*(?<dashCredit>${alternation(KNOWN_CREDITS)})\\.`;
const CREDIT = String.raw`(?:\s*/(?<slashCredit>\p{L}[\p{L}&.\- ]{0,30}?)/|\s*\((?<parenCredit>\p{L}[\p{L}&.\- ]{0,30}?)\)|${DASH_CREDIT})`;
/** After a full stop only a date with a month name follows a city ("Москва. 13 января."), never figures ("Berlin. 3.5 million"). */
const NAMED_DATE = `(?:\\d{1,2} ${MONTH}|${MONTH}\\.? \\d{1,2})`;
/** A known outlet's name standing alone before the dash, as Interfax signs ("Москва. 13 января. INTERFAX.RU -"). */
const BARE_CREDIT = `\\s+(?<bareCredit>${alternation(KNOWN_CREDITS)})(?=\\s*[-—–―])`;
const DATELINE = new RegExp(
  String.raw`^${CITY}${REGION}(?:(?:,\s*|\.\s(?=${NAMED_DATE}))${DATE})?\.?(?:${CREDIT}|${BARE_CREDIT})?\.?\s*(?<dash>[-—–―]{1,2}|:)?\s*(?=[\p{Lu}\p{N}"“«‘'(\[])`,
  'u',
);

// ── Arabic script (Arabic, Persian): "طهران (فارس)-", "أبوظبي في 12 يناير / وام /", "تهران- ایرنا-", "موسكو - " ──

/** A word of Arabic letters (digits excluded); "في" ("on", before the date) never belongs to the city. */
const ARABIC_WORD = String.raw`(?!في\s)(?:(?!\p{N})[\p{Script=Arabic}\u200c])+`;
const ARABIC_CITY = `(?<city>${ARABIC_WORD}(?: ${ARABIC_WORD}){0,2})`;
const ARABIC_MONTH = `(?:${alternation([...GREGORIAN_MONTHS.ar, ...GREGORIAN_MONTHS.fa, ...PERSIAN_MONTHS, ...HIJRI_MONTHS].flat())})`;
const ANY_DIGIT = String.raw`[0-9\u0660-\u0669\u06f0-\u06f9]`;
const ARABIC_DAY_MONTH = `${ANY_DIGIT}{1,2}\\s+${ARABIC_MONTH}(?:\\s+${ANY_DIGIT}{4})?(?:\\s*(?:هـ|م)(?!\\p{L}))?`;
/** A date, or a Hijri date with its Gregorian equivalent ("10 جمادى الآخرة 1443 هـ الموافق 13 يناير 2022 م"). */
const ARABIC_DATE = `(?<date>${ARABIC_DAY_MONTH}(?:\\s+الموافق\\s+${ARABIC_DAY_MONTH})?)`;
const ARABIC_CREDIT = String.raw`(?:/\s*(?<slashCredit>[^/\n]{1,30}?)\s*/|\((?<parenCredit>[^()\n]{1,30})\))`;
const ARABIC_KNOWN_CREDIT = alternation([...KNOWN_CREDITS].filter((c) => /\p{Script=Arabic}/u.test(c)));
const ARABIC_DATELINE = new RegExp(
  `^${ARABIC_CITY}(?:\\s*[،,]?\\s*(?:في\\s+)?${ARABIC_DATE})?\\s*(?:${ARABIC_CREDIT})?\\s*(?<dash>[-–—]{1,2}|:)?\\s*`
    + `(?:(?<dashCredit>${ARABIC_KNOWN_CREDIT})(?:\\s*[-–—]{1,2}|\\s*:|(?=\\s)|$))?\\s*(?=\\p{Script=Arabic}|["«“(]|$)`,
  'u',
);

/** A dateline found at the start of a paragraph, with how many characters it spans (for stripping it). */
export interface DatelineMatch {
  guess: DatelineGuess;
  length: number;
}

/** Reads a dateline at the very start of one paragraph, or null. */
export function matchDateline(paragraph: string): DatelineMatch | null {
  const head = paragraph.slice(0, DATELINE_MAX_CHARS);
  return matchCased(head) ?? matchArabicScript(head);
}

function matchCased(head: string): DatelineMatch | null {
  const m = DATELINE.exec(head);
  if (!m?.groups) return null;
  const g = m.groups;
  const credit = (g.slashCredit ?? g.parenCredit ?? g.dashCredit ?? g.bareCredit)?.trim() || null;
  const dateText = g.date ?? null;
  const dash = Boolean(g.dash);
  if (!credit && !dateText && !dash) return null;
  const raw = g.city;
  const allCaps = raw === raw.toUpperCase();
  if (!acceptCity(raw, allCaps, { credit, dateText, region: g.region ?? null })) return null;
  return { guess: { city: titleCase(raw), dateText, credit }, length: m[0].length };
}

function matchArabicScript(head: string): DatelineMatch | null {
  const m = ARABIC_DATELINE.exec(head);
  if (!m?.groups) return null;
  const g = m.groups;
  const credit = (g.slashCredit ?? g.parenCredit ?? g.dashCredit)?.trim() || null;
  const dateText = g.date ?? null;
  // A date alone does not end a dateline: "منذ 12 يناير، ..." ("since 12 January") opens a sentence.
  if (!credit && !g.dash) return null;
  const city = g.city;
  // Without capitals only a known city, or a short name before a known outlet's credit, is a dateline.
  const known = cityPopulation(fold(city)) !== null;
  const short = city.split(' ').length <= UNCASED_CITY_MAX_WORDS;
  if (!known && !(short && credit !== null && KNOWN_CREDITS.has(credit))) return null;
  return { guess: { city, dateText, credit }, length: m[0].length };
}

function acceptCity(
  raw: string,
  allCaps: boolean,
  found: { credit: string | null; dateText: string | null; region: string | null },
): boolean {
  const name = fold(raw);
  if (NOT_DATELINE_CITIES.includes(name)) return false;
  // An all-caps name with a wire credit and a date, or with the credit of a known outlet, is the wire format
  // itself ("GENEVA, January 9. /TASS/.", "MOSKOVA (AA) -"); no gazetteer needed.
  const wire = found.credit !== null && (found.dateText !== null || KNOWN_CREDITS.has(found.credit));
  if (allCaps && wire && words(raw).join('').length >= 3) return true;
  const population = cityPopulation(name);
  if (population === null) return false;
  if (!found.credit && !found.dateText && !found.region) return population >= DASH_ONLY_MIN_POPULATION;
  return true;
}

/**
 * Finds a dateline at the start of the text. The first paragraph is read; when the text is a whole-page
 * capture whose first line is not a paragraph (a menu, a page title, a headline), the first few prose
 * paragraphs are read too (a standfirst may come before the dateline paragraph), since that is where the
 * article begins.
 */
export function findDateline(text: string): DatelineGuess | null {
  const paragraphs = text.split(/\n/);
  const first = paragraphs.find((p) => p.trim())?.trim();
  if (!first) return null;
  const direct = matchDateline(first);
  if (direct) return direct.guess;
  if (isParagraph(first, PROSE_MIN_WORDS)) return null;
  let seen = 0;
  for (const p of paragraphs) {
    if (words(p).length < PROSE_MIN_WORDS) continue;
    const m = matchDateline(p.trim());
    if (m) return m.guess;
    if (isParagraph(p, PROSE_MIN_WORDS) && ++seen >= LEDE_PARAGRAPHS) break;
  }
  return null;
}

/** Folds a name for gazetteer look-up: no accents, lower case, one spelling of the Arabic and Persian yeh and kaf. */
function fold(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/[يى]/g, 'ی')
    .replace(/ك/g, 'ک')
    .replace(/\u200c/g, ' ')
    .trim();
}

/** Title case of an all-caps name; Turkish names (dotted İ, Ş, Ğ) are lower-cased by Turkish rules. */
function titleCase(name: string): string {
  if (name !== name.toUpperCase()) return name;
  const locale = /[İŞĞ]/u.test(name) ? 'tr' : undefined;
  return name
    .toLocaleLowerCase(locale)
    .replace(/(^|[\s\-'’.])(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toLocaleUpperCase(locale));
}

let gazetteer: Map<string, number> | null = null;

/** Largest population of a city by folded name; exonyms and capitals count as large. Loaded once, lazily. */
function cityPopulation(folded: string): number | null {
  if (!gazetteer) gazetteer = loadGazetteer();
  return gazetteer.get(folded) ?? null;
}

function loadGazetteer(): Map<string, number> {
  const map = new Map<string, number>();
  const add = (name: string, population: number): void => {
    const key = fold(name);
    if (key && (map.get(key) ?? -1) < population) map.set(key, population);
  };
  withCities((cities) => {
    for (const c of cities) {
      add(c.name, c.population);
      for (const alt of (c.altName ?? '').split(',')) if (alt.trim()) add(alt, c.population);
    }
  });
  for (const c of Object.values(countries)) if (c.capital) add(c.capital, Number.MAX_SAFE_INTEGER);
  for (const name of CITY_EXONYMS) add(name, Number.MAX_SAFE_INTEGER);
  return map;
}
