// Regular-expression building blocks for temporal expressions, compiled once from the word lists.
import {
  FIXED_HOLIDAYS, MOVABLE_HOLIDAYS, POINT_MODS, QUANTITY_MODS, SEASONS, VAGUE_REFERENCES,
} from './lexicon.ts';

/** Longest alternatives first so that "next week" is not cut to "next". */
function alternation(words: Iterable<string>): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+').replace(/'/g, "['’]"))
    .join('|');
}

const ONES_W = 'one|two|three|four|five|six|seven|eight|nine';
const TEENS_W = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const TENS_W = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const ORDINAL_W = [
  'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth',
  'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth',
  'twenty-first', 'twenty-second', 'twenty-third', 'twenty-fourth', 'twenty-fifth', 'twenty-sixth', 'twenty-seventh',
  'twenty-eighth', 'twenty-ninth', 'thirtieth', 'thirty-first',
].join('|');

/** Named fragments, referenced in rule patterns as {NAME}. */
export const FRAGMENTS: Record<string, string> = {
  MONTH: '(?:january|february|march|april|may|june|july|august|september|october|november|december|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?)(?![a-z])',
  WEEKDAY: '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)',
  DAYNUM: '(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?![0-9]|:[0-9]|,[0-9]{3})',
  DAYORD: `(?:${ORDINAL_W})`,
  YEAR: '(?<![$€£#.,:/0-9])(?:1[5-9][0-9]{2}|20[0-9]{2})(?![0-9]|,[0-9]|\\.[0-9]|%)',
  ANYYEAR: '(?<![$€£#.,:/0-9])[0-9]{4}(?![0-9]|,[0-9]|\\.[0-9]|%)',
  SPOKENYEAR: `(?:nineteen[\\s-]+(?:${TENS_W})(?:[\\s-]+(?:${ONES_W}))?|nineteen[\\s-]+(?:${TEENS_W})|two\\s+thousand(?:\\s+and\\s+(?:${ONES_W}))?)`,
  NUMW: `(?:(?:(?:${TENS_W})(?:[\\s-](?:${ONES_W}))?|${TEENS_W}|${ONES_W})(?:\\s+(?:hundred|thousand))?|a\\s+hundred|a\\s+thousand|a\\s+dozen|dozen|a\\s+couple\\s+of|a\\s+couple|couple\\s+of)`,
  NUMD: '(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+(?:\\s+[0-9]/[0-9]|\\.[0-9]+)?)',
  VAGUEQ: '(?:several|a\\s+few|few|many|numerous|a\\s+number\\s+of)',
  UNIT: '(?:years?|months?|weeks?|(?:trading\\s+|business\\s+|working\\s+)?days?|hours?|minutes?|seconds?|quarters?|decades?|century|centuries|weekends?)',
  PLURALUNIT: '(?:years|months|weeks|days|hours|minutes|decades|centuries|quarters)',
  SEASON: `(?:${alternation(Object.keys(SEASONS))})`,
  POD: '(?:morning|afternoon|evening|night)',
  TZ: '(?:[ECMP][SD]T|GMT|UTC|BST|CET|local\\s+time|Moscow\\s+time)',
  AMPM: '(?:a\\.m\\.?|p\\.m\\.?|am(?![a-z])|pm(?![a-z]))',
  HOLIDAY: `(?:${alternation([...Object.keys(FIXED_HOLIDAYS), ...Object.keys(MOVABLE_HOLIDAYS)])})`,
  VAGUEREF: `(?:${alternation(Object.keys(VAGUE_REFERENCES))})`,
  ORDW: `(?:${ORDINAL_W})`,
};
FRAGMENTS.NUM = `(?:${FRAGMENTS.NUMD}|${FRAGMENTS.NUMW}|an?|${FRAGMENTS.VAGUEQ})`;

/** Compiles a rule pattern: fragments filled in, word edges on both sides, global and case-insensitive. */
export function compile(src: string): RegExp {
  const body = src.replace(/\{([A-Z]+)\}/g, (_, name: string) => {
    const f = FRAGMENTS[name];
    if (f === undefined) throw new Error(`unknown pattern fragment {${name}}`);
    return f;
  });
  return new RegExp(`(?<![A-Za-z0-9_])(?:${body})(?![A-Za-z0-9_])`, 'gi');
}

/** Point modifiers written just before a date ("early", "the end of", "mid-"), matched at the end of the preceding text. */
export const POINT_MOD_BEFORE = new RegExp(`(?<![A-Za-z])(${alternation(Object.keys(POINT_MODS))})(?:\\s*-\\s*|\\s+)$`, 'i');
/** Quantity modifiers written just before a duration or an "ago" date ("nearly", "at least"). */
export const QUANTITY_MOD_BEFORE = new RegExp(`(?<![A-Za-z])(${alternation(Object.keys(QUANTITY_MODS))})\\s+$`, 'i');
