// Name lists from installed packages (countries, cities, nationalities, first names) and lookups over token runs.
import { countries } from 'countries-list';
// Nationality adjectives by country code ("RU" → "Russian"), to tie "Russian" to Russia.
import nationalities from 'i18n-nationality';
// First names with their gender (about 80k names in six languages): a tagger feature and pronoun agreement.
import { getGender } from 'gender-detection-from-name';
import type { Gender } from './types.ts';
import { withCities } from '../../lib/cities.ts';
import { EXTRA_NATIONALITIES, EXTRA_PLACES, INSTITUTION_NAMES } from './lexicon.ts';

/** Cities smaller than this are left out: small towns share names with common words. Dev F1: 5k 0.917, 15k 0.921, 50k 0.919. */
export const CITY_MIN_POPULATION = 15_000;
/** Cities at least this large get their own gazetteer class, since their names are rarely anything else. */
export const BIG_CITY_POPULATION = 500_000;
/** Longest name, in tokens, that the gazetteer matches. */
const MAX_NAME_TOKENS = 5;

export type GazetteerClass = 'country' | 'capital' | 'bigcity' | 'city' | 'place' | 'nationality' | 'institution';

interface Gazetteer {
  names: Map<string, Set<GazetteerClass>>;
  /** Lower-cased nationality adjective (and plural) → the place it points to. */
  nationalityPlace: Map<string, string>;
  /** Lower-cased place alias ("us", "u.s.", "russian federation") → canonical place name. */
  placeCanonical: Map<string, string>;
}

let cached: Gazetteer | null = null;

/** Accents folded away, so "Zürich" also matches "Zurich". */
export function foldDiacritics(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '');
}

/** The key a name is stored under: its whitespace-separated tokens, lower case, typographic quotes made plain. */
export function nameKey(words: string[]): string {
  return words.map((w) => w.toLowerCase().replace(/[’‘]/g, "'")).join(' ');
}

function splitName(name: string): string[] {
  return name.replace(/([,()])/g, ' $1 ').replace(/(\w)('s)\b/g, '$1 $2').split(/\s+/).filter(Boolean);
}

function build(): Gazetteer {
  const names = new Map<string, Set<GazetteerClass>>();
  const add = (name: string, cls: GazetteerClass): void => {
    for (const variant of new Set([name, foldDiacritics(name)])) {
      const words = splitName(variant);
      if (words.length === 0 || words.length > MAX_NAME_TOKENS) continue;
      const key = nameKey(words);
      let set = names.get(key);
      if (!set) names.set(key, (set = new Set()));
      set.add(cls);
    }
  };
  const placeCanonical = new Map<string, string>();
  const nationalityPlace = new Map<string, string>();
  const codeToName = new Map<string, string>();
  for (const [code, c] of Object.entries(countries)) {
    codeToName.set(code, c.name);
    add(c.name, 'country');
    placeCanonical.set(nameKey(splitName(c.name)), c.name);
    for (const alias of c.alias ?? []) {
      add(alias, 'country');
      placeCanonical.set(nameKey(splitName(alias)), c.name);
    }
    if (c.capital) add(c.capital, 'capital');
  }
  withCities((cities) => {
    for (const city of cities) {
      if (city.population < CITY_MIN_POPULATION) continue;
      add(city.name, city.population >= BIG_CITY_POPULATION ? 'bigcity' : 'city');
    }
  });
  for (const place of EXTRA_PLACES) add(place, 'place');
  for (const inst of INSTITUTION_NAMES) add(inst, 'institution');
  const addNationality = (adjective: string, place: string): void => {
    add(adjective, 'nationality');
    const key = nameKey(splitName(adjective));
    if (!nationalityPlace.has(key)) nationalityPlace.set(key, place);
    // Plural nouns of nationality ("Russians", "Americans") point to the same place.
    if (/[a-z]$/.test(adjective) && !/(sh|ch|ese|ss)$/.test(adjective)) {
      add(`${adjective}s`, 'nationality');
      if (!nationalityPlace.has(`${key}s`)) nationalityPlace.set(`${key}s`, place);
    }
  };
  for (const [code, adjective] of Object.entries(nationalities.getNames('en'))) {
    const place = codeToName.get(code);
    if (place && !adjective.includes(' - ') && !/island|territor/i.test(adjective)) addNationality(adjective, place);
  }
  for (const [adjective, place] of EXTRA_NATIONALITIES) addNationality(adjective, place);
  return { names, nationalityPlace, placeCanonical };
}

function gazetteer(): Gazetteer {
  cached ??= build();
  return cached;
}

/** One gazetteer hit over tokens [start, end). */
export interface GazetteerHit {
  start: number;
  end: number;
  classes: Set<GazetteerClass>;
}

/**
 * All gazetteer names found in a token run that start with a capital letter (a lower-case "nice" or
 * "reading" is not a place). Overlapping hits are all kept; the tagger weighs them.
 */
export function findGazetteerHits(words: string[]): GazetteerHit[] {
  const { names } = gazetteer();
  const hits: GazetteerHit[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!/^\p{Lu}/u.test(words[i])) continue;
    for (let len = 1; len <= MAX_NAME_TOKENS && i + len <= words.length; len++) {
      const classes = names.get(nameKey(words.slice(i, i + len)));
      if (classes) hits.push({ start: i, end: i + len, classes });
    }
  }
  return hits;
}

/** Gazetteer classes of a whole name, e.g. ['country'] for "Russia". */
export function classesOf(name: string): GazetteerClass[] {
  return [...(gazetteer().names.get(nameKey(splitName(name))) ?? [])];
}

/** The place a nationality adjective points to: "Russian" → "Russia"; null when the word is not one. */
export function placeOfNationality(word: string): string | null {
  return gazetteer().nationalityPlace.get(nameKey(splitName(word))) ?? null;
}

/** A country's canonical name for one of its aliases: "US" → "United States"; the input when unknown. */
export function canonicalPlace(name: string): string {
  return gazetteer().placeCanonical.get(nameKey(splitName(name))) ?? name;
}

/** Gender of a first name from the package's name lists; null when unknown. */
export function firstNameGender(name: string): Gender | null {
  const g = getGender(foldDiacritics(name));
  return g === 'male' || g === 'female' ? g : null;
}

/** Whether a capitalised word is a known first name. */
export function isFirstName(word: string): boolean {
  return /^\p{Lu}\p{Ll}+$/u.test(word) && firstNameGender(word) !== null;
}
