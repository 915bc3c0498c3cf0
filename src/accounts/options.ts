// The accounts options in one table (default, environment variable, parser, secret flag), like config/options.ts.
import { StorylineError } from '../lib/errors.ts';
import { SESSION_IDLE_MS, SESSION_MAX_MS } from './policy.ts';

interface OptionSpec<T> {
  env: string;
  default: T;
  parse: (raw: string) => T;
  secret?: boolean;
  help: string;
}

const str = (raw: string): string => raw;
const bool = (raw: string): boolean => {
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new Error('must be true or false');
};
const int = (min: number, max: number) => (raw: string): number => {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`must be an integer from ${min} to ${max}`);
  return n;
};
const httpUrl = (raw: string): string => {
  const u = new URL(raw);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('must be an http(s) URL');
  return u.origin + u.pathname.replace(/\/+$/, '');
};

export const ACCOUNT_OPTIONS = {
  publicUrl: {
    env: 'STORYLINE_PUBLIC_URL', default: 'http://localhost:8080', parse: httpUrl,
    help: 'the site address used in e-mailed links and feeds (never taken from request headers)',
  } as OptionSpec<string>,
  trustProxy: {
    env: 'STORYLINE_TRUST_PROXY', default: false, parse: bool,
    help: 'behind a reverse proxy: trust X-Forwarded-Proto (Secure cookies) and X-Forwarded-For (rate limits)',
  } as OptionSpec<boolean>,
  smtpUrl: { env: 'SMTP_URL', default: '', parse: str, secret: true, help: 'smtp(s):// URL for outgoing mail; when empty, mail goes to the outbox folder' } as OptionSpec<string>,
  mailFrom: { env: 'STORYLINE_MAIL_FROM', default: 'Storyline <no-reply@localhost>', parse: str, help: 'From address of outgoing mail' } as OptionSpec<string>,
  outboxDir: { env: 'STORYLINE_OUTBOX', default: './data/outbox', parse: str, help: 'folder for .eml files when no SMTP server is configured' } as OptionSpec<string>,
  registration: { env: 'STORYLINE_REGISTRATION', default: true, parse: bool, help: 'whether anyone can create an account' } as OptionSpec<boolean>,
  optionalCookies: {
    env: 'STORYLINE_OPTIONAL_COOKIES', default: false, parse: bool,
    help: 'offer the optional preference cookie (remembers the UI language); when on, a consent banner asks first',
  } as OptionSpec<boolean>,
  allowPrivateLinks: {
    env: 'STORYLINE_ALLOW_PRIVATE_LINKS', default: false, parse: bool,
    help: 'let submitted links point at private or loopback addresses (intranet sites); off protects internal services',
  } as OptionSpec<boolean>,
  sessionIdleMinutes: { env: 'STORYLINE_SESSION_IDLE_MINUTES', default: SESSION_IDLE_MS / 60_000, parse: int(5, 60 * 24 * 90), help: 'log out after this long without a request' } as OptionSpec<number>,
  sessionMaxHours: { env: 'STORYLINE_SESSION_MAX_HOURS', default: SESSION_MAX_MS / 3_600_000, parse: int(1, 24 * 365), help: 'log out this long after logging in' } as OptionSpec<number>,
} as const;

export type AccountsOptions = { [K in keyof typeof ACCOUNT_OPTIONS]: (typeof ACCOUNT_OPTIONS)[K]['default'] };

/** Reads the environment, then applies explicit overrides. Bad values are usage errors naming the variable. */
export function loadAccountsOptions(env: NodeJS.ProcessEnv = process.env, overrides: Partial<AccountsOptions> = {}): AccountsOptions {
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(ACCOUNT_OPTIONS) as Array<[keyof AccountsOptions, OptionSpec<unknown>]>) {
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
  return out as AccountsOptions;
}
