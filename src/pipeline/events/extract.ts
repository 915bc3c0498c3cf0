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
  for (const t of timexes) {
    if (t.type !== 'DATE' && t.type !== 'TIME') continue;
    if (t.role === 'modifier' || !DATING_PRECISIONS.has(t.precision)) continue;
    const date = normaliseValue(t.value);
    if (!date) continue;
    const s = sentences.find((x) => t.start >= x.start && t.start < x.end);
    if (!s) continue;
    const sentence = text.slice(s.start, s.end).trim();
    if (NON_EVENT.test(sentence) && !/\b(will|scheduled|expected)\b/i.test(sentence)) continue;
    const trigger = findTrigger(sentence);
    if (!trigger) continue;
    const inSentence = entities.mentions.filter((m) => m.start >= s.start && m.end <= s.end);
    const byId = new Map(entities.entities.map((e) => [e.id, e]));
    const places = inSentence.filter((m) => m.type === 'LOC').map((m) => byId.get(m.entityId)?.name ?? m.text);
    const participants = [...new Set(inSentence.filter((m) => m.type === 'PER' || m.type === 'ORG').map((m) => byId.get(m.entityId)?.name ?? m.text))];
    out.push({
      date: date.value, precision: date.precision, time: date.time, kind: trigger.kind, trigger: trigger.word,
      place: pickPlace(sentence, places), participants, sentence, start: s.start, end: s.end, timex: t.text,
      scheduled: today !== null && date.value.slice(0, 10) > today,
    });
  }
  return dedupeWithinArticle(out);
}

/** "2022-01-09TEV" → day 2022-01-09; "2022-01" → month; values without a year ("XXXX-…") cannot be placed. */
function normaliseValue(value: string): { value: string; precision: DatePrecision; time: string | null } | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}:\d{2}))?)?)?/.exec(value);
  if (!m) return null;
  if (m[3]) return { value: `${m[1]}-${m[2]}-${m[3]}`, precision: 'day', time: m[4] ?? null };
  if (m[2]) return { value: `${m[1]}-${m[2]}`, precision: 'month', time: null };
  return { value: m[1], precision: 'year', time: null };
}

function findTrigger(sentence: string): { kind: EventKind; word: string } | null {
  for (const [kind, re] of TRIGGERS) {
    const m = re.exec(sentence);
    if (m) return { kind, word: m[0] };
  }
  return null;
}

/** Prefer the place introduced by "in"/"at" ("talks in Geneva") over other places the sentence names. */
function pickPlace(sentence: string, places: string[]): string | null {
  for (const p of places) if (new RegExp(`\\b(?:in|at)\\s+(?:the\\s+)?${escapeRe(p)}\\b`).test(sentence)) return p;
  return places[0] ?? null;
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

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
