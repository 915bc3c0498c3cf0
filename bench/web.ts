// Web benchmark: autocannon over loopback against the story page and search, on a synthesised 100k-article store
// with one 1,000-article story; also times the story assembly (StoryService.get) step by step.
// Run: node --import tsx bench/web.ts [--articles N] [--story N] [--seconds S]   (prints a markdown report)
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import { createApp, type App } from '../src/app.ts';
import { loadConfig } from '../src/config/options.ts';
import type { Article } from '../src/domain/article.ts';
import type { ArticleUnderstanding } from '../src/pipeline/run.ts';
import { assembleStory, type ArticleAnalysis } from '../src/pipeline/story/assemble.ts';
import { inferDates } from '../src/pipeline/story/infer-date.ts';
import { indexOf } from '../src/services/stories.ts';
import type { NewArticle, Store } from '../src/storage/store.ts';
import { SqliteStore } from '../src/storage/sqlite/store.ts';
import { buildServer } from '../src/web/server.ts';
import { STORY_CACHE_SIZE } from '../src/web/site-data.ts';

const DEFAULT_ARTICLES = 100_000;
const DEFAULT_STORY = 1_000;
/** Articles per transaction while building, as a bulk ingest would commit. */
const BATCH = 10_000;
/** Articles per story outside the big one. */
const SMALL_STORY = 10;
const BODY_WORDS = 250;
/** Seconds of load per autocannon run. */
const DEFAULT_SECONDS = 10;
/** Concurrent connections: 1 measures server time without queueing; 10 measures throughput on 2 cores. */
const CONNECTIONS = [1, 10];
/** Timed StoryService.get calls (each assembles the whole story; no cache on that path). */
const ASSEMBLY_RUNS = 3;
/** What the story page is held to: p95 server time for the 1,000-article story. */
export const STORY_TARGET_P95_MS = 100;

const OUTLETS = Array.from({ length: 40 }, (_, i) => `Outlet ${String(i + 1).padStart(2, '0')}`);
const LANGUAGES = ['en', 'en', 'en', 'en', 'ru', 'ar', 'fa', 'tr'];
/** Common news words mixed into generated text so that searches match realistic shares of the corpus. */
const TOPIC_WORDS = ['security', 'talks', 'minister', 'agreement', 'sanctions', 'election', 'border', 'summit', 'economy', 'ceasefire', 'parliament', 'protest'];
const SEARCHES = ['security talks', 'sanctions', '"border summit"', 'minist*', 'ceasefire OR protest'];
const KINDS = ['meeting', 'statement', 'publication', 'discussion', 'visit'] as const;

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A vocabulary of pronounceable made-up words, Zipf-like when drawn with `word()`. */
function vocabulary(rand: () => number, n = 5000): string[] {
  const syl = ['ka', 'lo', 'mi', 'ren', 'tas', 'vo', 'dri', 'nel', 'su', 'par', 'ost', 'vin', 'gra', 'bel', 'tor'];
  return Array.from({ length: n }, () => Array.from({ length: 2 + Math.floor(rand() * 2) }, () => syl[Math.floor(rand() * syl.length)]).join(''));
}

const PEOPLE = Array.from({ length: 120 }, (_, i) => `Person${String.fromCharCode(65 + (i % 26))}${i} Name${i}`);

interface Synth { article: NewArticle; analysis: ArticleUnderstanding | null }

function synthesise(i: number, rand: () => number, vocab: string[], inStory: boolean, storyDay: number): Synth {
  const word = () => (rand() < 0.04 ? TOPIC_WORDS[Math.floor(rand() * TOPIC_WORDS.length)] : vocab[Math.floor(vocab.length * rand() ** 2)]);
  const sentences: string[] = [];
  let words = 0;
  while (words < BODY_WORDS) {
    const n = 8 + Math.floor(rand() * 16);
    const w = Array.from({ length: n }, word);
    sentences.push(`${w[0][0].toUpperCase()}${w[0].slice(1)} ${w.slice(1).join(' ')}.`);
    words += n;
  }
  const speaker = PEOPLE[Math.floor(PEOPLE.length * rand() ** 2)];
  const quoteText = sentences[1].slice(0, -1);
  sentences[1] = `"${quoteText}," ${speaker} said.`;
  const text = [sentences.slice(0, 4).join(' '), sentences.slice(4, 8).join(' '), sentences.slice(8).join(' ')].join('\n\n');
  const dayNumber = inStory ? storyDay + Math.floor(rand() * 90) : Math.floor(Date.UTC(2015, 0, 1) / 86_400_000) + Math.floor(rand() * 3650);
  const day = new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
  const article: NewArticle = {
    title: Array.from({ length: 6 + Math.floor(rand() * 6) }, word).join(' '), standfirst: null, byline: null, section: null,
    outlet: OUTLETS[Math.min(OUTLETS.length - 1, Math.floor(OUTLETS.length * rand() ** 2.5))], outletSource: 'og:site_name', dateline: null,
    language: LANGUAGES[Math.floor(rand() * LANGUAGES.length)],
    published: { value: day, source: 'meta', confidence: 0.9, detail: 'article:published_time' }, text, format: 'html',
    input: `bench/${i}.html`, url: `https://example.org/${i}`, canonicalUrl: `https://example.org/${i}`,
    contentHash: createHash('sha256').update(text).digest('hex'), simhash: createHash('md5').update(String(i)).digest('hex').slice(0, 16),
    duplicateOf: null, duplicateReason: null, fetchedAt: '2024-04-01T00:00:00.000Z',
  };
  if (!inStory) return { article, analysis: null };
  // A story article's analysis: a few people and places, the quote above, and dated events within the story's span.
  const start = text.indexOf(quoteText);
  const people = [speaker, ...Array.from({ length: 3 }, () => PEOPLE[Math.floor(PEOPLE.length * rand() ** 2)])];
  const entities = [...new Set(people)].map((name) => ({
    id: `PER:${name.toLowerCase()}`, type: 'PER' as const, name, aliases: [], role: 'Minister', affiliation: null, gender: null, mentions: [{ start: 0, end: 1, text: name }],
  }));
  const events = Array.from({ length: 3 }, () => {
    const d = new Date((storyDay + Math.floor(rand() * 90)) * 86_400_000).toISOString().slice(0, 10);
    const s = sentences[2 + Math.floor(rand() * 5)];
    return {
      date: d, precision: 'day' as const, time: null, kind: KINDS[Math.floor(rand() * KINDS.length)], trigger: 'met',
      place: `City${Math.floor(rand() * 8)}`, participants: [people[Math.floor(rand() * people.length)]], sentence: s,
      start: text.indexOf(s), end: text.indexOf(s) + s.length, timex: 'on Monday', scheduled: false,
    };
  });
  const quotes = [{
    text: quoteText, kind: 'direct' as const, cue: 'said', mention: speaker, start, end: start + quoteText.length,
    speaker: { key: `PER:${speaker.toLowerCase()}`, name: speaker, role: 'Minister', type: 'PER' as const },
  }];
  return { article, analysis: { entities, quotes, events } };
}

async function build(path: string, total: number, storySize: number): Promise<{ seconds: number; searchWord: string }> {
  const store = SqliteStore.open(path);
  await store.migrate();
  const rand = mulberry32(20240501);
  const vocab = vocabulary(rand);
  const storyDay = Math.floor(Date.UTC(2022, 0, 1) / 86_400_000);
  // The big story's articles are spread through the corpus, as they would arrive among others.
  const every = Math.max(1, Math.floor(total / storySize));
  const t0 = performance.now();
  let smallStory = 2;
  let inSmall = 0;
  const rows = new Map<number, { ids: number[]; outlets: Set<string>; dates: string[]; title: string | null }>();
  for (let done = 0; done < total; done += BATCH) {
    const n = Math.min(BATCH, total - done);
    await store.transaction(async () => {
      for (let k = 0; k < n; k++) {
        const i = done + k;
        const inStory = i % every === 0 && i / every < storySize;
        const s = synthesise(i, rand, vocab, inStory, storyDay);
        const bytes = Buffer.from(s.article.text);
        const { id: rawId } = await store.saveRaw({ input: s.article.input, url: s.article.url, bytes, contentType: 'text/html', fetchedAt: s.article.fetchedAt },
          createHash('sha256').update(bytes).digest('hex'));
        const { article } = await store.insertArticle(rawId, s.article);
        let storyId: number;
        if (inStory) storyId = 1;
        else {
          if (inSmall === SMALL_STORY) { smallStory++; inSmall = 0; }
          storyId = smallStory;
          inSmall++;
        }
        if (s.analysis) await store.saveAnalysis(article.id, s.analysis, indexOf(s.analysis));
        await store.setMembership({ articleId: article.id, storyId, score: 0.5, reasons: ['bench'] });
        const r = rows.get(storyId) ?? { ids: [], outlets: new Set<string>(), dates: [], title: article.title };
        r.ids.push(article.id);
        if (article.outlet) r.outlets.add(article.outlet);
        if (article.published) r.dates.push(article.published.value);
        rows.set(storyId, r);
      }
    });
  }
  await store.transaction(async () => {
    for (const [id, r] of rows) {
      r.dates.sort();
      await store.upsertStory({
        id, title: r.title, articleCount: r.ids.length, outlets: [...r.outlets].sort(), languages: ['en'],
        first: r.dates[0] ?? null, last: r.dates[r.dates.length - 1] ?? null, updatedAt: '2024-04-01T00:00:00.000Z',
      });
    }
  });
  await store.close();
  return { seconds: (performance.now() - t0) / 1000, searchWord: TOPIC_WORDS[0] };
}

/** StoryService.get's steps, timed one by one with the same store calls and pipeline functions it makes. */
async function assemblySteps(store: Store, id: number): Promise<Array<[string, number]>> {
  const steps: Array<[string, number]> = [];
  let t = performance.now();
  const lap = (name: string) => { const now = performance.now(); steps.push([name, now - t]); t = now; };
  await store.getStory(id);
  const members = await store.storyMembers(id);
  lap('getStory + storyMembers');
  const articles = (await Promise.all(members.map((m) => store.getArticle(m.articleId)))).filter((a): a is Article => a !== null);
  lap(`getArticle × ${articles.length}`);
  const analyses = await store.getAnalyses(articles.map((a) => a.id));
  lap('getAnalyses (JSON parse)');
  let items: ArticleAnalysis[] = articles.map((a) => ({
    article: { id: a.id, title: a.title, outlet: a.outlet, published: a.published?.value ?? null, publishedInferred: false, duplicateOf: a.duplicateOf },
    ...((analyses.get(a.id) as ArticleUnderstanding | undefined) ?? { entities: [], quotes: [], events: [] }),
  }));
  items = inferDates(items, (x) => articles.find((a) => a.id === x)!.text);
  lap('inferDates');
  assembleStory(items);
  lap('assembleStory (timeline merge, quotes, entities, coverage)');
  return steps;
}

/** The part of autocannon's API this bench uses (the package ships no types). */
interface LoadResult { requests: { average: number; total: number }; errors: number; non2xx: number }
interface LoadInstance { on(event: 'response', fn: (client: unknown, status: number, bytes: number, ms: number) => void): void }
const autocannon = createRequire(import.meta.url)('autocannon') as
  (o: { url: string; connections: number; duration: number; pipelining: number }, done: (err: Error | null, r: LoadResult) => void) => LoadInstance;

function pct(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : NaN;
}

/** Latency percentiles from every response's time (autocannon's own summary has p97.5 but no p95). */
async function load(url: string, connections: number, seconds: number) {
  const times: number[] = [];
  const r = await new Promise<LoadResult>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: seconds, pipelining: 1 }, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on('response', (_c, _s, _b, ms) => times.push(ms));
  });
  times.sort((a, b) => a - b);
  return { p50: pct(times, 0.5), p95: pct(times, 0.95), p99: pct(times, 0.99), rps: r.requests.average, errors: r.errors + r.non2xx };
}

export async function benchWeb(opts: { articles?: number; story?: number; seconds?: number } = {}): Promise<{ markdown: string }> {
  const total = opts.articles ?? DEFAULT_ARTICLES;
  const storySize = Math.min(opts.story ?? DEFAULT_STORY, total);
  const seconds = opts.seconds ?? DEFAULT_SECONDS;
  const dir = mkdtempSync(join(tmpdir(), 'storyline-bench-web-'));
  const path = join(dir, 'web.db');
  let app: App | null = null;
  try {
    const built = await build(path, total, storySize);
    app = await createApp(loadConfig({}, { db: path, databaseUrl: '' }));

    const assembly: number[] = [];
    for (let r = 0; r < ASSEMBLY_RUNS; r++) {
      const t = performance.now();
      await app.stories.get(1);
      assembly.push(performance.now() - t);
    }
    const steps = await assemblySteps(app.store, 1);

    // The store's own share of a search page: the same queries straight through Store.search.
    const storeSearch: string[] = [];
    for (const [q, sort] of [[SEARCHES[0], 'relevance'], [SEARCHES[1], 'date']] as const) {
      const times: number[] = [];
      for (let r = 0; r < 11; r++) {
        const t = performance.now();
        await app.store.search(q, { sort, limit: 21 });
        if (r > 0) times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      storeSearch.push(`"${q}" (${sort}) p50 ${pct(times, 0.5).toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms`);
    }

    const server = buildServer(app, {});
    const base = await server.listen({ port: 0, host: '127.0.0.1' });
    const targets: Array<[string, string]> = [
      [`story page, ${storySize}-article story`, `${base}/stories/1`],
      ['story page, 10-article story', `${base}/stories/2`],
      [`search "${SEARCHES[0]}"`, `${base}/search?q=${encodeURIComponent(SEARCHES[0])}`],
      [`search "${SEARCHES[1]}", sort by date`, `${base}/search?q=${encodeURIComponent(SEARCHES[1])}&sort=date`],
      ['home', `${base}/`],
      ['API story (JSON)', `${base}/api/v1/stories/1`],
    ];
    // The first request of a story assembles it and fills the page cache; the runs measure pages as readers get them.
    const firstPage = performance.now();
    await fetch(`${base}/stories/1`).then((r) => r.text());
    const firstMs = performance.now() - firstPage;
    const pageBytes = (await fetch(`${base}/stories/1`).then((r) => r.text())).length;
    const rows: string[] = [];
    let storyP95 = Infinity;
    for (const [name, url] of targets) {
      for (const c of CONNECTIONS) {
        const m = await load(url, c, seconds);
        if (c === 1 && name.startsWith('story page') && name.includes(String(storySize))) storyP95 = m.p95;
        rows.push(`| ${name} | ${c} | ${m.p50.toFixed(1)} | ${m.p95.toFixed(1)} | ${m.p99.toFixed(1)} | ${Math.round(m.rps)} | ${m.errors} |`);
      }
    }
    await server.close();

    const n = (x: number) => Math.round(x).toLocaleString('en');
    const sorted = [...assembly].sort((a, b) => a - b);
    const lines = [
      `### Web benchmark (${n(total)} articles, one ${n(storySize)}-article story, autocannon over loopback)`,
      '',
      `Build: ${n(total)} synthetic articles (~${BODY_WORDS} words) through the Store interface with memberships, story rows and ` +
        `analyses for the big story, in ${built.seconds.toFixed(0)} s. Load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores.`,
      '',
      `Story assembly, \`StoryService.get(1)\` (no cache on that path): ${sorted.map((x) => x.toFixed(0)).join(', ')} ms over ${ASSEMBLY_RUNS} runs. ` +
        `Where the time goes (one run): ${steps.map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join('; ')}.`,
      '',
      `The web layer keeps the last ${STORY_CACHE_SIZE} assembled stories, keyed by the story row's \`updatedAt\`: the first request of the ` +
        `${n(storySize)}-article story took ${firstMs.toFixed(0)} ms (assembly plus render); later ones render from the cached view. Page size ${n(pageBytes / 1024)} KiB.`,
      '',
      `Store.search alone, top 21 with snippets, 10 runs after a warm-up: ${storeSearch.join('; ')}.`,
      '',
      `| page | connections | p50 ms | p95 ms | p99 ms | requests/s | errors |`,
      '|---|---|---|---|---|---|---|',
      ...rows,
      '',
      `Target: story page p95 < ${STORY_TARGET_P95_MS} ms with one connection (server time over loopback): ` +
        `${storyP95 < STORY_TARGET_P95_MS ? 'met' : 'not met'} (${storyP95.toFixed(1)} ms).`,
      `Command: \`node --import tsx bench/web.ts${total === DEFAULT_ARTICLES ? '' : ` --articles ${total}`}${storySize === DEFAULT_STORY ? '' : ` --story ${storySize}`}\``,
    ];
    return { markdown: lines.join('\n') };
  } finally {
    await app?.close();
    if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
    else process.stderr.write(`kept ${path}\n`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { articles: { type: 'string' }, story: { type: 'string' }, seconds: { type: 'string' } } });
  const num = (v: string | undefined) => (v ? Number(v) : undefined);
  const { markdown } = await benchWeb({ articles: num(values.articles), story: num(values.story), seconds: num(values.seconds) });
  process.stdout.write(markdown + '\n');
}
