// Shared CLI plumbing: flag parsing, output, exit codes, progress on a TTY only.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createApp, type App } from '../app.ts';
import { loadConfig } from '../config/options.ts';
import { StorylineError } from '../lib/errors.ts';

export const EXIT_OK = 0;
export const EXIT_SOME_FAILED = 1;
export const EXIT_USAGE = 2;

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  stdin: NodeJS.ReadableStream;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
}

export const processIo = (): Io => ({
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stdin: process.stdin,
  isTTY: Boolean(process.stderr.isTTY),
  env: process.env,
});

type Options = NonNullable<ParseArgsConfig['options']>;
export const COMMON_OPTIONS = {
  json: { type: 'boolean' },
  db: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} satisfies Options;

export function parse<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args, options: { ...COMMON_OPTIONS, ...options }, allowPositionals: true, strict: true });
  } catch (err) {
    throw new StorylineError('usage', (err as Error).message);
  }
}

export async function openApp(io: Io, db: string | undefined): Promise<App> {
  return createApp(loadConfig(io.env, db ? { db } : {}));
}

export function printJson(io: Io, value: unknown): void {
  io.stdout(JSON.stringify(value, null, 2) + '\n');
}

/** A one-line progress indicator on stderr, drawn only when stderr is a terminal. */
export function progress(io: Io, label: string) {
  let last = 0;
  return {
    tick(done: number, total?: number) {
      if (!io.isTTY) return;
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      io.stderr(`\r${label}: ${done}${total ? `/${total}` : ''}`);
    },
    end() { if (io.isTTY && last) io.stderr('\n'); },
  };
}

export function usageError(message: string): never {
  throw new StorylineError('usage', message);
}

export function parseId(value: string | undefined, what = 'id'): number {
  const n = Number(value);
  if (!value || !Number.isInteger(n) || n <= 0) usageError(`${what} must be a positive integer, got '${value ?? ''}'`);
  return n;
}

/** A flag holding a share from 0 to 1 ("0.5"). */
export function shareFlag(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) usageError(`--${name} must be a number from 0 to 1, got '${value}'`);
  return n;
}

export function isoDateFlag(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) usageError(`--${name} must be a date YYYY-MM-DD, got '${value}'`);
  return value;
}
