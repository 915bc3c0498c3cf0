// Builds a story's views from its analysed articles: merged timeline, who-said-what, ranked entities, coverage.
import type { DocEntity, EntityType } from '../entities/types.ts';
import type { EventMention } from '../events/extract.ts';
import type { EventKind } from '../events/lexicon.ts';
import { SPEAKER_PRONOUNS } from '../quotes/lexicon.ts';

export interface StoryArticle {
  id: number;
  title: string | null;
  outlet: string | null;
  published: string | null;
  /** True when the date was inferred from events shared with other articles. */
  publishedInferred: boolean;
  duplicateOf: number | null;
}

export interface AttributedQuote {
  text: string;
  kind: 'direct' | 'indirect' | 'mixed';
  cue: string | null;
  /** The mention as written ("he", "the senior diplomat", "Ryabkov"). */
  mention: string | null;
  /** Resolved speaker; null when the attribution could not be tied to a named source. */
  speaker: { key: string; name: string; role: string | null; type: EntityType } | null;
  start: number;
  end: number;
  /**
   * How likely the quote stage's filter judged the attribution (0..1); null for quotes found without a cue
   * (speaker labels, standalone quotations) and in analyses stored before it was recorded.
   */
  confidence?: number | null;
}

export interface ArticleAnalysis {
  article: StoryArticle;
  entities: DocEntity[];
  quotes: AttributedQuote[];
  events: EventMention[];
}

export interface TimelineEntry {
  date: string;
  precision: 'day' | 'month' | 'year';
  time: string | null;
  kind: EventKind;
  text: string;
  place: string | null;
  participants: string[];
  scheduled: boolean;
  sources: Array<{ article: number; sentence: string }>;
}

export interface SpeakerQuotes {
  speaker: { key: string | null; name: string; role: string | null };
  quotes: Array<{ text: string; kind: string; cue: string | null; mention: string | null; confidence: number | null; article: number; outlet: string | null; date: string | null }>;
}

export interface RankedEntity { key: string; name: string; role: string | null; articles: number; mentions: number; aliases: string[] }

export interface OutletCoverage { outlet: string; articles: number; first: string | null; last: string | null; speakers: string[] }

export interface StoryDetail {
  title: string | null;
  first: string | null;
  last: string | null;
  timeline: TimelineEntry[];
  whoSaidWhat: SpeakerQuotes[];
  people: RankedEntity[];
  organizations: RankedEntity[];
  places: RankedEntity[];
  coverage: OutletCoverage[];
}

/** Kinds that describe the same happening when they share a date and a place ("talks" and "meeting"). */
const KIND_FAMILY: Record<EventKind, string> = {
  meeting: 'meet', discussion: 'meet', visit: 'meet', statement: 'say', publication: 'publish', submission: 'submit',
  vote: 'vote', bill: 'bill', other: 'other',
};

export function assembleStory(items: ArticleAnalysis[]): StoryDetail {
  const originals = items.filter((i) => i.article.duplicateOf === null);
  const dates = items.map((i) => i.article.published?.slice(0, 10)).filter((d): d is string => Boolean(d)).sort();
  return {
    title: pickTitle(originals.length ? originals : items),
    first: dates[0] ?? null,
    last: dates[dates.length - 1] ?? null,
    // Near-duplicates ride along in the story but do not count twice as sources or speakers.
    timeline: mergeTimeline(originals),
    whoSaidWhat: groupQuotes(originals),
    people: rankEntities(originals, 'PER'),
    organizations: rankEntities(originals, 'ORG'),
    places: rankEntities(originals, 'LOC'),
    coverage: coverage(items),
  };
}

/** The earliest original article's title; untitled articles are skipped. */
function pickTitle(items: ArticleAnalysis[]): string | null {
  const titled = items.filter((i) => i.article.title);
  titled.sort((a, b) => (a.article.published ?? '9999').localeCompare(b.article.published ?? '9999') || a.article.id - b.article.id);
  return titled[0]?.article.title ?? null;
}

export function mergeTimeline(items: ArticleAnalysis[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  // Entries can only merge when date and kind family agree (see sameEvent), so each event is compared with its
  // own bucket only; a bucket keeps creation order, so the first match is the one a scan of all entries finds.
  const buckets = new Map<string, TimelineEntry[]>();
  for (const { article, events } of items) {
    for (const e of events) {
      const key = `${e.date}\u0000${KIND_FAMILY[e.kind]}`;
      let bucket = buckets.get(key);
      if (!bucket) buckets.set(key, bucket = []);
      const match = bucket.find((x) => sameEvent(x, e));
      if (match) {
        if (!match.sources.some((s) => s.article === article.id)) match.sources.push({ article: article.id, sentence: e.sentence });
        match.place ??= e.place;
        for (const p of e.participants) if (!match.participants.includes(p)) match.participants.push(p);
        // The shortest report reads best as the entry's text.
        if (e.sentence.length < match.text.length) match.text = e.sentence;
        match.scheduled &&= e.scheduled;
      } else {
        const entry: TimelineEntry = {
          date: e.date, precision: e.precision, time: e.time, kind: e.kind, text: e.sentence, place: e.place,
          participants: [...e.participants], scheduled: e.scheduled, sources: [{ article: article.id, sentence: e.sentence }],
        };
        entries.push(entry);
        bucket.push(entry);
      }
    }
  }
  return entries.sort((a, b) => a.date.localeCompare(b.date) || (a.time ?? '').localeCompare(b.time ?? '') || b.sources.length - a.sources.length);
}

function sameEvent(x: TimelineEntry, e: EventMention): boolean {
  if (x.date !== e.date || KIND_FAMILY[x.kind] !== KIND_FAMILY[e.kind]) return false;
  if (x.place && e.place) return x.place === e.place;
  if (x.participants.length && e.participants.length) return e.participants.some((p) => x.participants.includes(p));
  return true;
}

function groupQuotes(items: ArticleAnalysis[]): SpeakerQuotes[] {
  const groups = new Map<string, SpeakerQuotes>();
  for (const { article, quotes } of items) {
    for (const q of quotes) {
      // A mention that names no one ("it", "who") left unresolved is no speaker of its own; the quote keeps it.
      const named = q.mention !== null && !SPEAKER_PRONOUNS.has(q.mention.toLowerCase()) ? q.mention : null;
      const key = q.speaker?.key ?? `mention:${(named ?? 'unattributed').toLowerCase()}`;
      const group = groups.get(key) ?? { speaker: { key: q.speaker?.key ?? null, name: q.speaker?.name ?? named ?? 'Unattributed', role: q.speaker?.role ?? null }, quotes: [] };
      group.speaker.role ??= q.speaker?.role ?? null;
      group.quotes.push({ text: q.text, kind: q.kind, cue: q.cue, mention: q.mention, confidence: q.confidence ?? null, article: article.id, outlet: article.outlet, date: article.published });
      groups.set(key, group);
    }
  }
  // Named speakers first, most quoted first.
  return [...groups.values()].sort((a, b) => Number(b.speaker.key !== null) - Number(a.speaker.key !== null) || b.quotes.length - a.quotes.length || a.speaker.name.localeCompare(b.speaker.name));
}

/**
 * The who-said-what list without the quotes whose attribution the quote filter judged less likely than `min`
 * (0..1); speakers left with no quote go. Quotes with no figure (speaker labels, standalone quotations,
 * analyses stored before the figure was recorded) stay: nothing says they are weak.
 */
export function quotesAtLeast(groups: SpeakerQuotes[], min: number): SpeakerQuotes[] {
  return groups.flatMap((g) => {
    const quotes = g.quotes.filter((q) => q.confidence === null || q.confidence >= min);
    return quotes.length ? [{ ...g, quotes }] : [];
  });
}

function rankEntities(items: ArticleAnalysis[], type: EntityType): RankedEntity[] {
  type Tally = RankedEntity & { roleVotes: Map<string, number> };
  const byKey = new Map<string, Tally>();
  for (const { entities } of items) {
    for (const e of entities) {
      if (e.type !== type) continue;
      const r: Tally = byKey.get(e.id) ?? { key: e.id, name: e.name, role: null, articles: 0, mentions: 0, aliases: [], roleVotes: new Map() };
      r.articles++;
      r.mentions += e.mentions.length;
      if (e.name.length > r.name.length) r.name = e.name;
      for (const a of e.aliases) if (!r.aliases.includes(a) && a !== r.name) r.aliases.push(a);
      if (e.role) r.roleVotes.set(e.role, (r.roleVotes.get(e.role) ?? 0) + 1);
      byKey.set(e.id, r);
    }
  }
  return [...byKey.values()]
    .map(({ roleVotes, ...r }) => ({ ...r, role: [...roleVotes].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0]?.[0] ?? null }))
    .sort((a, b) => b.articles - a.articles || b.mentions - a.mentions || a.name.localeCompare(b.name));
}

function coverage(items: ArticleAnalysis[]): OutletCoverage[] {
  const by = new Map<string, OutletCoverage>();
  for (const { article, quotes } of items) {
    const name = article.outlet ?? 'Unknown outlet';
    const c: OutletCoverage = by.get(name) ?? { outlet: name, articles: 0, first: null, last: null, speakers: [] };
    c.articles++;
    const d = article.published;
    if (d && (!c.first || d < c.first)) c.first = d;
    if (d && (!c.last || d > c.last)) c.last = d;
    for (const q of quotes) if (q.speaker && !c.speakers.includes(q.speaker.name)) c.speakers.push(q.speaker.name);
    by.set(name, c);
  }
  return [...by.values()].sort((a, b) => b.articles - a.articles || a.outlet.localeCompare(b.outlet));
}
