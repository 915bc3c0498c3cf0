// Speaker hints: for a pronoun or descriptive speaker mention, the nearest preceding person's name.
import type { QuoteDoc } from './document.ts';
import type { Range } from './attribute.ts';
import type { TextSpan } from './types.ts';
import { NAME_STOPWORDS, NON_PERSON_NAME_WORDS, PERSON_TITLES, SPEAKER_PRONOUNS } from './lexicon.ts';
import { LEXNAMES, senseClasses } from '../../lib/wordnet.ts';

/** How far back (in tokens) a name may stand and still be offered as the antecedent. */
const MAX_ANTECEDENT_DISTANCE = 600;

const CAPITALISED = /^\p{Lu}[\p{L}'’.-]*$/u;

function isNameWord(doc: QuoteDoc, i: number): boolean {
  const t = doc.tokens[i];
  return t !== undefined && t.kind === 'word' && CAPITALISED.test(t.text) && !NAME_STOPWORDS.has(t.lower);
}

/**
 * The person's name inside a mention, if it has one: the capitalised words after the last title or
 * organisation word ("Russian Deputy Foreign Minister Sergey Ryabkov" -> "Sergey Ryabkov").
 * Two or more words make a name; a single word does when a title precedes it ("Mr. Peskov")
 * or it ends a longer name seen earlier in the text ("Peskov" after "Dmitry Peskov").
 */
export function personName(doc: QuoteDoc, r: Range): Range | null {
  const { tokens } = doc;
  for (let end = r.to; end > r.from; end--) {
    if (!isNameWord(doc, end - 1)) continue;
    let from = end - 1;
    while (from > r.from && isNameWord(doc, from - 1) && !isTitleOrOrg(tokens[from - 1].lower)) from--;
    if (isTitleOrOrg(tokens[from].lower)) { end = from + 1; continue; }
    const words = tokens.slice(from, end);
    if (words.every((t) => /^\p{Lu}+$/u.test(t.text))) { end = from + 1; continue; }
    if (words.length >= 2) return { from, to: end };
    const before = tokens[from - 1];
    if (before && PERSON_TITLES.has(before.lower)) return { from, to: end };
    if (endsEarlierName(doc, from)) return { from, to: end };
    end = from + 1;
  }
  return null;
}

function isTitleOrOrg(lower: string): boolean {
  return PERSON_TITLES.has(lower) || NON_PERSON_NAME_WORDS.has(lower);
}

/** Whether the word at `i` closed a run of two or more capitalised words earlier in the text. */
function endsEarlierName(doc: QuoteDoc, i: number): boolean {
  const word = doc.tokens[i].text;
  for (let k = i - 1; k > 0; k--) {
    if (doc.tokens[k].text === word && isNameWord(doc, k - 1) && !isTitleOrOrg(doc.tokens[k - 1].lower)) return true;
  }
  return false;
}

/** Pronouns that may stand for one named person ("they", "it", "we" stand for groups and things). */
const PERSON_PRONOUNS = new Set(['he', 'she', 'i', 'who']);
/** Words that end the head noun of a description ("the head of the delegation", "an official, who"). */
const HEAD_ENDS = new Set(['of', ',', 'who', 'with', 'at', 'in', 'for', 'from', 'on']);
/** WordNet's class of nouns for people (noun.person). */
const NOUN_PERSON = LEXNAMES.indexOf('noun.person');

/**
 * Whether a speaker mention with no name of its own can refer to one person named elsewhere: "he", "the
 * senior diplomat", "the head of the delegation" can; "Western countries", "each side", "a source" cannot.
 */
function refersToOnePerson(doc: QuoteDoc, speaker: Range, pronoun: string | null): boolean {
  if (pronoun !== null) return PERSON_PRONOUNS.has(pronoun);
  let head = speaker.from;
  for (let i = speaker.from; i < speaker.to && !HEAD_ENDS.has(doc.tokens[i].lower); i++) if (doc.tokens[i].kind === 'word') head = i;
  const word = doc.tokens[head].lower;
  if (/^NNP?S$/.test(doc.pos[head] ?? '')) return false;
  return PERSON_TITLES.has(word) || senseClasses(word, 'noun').includes(NOUN_PERSON);
}

function span(doc: QuoteDoc, r: Range): TextSpan {
  const start = doc.tokens[r.from].start;
  const end = doc.tokens[r.to - 1].end;
  return { start, end, text: doc.text.slice(start, end) };
}

/** Longest phrase before a relative "who" searched for the name it refers to. */
const MAX_RELATIVE_ANTECEDENT = 8;

/**
 * "Russia's most rabid opponents among US politicians, who understand ...": a relative "who" refers to the
 * phrase just before it, so it names a person only when that phrase holds a name; never an earlier speaker.
 */
function relativeAntecedent(doc: QuoteDoc, who: number): TextSpan | null {
  let end = who;
  if (doc.tokens[end - 1]?.text === ',') end--;
  let from = end;
  while (from > 0 && end - from < MAX_RELATIVE_ANTECEDENT && doc.tokens[from - 1].kind === 'word' &&
    doc.tokens[from - 1].sentence === doc.tokens[who].sentence) from--;
  const name = from < end ? personName(doc, { from, to: end }) : null;
  return name && name.to === end ? span(doc, name) : null;
}

/**
 * For a speaker mention with no name of its own ("he", "the senior diplomat"): the nearest earlier
 * speaker mention that names a person, else the nearest earlier person-like name in the text.
 * Null for mentions that carry a name.
 */
export function speakerAntecedent(doc: QuoteDoc, speaker: Range, earlierSources: Range[]): TextSpan | null {
  const single = speaker.to - speaker.from === 1 ? doc.tokens[speaker.from].lower : null;
  const pronoun = single !== null && SPEAKER_PRONOUNS.has(single);
  if (!pronoun && personName(doc, speaker)) return null;
  if (!refersToOnePerson(doc, speaker, pronoun ? single : null)) return null;
  if (single === 'who') return relativeAntecedent(doc, speaker.from);
  const floor = Math.max(0, speaker.from - MAX_ANTECEDENT_DISTANCE);
  for (let k = earlierSources.length - 1; k >= 0; k--) {
    const s = earlierSources[k];
    if (s.from >= speaker.from || s.from < floor) continue;
    const name = personName(doc, s);
    if (name) return span(doc, name);
  }
  for (let i = speaker.from - 1; i >= floor; i--) {
    if (!isNameWord(doc, i)) continue;
    let from = i;
    while (from > floor && isNameWord(doc, from - 1)) from--;
    const name = personName(doc, { from: Math.max(floor, from - 1), to: i + 1 });
    if (name) return span(doc, name);
    i = from;
  }
  return null;
}
