// Story clustering benchmark: feeds a long synthetic news stream (real sentences, synthetic stories) to the online clusterer and reports cost per article as the stored state grows.
// Run: node --import tsx bench/cluster.ts [--articles N]   (default 100k; prints a markdown report)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { StoryClusterer, RETIRE_DAYS } from '../src/pipeline/cluster/clusterer.ts';
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

interface Source { sentences: string[] }
interface Planned { story: number; day: number }

export async function benchCluster(opts: { articles?: number } = {}): Promise<{ markdown: string }> {
  const total = opts.articles ?? DEFAULT_ARTICLES;
  const sources = loadSources();
  const all = sources.flatMap((s) => s.sentences);
  const plan = schedule(total);
  const clusterer = new StoryClusterer();
  const predicted: number[] = [];
  const times: number[] = [];
  const rows: string[] = [];
  const checkpoints = CHECKPOINTS.filter((c) => c <= total);
  if (!checkpoints.includes(total)) checkpoints.push(total);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let extraMs = 0, extraCpuMs = 0;
  let windowCpu = process.cpuUsage();
  for (let i = 0; i < total; i++) {
    const { story, day } = plan[i];
    const article = synthesise(i, sources[story % sources.length], all, day);
    if (checkpoints.includes(i + 1 + WINDOW)) windowCpu = process.cpuUsage();
    const s = performance.now();
    const a = clusterer.add(article);
    times.push(performance.now() - s);
    predicted.push(a.story);
    // A split moves earlier articles (keyed a<index>) to the new story.
    for (const split of a.splits) for (const key of split.keys) predicted[Number(key.slice(1))] = split.into;
    if (checkpoints.includes(i + 1)) {
      const wc = process.cpuUsage(windowCpu);
      const cpuUs = (wc.user + wc.system) / Math.min(WINDOW, i + 1);
      const t = performance.now();
      const c = process.cpuUsage();
      const window = times.slice(-WINDOW);
      const st = clusterer.stats();
      const json = JSON.stringify(clusterer.toJSON());
      const s1 = performance.now();
      StoryClusterer.fromJSON(JSON.parse(json));
      const restoreMs = performance.now() - s1;
      rows.push(`| ${fmt(i + 1)} | ${fmt(cpuUs)} | ${fmt(mean(window) * 1000)} | ${fmt(pct(window, 0.95) * 1000)} | ${fmt(st.stories)} | ${fmt(st.live)} | ${fmt(st.indexedTerms)} | ${fmt(st.vocabulary)} | ${fmt(json.length / 1e6, 1)} | ${fmt(restoreMs)} |`);
      extraMs += performance.now() - t;
      const cu = process.cpuUsage(c);
      extraCpuMs += (cu.user + cu.system) / 1000;
    }
  }
  const wallS = (performance.now() - t0 - extraMs) / 1000;
  const cu = process.cpuUsage(cpu0);
  const cpuS = ((cu.user + cu.system) / 1000 - extraCpuMs) / 1000;
  const gold = plan.map((p) => String(p.story));
  const s = score(predicted.map((p, i) => ({ gold: gold[i], pred: clusterer.resolve(p) })));
  const p = s.bp / s.n, r = s.br / s.n;
  const lines = [
    `## Story clustering: ${fmt(total)} articles`,
    '',
    `Synthetic stream: ${fmt(new Set(gold).size)} stories over ${STREAM_DAYS} days, each article ${BODY_SENTENCES} sentences of its story's source text`,
    `(a CoNLL-2003 or PolNeAR training document, ${fmt(sources.length)} in all, each reused by stories months apart) plus ${NOISE_SENTENCES} unrelated ones; fed in date order.`,
    '',
    `Throughput: ${fmt(total / wallS)} articles/s wall-clock (${fmt(wallS, 1)} s), ${fmt(total / cpuS)} articles/s of CPU time (${fmt(cpuS, 1)} s), including feature extraction and building the synthetic articles.`,
    `Stories are retired ${RETIRE_DAYS} days after their last article.`,
    `Synthetic BCubed: precision ${p.toFixed(3)}, recall ${r.toFixed(3)}, F1 ${((2 * p * r) / (p + r)).toFixed(3)}.`,
    '',
    `Cost per article over the ${fmt(WINDOW)} articles before each mark: CPU time (whole process, article synthesis included) and wall-clock time of \`add\`.`,
    '',
    '| stored articles | CPU µs/article | wall µs/article | wall p95 µs | stories | live stories | indexed terms | vocabulary | state JSON MB | restore ms |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    `Load average during the run: ${loadNote()} (2 shared cores: wall-clock figures move with other work on the machine).`,
  ];
  return { markdown: lines.join('\n') };
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
