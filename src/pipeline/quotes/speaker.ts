// Speaker hints: for a pronoun or descriptive speaker mention, the nearest preceding person-like name.
import type { QuoteDoc } from './document.ts';
import type { Range } from './attribute.ts';
import type { TextSpan } from './types.ts';
import { NAME_STOPWORDS, PERSON_TITLES, SPEAKER_PRONOUNS } from './lexicon.ts';

/** How far back (in tokens) a name may stand and still be offered as the antecedent. */
const MAX_ANTECEDENT_DISTANCE = 400;

const CAPITALISED = /^\p{Lu}[\p{L}'’.-]*$/u;

/** True when a mention names someone by proper name (has a capitalised word that is not a sentence opener). */
export function isProperMention(doc: QuoteDoc, r: Range): boolean {
  for (let i = r.from; i < r.to; i++) {
    const t = doc.tokens[i];
    if (CAPITALISED.test(t.text) && !NAME_STOPWORDS.has(t.lower) && !PERSON_TITLES.has(t.lower)) return true;
  }
  return false;
}

/**
 * For a speaker mention that is a pronoun or a description ("he", "the senior diplomat"), the nearest
 * preceding run of capitalised words that looks like a person's name; null for proper-name mentions.
 */
export function speakerAntecedent(doc: QuoteDoc, speaker: Range): TextSpan | null {
  const single = speaker.to - speaker.from === 1 ? doc.tokens[speaker.from].lower : null;
  if (!(single && SPEAKER_PRONOUNS.has(single)) && isProperMention(doc, speaker)) return null;
  const { tokens } = doc;
  const floor = Math.max(0, speaker.from - MAX_ANTECEDENT_DISTANCE);
  for (let i = speaker.from - 1; i >= floor; i--) {
    if (!isNameWord(doc, i)) continue;
    // Extend to the whole run of capitalised words ending at i.
    let from = i;
    while (from > floor && isNameWord(doc, from - 1)) from--;
    const run = { from, to: i + 1 };
    if (looksLikePerson(doc, run)) {
      const start = tokens[run.from].start;
      const end = tokens[run.to - 1].end;
      return { start, end, text: doc.text.slice(start, end) };
    }
    i = from;
  }
  return null;
}

function isNameWord(doc: QuoteDoc, i: number): boolean {
  const t = doc.tokens[i];
  if (t.kind !== 'word' || !CAPITALISED.test(t.text)) return false;
  if (NAME_STOPWORDS.has(t.lower)) return false;
  return true;
}

/** A person-like run: two or more capitalised words, or one preceded by a title ("Mr. Lavrov", "Minister Lavrov"). */
function looksLikePerson(doc: QuoteDoc, run: Range): boolean {
  const { tokens } = doc;
  const words = tokens.slice(run.from, run.to);
  const names = words.filter((t) => !PERSON_TITLES.has(t.lower));
  if (names.length === 0) return false;
  if (words.some((t) => PERSON_TITLES.has(t.lower))) return true;
  const before = tokens[run.from - 1];
  if (before && PERSON_TITLES.has(before.lower)) return true;
  // A single capitalised word opening a sentence is usually not a name.
  const sentenceStart = doc.sentences[tokens[run.from].sentence].from === run.from;
  if (names.length >= 2) return !names.every((t) => /^\p{Lu}+$/u.test(t.text));
  return !sentenceStart && !/^\p{Lu}+$/u.test(names[0].text) && /\p{Ll}/u.test(names[0].text);
}
