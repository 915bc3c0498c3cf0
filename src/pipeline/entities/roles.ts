// Titles and roles around a person's name: "Russian Deputy Foreign Minister Sergey Ryabkov", "Peskov, the Kremlin spokesman".
import { canonicalPlace, placeOfNationality } from './gazetteer.ts';
import { normalizeWord } from './features.ts';
import { INSTITUTION_NOUNS, ROLE_HEADS, ROLE_MODIFIERS } from './lexicon.ts';
import type { EntityType, Gender, Token } from './types.ts';

/** A recognised name inside one sentence, as a token range [first, last]. */
export interface SentenceMention {
  first: number;
  last: number;
  type: EntityType;
}

export interface RoleParse {
  /** The role words as written, e.g. 'Deputy Foreign Minister', 'spokesman'. */
  role: string;
  /** The country or organisation the role belongs to, e.g. 'Russia', 'Kremlin'; null when none is stated. */
  affiliation: string | null;
  /** Gender told by the role's head word ("spokeswoman"). */
  gender: Gender | null;
  /** Token range of the whole title, affiliation included. */
  first: number;
  last: number;
}

/** Words that join parts of a title ("Secretary of State", "Minister for Foreign Affairs") but never end one. */
const TITLE_JOINERS = new Set(['of', 'and', 'for']);
/** Words that introduce an affiliation after a role or a name ("spokesman for the Kremlin", "Menendez of New Jersey"). */
const AFFILIATION_PREPOSITIONS = new Set(['of', 'for', 'at', 'to', 'from', 'in']);
const ARTICLES = new Set(['the', 'a', 'an']);
/** Tokens that may close an appositive ("Peskov, the Kremlin spokesman, said"). */
const APPOSITIVE_END = new Set([',', '.', ';', ':', ')', '--', '"', "'", '!', '?']);

const lower = (t: Token): string => normalizeWord(t.text).toLowerCase();
const isRoleWord = (w: string): boolean => ROLE_HEADS.has(w) || ROLE_MODIFIERS.has(w);

/** The place or organisation an affiliation mention names: nationality adjectives become their place. */
function affiliationName(tokens: Token[], first: number, last: number): string {
  const text = tokens.slice(first, last + 1).map((t) => t.text).join(' ');
  if (first === last) {
    const place = placeOfNationality(normalizeWord(text));
    if (place) return place;
  }
  return canonicalPlace(text);
}

function mentionEndingAt(mentions: SentenceMention[], index: number): SentenceMention | undefined {
  return mentions.find((m) => m.last === index && m.type !== 'PER');
}

function mentionStartingAt(mentions: SentenceMention[], index: number): SentenceMention | undefined {
  return mentions.find((m) => m.first === index && m.type !== 'PER');
}

/**
 * An affiliation ending at token `end`: a place or organisation name, optionally followed by "'s", and an
 * organisation name may carry its own nationality before it ("Russian" + "Foreign Ministry").
 */
function affiliationBefore(tokens: Token[], mentions: SentenceMention[], end: number): { first: number; name: string } | null {
  let last = end;
  if (last >= 0 && /^'s$/i.test(normalizeWord(tokens[last].text))) last--;
  if (last < 0) return null;
  const m = mentionEndingAt(mentions, last);
  if (m) {
    if (m.type !== 'ORG') return { first: m.first, name: affiliationName(tokens, m.first, m.last) };
    // An organisation keeps the office words and nationality the tagger left outside it ("Russian Foreign" + "Ministry").
    let first = m.first;
    while (first > 0 && /^\p{Lu}/u.test(tokens[first - 1].text) && ROLE_MODIFIERS.has(lower(tokens[first - 1]))
      && !mentionEndingAt(mentions, first - 1)) first--;
    if (first > 0 && /^\p{Lu}/u.test(tokens[first - 1].text) && placeOfNationality(normalizeWord(tokens[first - 1].text))) first--;
    if (first === m.first) return { first, name: affiliationName(tokens, m.first, m.last) };
    return { first, name: tokens.slice(first, m.last + 1).map((t) => t.text).join(' ') };
  }
  // A capitalised nationality adjective the tagger left untagged.
  const w = normalizeWord(tokens[last].text);
  if (last === end && /^\p{Lu}/u.test(w) && placeOfNationality(w)) return { first: last, name: placeOfNationality(w)! };
  return null;
}

/** Gender of the title's head word: the role word nearest the name that tells one. */
function headGender(words: string[]): Gender | null {
  for (let i = words.length - 1; i >= 0; i--) {
    const g = ROLE_HEADS.get(words[i]);
    if (g) return g;
  }
  return null;
}

function isTitle(words: string[]): boolean {
  if (words.length === 0 || TITLE_JOINERS.has(words[0]) || TITLE_JOINERS.has(words[words.length - 1])) return false;
  // The word next to the name is a role head ("... Minister"), or a head governs an "of" phrase ("Secretary of State").
  if (ROLE_HEADS.has(words[words.length - 1])) return true;
  const of = words.indexOf('of');
  return of > 0 && words.slice(0, of).some((w) => ROLE_HEADS.has(w));
}

/** A title written just before a name: "[Russian] Deputy Foreign Minister", "[Kremlin] spokesman", "[US] Secretary of State". */
export function roleBeforeName(tokens: Token[], mentions: SentenceMention[], nameFirst: number): RoleParse | null {
  let j = nameFirst - 1;
  while (j >= 0 && isRoleWord(lower(tokens[j])) && !mentionEndingAt(mentions, j)) j--;
  const roleFirst = j + 1;
  const words = tokens.slice(roleFirst, nameFirst).map(lower);
  // Joiners at the left edge belong to the text before the title ("talks of Foreign Minister ...").
  let skip = 0;
  while (skip < words.length && TITLE_JOINERS.has(words[skip])) skip++;
  const titleWords = words.slice(skip);
  if (!isTitle(titleWords)) return null;
  const start = roleFirst + skip;
  const aff = skip === 0 ? affiliationBefore(tokens, mentions, start - 1) : null;
  // An institution named inside the title is the affiliation: "[Russian] Foreign Ministry | spokeswoman".
  const institution = lastIndexWhere(titleWords, (w) => INSTITUTION_NOUNS.has(w));
  if (institution >= 0 && institution < titleWords.length - 1 && titleWords.slice(institution + 1).some((w) => ROLE_HEADS.has(w))) {
    const affFirst = aff?.first ?? start;
    const affTokens = tokens.slice(affFirst, start + institution + 1).filter((t) => !/^'s$/i.test(normalizeWord(t.text)));
    return {
      role: tokens.slice(start + institution + 1, nameFirst).map((t) => t.text).join(' '),
      affiliation: affTokens.map((t) => t.text).join(' '),
      gender: headGender(titleWords),
      first: affFirst,
      last: nameFirst - 1,
    };
  }
  return {
    role: tokens.slice(start, nameFirst).map((t) => t.text).join(' '),
    affiliation: aff?.name ?? null,
    gender: headGender(titleWords),
    first: aff?.first ?? start,
    last: nameFirst - 1,
  };
}

function lastIndexWhere<X>(items: X[], test: (x: X) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return i;
  return -1;
}

/**
 * A title in apposition after a name: "Ryabkov, Russia's deputy foreign minister,", "Peskov, a spokesman for
 * the Kremlin,", "Zakharova, spokeswoman of the Russian Foreign Ministry."
 */
export function roleAfterName(tokens: Token[], mentions: SentenceMention[], nameLast: number): RoleParse | null {
  let j = nameLast + 1;
  if (j >= tokens.length || tokens[j].text !== ',') return null;
  j++;
  if (j < tokens.length && ARTICLES.has(lower(tokens[j]))) j++;
  let affiliation: string | null = null;
  const pre = j < tokens.length ? mentionStartingAt(mentions, j) : undefined;
  if (pre) {
    let k = pre.last + 1;
    if (k < tokens.length && /^'s$/i.test(normalizeWord(tokens[k].text))) k++;
    affiliation = affiliationName(tokens, pre.first, pre.last);
    j = k;
  } else if (j < tokens.length && /^\p{Lu}/u.test(tokens[j].text) && placeOfNationality(normalizeWord(tokens[j].text))) {
    affiliation = placeOfNationality(normalizeWord(tokens[j].text));
    j++;
  }
  const roleFirst = j;
  while (j < tokens.length && isRoleWord(lower(tokens[j])) && !mentionStartingAt(mentions, j)) j++;
  let roleEnd = j;
  while (roleEnd > roleFirst && TITLE_JOINERS.has(lower(tokens[roleEnd - 1]))) roleEnd--;
  const words = tokens.slice(roleFirst, roleEnd).map(lower);
  if (!words.some((w) => ROLE_HEADS.has(w)) || TITLE_JOINERS.has(words[0] ?? 'of')) return null;
  let last = roleEnd - 1;
  // "spokesman for the Kremlin": the affiliation follows the role.
  if (!affiliation) {
    const after = affiliationAfter(tokens, mentions, roleEnd);
    if (after) {
      affiliation = after.name;
      last = after.last;
    }
  }
  const next = last + 1;
  if (next < tokens.length && !APPOSITIVE_END.has(tokens[next].text) && !AFFILIATION_PREPOSITIONS.has(lower(tokens[next]))) return null;
  return {
    role: tokens.slice(roleFirst, roleEnd).map((t) => t.text).join(' '),
    affiliation,
    gender: headGender(words),
    first: nameLast + 1,
    last,
  };
}

/** "of New Jersey", "for the Kremlin", "of the Russian Foreign Ministry" starting at token `from`. */
export function affiliationAfter(tokens: Token[], mentions: SentenceMention[], from: number): { name: string; last: number } | null {
  let j = from;
  if (j >= tokens.length || !AFFILIATION_PREPOSITIONS.has(lower(tokens[j]))) return null;
  j++;
  if (j < tokens.length && lower(tokens[j]) === 'the') j++;
  const m = j < tokens.length ? mentionStartingAt(mentions, j) : undefined;
  if (!m || m.type === 'MISC' && m.first === m.last && !placeOfNationality(normalizeWord(tokens[m.first].text))) return null;
  // A nationality followed by an organisation is one affiliation ("the Russian Foreign Ministry").
  const next = mentionStartingAt(mentions, m.last + 1);
  if (next && next.type === 'ORG' && m.first === m.last && placeOfNationality(normalizeWord(tokens[m.first].text))) {
    return { name: tokens.slice(m.first, next.last + 1).map((t) => t.text).join(' '), last: next.last };
  }
  return { name: affiliationName(tokens, m.first, m.last), last: m.last };
}
