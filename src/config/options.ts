// Every configuration option in one table: default, environment variable, parser and whether it is secret.
import { StorylineError } from '../lib/errors.ts';

interface OptionSpec<T> {
  env: string;
  default: T;
  parse: (raw: string) => T;
  secret?: boolean;
  help: string;
}

const int = (min: number, max: number) => (raw: string): number => {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`must be an integer from ${min} to ${max}`);
  return n;
};
const str = (raw: string): string => raw;

export const OPTIONS = {
  db: { env: 'STORYLINE_DB', default: './data/storyline.db', parse: str, help: 'SQLite database file' } as OptionSpec<string>,
  databaseUrl: { env: 'DATABASE_URL', default: '', parse: str, secret: true, help: 'postgres:// URL; when set, PostgreSQL is used instead of SQLite' } as OptionSpec<string>,
  maxBytes: { env: 'STORYLINE_MAX_BYTES', default: 20 * 1024 * 1024, parse: int(1024, 1024 ** 3), help: 'largest accepted input document, in bytes' } as OptionSpec<number>,
  fetchTimeoutMs: { env: 'STORYLINE_FETCH_TIMEOUT_MS', default: 20_000, parse: int(100, 600_000), help: 'total time allowed for one HTTP fetch' } as OptionSpec<number>,
  port: { env: 'PORT', default: 8080, parse: int(0, 65535), help: 'HTTP port for `serve`' } as OptionSpec<number>,
  host: { env: 'HOST', default: '127.0.0.1', parse: str, help: 'HTTP bind address for `serve`' } as OptionSpec<string>,
} as const;

export type Config = { [K in keyof typeof OPTIONS]: (typeof OPTIONS)[K]['default'] };

/** Reads the environment, then applies explicit overrides (from CLI flags). Bad values are usage errors naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(OPTIONS) as Array<[keyof Config, OptionSpec<unknown>]>) {
    const raw = env[spec.env];
    if (raw === undefined || raw === '') out[key] = spec.default;
    else {
      try {
        out[key] = spec.parse(raw);
      } catch (err) {
        throw new StorylineError('usage', `${spec.env}: ${(err as Error).message}`);
      }
    }
    if (overrides[key] !== undefined) out[key] = overrides[key];
  }
  return out as Config;
}
