// Story clustering benchmark: feeds a long synthetic news stream (real sentences, synthetic stories) to the online clusterer, saving its state to a SQLite store after every batch, and reports cost per article, per save and per restore as the state grows.
// Run: node --import tsx bench/cluster.ts [--articles N]   (default 100k; prints a markdown report)
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { StoryClusterer, RETIRE_DAYS } from '../src/pipeline/cluster/clusterer.ts';
import { SqliteStore } from '../src/storage/sqlite/store.ts';
import { score } from '../src/eval/suites/stories.ts';
import { EVAL_DIR, fmt, loadNote, mean, pct } from './measure.ts';

const DEFAULT_ARTICLES = 100_000;
/** Where cost is reported: articles stored so far. */
const CHECKPOINTS = [10_000, 50_000, 100_000];
/** Articles timed before each checkpoint. */
const WINDOW = 2_000;
/** Stream length in days: about 200 articles and 17 new stories a day at the default size. */
const STREAM_DAYS = 500;
/** Articles per story: uniform in 1..MAX_STORY_SIZE (mean about 12). */
const MAX_STORY_SIZE = 24;
/** Days over which one story's articles are spread. */
const STORY_DAYS = 4;
/** Body sentences taken from the story's source, and unrelated sentences mixed in as noise. */
const BODY_SENTENCES = 10;
const NOISE_SENTENCES = 2;
/** Articles per ingest batch: the clusterer's changes are saved after each, as `StoryService.flush` does after an ingest run. */
const BATCH = 100;

interface Source { sentences: string[] }
interface Planned { story: number; day: number }

export async function benchCluster(opts: { articles?: number } = {}): Promise<{ markdown: string }> {
  const total = opts.articles ?? DEFAULT_ARTICLES;
  const sources = loadSources();
  const all = sources.flatMap((s) => s.sentences);
  const plan = schedule(total);
  // A file store with WAL, as in production: the state is saved to it after every batch and restored from it.
  const dir = mkdtempSync(join(tmpdir(), 'storyline-bench-cluster-'));
  const path = join(dir, 'store.db');
  const store = SqliteStore.open(path);
  await store.migrate();
  try {
    return await run(total, sources, all, plan, store, path, join(dir, 'whole.db'));
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One save after a batch: wall time of taking the changes (serialising the stories touched) and of writing them. */
interface Flush { takeMs: number; writeMs: number; stories: number; terms: number }

async function run(total: number, sources: Source[], all: string[], plan: Planned[], store: SqliteStore, path: string, wholePath: string): Promise<{ markdown: string }> {
  const clusterer = new StoryClusterer();
  const predicted: number[] = [];
  const times: number[] = [];
  const flushes: Flush[] = [];
  const rows: string[] = [];
  const previous: string[] = [];
  const checkpoints = CHECKPOINTS.filter((c) => c <= total);
  if (!checkpoints.includes(total)) checkpoints.push(total);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  // Saves and checkpoint measurements are left out of the clustering throughput and of the per-article CPU time.
  let extraMs = 0, extraCpuMs = 0;
  /** Where each checkpoint's window starts: process CPU time and the time spent outside it so far. */
  const windows = new Map<number, { cpu: NodeJS.CpuUsage; extraCpuMs: number }>();
  const outside = async <T>(fn: () => Promise<T>): Promise<T> => {
    const t = performance.now(), c = process.cpuUsage();
    try {
      return await fn();
    } finally {
      extraMs += performance.now() - t;
      const cu = process.cpuUsage(c);
      extraCpuMs += (cu.user + cu.system) / 1000;
    }
  };
  for (let i = 0; i < total; i++) {
    const { story, day } = plan[i];
    const article = synthesise(i, sources[story % sources.length], all, day);
    for (const c of checkpoints) if (i === Math.max(0, c - WINDOW)) windows.set(c, { cpu: process.cpuUsage(), extraCpuMs });
    const s = performance.now();
    const a = clusterer.add(article);
    times.push(performance.now() - s);
    predicted.push(a.story);
    // A split moves earlier articles (keyed a<index>) to the new story.
    for (const split of a.splits) for (const key of split.keys) predicted[Number(key.slice(1))] = split.into;
    if ((i + 1) % BATCH === 0 || i + 1 === total) {
      flushes.push(await outside(async () => {
        const s0 = performance.now();
        const changes = clusterer.takeChanges();
        const s1 = performance.now();
        await store.saveClustererRows(changes);
        return { takeMs: s1 - s0, writeMs: performance.now() - s1, stories: changes.stories.length, terms: changes.df.length };
      }));
    }
    if (checkpoints.includes(i + 1)) {
      const start = windows.get(i + 1)!;
      const wc = process.cpuUsage(start.cpu);
      const cpuUs = (wc.user + wc.system - (extraCpuMs - start.extraCpuMs) * 1000) / Math.min(WINDOW, i + 1);
      await outside(async () => {
        const window = times.slice(-WINDOW);
        const batches = flushes.slice(-Math.ceil(Math.min(WINDOW, i + 1) / BATCH));
        const flushMs = batches.map((f) => f.takeMs + f.writeMs);
        const st = clusterer.stats();
        const restore = await restoreFrom(path, clusterer);
        const old = await wholeState(wholePath, clusterer);
        rows.push(`| ${fmt(i + 1)} | ${fmt(cpuUs)} | ${fmt(mean(window) * 1000)} | ${fmt(pct(window, 0.95) * 1000)} | ${fmt(st.stories)} | ${fmt(st.live)} | ${fmt(st.indexedTerms)} | ${fmt(st.vocabulary)} | ` +
          `${fmt(mean(flushMs), 1)} (${fmt(pct(flushMs, 0.95), 1)}) | ${fmt(mean(batches.map((f) => f.writeMs)), 1)} | ${fmt(mean(batches.map((f) => f.stories)))} + ${fmt(mean(batches.map((f) => f.terms)))} | ` +
          `${fmt(restore.stories)} + ${fmt(restore.terms)} (${fmt(restore.mb, 1)} MB) | ${fmt(restore.readMs + restore.rebuildMs)} (${fmt(restore.readMs)} + ${fmt(restore.rebuildMs)}) |`);
        previous.push(`| ${fmt(i + 1)} | ${fmt(old.mb, 1)} | ${fmt(old.saveMs)} | ${fmt(old.restoreMs)} |`);
      });
    }
  }
  const wallS = (performance.now() - t0 - extraMs) / 1000;
  const cu = process.cpuUsage(cpu0);
  const cpuS = ((cu.user + cu.system) / 1000 - extraCpuMs) / 1000;
  const gold = plan.map((p) => String(p.story));
  const s = score(predicted.map((p, i) => ({ gold: gold[i], pred: clusterer.resolve(p) })));
  const p = s.bp / s.n, r = s.br / s.n;
  const flushMs = flushes.map((f) => f.takeMs + f.writeMs);
  const lines = [
    `## Story clustering: ${fmt(total)} articles`,
    '',
    `Synthetic stream: ${fmt(new Set(gold).size)} stories over ${STREAM_DAYS} days, each article ${BODY_SENTENCES} sentences of its story's source text`,
    `(a CoNLL-2003 or PolNeAR training document, ${fmt(sources.length)} in all, each reused by stories months apart) plus ${NOISE_SENTENCES} unrelated ones; fed in date order.`,
    '',
    `Throughput: ${fmt(total / wallS)} articles/s wall-clock (${fmt(wallS, 1)} s), ${fmt(total / cpuS)} articles/s of CPU time (${fmt(cpuS, 1)} s), including feature extraction and building the synthetic articles, not the saves.`,
    `Stories are retired ${RETIRE_DAYS} days after their last article.`,
    `Synthetic BCubed: precision ${p.toFixed(3)}, recall ${r.toFixed(3)}, F1 ${((2 * p * r) / (p + r)).toFixed(3)}.`,
    '',
    `The state is saved to a SQLite file store (WAL) after every batch of ${fmt(BATCH)} articles, as rows (\`Store.saveClustererRows\`): the header, the stories the batch touched and the document frequencies it changed. ` +
      `${fmt(flushes.length)} saves took ${fmt(flushMs.reduce((x, y) => x + y, 0) / 1000, 1)} s in all (mean ${fmt(mean(flushMs), 1)} ms, p95 ${fmt(pct(flushMs, 0.95), 1)} ms, max ${fmt(Math.max(...flushMs), 1)} ms).`,
    `Restore: a new connection reads all rows (\`Store.loadClustererRows\`) and rebuilds the clusterer (\`StoryClusterer.fromRows\`); each restored state was checked equal to the live one.`,
    '',
    `Cost per article over the ${fmt(WINDOW)} articles before each mark: CPU time (whole process, article synthesis included, saves left out) and wall-clock time of \`add\`; ` +
      `save per batch over the same window (wall ms, mean and p95, of which the SQL write), with the rows written (stories + terms).`,
    '',
    '| stored articles | CPU µs/article | wall µs/article | wall p95 µs | stories | live stories | indexed terms | vocabulary | save ms/batch (p95) | of which write ms | rows/batch: stories + terms | saved rows: stories + terms | restore ms (read + rebuild) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    'For comparison, the previous layout measured on the same states: the whole state as one JSON value (`toJSON`), saved with `Store.saveState` after every batch and read back with `loadState` and `fromJSON`.',
    '',
    '| stored articles | state JSON MB | whole save ms | whole restore ms |',
    '|---:|---:|---:|---:|',
    ...previous,
    '',
    `Load average during the run: ${loadNote()} (2 shared cores: wall-clock figures move with other work on the machine).`,
  ];
  return { markdown: lines.join('\n') };
}

/** Reads the saved rows through a new connection and rebuilds the clusterer; throws unless it equals the live one. */
async function restoreFrom(path: string, live: StoryClusterer): Promise<{ readMs: number; rebuildMs: number; stories: number; terms: number; mb: number }> {
  const reader = SqliteStore.open(path);
  try {
    const t0 = performance.now();
    const rows = await reader.loadClustererRows();
    const t1 = performance.now();
    if (!rows) throw new Error('no clusterer rows were saved');
    const restored = StoryClusterer.fromRows(rows);
    const t2 = performance.now();
    if (JSON.stringify(restored.toJSON()) !== JSON.stringify(live.toJSON())) throw new Error(`the clusterer restored from rows differs from the live one after ${live.stats().articles} articles`);
    let chars = rows.header.length;
    for (const s of rows.stories) chars += s.state.length;
    for (const [t] of rows.df) chars += t.length + 4;
    return { readMs: t1 - t0, rebuildMs: t2 - t1, stories: rows.stories.length, terms: rows.df.length, mb: chars / 1e6 };
  } finally {
    await reader.close();
  }
}

/**
 * The previous layout on the same state, in a file store of its own: one JSON value written with saveState over
 * the one saved before, read back through a new connection with loadState and fromJSON.
 */
async function wholeState(path: string, live: StoryClusterer): Promise<{ mb: number; saveMs: number; restoreMs: number }> {
  const writer = SqliteStore.open(path);
  let json: string, saveMs: number;
  try {
    await writer.migrate();
    const t0 = performance.now();
    json = JSON.stringify(live.toJSON());
    await writer.saveState('clusterer', json);
    saveMs = performance.now() - t0;
  } finally {
    await writer.close();
  }
  const reader = SqliteStore.open(path);
  try {
    const t0 = performance.now();
    StoryClusterer.fromJSON(JSON.parse((await reader.loadState('clusterer'))!));
    return { mb: json.length / 1e6, saveMs, restoreMs: performance.now() - t0 };
  } finally {
    await reader.close();
  }
}

/**
 * Story and day of each article, in date order (stable), so the stream looks like a day-by-day ingest. Stories
 * start at a steady rate; story k draws on source k mod the number of sources, so a source comes back only
 * months later, after the story that used it before has been retired.
 */
function schedule(total: number): Planned[] {
  const rand = mulberry32(20240611);
  const storiesPerDay = total / ((MAX_STORY_SIZE + 1) / 2) / STREAM_DAYS;
  const out: Planned[] = [];
  for (let story = 0; out.length < total; story++) {
    const start = Math.floor(story / storiesPerDay);
    const size = 1 + Math.floor(rand() * MAX_STORY_SIZE);
    for (let k = 0; k < size && out.length < total; k++) out.push({ story, day: start + Math.floor(rand() * STORY_DAYS) });
  }
  return out.map((p, i) => ({ p, i })).sort((a, b) => a.p.day - b.p.day || a.i - b.i).map(({ p }) => p);
}

function synthesise(i: number, source: Source, all: string[], day: number) {
  const rand = mulberry32(i + 1);
  const pick = (xs: string[]) => xs[Math.floor(rand() * xs.length)];
  const body: string[] = [];
  for (let k = 0; k < BODY_SENTENCES; k++) body.push(pick(source.sentences));
  for (let k = 0; k < NOISE_SENTENCES; k++) body.splice(Math.floor(rand() * body.length), 0, pick(all));
  const date = new Date(Date.UTC(2020, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
  return { key: `a${i}`, title: pick(source.sentences), text: body.join(' '), language: 'en', date };
}

/** Training documents split into sentences: PolNeAR train articles and CoNLL-2003 train documents. */
function loadSources(): Source[] {
  if (!existsSync(EVAL_DIR)) throw new Error(`evaluation data not found at ${EVAL_DIR}`);
  const texts: string[] = [];
  const quotes = join(EVAL_DIR, 'quotes-train', 'text');
  if (existsSync(quotes)) for (const f of readdirSync(quotes).sort()) if (f.endsWith('.txt')) texts.push(readFileSync(join(quotes, f), 'utf8'));
  const conll = join(EVAL_DIR, 'ner-train', 'conll2003-train.txt');
  if (existsSync(conll)) {
    let words: string[] = [];
    for (const line of readFileSync(conll, 'utf8').split('\n')) {
      if (line.startsWith('-DOCSTART-')) { if (words.length) texts.push(words.join(' ')); words = []; continue; }
      const w = line.split(' ')[0];
      if (w) words.push(w);
    }
    if (words.length) texts.push(words.join(' '));
  }
  const out: Source[] = [];
  for (const t of texts) {
    const sentences = t.replace(/\s+/g, ' ').split(/(?<=[.!?]["”’]?)\s+(?=["“‘]?[A-Z])/).map((s) => s.trim()).filter((s) => s.length >= 40 && s.length <= 400);
    if (sentences.length >= 5) out.push({ sentences });
  }
  if (out.length < 100) throw new Error(`too few source documents in ${EVAL_DIR} (${out.length})`);
  return out;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const i = process.argv.indexOf('--articles');
  const articles = i > 0 ? Number(process.argv[i + 1]) : undefined;
  if (articles !== undefined && !(Number.isInteger(articles) && articles > 0)) {
    process.stderr.write('usage: node --import tsx bench/cluster.ts [--articles N]\n');
    process.exit(2);
  }
  const { markdown } = await benchCluster({ articles });
  process.stdout.write(markdown + '\n');
}
