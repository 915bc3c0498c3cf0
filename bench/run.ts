// The benchmark runner (`npm run bench`): runs each benchmark module in its own process and writes docs/benchmarks.md.
// Run: node --import tsx bench/run.ts [--only name,name]
//
// Each module exports `async function benchX(): Promise<{ markdown: string }>`. A module that is missing or
// throws is reported in the output and the document, never skipped in silence. Sections not run this time are
// kept from the previous document with the date they were measured, so `--only` never erases other figures.
import { fork } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ROOT } from './measure.ts';

interface Benchmark {
  name: string;
  title: string;
  /** Module file under bench/ and the function it exports. */
  file: string;
  fn: string;
}

/** Every benchmark, in the order of the document. */
export const BENCHMARKS: readonly Benchmark[] = [
  { name: 'ingest', title: 'Ingest', file: 'ingest.ts', fn: 'benchIngest' },
  { name: 'analysis', title: 'Analysis', file: 'analysis.ts', fn: 'benchAnalysis' },
  { name: 'pos', title: 'Part-of-speech tagging', file: 'pos.ts', fn: 'benchPos' },
  { name: 'search', title: 'Search', file: 'search.ts', fn: 'benchSearch' },
  { name: 'cluster', title: 'Story clustering', file: 'cluster.ts', fn: 'benchCluster' },
  { name: 'web', title: 'Web', file: 'web.ts', fn: 'benchWeb' },
  { name: 'community', title: 'Community', file: 'community.ts', fn: 'benchCommunity' },
];

const DOC_PATH = join(ROOT, 'docs/benchmarks.md');
const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const SELF = fileURLToPath(import.meta.url);
/** Load per core above which wall-clock figures are flagged as taken on a busy machine. */
const BUSY_LOAD_PER_CORE = 0.5;

type Outcome =
  | { status: 'ok'; markdown: string; seconds: number }
  | { status: 'failed'; error: string; seconds: number }
  | { status: 'missing' };

/** What a child process sends back. */
type ChildMessage = { ok: true; markdown: string } | { ok: false; error: string };

// ── Child: run one module ──

async function runChild(name: string): Promise<void> {
  const b = BENCHMARKS.find((x) => x.name === name);
  const send = (m: ChildMessage): Promise<void> => new Promise((done) => process.send!(m, () => done()));
  try {
    if (!b) throw new Error(`unknown benchmark '${name}'`);
    const mod = await import(pathToFileURL(join(BENCH_DIR, b.file)).href) as Record<string, unknown>;
    const fn = mod[b.fn];
    if (typeof fn !== 'function') throw new Error(`bench/${b.file} does not export a function ${b.fn}`);
    const result = await (fn as () => Promise<{ markdown?: unknown }>)();
    if (typeof result?.markdown !== 'string') throw new Error(`${b.fn}() did not return { markdown: string }`);
    await send({ ok: true, markdown: result.markdown });
  } catch (err) {
    await send({ ok: false, error: err instanceof Error ? err.stack ?? err.message : String(err) });
  }
  // Benchmarks may leave handles open (servers, pools); the result is sent, so the child is done.
  process.exit(0);
}

// ── Parent: run the selection, write the document ──

/** Runs a benchmark in its own process, so one module's heap, JIT state or crash cannot touch another's figures. */
function runInChild(b: Benchmark): Promise<Outcome> {
  if (!existsSync(join(BENCH_DIR, b.file))) return Promise.resolve({ status: 'missing' });
  const started = performance.now();
  const seconds = (): number => (performance.now() - started) / 1000;
  return new Promise((resolveOutcome) => {
    let message: ChildMessage | null = null;
    const child = fork(SELF, ['--child', b.name], { execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.on('message', (m) => { message = m as ChildMessage; });
    child.on('error', (err) => resolveOutcome({ status: 'failed', error: err.message, seconds: seconds() }));
    child.on('exit', (code, signal) => {
      const m = message as ChildMessage | null;
      if (m?.ok) resolveOutcome({ status: 'ok', markdown: m.markdown, seconds: seconds() });
      else if (m) resolveOutcome({ status: 'failed', error: m.error, seconds: seconds() });
      else resolveOutcome({ status: 'failed', error: `process exited without a result (${signal ?? `code ${code}`})`, seconds: seconds() });
    });
  });
}

function machine(): string {
  const cpus = os.cpus();
  return `${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ` +
    `Node ${process.version}, ${os.platform()} ${os.release()} ${os.arch()}`;
}

function shortMachine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}`;
}

function loadLine(): string {
  const [one, five] = os.loadavg();
  const cores = os.cpus().length;
  const busy = Math.max(one, five) > BUSY_LOAD_PER_CORE * cores;
  return `load average ${one.toFixed(1)} (1 min) / ${five.toFixed(1)} (5 min) on ${cores} cores` +
    (busy ? ' — **the cores were shared with other work**: wall-clock figures include waiting for a core; CPU-time figures are the steadier reading' : '');
}

/** Sections of an earlier document by name: the measured block, and the whole inner text. */
function previousSections(doc: string): Map<string, { inner: string; measured: string | null }> {
  const out = new Map<string, { inner: string; measured: string | null }>();
  for (const m of doc.matchAll(/<!-- bench:([\w-]+) -->\n([\s\S]*?)<!-- \/bench:\1 -->/g)) {
    const measured = /<!-- measured -->\n[\s\S]*?<!-- \/measured -->\n/.exec(m[2]);
    out.set(m[1], { inner: m[2], measured: measured ? measured[0] : null });
  }
  return out;
}

function sectionInner(b: Benchmark, outcome: Outcome, previous: { measured: string | null } | undefined, when: string, command: string): string {
  const heading = `## ${b.title}\n\n`;
  if (outcome.status === 'ok') {
    return `${heading}<!-- measured -->\n_Measured ${when} on ${shortMachine()} (${outcome.seconds.toFixed(0)} s) with \`${command}\`; at the end, ${loadLine()}._\n\n` +
      `${outcome.markdown.trim()}\n<!-- /measured -->\n`;
  }
  const notice = outcome.status === 'missing'
    ? `**Not measured in the run of ${when}: \`bench/${b.file}\` does not exist.**`
    : `**Failed in the run of ${when}** (after ${outcome.seconds.toFixed(0)} s):\n\n\`\`\`\n${outcome.error.trim()}\n\`\`\``;
  const kept = previous?.measured ? `\nThe last successful measurement is kept below.\n\n${previous.measured}` : '\n';
  return `${heading}${notice}\n${kept}`;
}

async function main(argv: string[]): Promise<number> {
  const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1]?.split(',').map((s) => s.trim()).filter(Boolean) : null;
  const unknown = (only ?? []).filter((n) => !BENCHMARKS.some((b) => b.name === n));
  if ((only && only.length === 0) || unknown.length > 0) {
    process.stderr.write(`usage: node --import tsx bench/run.ts [--only ${BENCHMARKS.map((b) => b.name).join(',')}]` +
      (unknown.length ? `\nunknown benchmark: ${unknown.join(', ')}` : '') + '\n');
    return 2;
  }
  const selected = BENCHMARKS.filter((b) => !only || only.includes(b.name));
  const command = ['node --import tsx bench/run.ts', ...argv].join(' ');
  const when = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const startLoad = loadLine();

  const outcomes = new Map<string, Outcome>();
  for (const b of selected) {
    process.stderr.write(`bench: ${b.name} …\n`);
    const outcome = await runInChild(b);
    outcomes.set(b.name, outcome);
    process.stderr.write(`bench: ${b.name} ${outcome.status === 'ok' ? `done in ${outcome.seconds.toFixed(0)} s` : outcome.status === 'missing' ? `MISSING (bench/${b.file})` : `FAILED: ${outcome.error.split('\n')[0]}`}\n`);
    if (outcome.status === 'ok') process.stdout.write(`\n${outcome.markdown.trim()}\n\n`);
  }

  // The earlier document is read only now, so sections another run wrote meanwhile are kept too.
  const previous = existsSync(DOC_PATH) ? previousSections(readFileSync(DOC_PATH, 'utf8')) : new Map();
  const sections: string[] = [];
  for (const b of BENCHMARKS) {
    const outcome = outcomes.get(b.name);
    const inner = outcome ? sectionInner(b, outcome, previous.get(b.name), when, command) : previous.get(b.name)?.inner;
    if (inner !== undefined) sections.push(`<!-- bench:${b.name} -->\n${inner}<!-- /bench:${b.name} -->`);
  }
  // Sections of benchmarks no longer in the table are kept, so nothing measured is lost by renaming one.
  for (const [name, s] of previous) if (!BENCHMARKS.some((b) => b.name === name)) sections.push(`<!-- bench:${name} -->\n${s.inner}<!-- /bench:${name} -->`);

  const doc = [
    '# Benchmarks',
    '',
    'Generated by `npm run bench` (`bench/run.ts`); each section is written by its module in `bench/`. Every figure was measured ' +
      'with the command its section names; a section not run in the latest run keeps the figures and the date of the run that measured it.',
    '',
    `Latest run: ${when}, \`${command}\` (${selected.map((b) => b.name).join(', ')}).`,
    '',
    `Machine: ${machine()}. At the start of the run: ${startLoad}.`,
    '',
    ...sections.flatMap((s) => [s, '']),
  ].join('\n');
  mkdirSync(dirname(DOC_PATH), { recursive: true });
  writeFileSync(DOC_PATH, doc);
  process.stderr.write(`bench: wrote ${DOC_PATH}\n`);
  return [...outcomes.values()].some((o) => o.status !== 'ok') ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const i = process.argv.indexOf('--child');
  if (i > 0) await runChild(process.argv[i + 1]);
  else process.exitCode = await main(process.argv.slice(2));
}
