// `storyline stories` and `storyline story <id>`: stories with their articles, timeline, who said what and coverage.
import type { App } from '../app.ts';
import type { StoryView } from '../services/stories.ts';
import { quotesAtLeast } from '../pipeline/story/assemble.ts';
import { EXIT_OK, EXIT_SOME_FAILED, openApp, parse, parseId, printJson, shareFlag, type Io } from './common.ts';

export const help = 'stories [--lang xx] [--outlet X] [--limit N] [--offset N] [--json]   stories, most recently active first';
export const helpOne = 'story <id> [--min-confidence 0..1] [--json]   one story: timeline, who said what, people, places, coverage';

export async function run(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, { lang: { type: 'string' }, outlet: { type: 'string' }, limit: { type: 'string' }, offset: { type: 'string' } });
  const app = await openApp(io, values.db);
  try {
    const rows = await app.stories.list({
      language: values.lang, outlet: values.outlet,
      limit: values.limit ? parseId(values.limit, '--limit') : 100, offset: values.offset ? Number(values.offset) || 0 : 0,
    });
    const out = await Promise.all(rows.map(async (r) => ({
      id: r.id, title: r.title,
      articles: (await app.store.storyMembers(r.id)).map((m) => m.articleId),
      outlets: r.outlets, languages: r.languages, first: r.first, last: r.last,
    })));
    if (values.json) printJson(io, out);
    else for (const s of out) io.stdout(`${s.id}\t${s.first ?? '?'} … ${s.last ?? '?'}\t${s.articles.length} articles\t${s.outlets.join(', ')}\t${s.title ?? '(untitled)'}\n`);
    return EXIT_OK;
  } finally {
    await app.close();
  }
}

export async function runOne(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { 'min-confidence': { type: 'string' } });
  const id = parseId(positionals[0], 'story id');
  const min = shareFlag(values['min-confidence'], 'min-confidence');
  const app = await openApp(io, values.db);
  try {
    const story = await app.stories.get(id);
    if (!story) {
      io.stderr(`error: story ${id}: not found\n`);
      return EXIT_SOME_FAILED;
    }
    const json = storyJson(min === undefined ? story : { ...story, whoSaidWhat: quotesAtLeast(story.whoSaidWhat, min) });
    if (values.json) printJson(io, json);
    else printStory(io, app, json);
    return EXIT_OK;
  } finally {
    await app.close();
  }
}

/** The documented JSON shape of a story. */
export function storyJson(s: StoryView) {
  return {
    id: s.id, title: s.title, first: s.first, last: s.last, outlets: s.outlets,
    articles: s.articles.map((a) => ({
      id: a.id, title: a.title, outlet: a.outlet, published: a.published, published_inferred: a.publishedInferred,
      language: a.language, duplicate_of: a.duplicateOf, score: Math.round(a.score * 1000) / 1000, reasons: a.reasons,
    })),
    timeline: s.timeline.map((t) => ({
      date: t.date, precision: t.precision, time: t.time, kind: t.kind, text: t.text, place: t.place,
      participants: t.participants, scheduled: t.scheduled, sources: t.sources,
    })),
    quotes: s.whoSaidWhat.flatMap((g) => g.quotes.map((q) => ({
      speaker: { name: g.speaker.name, role: g.speaker.role, key: g.speaker.key, mention: q.mention },
      text: q.text, kind: q.kind, cue: q.cue, confidence: q.confidence, article: q.article, outlet: q.outlet, date: q.date,
    }))),
    people: s.people, organizations: s.organizations, places: s.places, coverage: s.coverage,
  };
}

function printStory(io: Io, _app: App, s: ReturnType<typeof storyJson>): void {
  io.stdout(`${s.title ?? '(untitled)'}\n${s.first ?? '?'} … ${s.last ?? '?'} · ${s.articles.length} articles · ${s.outlets.join(', ')}\n\nTimeline\n`);
  for (const t of s.timeline) io.stdout(`  ${t.date}${t.scheduled ? ' (scheduled)' : ''}  ${t.kind}${t.place ? ' · ' + t.place : ''}  [${t.sources.map((x) => x.article).join(', ')}]\n    ${t.text}\n`);
  io.stdout('\nWho said what\n');
  for (const q of s.quotes) io.stdout(`  ${q.speaker.name}${q.speaker.role ? ` (${q.speaker.role})` : ''} [${q.kind}, article ${q.article}]: ${q.text.slice(0, 160)}\n`);
  io.stdout(`\nPeople: ${s.people.slice(0, 10).map((p) => p.name).join(', ')}\nPlaces: ${s.places.slice(0, 10).map((p) => p.name).join(', ')}\n`);
}
