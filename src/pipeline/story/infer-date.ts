// Dates for undated articles, inferred from events they share with dated articles of the same story.
import { findTimexes } from '../time/timex.ts';
import { analyzeEntities } from '../entities/resolve.ts';
import { analyzeArticle } from '../run.ts';
import { splitSentences } from '../events/extract.ts';
import { mergeTimeline, type ArticleAnalysis } from './assemble.ts';
import { MEETING_WORDS } from '../events/lexicon.ts';

/** A weekday reference reaches back at most this many days ("Monday's talks" said within the same week). */
const WEEK = 6;

export interface InferredDate { date: string; detail: string }

export interface KnownEvent {
  date: string;
  place: string | null;
  /** Who took part, as the entity stage names them ("NATO", "Organisation for Security and Co-operation in Europe"). */
  participants?: string[];
  article: number;
  sources: number;
}

/** Words that put a week-wide reference in the past: "last week", "the past week", "the previous week". */
const PAST_WEEK = /^(?:last|past|previous|the past|the previous)\s+week$/i;

/** Characters allowed between a weekday and the meeting word it dates ("Monday’s talks", "talks held on Monday"). */
const ADJACENT_CHARS = 16;
const MEETING_WORD = new RegExp(`\\b(?:${MEETING_WORDS.join('|')})\\b`, 'gi');
/** The same words, for a yes/no test (no `g`: a test keeps no position between calls). */
const HAS_MEETING_WORD = new RegExp(MEETING_WORD.source, 'i');

function adjacentToMeeting(text: string, start: number, end: number): boolean {
  const window = text.slice(Math.max(0, start - ADJACENT_CHARS - 12), Math.min(text.length, end + ADJACENT_CHARS + 12));
  const offset = Math.max(0, start - ADJACENT_CHARS - 12);
  for (const m of window.matchAll(MEETING_WORD)) {
    const ms = offset + m.index!, me = ms + m[0].length;
    if ((ms >= end && ms - end <= ADJACENT_CHARS) || (me <= start && start - me <= ADJACENT_CHARS)) return true;
  }
  return false;
}

/**
 * For each undated article: find a weekday reference ("Monday's talks") in a sentence naming a place where a dated
 * article of the story reports an event on that weekday; the article then dates from that week, and its own lead
 * statement ("the Kremlin said on Tuesday") gives the day. The article is then re-analysed against that date.
 */
export function inferDates(items: ArticleAnalysis[], textOf: (articleId: number) => string): ArticleAnalysis[] {
  if (items.every((i) => i.article.published)) return items;
  const known: KnownEvent[] = mergeTimeline(items.filter((i) => i.article.published))
    .filter((e) => e.precision === 'day' && (e.place || e.participants.length) && (e.kind === 'meeting' || e.kind === 'discussion'))
    .map((e) => ({ date: e.date, place: e.place, participants: e.participants, article: e.sources[0].article, sources: e.sources.length }));
  if (!known.length) return items;
  return items.map((item) => {
    if (item.article.published) return item;
    const text = textOf(item.article.id);
    const inferred = inferDate(text, known);
    if (!inferred) return item;
    const again = analyzeArticle(text, inferred.date);
    return { ...item, ...again, article: { ...item.article, published: inferred.date, publishedInferred: true } };
  });
}

export function inferDate(text: string, known: KnownEvent[]): InferredDate | null {
  const timexes = findTimexes(text, { date: null });
  const ents = analyzeEntities(text);
  const sentences = splitSentences(text);
  const nameOf = (m: { entityId: string; text: string }) => ents.entities.find((e) => e.id === m.entityId)?.name ?? m.text;
  // Places the article talks about ("At the Geneva talks, ..."): the event it dates must be in one of them.
  const articlePlaces = new Set(ents.mentions.filter((m) => m.type === 'LOC').map(nameOf));
  for (const t of timexes) {
    const wd = /^XXXX-WXX-([1-7])$/.exec(t.value);
    if (!wd) continue;
    const s = sentences.find((x) => t.start >= x.start && t.start < x.end);
    if (!s) continue;
    // The weekday must date the meeting itself ("Monday's talks", "talks on Monday"), not a statement about it.
    if (!adjacentToMeeting(text, t.start, t.end)) continue;
    const samePlace = new Set(ents.mentions.filter((m) => m.type === 'LOC' && m.start >= s.start && m.end <= s.end).map(nameOf));
    const candidates = known
      .filter((k) => k.place && articlePlaces.has(k.place) && isoWeekday(k.date) === Number(wd[1]))
      .sort((a, b) => Number(samePlace.has(b.place!)) - Number(samePlace.has(a.place!)) || b.sources - a.sources || a.date.localeCompare(b.date));
    const match = candidates[0];
    if (!match) continue;
    // The article was written within the week after the event: read it as of the week's end and take its lead statement.
    const horizon = addDays(match.date, WEEK);
    const lead = analyzeArticle(text, horizon).events
      .filter((e) => e.precision === 'day' && !e.scheduled && e.date >= match.date && e.date <= horizon)
      .sort((a, b) => a.start - b.start)[0];
    const date = lead?.date ?? match.date;
    return {
      date,
      detail: `inferred: '${t.text}' in ${match.place} is the ${match.date} event reported by article ${match.article}` + (lead ? `; lead '${lead.timex}' → ${lead.date}` : ''),
    };
  }
  return fromPastWeek(text, known, { timexes, sentences, mentions: ents.mentions, nameOf });
}

/**
 * "Russia held separate talks with the US, NATO and the OSCE last week": the meetings the sentence names by place or
 * participant, as dated articles report them, fix that week; the article was written in the week after it, and its
 * own lead statement ("told RT on Thursday"), read against that week, gives the day. Without such a statement the
 * article stays undated: a week is not a publication date.
 */
function fromPastWeek(
  text: string, known: KnownEvent[],
  doc: {
    timexes: ReturnType<typeof findTimexes>;
    sentences: ReturnType<typeof splitSentences>;
    mentions: ReturnType<typeof analyzeEntities>['mentions'];
    nameOf: (m: { entityId: string; text: string }) => string;
  },
): InferredDate | null {
  for (const t of doc.timexes) {
    if (!PAST_WEEK.test(t.text.trim())) continue;
    const s = doc.sentences.find((x) => t.start >= x.start && t.start < x.end);
    if (!s || !HAS_MEETING_WORD.test(text.slice(s.start, s.end))) continue;
    const named = new Set(doc.mentions.filter((m) => m.start >= s.start && m.end <= s.end && m.type !== 'PER').map((m) => doc.nameOf(m).toLowerCase()));
    if (!named.size) continue;
    // Events the sentence names, grouped by their ISO week (keyed by its Monday); the week with most of them wins.
    const weeks = new Map<string, KnownEvent[]>();
    for (const k of known) {
      const names = [k.place, ...(k.participants ?? [])].filter((x): x is string => Boolean(x)).map((x) => x.toLowerCase());
      if (!names.some((n) => named.has(n))) continue;
      const monday = addDays(k.date, 1 - isoWeekday(k.date));
      weeks.set(monday, [...(weeks.get(monday) ?? []), k]);
    }
    const best = [...weeks].sort((a, b) => b[1].length - a[1].length
      || b[1].reduce((n, k) => n + k.sources, 0) - a[1].reduce((n, k) => n + k.sources, 0) || a[0].localeCompare(b[0]))[0];
    if (!best) continue;
    const [monday, events] = best;
    const from = addDays(monday, 7), horizon = addDays(monday, 13);
    const lead = analyzeArticle(text, horizon).events
      .filter((e) => e.precision === 'day' && !e.scheduled && e.date >= from && e.date <= horizon)
      .sort((a, b) => a.start - b.start)[0];
    if (!lead) continue;
    const dates = events.map((k) => k.date).sort();
    return {
      date: lead.date,
      detail: `inferred: '${t.text}' is the week of ${dates[0]}–${dates[dates.length - 1]} (${events.length} events reported by article ${events[0].article}); lead '${lead.timex}' → ${lead.date}`,
    };
  }
  return null;
}

function isoWeekday(date: string): number {
  const d = new Date(date.slice(0, 10) + 'T00:00:00Z').getUTCDay();
  return d === 0 ? 7 : d;
}

function addDays(date: string, n: number): string {
  return new Date(Date.parse(date.slice(0, 10) + 'T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10);
}
