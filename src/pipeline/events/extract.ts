// Dated event mentions of one article: meetings, talks, statements, publications, submissions, votes, bills.
import type { Timex } from '../time/types.ts';
import type { EntityAnalysis } from '../entities/types.ts';
import { NON_EVENT, TRIGGERS, type EventKind } from './lexicon.ts';

export type DatePrecision = 'day' | 'month' | 'year';

export interface EventMention {
  /** ISO date at `precision` ("2022-01-10", "2022-01", "2022"). */
  date: string;
  precision: DatePrecision;
  /** "HH:MM" when the text gives a clock time. */
  time: string | null;
  kind: EventKind;
  /** The trigger word as written ("talks", "submitted"). */
  trigger: string;
  place: string | null;
  /** Names of people and organisations taking part, as resolved in the article. */
  participants: string[];
  /** The evidence sentence and its offsets in the article text. */
  sentence: string;
  start: number;
  end: number;
  /** The expression that dated it ("on Monday", "January 10"). */
  timex: string;
  /** True when the event lies after the article's own date (scheduled, not yet happened). */
  scheduled: boolean;
}

/** Timex precisions that can date an event in a timeline; weeks, seasons and vague references cannot. */
const DATING_PRECISIONS = new Set(['day', 'time', 'month']);

export function extractEvents(text: string, timexes: Timex[], entities: EntityAnalysis, published: string | null): EventMention[] {
  const out: EventMention[] = [];
  const sentences = splitSentences(text);
  const today = published?.slice(0, 10) ?? null;
  const byId = new Map(entities.entities.map((e) => [e.id, e]));
  for (const t of [...timexes].sort((a, b) => a.start - b.start)) {
    if (t.type !== 'DATE' && t.type !== 'TIME') continue;
    if (t.role === 'modifier' || !DATING_PRECISIONS.has(t.precision)) continue;
    const date = normaliseValue(t.value);
    if (!date) continue;
    const s = sentences.find((x) => t.start >= x.start && t.start < x.end);
    if (!s) continue;
    const raw = text.slice(s.start, s.end);
    const sentence = raw.trim();
    if (NON_EVENT.test(sentence)) continue;
    const inSentence = entities.mentions.filter((m) => m.start >= s.start && m.end <= s.end);
    const places = inSentence.filter((m) => m.type === 'LOC').map((m) => ({ name: byId.get(m.entityId)?.name ?? m.text, at: m.start - s.start }));
    const participants = [...new Set(inSentence.filter((m) => m.type === 'PER' || m.type === 'ORG').map((m) => byId.get(m.entityId)?.name ?? m.text))];
    let trigger = findTrigger(raw, t.start - s.start, t.end - s.start);
    let place = trigger ? pickPlace(raw, places, [t.start - s.start, trigger.at]) : null;
    // A dated sentence with no trigger of its own continues the previous one ("The work will continue ... on January 10").
    const previous = out.length ? out[out.length - 1] : null;
    if (!trigger && previous && previous.end === s.start - gapBefore(text, s.start)) {
      trigger = { kind: previous.kind, word: previous.trigger, at: -1 };
      place = pickPlace(raw, places, [t.start - s.start]) ?? previous.place;
    }
    if (!trigger) continue;
    out.push({
      date: date.value, precision: date.precision, time: date.time, kind: trigger.kind, trigger: trigger.word,
      place, participants, sentence, start: s.start, end: s.end, timex: t.text,
      scheduled: today !== null && date.value.slice(0, 10) > today,
    });
  }
  return dedupeWithinArticle(out);
}

/** Length of the whitespace just before `pos` (so adjacent sentences can be recognised). */
function gapBefore(text: string, pos: number): number {
  let i = pos;
  while (i > 0 && /\s/.test(text[i - 1])) i--;
  return pos - i;
}

/** "2022-01-09TEV" → day 2022-01-09; "2022-01" → month; values without a year ("XXXX-…") cannot be placed. */
function normaliseValue(value: string): { value: string; precision: DatePrecision; time: string | null } | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}:\d{2}))?)?)?/.exec(value);
  if (!m) return null;
  if (m[3]) return { value: `${m[1]}-${m[2]}-${m[3]}`, precision: 'day', time: m[4] ?? null };
  if (m[2]) return { value: `${m[1]}-${m[2]}`, precision: 'month', time: null };
  return { value: m[1], precision: 'year', time: null };
}

/** A date this close to the sentence start is fronted ("On Tuesday, ..."), so it dates the main verb after it. */
const FRONTED_DATE_CHARS = 8;
const SECONDARY_KINDS = new Set<EventKind>(['discussion', 'visit']);
/** Characters added to a secondary trigger's distance, so any trigger of a primary kind in the sentence wins. */
const SECONDARY_PENALTY = 10_000;

/** A statement verb this close before the date dates the statement itself ("said on Tuesday", "told reporters on Wednesday"). */
const STATEMENT_ADJACENT_CHARS = 16;

/**
 * The event a date belongs to: a statement when the reporting verb sits right before the date; otherwise the
 * nearest non-statement trigger ("talks ... scheduled for January 9, Zakharova said" dates the talks).
 */
function findTrigger(sentence: string, timexAt: number, timexEnd: number): { kind: EventKind; word: string; at: number } | null {
  let event: { kind: EventKind; word: string; at: number; d: number } | null = null;
  let statement: { word: string; at: number; gap: number } | null = null;
  for (const [kind, re] of TRIGGERS) {
    for (const m of sentence.matchAll(new RegExp(re.source, 'gi'))) {
      if (kind === 'statement') {
        // "said on Tuesday" (verb before the date) or a fronted date "On Tuesday, the minister said" (verb after it);
        // a trailing "…, officials said" reports the sentence and dates nothing.
        const before = timexAt - (m.index + m[0].length);
        const after = timexAt <= FRONTED_DATE_CHARS ? m.index - timexEnd : -1;
        const gap = before >= 0 ? before : after >= 0 ? after : Number.POSITIVE_INFINITY;
        if (!statement || gap < statement.gap) statement = { word: m[0], at: m.index, gap };
        continue;
      }
      // Discussions and visits are often the purpose of a meeting ("met on Monday to discuss"): they date only alone.
      const d = Math.abs(m.index - timexAt) + (SECONDARY_KINDS.has(kind) ? SECONDARY_PENALTY : 0);
      if (!event || d < event.d) event = { kind, word: m[0], at: m.index, d };
    }
  }
  if (statement && (statement.gap <= STATEMENT_ADJACENT_CHARS || !event)) return { kind: 'statement', word: statement.word, at: statement.at };
  return event && { kind: event.kind, word: event.word, at: event.at };
}

/** Verbs in -ed that keep a place attached to the event ("was held in", "scheduled in"); other verbs start a new clause. */
const ATTACHING_VERBS = /^(?:held|scheduled|planned|expected|hosted|convened|based|located|organi[sz]ed|staged)$/i;

/**
 * The venue: a place introduced by "in"/"at" ("talks in Geneva"), nearest to the trigger or the date, in the same
 * clause (no other past-tense verb between: "Monday’s talks briefed allies in Brussels" is not a Brussels meeting).
 * Places named otherwise ("the US and NATO responded") are parties, not venues.
 */
function pickPlace(sentence: string, places: Array<{ name: string; at: number }>, anchors: number[]): string | null {
  let best: { p: string; d: number } | null = null;
  for (const p of places) {
    const before = sentence.slice(Math.max(0, p.at - 12), p.at);
    if (!/\b(?:in|at)\s+(?:the\s+)?$/i.test(before)) continue;
    for (const a of anchors) {
      if (a < 0) continue;
      const between = sentence.slice(Math.min(a, p.at), Math.max(a, p.at));
      const verbs = (between.match(/\b\w+ed\b/g) ?? []).filter((w) => !ATTACHING_VERBS.test(w));
      if (verbs.length || /[;:]/.test(between)) continue;
      const d = Math.abs(p.at - a);
      if (!best || d < best.d) best = { p: p.name, d };
    }
  }
  return best?.p ?? null;
}

/** One mention per (date, kind, sentence): a sentence dated twice the same way is one event. */
function dedupeWithinArticle(events: EventMention[]): EventMention[] {
  const seen = new Set<string>();
  return events.filter((e) => {
    const k = `${e.date}|${e.kind}|${e.start}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export interface SentenceSpan { start: number; end: number }

/** Sentence spans that do not break on abbreviations, initials or decimal points. */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  const re = /([.!?…]+["”’»)]*)(\s+)(?=["“‘«(]?[\p{Lu}\d])|\n\s*\n/gu;
  for (const m of text.matchAll(re)) {
    const end = m.index! + (m[1]?.length ?? 0);
    const before = text.slice(Math.max(0, end - 6), end);
    if (m[1] && /(?:\b[A-Z]|\bMr|\bMrs|\bMs|\bDr|\bSt|\bNo|\bJan|\bFeb|\bAug|\bSept?|\bOct|\bNov|\bDec|\bU\.S|\bGen|\bGov|\bSen|\bRep)\.$/.test(before)) continue;
    if (end > start) spans.push({ start, end });
    start = m.index! + m[0].length;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}
