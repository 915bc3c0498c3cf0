// Features for story clustering: weighted terms and name-like entities of one article, language-agnostic.
import { STOPWORDS } from './stopwords.ts';

export interface DocFeatures {
  /** Sub-linear term weights (before IDF). */
  terms: Map<string, number>;
  /** Name-like tokens (capitalised, not sentence-initial), lower-cased. */
  names: Set<string>;
}

/** Title words count as much as this many body occurrences: headlines name the event. */
const TITLE_WEIGHT = 2;
/** Only the opening of long articles is used: the lede says what the story is; tails drift into background. */
const MAX_BODY_CHARS = 3000;

const WORD = /[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu;

export function extractFeatures(title: string | null, text: string): DocFeatures {
  const counts = new Map<string, number>();
  const names = new Set<string>();
  const add = (source: string, weight: number, collectNames: boolean) => {
    let sentenceStart = true;
    for (const m of source.matchAll(/[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’-]*|[.!?]/gu)) {
      const tok = m[0];
      if (tok === '.' || tok === '!' || tok === '?') { sentenceStart = true; continue; }
      const lower = tok.toLocaleLowerCase('und').replace(/['’]s$/, '');
      const isName = /^\p{Lu}/u.test(tok) && !sentenceStart && tok.length > 1;
      sentenceStart = false;
      if (lower.length < 3 && !/\d/.test(lower)) continue;
      if (STOPWORDS.has(lower)) continue;
      counts.set(lower, (counts.get(lower) ?? 0) + weight);
      if (collectNames && isName) names.add(lower);
    }
  };
  if (title) add(title, TITLE_WEIGHT, true);
  add(text.slice(0, MAX_BODY_CHARS), 1, true);
  const terms = new Map<string, number>();
  for (const [t, c] of counts) terms.set(t, 1 + Math.log(c));
  return { terms, names };
}

export { WORD };
