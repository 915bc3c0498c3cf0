// Normalised entity keys, so one person, place or organisation gets one key across articles.
import { canonicalPlace, foldDiacritics } from './gazetteer.ts';
import { TRANSLITERATION_RULES } from './lexicon.ts';
import type { EntityType } from './types.ts';

/** A person's name word with transliteration variants folded ("sergei" → "sergey"). */
export function foldTransliteration(word: string): string {
  let w = word;
  for (const [re, to] of TRANSLITERATION_RULES) w = w.replace(re, to);
  return w;
}

function plain(name: string): string {
  return foldDiacritics(name)
    .replace(/[’‘`]/g, "'")
    .replace(/[‐‑–—]/g, '-')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '')
    .replace(/ ?'s$/, '');
}

/**
 * Key for merging entities across articles: type plus the name in lower case without diacritics or a
 * leading "the"; dotted initialisms lose their dots ("U.S." → "us"), places take their canonical name
 * ("US" → "united states"), and person names fold transliteration variants ("Sergei" → "sergey").
 */
export function entityKey(type: EntityType, name: string): string {
  let n = plain(name);
  if (/^(?:[a-z]\.)+$/.test(n)) n = n.replace(/\./g, '');
  if (type === 'LOC') {
    const bare = name.trim().replace(/^the\s+/i, '');
    n = plain(canonicalPlace(/^(?:\p{L}\.)+$/u.test(bare) ? bare.replace(/\./g, '') : bare));
  }
  if (type === 'PER') n = n.split(' ').map(foldTransliteration).join(' ');
  return `${type}:${n}`;
}
