// Builds attributions (content, cue, source) around found cues by reading the sentence's shape.
import type { QuoteDoc } from './document.ts';
import { isMark, quotationWords } from './document.ts';
import type { Token } from './tokens.ts';
import {
  AUXILIARIES, COORDINATORS, CUE_WORD_FORMS, FINITE_VERBS, HANDOVER_PARTICIPLES, COMPLEMENTIZERS, CUE_ADVERBIALS, INVERTING_VERBS, LISTENER_VERBS, NP_BOUNDARY_WORDS, NP_FORWARD_STOPS,
  LIGHT_VERBS, SOURCE_FIRST_CUES, SPEAKER_PRONOUNS, SPEAKING_VERBS, STATEMENT_NOUNS, TOPIC_PREPOSITIONS, TOPIC_WORDS,
} from './lexicon.ts';

/** A token range: `from` inclusive, `to` exclusive. */
export interface Range { from: number; to: number }

export interface Attribution {
  cue: Range | null;
  source: Range | null;
  content: Range[];
  /** The cue hangs on an earlier clause (", adding ...", "and criticized ..."): its speaker is the previous cue's. */
  inherits?: boolean;
}

/** Longest noun phrase read backwards from a cue (Retired Lt. Gen. Michael Flynn). */
const MAX_SUBJECT_TOKENS = 8;
/** Longest source phrase read forwards after an inverted cue or "according to". */
const MAX_FORWARD_SOURCE_TOKENS = 10;
/** How far after a cue a "that" may stand and still open its content ("told reporters on Wednesday that"). */
const MAX_THAT_DISTANCE = 12;
/** How far a parenthetical between subject and cue may reach ("Trump, speaking in Ohio, said"). */
const MAX_PARENTHETICAL = 14;
/** Fewest words before an end-of-sentence cue for the words to be its content. */
const MIN_BACKWARD_WORDS = 2;
/** Words of setting allowed after an end-of-sentence cue that are not in the adverbial list ("said in a radio interview"). */
const MAX_TRAILING_SETTING_WORDS = 1;

const PARTICIPLE = /ing$/;

export function attributeCue(doc: QuoteDoc, cue: Range, cueStarts: ReadonlySet<number> = new Set()): Attribution | null {
  const { tokens, sentences } = doc;
  const sent = sentences[tokens[cue.from].sentence];
  const words = tokens.slice(cue.from, cue.to).map((t) => t.lower);

  if (isSourceFirst(words)) return accordingTo(doc, cue, sent);

  const passive = passiveAttribution(doc, cue, sent);
  if (passive) return passive;
  const opening = openingParticiple(doc, cue, sent);
  if (opening) return opening;

  // "X said:" followed by the content.
  const colon = colonAfter(doc, cue, sent);
  if (colon !== null) {
    const content = colonContent(doc, colon);
    if (content.length === 0) return null;
    return { cue, source: subjectBefore(doc, cue.from, sent.from), content };
  }

  // "“...,” said X." / "..., said X, a spokesman."
  const inverted = invertedSource(doc, cue, sent);
  if (inverted) {
    const before = contentBefore(doc, cue.from, sent) ?? quotationEndingAt(doc, cue.from, sent);
    // "Ted Cruz, by contrast, wrote an op-ed": a subject and an aside before the verb, not reported content.
    if (before && isStatement(doc, before)) return { cue, source: inverted, content: withContinuation(doc, before, cue, inverted, sent) };
  }

  // ", (perhaps) recognizing that ...": a participle hanging on the clause before has that clause's subject.
  const hanging = PARTICIPLE.test(tokens[cue.from].lower) && tokens[skipAdverbs(doc, cue.from, sent.from) - 1]?.text === ',';
  const subject = hanging || COORDINATORS.has(tokens[cue.from - 1]?.lower ?? '') ? null : subjectBefore(doc, cue.from, sent.from);
  const after = forwardContent(doc, cue, sent, cueStarts);
  const afterWords = after ? countWords(tokens, after) : 0;

  // "..., X said (on Tuesday)." The content comes before the subject; after a quotation that closes right
  // before the subject it does whatever follows the cue ("“...,” X said during an interview in Macau").
  if (subject && (afterWords === 0 || isTrailingCue(doc, cue, sent) && precededByBreak(doc, subject.from, sent) || followsQuotation(doc, subject.from))) {
    const trailing = afterWords === 0 || isTrailingCue(doc, cue, sent);
    const before = contentBefore(doc, subject.from, sent) ?? (trailing ? quotationEndingAt(doc, subject.from, sent) : null);
    if (before && countWords(tokens, before) >= MIN_BACKWARD_WORDS && !(afterWords > 0 && isIntroPhrase(doc, before))) {
      return { cue, source: subject, content: withContinuation(doc, before, cue, subject, sent) };
    }
  }
  if (!after || afterWords === 0 || onlySetting(doc, after) || namesOccasion(doc, cue, after) || namesStatement(doc, cue)) return null;
  const source = subject ?? participleSubject(doc, cue, sent) ?? sentenceSubject(doc, sent, cue.from);
  const prev = tokens[cue.from - 1];
  const inherits = hanging || prev !== undefined && COORDINATORS.has(prev.lower);
  const content = extendThroughQuotation(doc, relativeClauseEnd(doc, source, after));
  const lead = subject ? interruptedSubject(doc, subject, content, sent) : null;
  return { cue, source, content: lead ? [lead, content] : [content], inherits };
}

/** Longest opening phrase read as the subject of an interrupted content ("The museum, Mr. Obama said, would ..."). */
const MAX_INTERRUPTED_SUBJECT_WORDS = 8;

/**
 * "The museum, Mr. Obama said, would make visitors face uncomfortable truths": an attribution set between commas
 * inside the content, whose part after the cue opens with a verb, has the words before it as the content's subject.
 */
function interruptedSubject(doc: QuoteDoc, subject: Range, content: Range, sent: Range): Range | null {
  const { tokens, pos } = doc;
  if (subject.from - 1 <= sent.from || tokens[subject.from - 1].text !== ',' || !/^(VB[DZP]|MD)$/.test(pos[content.from] ?? '')) return null;
  const opening = trimRange(tokens, { from: sent.from, to: subject.from - 1 });
  if (!opening) return null;
  let words = 0;
  for (let i = opening.from; i < opening.to; i++) {
    if (isMark(tokens[i]) || tokens[i].text === ',' || /^(VB[DZP]|MD)$/.test(pos[i] ?? '')) return null;
    if (tokens[i].kind === 'word') words++;
  }
  return words <= MAX_INTERRUPTED_SUBJECT_WORDS ? opening : null;
}

/**
 * "spoke to a gathering of industry leaders", "spoke against the backdrop of the museum": a speaking verb followed only by its
 * listeners, time or place reports that someone spoke, not what was said. A topic ("about", "spoke of"), a quotation
 * or a purpose ("spoke to hail Mr. Trump") gives it content.
 */
function namesOccasion(doc: QuoteDoc, cue: Range, content: Range): boolean {
  const { tokens, pos } = doc;
  if (!SPEAKING_VERBS.has(tokens[cue.from].lower)) return false;
  if (tokens[content.from].lower === 'to' && pos[content.from + 1] === 'VB') return false;
  if (TOPIC_PREPOSITIONS.has(tokens[cue.from + 1]?.lower ?? '')) return false;
  for (let i = cue.from + 1; i < content.to; i++) if (TOPIC_WORDS.has(tokens[i].lower) || doc.quoteOf[i] >= 0) return false;
  return true;
}

const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const TIME_UNITS = new Set(['week', 'month', 'year', 'morning', 'afternoon', 'evening', 'night', 'weekend', ...WEEKDAYS]);
/** Words before a time unit that make it a time of the statement ("this week", "on Tuesday", "late Friday"). */
const TIME_DETERMINERS = new Set(['this', 'last', 'on', 'earlier', 'late']);
/** Words that can only place a statement in time ("on Tuesday morning", "last week", "Jan. 9"). */
const TIME_WORDS = new Set([
  ...TIME_UNITS, ...TIME_DETERMINERS, 'in', 'at', 'next', 'early', 'later', 'yesterday', 'today', 'tonight',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'jan.', 'feb.', 'aug.', 'sept.', 'oct.', 'nov.', 'dec.',
]);

/** "Ryabkov spoke on Monday": a time alone says nothing. */
function onlySetting(doc: QuoteDoc, r: Range): boolean {
  for (let i = r.from; i < r.to; i++) {
    const t = doc.tokens[i];
    if (t.kind === 'word' && !TIME_WORDS.has(t.lower) && !/^\d/.test(t.text)) return false;
  }
  return true;
}

/** Determiners, possessives and adjectives read over between a light verb and its object noun. */
const MAX_OBJECT_MODIFIERS = 3;
/** Words after a statement noun that open its content ("made the claim that ...", "made a pledge to ..."). */
const STATEMENT_OPENERS = new Set(['that', 'to', 'about', 'on', 'of', ':', 'for', 'against']);

/**
 * "Trump made the comments Friday during a brief appearance": a light verb whose object is a statement noun with
 * nothing after it that gives the statement's words refers back to a quote given earlier; what follows is setting.
 */
function namesStatement(doc: QuoteDoc, cue: Range): boolean {
  const { tokens, pos } = doc;
  if (!LIGHT_VERBS.has(tokens[cue.from].lower)) return false;
  let i = cue.from + 1;
  while (i < cue.from + 1 + MAX_OBJECT_MODIFIERS && /^(DT|PRP\$|JJ)$/.test(pos[i] ?? '')) i++;
  if (!STATEMENT_NOUNS.has(tokens[i]?.lower ?? '')) return false;
  const next = tokens[i + 1];
  return !next || !(STATEMENT_OPENERS.has(next.lower) || isMark(next));
}

/** "Mr. Obama, who understood that ..., told his advisers": a relative clause's content ends at its closing comma. */
function relativeClauseEnd(doc: QuoteDoc, source: Range | null, content: Range): Range {
  const { tokens } = doc;
  if (!source || source.to - source.from !== 1 || tokens[source.from - 1]?.text !== ',') return content;
  if (tokens[source.from].lower !== 'who' && tokens[source.from].lower !== 'which') return content;
  for (let i = content.from + 1; i < content.to; i++) {
    if (tokens[i].text === ',' && doc.quoteOf[i] < 0) return trimRange(tokens, { from: content.from, to: i }) ?? content;
  }
  return content;
}

/** Index of the first of the adverbs (RB) just before `i`. */
function skipAdverbs(doc: QuoteDoc, i: number, sentFrom: number): number {
  let k = i;
  while (k > sentFrom && doc.pos[k - 1] === 'RB') k--;
  return k;
}

function isSourceFirst(words: string[]): boolean {
  return SOURCE_FIRST_CUES.some((p) => p.length === words.length && p.every((w, i) => w === words[i]));
}

function countWords(tokens: Token[], r: Range): number {
  let n = 0;
  for (let i = r.from; i < r.to; i++) if (tokens[i].kind === 'word') n++;
  return n;
}

/**
 * "Bemoaning the “phony system,” Trump accused ...": a participle opening the sentence governs the words
 * up to the comma, and its speaker is the subject of the main clause after it.
 */
function openingParticiple(doc: QuoteDoc, cue: Range, sent: Range): Attribution | null {
  const { tokens, pos } = doc;
  if (cue.from !== sent.from || !(PARTICIPLE.test(tokens[cue.from].lower) || pos[cue.from] === 'VBN')) return null;
  let comma = cue.to;
  while (comma < sent.to && !(tokens[comma].text === ',' && (doc.quoteOf[comma] < 0 || closesQuotation(doc, comma + 1)))) comma++;
  if (comma >= sent.to) return null;
  const content = trimRange(tokens, { from: cue.to, to: comma });
  if (!content) return null;
  return { cue, source: sentenceSubject(doc, sent, sent.to), content: [content] };
}

/** Be-forms that make a following participle passive ("was first reported by"). */
const BE_FORMS = new Set(['is', 'was', 'are', 'were', 'been', 'be', 'being', '’s', "'s"]);
/** Prepositions that bring in the source after a passive cue. */
const PASSIVE_AGENT = new Set(['by']);
/** How far after a passive cue its "by" may stand ("was endorsed in New Hampshire by"). */
const MAX_AGENT_DISTANCE = 5;

/**
 * "The meeting was first reported by Politico": the subject is what is attributed and the
 * noun phrase after "by" is the source.
 */
function passiveAttribution(doc: QuoteDoc, cue: Range, sent: Range): Attribution | null {
  const { tokens, pos } = doc;
  const last = cue.to - 1;
  // "When asked by ...": a participle after a subordinator, which the part-of-speech tagger may read as a past tense.
  const afterSubordinator = pos[last] === 'VBD' && PASSIVE_AGENT.has(tokens[cue.to]?.lower ?? '') &&
    SUBORDINATORS.has(tokens[cue.from - 1]?.lower ?? '');
  if (pos[last] !== 'VBN' && !PASSIVE_AGENT.has(tokens[last].lower) && !afterSubordinator) return null;
  let k = cue.from - 1;
  while (k >= sent.from && AUXILIARIES.has(tokens[k].lower) && !BE_FORMS.has(tokens[k].lower)) k--;
  const inCue = tokens.slice(cue.from, cue.to).some((t) => BE_FORMS.has(t.lower));
  const be = inCue || k >= sent.from && BE_FORMS.has(tokens[k].lower);
  // Without a be-form the participle modifies the phrase before it, and "by" must follow it at once
  // ("a record penalty imposed by the bureau", "Charter schools, promoted by ...").
  const reduced = !be && PASSIVE_AGENT.has(tokens[cue.to]?.lower ?? '') && cue.from > sent.from;
  if (!be && !reduced) return null;
  let by = -1;
  for (let i = last; i < Math.min(sent.to, cue.to + MAX_AGENT_DISTANCE); i++) {
    if (PASSIVE_AGENT.has(tokens[i].lower)) { by = i; break; }
    if (tokens[i].kind === 'punct' || COMPLEMENTIZERS.has(tokens[i].lower)) break;
  }
  if (by < 0) return null;
  let agentEnd = by + 1;
  while (agentEnd < sent.to && !COMPLEMENTIZERS.has(tokens[agentEnd].lower)) agentEnd++;
  const source = forwardNP(doc, by + 1, agentEnd);
  // "When asked by the head of state whether there is a chance, ...": the question after the agent is the content.
  const asked = source && COMPLEMENTIZERS.has(tokens[source.to]?.lower ?? '') ? clauseFrom(doc, source.to, sent) : null;
  if (asked) return { cue, source, content: [asked] };
  const subject = be ? subjectBefore(doc, cue.from, sent.from) : modifiedPhrase(doc, cue.from, sent.from);
  if (!source || !subject) return null;
  return { cue, source, content: [subject] };
}

/** Words after which a participle opens a reduced clause ("when asked by reporters", "if confirmed by the Senate"). */
const SUBORDINATORS = new Set(['when', 'if', 'as', 'once', 'unless', 'until', 'while', 'though', 'although']);

/** The clause opening at `from` up to the next comma outside quotation marks, or the sentence's end; "that" itself is left out. */
function clauseFrom(doc: QuoteDoc, from: number, sent: Range): Range | null {
  const { tokens } = doc;
  let end = from + 1;
  while (end < sent.to && !(tokens[end].text === ',' && doc.quoteOf[end] < 0)) end++;
  return trimRange(tokens, { from: tokens[from].lower === 'that' ? from + 1 : from, to: end });
}

/** The phrase a participle after it modifies: a noun phrase or a quotation, before an optional comma. */
function modifiedPhrase(doc: QuoteDoc, at: number, sentFrom: number): Range | null {
  const { tokens } = doc;
  const end = tokens[at - 1]?.text === ',' ? at - 1 : at;
  const q = doc.quoteOf[end - 1];
  if (end > sentFrom && q >= 0 && doc.quoteTokens[q].to === end) return { from: doc.quoteTokens[q].from, to: end };
  return npEndingAt(doc, end, sentFrom);
}

/** "according to X, CONTENT" or "CONTENT, according to X". */
function accordingTo(doc: QuoteDoc, cue: Range, sent: Range): Attribution | null {
  const { tokens } = doc;
  const source = forwardNP(doc, cue.to, sent.to);
  const before = trimRange(tokens, { from: sent.from, to: cue.from });
  if (before && countWords(tokens, before) >= MIN_BACKWARD_WORDS) {
    return { cue, source, content: [extendThroughQuotation(doc, startOfQuotation(doc, before))] };
  }
  const after = trimRange(tokens, { from: source ? source.to : cue.to, to: sent.to });
  if (!after || countWords(tokens, after) === 0) return null;
  return { cue, source, content: [extendThroughQuotation(doc, after)] };
}

/** Index of a ':' that follows the cue directly or after a few setting words ("said in a statement:"). */
function colonAfter(doc: QuoteDoc, cue: Range, sent: Range): number | null {
  const { tokens } = doc;
  if (tokens[cue.to - 1].text === ':') return cue.to - 1;
  for (let i = cue.to; i < Math.min(sent.to, cue.to + 8); i++) {
    const t = tokens[i];
    if (t.text === ':') return i;
    if (t.kind !== 'word') return null;
    if (!CUE_ADVERBIALS.has(t.lower) && !/^\p{Lu}/u.test(t.text)) return null;
  }
  return null;
}

/** After "X said:": the rest of the paragraph, or the next paragraph when the colon ends this one. */
function colonContent(doc: QuoteDoc, colon: number): Range[] {
  const { tokens } = doc;
  const para = tokens[colon].paragraph;
  let to = colon + 1;
  while (to < tokens.length && tokens[to].paragraph === para) to++;
  if (to > colon + 1) {
    const r = trimRange(tokens, { from: colon + 1, to });
    return r ? [extendThroughQuotation(doc, r)] : [];
  }
  // The content is the next paragraph (a block quote or a quotation running over several).
  if (to >= tokens.length) return [];
  const next = tokens[to].paragraph;
  let end = to;
  while (end < tokens.length && tokens[end].paragraph === next) end++;
  const r = trimRange(tokens, { from: to, to: end });
  return r ? [extendThroughQuotation(doc, r)] : [];
}

/** "..., said X" / "“...,” said X": the source follows the cue and a break precedes it. */
function invertedSource(doc: QuoteDoc, cue: Range, sent: Range): Range | null {
  const { tokens } = doc;
  const prev = tokens[cue.from - 1];
  if (!prev || cue.from < sent.from || cue.from === sent.from && !quotationEndingAt(doc, cue.from, sent)) return null;
  if (PARTICIPLE.test(tokens[cue.to - 1].lower)) return null;
  if (!INVERTING_VERBS.has(tokens[cue.to - 1].lower)) return null;
  const breakBefore = prev.text === ',' || isMark(prev) || prev.text === '—' || prev.text === '–';
  if (!breakBefore) return null;
  const np = forwardNP(doc, cue.to, sent.to);
  if (!np) return null;
  const first = tokens[np.from];
  if (first.lower === 'that' || COMPLEMENTIZERS.has(first.lower) && first.lower !== 'who') return null;
  // "..., said many of the examples that critics point to ... failed": a clause after the phrase makes it content.
  if (COMPLEMENTIZERS.has(tokens[np.to]?.lower ?? '') && tokens[np.to].lower !== 'who') return null;
  return np;
}

/**
 * The noun phrase after `from`: a name, "a senior official", "the Roper Center for Public Opinion Research".
 * Null when the words run on into a clause ("said the states were ...") rather than ending at a break.
 */
export function forwardNP(doc: QuoteDoc, from: number, limit: number): Range | null {
  const { tokens } = doc;
  let i = from;
  while (i < limit) {
    const t = tokens[i];
    if (t.kind === 'punct') {
      if (t.text === '-' || t.text === '&') { i++; continue; }
      break;
    }
    // A finite verb makes the words a clause ("said parents still want ..."), not the speaker.
    if (FINITE_VERBS.has(t.lower) || FINITE_POS.test(doc.pos[i])) return null;
    if (NP_FORWARD_STOPS.has(t.lower) && !(i === from && SPEAKER_PRONOUNS.has(t.lower))) {
      if (i === from) return null;
      break;
    }
    i++;
    if (i - from > MAX_FORWARD_SOURCE_TOKENS) return null;
    if (SPEAKER_PRONOUNS.has(t.lower) && i === from + 1) {
      // A pronoun is the whole phrase, and something other than a verb must follow it ("said he, smiling").
      const next = tokens[i];
      if (i < limit && next.kind === 'word' && !NP_FORWARD_STOPS.has(next.lower)) return null;
      break;
    }
  }
  return i > from ? { from, to: i } : null;
}

/** Tokens that open or close an appositive between a speaker's name and the cue. */
const APPOSITIVE_ENDS = new Set([',', '--', '—', '–']);

/** The noun phrase ending at `end`, with a bracketed affiliation after it ("Sen. David Perdue (R-Ga.)"). */
function npWithAffiliation(doc: QuoteDoc, end: number, sentFrom: number): Range | null {
  const { tokens } = doc;
  if (tokens[end - 1]?.text === ')') {
    let k = end - 1;
    while (k > sentFrom && tokens[k].text !== '(') k--;
    const np = tokens[k].text === '(' && k > sentFrom ? npEndingAt(doc, k, sentFrom) : null;
    return np ? { from: np.from, to: end } : null;
  }
  return npEndingAt(doc, end, sentFrom);
}

/**
 * The subject of a cue read backwards: skips auxiliaries ("has also said"), stops at clause breaks.
 * A parenthetical between subject and cue is stepped over ("Trump, speaking in Ohio, said").
 */
export function subjectBefore(doc: QuoteDoc, cueFrom: number, sentFrom: number): Range | null {
  const { tokens } = doc;
  const end = beforeAuxiliaries(tokens, cueFrom, sentFrom);
  // "Sen. David Perdue (R-Ga.) said": the bracketed affiliation belongs to the name.
  if (end > sentFrom && tokens[end - 1].text === ')') return npWithAffiliation(doc, end, sentFrom);
  if (end > sentFrom && APPOSITIVE_ENDS.has(tokens[end - 1].text)) {
    // Step over ", speaking in Ohio," to the noun phrase before it...
    let j = end - 2;
    while (j > sentFrom && j > end - MAX_PARENTHETICAL && tokens[j].text !== ',' && !isMark(tokens[j])) j--;
    if (j > sentFrom && tokens[j].text === ',') {
      const np = npEndingAt(doc, j, sentFrom);
      if (np && np.from === sentFrom) return np;
    }
    // ...or over a chain of appositives ("Angelique Brunner, a developer and spokeswoman for X, which ..., said"):
    // the leftmost phrase that fills a whole comma slot heads the chain.
    // Dashes and a bracketed affiliation may set the chain off too ("Rep. Meeks (D-N.Y.), chairman of ..., said").
    for (let k = sentFrom + 1; k < end - 1; k++) {
      if (!APPOSITIVE_ENDS.has(tokens[k].text)) continue;
      const np = npWithAffiliation(doc, k, sentFrom);
      if (np && (np.from === sentFrom || APPOSITIVE_ENDS.has(tokens[np.from - 1].text) || isMark(tokens[np.from - 1])) && /^\p{Lu}/u.test(tokens[np.from].text)) return np;
    }
    if (j > sentFrom && tokens[j].text === ',') return npEndingAt(doc, j, sentFrom);
    return null;
  }
  return npEndingAt(doc, end, sentFrom);
}

/** Adverbials of two words that may stand between a subject and its cue like an auxiliary ("NATO has so far refused"). */
const TWO_WORD_ADVERBIALS = new Set(['so far', 'thus far', 'as yet', 'for now', 'in turn', 'at first', 'of course']);

/**
 * Where the words before `i` stop being auxiliaries, adverbials (one- or two-word) and times ("Trump this week
 * said", "Peskov on Tuesday said") that lead up to a verb.
 */
function beforeAuxiliaries(tokens: readonly Token[], i: number, from: number): number {
  let end = i;
  for (;;) {
    if (end > from && AUXILIARIES.has(tokens[end - 1].lower)) end--;
    else if (end - 1 > from && TWO_WORD_ADVERBIALS.has(`${tokens[end - 2].lower} ${tokens[end - 1].lower}`)) end -= 2;
    else if (end - 1 > from && TIME_UNITS.has(tokens[end - 1].lower) && TIME_DETERMINERS.has(tokens[end - 2].lower)) end -= 2;
    else if (end - 1 > from && WEEKDAYS.has(tokens[end - 1].lower)) end--;
    else return end;
  }
}

const ARTICLES = new Set(['the', 'a', 'an']);

function npEndingAt(doc: QuoteDoc, end: number, sentFrom: number): Range | null {
  const { tokens } = doc;
  if (end <= sentFrom) return null;
  const last = tokens[end - 1];
  if (last.kind !== 'word' || NP_BOUNDARY_WORDS.has(last.lower)) return null;
  if (SPEAKER_PRONOUNS.has(last.lower)) return { from: end - 1, to: end };
  let from = end - 1;
  while (from > sentFrom && from > end - MAX_SUBJECT_TOKENS) {
    const t = tokens[from - 1];
    if (t.kind === 'punct' && !(t.text === '-' || t.text === '&')) break;
    if (t.kind === 'word' && (NP_BOUNDARY_WORDS.has(t.lower) || SPEAKER_PRONOUNS.has(t.lower))) break;
    from--;
    // An article opens the phrase: the words before it belong to another ("has arrived for the Russian-US talks").
    if (ARTICLES.has(t.lower)) break;
  }
  return { from: extendOverPrepositions(doc, from, sentFrom), to: end };
}

/**
 * "The head of the delegation at the talks in Vienna told": a phrase read back to a preposition
 * continues to the clause start when nothing verb-like stands between them.
 */
function extendOverPrepositions(doc: QuoteDoc, from: number, sentFrom: number): number {
  const { tokens, pos } = doc;
  if (from <= sentFrom || !NP_PREPOSITIONS.has(tokens[from - 1].lower)) return from;
  let k = from - 1;
  while (k > sentFrom && tokens[k - 1].text !== ',' && from - k < MAX_SUBJECT_TOKENS * 2) {
    if (/^(VB|MD)/.test(pos[k - 1]) || isMark(tokens[k - 1])) return from;
    k--;
  }
  const startsPhrase = k === sentFrom || tokens[k - 1].text === ',';
  return startsPhrase && /^(DT|NNP|PRP\$|JJ|CD)/.test(pos[k]) ? k : from;
}

const NP_PREPOSITIONS = new Set(['of', 'at', 'in', 'for', 'from', 'on', 'with', 'to']);

/** Whether only setting words ("on Tuesday", "in a statement") follow the cue to the sentence end or a comma. */
function isTrailingCue(doc: QuoteDoc, cue: Range, sent: Range): boolean {
  const { tokens } = doc;
  let words = 0;
  for (let i = cue.to; i < sent.to; i++) {
    const t = tokens[i];
    if (t.kind === 'punct') {
      if (t.text === ',') return trailingAfterComma(doc, i + 1, sent);
      if (isMark(t)) return false;
      continue;
    }
    if (COMPLEMENTIZERS.has(t.lower)) return false;
    words++;
    if (!CUE_ADVERBIALS.has(t.lower) && !/^[\p{Lu}\p{N}]/u.test(t.text) && words > MAX_TRAILING_SETTING_WORDS) return false;
  }
  return true;
}

/** Words opening a clause of circumstance after "X said Friday, ..." ("as they bristled at ...", "while in Ohio"). */
const CIRCUMSTANCE_OPENERS = new Set(['as', 'while', 'when', 'after', 'before', 'amid', 'during', 'following']);

/**
 * After "X said, " a participle, a relative clause or a clause of circumstance may follow without changing the
 * content; a quotation there is the content.
 */
function trailingAfterComma(doc: QuoteDoc, i: number, sent: Range): boolean {
  const t = doc.tokens[i];
  if (!t || i >= sent.to) return true;
  return PARTICIPLE.test(t.lower) || t.lower === 'who' || t.lower === 'according' || CIRCUMSTANCE_OPENERS.has(t.lower) ||
    isRelay(doc, i, sent);
}

/** Longest relay clause after an attribution (", TASS has learned", ", the newspaper reported"). */
const MAX_RELAY_WORDS = 5;

/** Whether the sentence ends, from `i`, with a short clause of its own speech verb: an outlet relaying the attribution before it. */
function isRelay(doc: QuoteDoc, i: number, sent: Range): boolean {
  let words = 0;
  let cue = false;
  for (let k = i; k < sent.to; k++) {
    const t = doc.tokens[k];
    if (t.kind !== 'word') {
      if (t.text === ',' || isMark(t)) return false;
      continue;
    }
    if (++words > MAX_RELAY_WORDS) return false;
    if (k > i && CUE_WORD_FORMS.has(t.lower) && /^VB[DZPN]?$/.test(doc.pos[k] ?? '')) cue = true;
  }
  return cue;
}

/** Whether token `i` is the closing mark of its quotation (the comma before it ends a phrase: the “phony system,”). */
function closesQuotation(doc: QuoteDoc, i: number): boolean {
  const q = doc.quoteOf[i];
  return q >= 0 && isMark(doc.tokens[i]) && doc.quoteTokens[q].to === i + 1;
}

/** Whether a quotation closes right before `from` (“...,” X / “...”, X). */
function followsQuotation(doc: QuoteDoc, from: number): boolean {
  const { tokens } = doc;
  let k = from - 1;
  if (k >= 0 && tokens[k].text === ',') k--;
  if (k < 0 || !isMark(tokens[k])) return false;
  const q = doc.quoteOf[k];
  if (q < 0 || doc.quoteTokens[q].to !== k + 1 || tokens[k].paragraph !== tokens[from].paragraph) return false;
  // The quotation opens the sentence (or an earlier one): a title quoted mid-sentence ("on Fox News
  // Channel’s “Fox & Friends,” Rep. McCaul said ...") is not what the speaker said.
  return doc.quoteTokens[q].from <= doc.sentences[tokens[from].sentence].from;
}

/**
 * "“Does anybody know ...?” Graham asked.": a quotation ending in a question or exclamation mark closes its
 * sentence, so the cue's sentence opens with the subject; the quotation closing right before it is the content.
 */
function quotationEndingAt(doc: QuoteDoc, from: number, sent: Range): Range | null {
  const { tokens } = doc;
  if (from !== sent.from || from === 0 || !isMark(tokens[from - 1])) return null;
  const q = doc.quoteOf[from - 1];
  if (q < 0 || doc.quoteTokens[q].to !== from || tokens[from - 1].paragraph !== tokens[from].paragraph) return null;
  return { from: doc.quoteTokens[q].from, to: from };
}

/** Whether a range reads as something said: it holds a quotation or a verb of its own. */
function isStatement(doc: QuoteDoc, r: Range): boolean {
  for (let i = r.from; i < r.to; i++) if (doc.quoteOf[i] >= 0 || /^(VB|MD)/.test(doc.pos[i])) return true;
  return false;
}

/**
 * An opening adverbial rather than reported content: one comma-free phrase led by a preposition,
 * subordinator, adverb or participle ("After Rubio stumbles, rivals see ...", "Later in the broadcast, ...").
 */
function isIntroPhrase(doc: QuoteDoc, r: Range): boolean {
  const { tokens, pos } = doc;
  if (!/^(IN|RB|RBR|WRB|VBG|VBN|TO)$/.test(pos[r.from])) return false;
  // A phrase led by a participle or adverb that has a finite verb is a clause ("Shifting monsoons could affect ...").
  const subordinate = /^(IN|WRB)$/.test(pos[r.from]);
  for (let i = r.from; i < r.to; i++) {
    if (tokens[i].text === ',' || doc.quoteOf[i] >= 0) return false;
    if (!subordinate && FINITE_POS.test(pos[i])) return false;
  }
  return true;
}

const FINITE_POS = /^(VBD|VBZ|VBP|MD)$/;

function precededByBreak(doc: QuoteDoc, from: number, sent: Range): boolean {
  if (from <= sent.from) return false;
  const prev = doc.tokens[from - 1];
  return prev.text === ',' || isMark(prev) || prev.text === '—' || prev.text === '–';
}

/** The words of the sentence before `end` (dropping the comma and quotation close that hand over to the cue). */
function contentBefore(doc: QuoteDoc, end: number, sent: Range): Range | null {
  const r = trimRange(doc.tokens, { from: sent.from, to: end });
  if (!r) return null;
  return startOfQuotation(doc, r);
}

/** A content that starts inside a quotation opened in an earlier sentence starts at that quotation. */
function startOfQuotation(doc: QuoteDoc, r: Range): Range {
  const q = doc.quoteOf[r.from];
  if (q >= 0 && doc.quoteTokens[q].from < r.from) return { from: doc.quoteTokens[q].from, to: r.to };
  return r;
}

/** A content that ends inside a quotation running past the sentence ends with the quotation. */
function extendThroughQuotation(doc: QuoteDoc, r: Range): Range {
  const q = doc.quoteOf[r.to - 1];
  if (q >= 0 && doc.quoteTokens[q].to > r.to) return { from: r.from, to: doc.quoteTokens[q].to };
  return r;
}

/**
 * Direct speech split by its attribution continues after it: “A,” he said, “B.” and
 * “A,” he said. “B.” (a following quotation in the same paragraph with no cue of its own).
 */
function withContinuation(doc: QuoteDoc, before: Range, cue: Range, source: Range, sent: Range): Range[] {
  const { tokens } = doc;
  const parts: Range[] = [before];
  const qBefore = doc.quoteOf[before.to - 1];
  if (qBefore < 0) return parts;
  let i = Math.max(cue.to, source.to);
  while (i < sent.to && !isMark(tokens[i])) {
    if (tokens[i].kind === 'word' && !CUE_ADVERBIALS.has(tokens[i].lower) && !/^\p{Lu}/u.test(tokens[i].text)) break;
    i++;
  }
  if (i < tokens.length && isMark(tokens[i]) && doc.quoteOf[i] >= 0 && doc.quoteOf[i] !== qBefore &&
      tokens[i].paragraph === tokens[cue.from].paragraph) {
    const q = doc.quoteOf[i];
    if (quotationWords(doc, q) > 0) parts.push({ from: doc.quoteTokens[q].from, to: doc.quoteTokens[q].to });
  }
  return parts;
}

/** Where the content after a forward cue starts and ends. */
function forwardContent(doc: QuoteDoc, cue: Range, sent: Range, cueStarts: ReadonlySet<number>): Range | null {
  const { tokens } = doc;
  const cueWord = tokens[cue.from].lower;
  let start = cue.to;
  // "told reporters on Wednesday that ...": the content opens after "that".
  for (let i = cue.to; i < Math.min(sent.to, cue.to + MAX_THAT_DISTANCE); i++) {
    const t = tokens[i];
    // "said that was not her view": a "that" right before a finite verb is the content's subject, not its opener.
    if (t.lower === 'that') { start = /^(VB[DZP]|MD)$/.test(doc.pos[i + 1] ?? '') ? i : i + 1; break; }
    if (isMark(t) || t.text === ':' || t.text === ';') break;
    if (t.kind === 'word' && !CUE_ADVERBIALS.has(t.lower) && !/^[\p{Lu}\p{N}]/u.test(t.text) && !LISTENER_VERBS.has(cueWord)) break;
  }
  // Leading commas and dashes belong to no one.
  while (start < sent.to && tokens[start].kind === 'punct' && !isMark(tokens[start])) start++;
  let end = sent.to;
  // A later cue in the sentence starts a new attribution: "said X, adding Y", "X, according to Y".
  for (let i = start + 1; i < sent.to; i++) {
    const t = tokens[i];
    const prev = tokens[i - 1];
    if (prev.text === ',' && (HANDOVER_PARTICIPLES.has(t.lower) || t.lower === 'according')) {
      end = i - 1;
      break;
    }
    // ", (even) suggesting ...": a participle the tagger took for a cue hands over the same way.
    if (cueStarts.has(i) && PARTICIPLE.test(t.lower) && doc.quoteOf[i] < 0) {
      const k = skipAdverbs(doc, i, start);
      if (k - 1 > start && tokens[k - 1].text === ',') {
        end = k - 1;
        break;
      }
    }
    // "urged X and criticized Y": a coordinated cue starts a new attribution with the same subject.
    if (cueStarts.has(i) && COORDINATORS.has(prev.lower)) {
      end = i - 1;
      break;
    }
    // "..., but he said that ...": a coordinated clause with a cue of its own starts a new attribution.
    if (cueStarts.has(i) && doc.quoteOf[i] < 0) {
      const joint = coordinatedSubjectStart(doc, i, start);
      if (joint >= 0) {
        end = joint;
        break;
      }
      // "expects X, Lavrov told reporters": a cue with its own subject after a comma attributes what came before.
      const subject = subjectBefore(doc, i, start);
      if (subject && subject.from - 1 > start && tokens[subject.from - 1].text === ',') {
        end = subject.from - 1;
        break;
      }
    }
  }
  const r = trimRange(tokens, { from: start, to: end });
  return r;
}

/** Longest subject read back from a cue to the conjunction that opens its clause ("but the senator said"). */
const MAX_CLAUSE_SUBJECT = 4;

/** Index of the conjunction before "(,) but he (also) said" at cue `i`, or -1. */
function coordinatedSubjectStart(doc: QuoteDoc, i: number, from: number): number {
  const { tokens } = doc;
  let k = i - 1;
  while (k > from && AUXILIARIES.has(tokens[k].lower)) k--;
  const subjectEnd = k;
  while (k > from && subjectEnd - k < MAX_CLAUSE_SUBJECT && tokens[k].kind === 'word' && !COORDINATORS.has(tokens[k].lower)) k--;
  if (k === subjectEnd || k <= from) return -1;
  return COORDINATORS.has(tokens[k].lower) || tokens[k].text === ';' ? k : -1;
}

/**
 * The subject of the sentence's main clause, for cues whose own subject is not next to them
 * ("Trump took to Twitter to accuse ... and encourage ..."): the noun phrase after any opening
 * adverbial ("In his speech, Graham urged") that is followed by a verb.
 */
function sentenceSubject(doc: QuoteDoc, sent: Range, before: number): Range | null {
  const { tokens, pos } = doc;
  let from = sent.from;
  if (/^(IN|RB|VBG|VBN)$/.test(pos[from] ?? '')) {
    while (from < before && tokens[from].text !== ',') from++;
    from++;
    // The comma may sit inside a quotation that closes after it: “phony system,” Trump accused.
    while (from < before && isMark(tokens[from])) from++;
  }
  let to = from;
  // A noun phrase with prepositional phrases ("The leader of the US delegation at Monday's talks briefed ...").
  const inPhrase = (k: number): boolean => NP_POS.test(pos[k]) || pos[k] === 'IN' && k > from && NP_POS.test(pos[k - 1]) && NP_POS.test(pos[k + 1] ?? '');
  while (to < before && inPhrase(to) && !isMark(tokens[to])) to++;
  if (to === from || to >= before) return null;
  if (!/^(VB|MD)/.test(pos[to])) return null;
  return { from, to };
}

const NP_POS = /^(NNP?S?|DT|JJ[RS]?|PRP|POS|CD|PRP\$)$/;

/** Source of ", adding ..." and other participial cues: the subject of the clause the participle hangs on. */
function participleSubject(doc: QuoteDoc, cue: Range, sent: Range): Range | null {
  const { tokens } = doc;
  if (!PARTICIPLE.test(tokens[cue.from].lower)) return null;
  const main = sentenceSubject(doc, sent, cue.from);
  if (main) return main;
  // The clause subject: the first noun phrase of the sentence that ends right before a verb-like word.
  for (let i = sent.from + 1; i < cue.from; i++) {
    const np = subjectBefore(doc, i, sent.from);
    if (np && np.from === sent.from) {
      const next = tokens[i];
      if (next.kind === 'word' && !/^\p{Lu}/u.test(next.text)) return np;
    }
  }
  return null;
}

/** Drops punctuation (other than quotation marks) from both ends of a range; null when no word is left. */
export function trimRange(tokens: Token[], r: Range): Range | null {
  let { from, to } = r;
  while (from < to && tokens[from].kind === 'punct' && !isMark(tokens[from])) from++;
  while (to > from && tokens[to - 1].kind === 'punct' && !isMark(tokens[to - 1])) to--;
  // A closing mark left at the start (the end of a quotation before the range) is not part of it.
  if (to > from && isMark(tokens[from]) && isClosingAt(tokens, from)) from++;
  for (let i = from; i < to; i++) if (tokens[i].kind === 'word') return { from, to };
  return null;
}

function isClosingAt(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  return next === undefined || next.kind === 'punct' && !isMark(next);
}
