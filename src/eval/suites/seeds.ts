// Seeds suite: the five seed captures through the whole product (ingest → extract → analyse → cluster → story),
// scored against the hand annotations (extraction, dates, one story, timeline events, attributed quotes).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqliteStore } from '../../storage/sqlite/store.ts';
import { IngestService } from '../../services/ingest.ts';
import { StoryService, type StoryView } from '../../services/stories.ts';
import { round, type EvalResult } from '../metrics.ts';

interface GoldArticle {
  outlet: string | null; title: string | null; language?: string; dateline?: string; section?: string;
  published: { date: string; time?: string; stretch?: boolean };
  body_starts_with: string; body_ends_with: string; body_must_not_contain?: string[];
}
interface Gold {
  reference_now: string;
  story: { all_five_in_one_story: boolean };
  articles: Record<string, GoldArticle>;
  quotes: Array<{ article: string; speaker: string; kind: string; contains: string }>;
  events: Array<{ date: string; must_mention_any: string[]; sources: string[]; stretch?: boolean; what: string }>;
}

const BUNDLED = fileURLToPath(new URL('../../../samples/seeds', import.meta.url));

/** `target` is the gold JSON file or a folder holding seeds-gold.json; captures come from ../seeds beside it, else the bundled copies. */
export async function run(target: string): Promise<EvalResult> {
  const goldPath = statSync(target).isDirectory() ? join(target, 'seeds-gold.json') : target;
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as Gold;
  const besideGold = resolve(dirname(goldPath), '..', 'seeds');
  const seedsDir = existsSync(besideGold) ? besideGold : BUNDLED;
  const now = new Date(gold.reference_now + 'T00:00:00Z');

  const store = SqliteStore.open(':memory:');
  await store.migrate();
  const stories = new StoryService(store);
  const ingest = new IngestService(store, stories);
  const failures: Array<{ id: string; detail: string }> = [];
  const idOf = new Map<string, number>();
  for (const name of Object.keys(gold.articles)) {
    const bytes = readFileSync(join(seedsDir, name));
    const a = await ingest.ingestOne({ input: name, url: null, bytes, contentType: 'text/plain', fetchedAt: now.toISOString() });
    idOf.set(name, a.id);
  }
  await stories.flush();

  // Extraction and dates, per article.
  let extractionChecks = 0, extractionRight = 0, dateChecks = 0, datesRight = 0;
  const check = (ok: boolean, id: string, detail: string) => { extractionChecks++; if (ok) extractionRight++; else failures.push({ id, detail }); };
  for (const [name, g] of Object.entries(gold.articles)) {
    const a = (await store.getArticle(idOf.get(name)!))!;
    const text = a.text.trim();
    check(text.startsWith(g.body_starts_with), name, `body starts '${text.slice(0, 60)}'`);
    check(text.endsWith(g.body_ends_with), name, `body ends '${text.slice(-60)}'`);
    for (const bad of g.body_must_not_contain ?? []) check(!text.includes(bad), name, `body contains '${bad}'`);
    if (g.title !== null) check(a.title === g.title, name, `title '${a.title}'`);
    check(a.outlet === g.outlet, name, `outlet '${a.outlet}'`);
    if (g.dateline) check(a.dateline === g.dateline, name, `dateline '${a.dateline}'`);
    if (g.section) check(a.section === g.section, name, `section '${a.section}'`);
    if (!g.published.stretch) {
      dateChecks++;
      const got = a.published?.value ?? null;
      const ok = got?.slice(0, 10) === g.published.date && (!g.published.time || got?.slice(11, 16) === g.published.time);
      if (ok) datesRight++; else failures.push({ id: name, detail: `published ${got} (gold ${g.published.date} ${g.published.time ?? ''})` });
    }
  }

  // One story for all five.
  const memberships = await Promise.all([...idOf.values()].map((id) => store.getMembership(id)));
  const storyIds = new Set(memberships.map((m) => m?.storyId));
  const oneStory = storyIds.size === 1 && !storyIds.has(undefined) ? 1 : 0;
  if (!oneStory) failures.push({ id: 'story', detail: `seeds fell into ${storyIds.size} stories` });

  // Timeline events and quotes, read from each article's story.
  const views = new Map<number, StoryView>();
  for (const sid of storyIds) if (sid !== undefined) views.set(sid, (await stories.get(sid))!);
  const storyOf = (name: string) => views.get(memberships[[...idOf.keys()].indexOf(name)]!.storyId)!;
  const nameOfId = new Map([...idOf].map(([n, id]) => [id, n]));

  const inTimeline = (e: Gold['events'][number]) => storyOf(e.sources[0]).timeline.some((t) => t.date === e.date
    && e.sources.every((src) => t.sources.some((s) => nameOfId.get(s.article) === src))
    && e.must_mention_any.some((w) => t.sources.some((s) => s.sentence.includes(w)) || t.text.includes(w) || t.place === w));
  const events = gold.events.filter((e) => !e.stretch);
  let eventsRight = 0;
  for (const e of events) {
    if (inTimeline(e)) eventsRight++; else failures.push({ id: `event ${e.date}`, detail: `missing: ${e.what}` });
  }
  // Stretch goals: facts no single capture states, which need the story's other articles (inferred dates).
  const stretchEvents = gold.events.filter((e) => e.stretch);
  let stretchEventsRight = 0;
  for (const e of stretchEvents) {
    if (inTimeline(e)) stretchEventsRight++; else failures.push({ id: `stretch event ${e.date}`, detail: `missing: ${e.what}` });
  }
  const stretchDates = Object.entries(gold.articles).filter(([, g]) => g.published.stretch);
  let stretchDatesRight = 0;
  for (const [name, g] of stretchDates) {
    const got = storyOf(name).articles.find((a) => a.id === idOf.get(name))?.published ?? null;
    if (got?.slice(0, 10) === g.published.date) stretchDatesRight++;
    else failures.push({ id: name, detail: `stretch: published ${got} in its story (gold ${g.published.date})` });
  }

  let quotesRight = 0, kindsRight = 0;
  const norm = (s: string) => s.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').toLowerCase();
  for (const q of gold.quotes) {
    const view = storyOf(q.article);
    const articleId = idOf.get(q.article)!;
    const found = view.whoSaidWhat.flatMap((g) => g.quotes.map((x) => ({ ...x, speaker: g.speaker.name })))
      .filter((x) => x.article === articleId && norm(x.text).includes(norm(q.contains)));
    const right = found.find((x) => x.speaker === q.speaker);
    if (right) {
      quotesRight++;
      if (right.kind === q.kind) kindsRight++;
      else failures.push({ id: `quote kind ${q.article}`, detail: `'${q.contains}' read as ${right.kind} (gold ${q.kind})` });
    }
    else failures.push({ id: `quote ${q.article}`, detail: `'${q.contains}' → ${found.map((x) => x.speaker).join(', ') || 'not found'} (gold ${q.speaker})` });
  }
  await store.close();

  return {
    suite: 'seeds', n: Object.keys(gold.articles).length,
    metrics: {
      extraction: round(extractionRight / extractionChecks), dates: round(dateChecks ? datesRight / dateChecks : 1),
      one_story: oneStory, events: round(events.length ? eventsRight / events.length : 1),
      quotes: round(gold.quotes.length ? quotesRight / gold.quotes.length : 1), quote_kinds: round(gold.quotes.length ? kindsRight / gold.quotes.length : 1),
      stretch_dates: round(stretchDates.length ? stretchDatesRight / stretchDates.length : 1),
      stretch_events: round(stretchEvents.length ? stretchEventsRight / stretchEvents.length : 1),
    },
    failures,
  };
}
