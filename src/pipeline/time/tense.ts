// Guesses whether the clause around a temporal expression speaks of the past or the future, from cue words alone.
import { FUTURE_CUES, NOT_PAST_ED, PAST_CUES, PRESENT_CUES } from './lexicon.ts';

export type Tense = 'past' | 'present' | 'future' | null;

/**
 * Words either side of the expression read for cues. Long enough to reach a verb at the head of a long
 * noun phrase ("expects progress during a meeting between <two names and titles> on Friday"); the dev
 * set scores flat between 8 and 25 words.
 */
const CUE_WINDOW_WORDS = 20;

const FUTURE = new Set(FUTURE_CUES);
const PAST = new Set(PAST_CUES);
const PRESENT = new Set(PRESENT_CUES);
/** Auxiliaries that turn a following -ed word into a participle, not a simple past ("is scheduled", "has been"). */
const PASSIVE_AUX = new Set(['is', 'are', 'be', 'being', 'been', 'am', "'s", "'re"]);

const WORD = /[A-Za-z]+(?:'[a-z]+)?|'(?:ll|s|re|ve|d)\b/g;
/** Sentence and clause edges: the cues of another sentence say nothing about this one. */
const SENTENCE_END = /[.!?;]["'”’)]*\s+(?=["'“‘(]*[A-Z0-9])|\n\s*\n/g;

interface Tok { w: string; start: number }

function words(text: string, from: number, to: number): Tok[] {
  const out: Tok[] = [];
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m && m.index < to; m = WORD.exec(text)) {
    out.push({ w: m[0].toLowerCase(), start: m.index });
  }
  return out;
}

/** The sentence holding [start, end): scans back and forward to the nearest sentence edge. */
export function sentenceBounds(text: string, start: number, end: number): [number, number] {
  const lo = Math.max(0, start - 400);
  let s = lo;
  SENTENCE_END.lastIndex = lo;
  for (let m = SENTENCE_END.exec(text); m && m.index < start; m = SENTENCE_END.exec(text)) s = m.index + m[0].length;
  if (s === lo && lo > 0) s = lo;
  SENTENCE_END.lastIndex = end;
  const m = SENTENCE_END.exec(text);
  const e = m && m.index < end + 400 ? m.index + 1 : Math.min(text.length, end + 400);
  return [s, e];
}

/** A cue word's tense: strong cues come from the word lists, weak ones from the -ed shape alone. */
function cueOf(toks: Tok[], i: number, weak: boolean): Tense {
  const w = toks[i].w;
  const prev = i > 0 ? toks[i - 1].w : '';
  if (!weak) {
    if (FUTURE.has(`${prev} ${w}`) || FUTURE.has(w)) return 'future';
    if (PAST.has(w)) return PASSIVE_AUX.has(prev) ? null : 'past';
    if (PRESENT.has(w)) return 'present';
    return null;
  }
  // A past form after "is"/"be"/"been" is a participle ("is scheduled", "to be made") and says nothing by itself.
  if (w.length > 4 && w.endsWith('ed') && !NOT_PAST_ED.has(w) && !PASSIVE_AUX.has(prev)) return 'past';
  return null;
}

/** Words that sit between a verb and its date ("said on Friday") and so do not count towards distance. */
const SKIPPED = new Set(['on', 'in', 'at', 'the', 'a', 'an', 'of', 'by', 'from', 'during']);

function nearestCue(left: Tok[], right: Tok[], weak: boolean): Tense {
  const L = left.filter((t) => !SKIPPED.has(t.w)).slice(-CUE_WINDOW_WORDS);
  const R = right.filter((t) => !SKIPPED.has(t.w)).slice(0, CUE_WINDOW_WORDS);
  for (let d = 0; d < CUE_WINDOW_WORDS; d++) {
    const li = L.length - 1 - d;
    if (li >= 0) {
      const t = cueOf(L, li, weak);
      if (t) return t;
    }
    if (d < R.length) {
      const t = cueOf(R, d, weak);
      if (t) return t;
    }
  }
  return null;
}

/**
 * The tense of the nearest cue to the expression: first within its comma-bounded clause, then within
 * its sentence. Left-hand cues win ties because English news puts the governing verb first
 * ("said on Friday", "will meet on Monday").
 */
export function tenseAround(text: string, start: number, end: number): Tense {
  const [s, e] = sentenceBounds(text, start, end);
  const left = words(text, s, start);
  const right = words(text, end, e);
  const clauseStart = Math.max(s, text.lastIndexOf(',', start - 1) + 1);
  const comma = text.indexOf(',', end);
  const clauseEnd = comma < 0 || comma > e ? e : comma;
  const clauseLeft = left.filter((t) => t.start >= clauseStart);
  const clauseRight = right.filter((t) => t.start < clauseEnd);
  // Listed cues ("will", "said") outrank the -ed shape, which adjectives share ("preferred shares").
  return nearestCue(clauseLeft, clauseRight, false) ?? nearestCue(clauseLeft, clauseRight, true)
    ?? nearestCue(left, right, false) ?? nearestCue(left, right, true);
}
