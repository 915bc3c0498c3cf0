// Measuring helpers shared by the benchmarks: wall and CPU timers, percentiles, the evaluation data folder, and an in-process CPU profile summary.
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Project root, so benchmarks find the evaluation data wherever they are started from. */
export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
/** Evaluation data, read in place (never copied into the repository). */
export const EVAL_DIR = resolve(ROOT, '../shared/eval');

export interface Timing {
  wallMs: number;
  /** Process CPU time (all threads: includes the garbage collector's helper threads). */
  cpuMs: number;
}

/** This process's CPU time so far, in ms: unlike wall time, it does not grow while the process waits for a shared core. */
export function cpuNow(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Runs `fn` once and returns its wall-clock and CPU time. */
export async function timed(fn: () => unknown): Promise<Timing> {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  await fn();
  const wallMs = performance.now() - t0;
  const u = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (u.user + u.system) / 1000 };
}

/** The p-quantile (0..1) of a list, nearest-rank. */
export function pct(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

export function mean(values: number[]): number {
  return values.length ? values.reduce((s, x) => s + x, 0) / values.length : NaN;
}

/** A number with thousands separators and `digits` decimals. */
export function fmt(x: number, digits = 0): string {
  return x.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Current 1, 5 and 15-minute load averages, to read wall-clock figures measured on shared cores. */
export function loadNote(): string {
  return os.loadavg().map((l) => l.toFixed(1)).join(' ');
}

// ── CPU profile summary ──

/** A profiled function or area with its self time. */
export interface ProfileEntry {
  name: string;
  ms: number;
}

export interface ProfileSummary {
  totalMs: number;
  /** Self time by area: a folder under src/ (e.g. "src/pipeline/extract"), a package, or a V8 category. */
  areas: ProfileEntry[];
  /** Self time by function ("name (file:line)"). */
  functions: ProfileEntry[];
}

interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: CpuProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Sampling interval of the profiler: 200 µs gives a few thousand samples over a benchmark pass. */
const PROFILE_INTERVAL_US = 200;

/** Runs `fn` under the V8 sampling profiler of this process and sums self time by area and by function. */
export async function profile(fn: () => Promise<unknown>): Promise<ProfileSummary> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: PROFILE_INTERVAL_US });
    await session.post('Profiler.start');
    let failure: unknown = null;
    try {
      await fn();
    } catch (err) {
      failure = err;
    }
    const { profile: p } = await session.post('Profiler.stop');
    if (failure !== null) throw failure;
    return summarise(p);
  } finally {
    session.disconnect();
  }
}

function summarise(p: CpuProfile): ProfileSummary {
  const self = new Map<number, number>();
  const samples = p.samples ?? [];
  const deltas = p.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) self.set(samples[i], (self.get(samples[i]) ?? 0) + (deltas[i] ?? 0) / 1000);
  // The profiler's own work (stopping and serialising the profile, under node:inspector's `post`) is left out.
  const own = new Set<number>();
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const mark = (id: number): void => {
    own.add(id);
    for (const c of byId.get(id)?.children ?? []) mark(c);
  };
  for (const n of p.nodes) if (n.callFrame.url === 'node:inspector') mark(n.id);
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  let totalMs = 0;
  for (const node of p.nodes) {
    if (own.has(node.id)) continue;
    const ms = self.get(node.id) ?? 0;
    const area = areaOf(node.callFrame);
    if (ms === 0 || area === null) continue;
    totalMs += ms;
    areas.set(area, (areas.get(area) ?? 0) + ms);
    // Line numbers of TypeScript files are those of the transpiled code, so only the file is named.
    const { url, lineNumber } = node.callFrame;
    const where = url ? ` (${shortUrl(url)}${url.endsWith('.ts') ? '' : `:${lineNumber + 1}`})` : '';
    const fn = `${node.callFrame.functionName || '(anonymous)'}${where}`;
    functions.set(fn, (functions.get(fn) ?? 0) + ms);
  }
  const sorted = (m: Map<string, number>): ProfileEntry[] => [...m].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
  return { totalMs, areas: sorted(areas), functions: sorted(functions) };
}

/** Where a frame's code lives; null for idle time, which is no work of the process. */
function areaOf(frame: CpuProfileNode['callFrame']): string | null {
  const { url, functionName } = frame;
  if (functionName === '(idle)') return null;
  if (!url) return functionName.startsWith('(') ? functionName : `(native: ${functionName})`;
  const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return 'node internals';
  const src = /\/(src\/(?:pipeline|storage|services|lib)\/[^/]+?)(?:\/|\.ts$)/.exec(url);
  if (src) return src[1];
  const file = /\/((?:src|bench)\/.*)$/.exec(url);
  return file ? file[1] : url;
}

function shortUrl(url: string): string {
  const m = /\/((?:src|bench)\/.*|node_modules\/.*)$/.exec(url);
  return m ? m[1] : url;
}
