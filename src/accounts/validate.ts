// Input rules for every field readers type: each returns the cleaned value or throws an AccountError naming the field.
import { invalid } from './errors.ts';
import {
  EMAIL_MAX, PASSWORD_MAX, PASSWORD_MIN, URL_MAX, USERNAME_PATTERN,
} from './policy.ts';
import type { AccountsKey } from './i18n/types.ts';

/** C0/C1 controls other than tab and newline: invisible, and some terminals and logs act on them. */
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

/** Text as typed, made safe to store: NFC, no control characters, CRLF as LF, trimmed. */
export function cleanText(value: unknown): string {
  if (typeof value !== 'string') return '';
  return value.normalize('NFC').replace(/\r\n?/g, '\n').replace(CONTROLS, '').trim();
}

export function username(value: unknown): string {
  const s = cleanText(value);
  if (!USERNAME_PATTERN.test(s)) throw invalid('error.username', 'username');
  return s;
}

/** E-mail addresses are compared and stored lower-cased. */
export function email(value: unknown): string {
  const s = cleanText(value).toLowerCase();
  if (s.length > EMAIL_MAX || !EMAIL.test(s)) throw invalid('error.email', 'email');
  return s;
}

/** ASVS V2.1: length only (no composition rules), not the user's own name or address, every character allowed. */
export function password(value: unknown, who: { username?: string; email?: string } = {}, field = 'password'): string {
  // Passwords are not trimmed or normalised beyond NFC: spaces are part of a passphrase.
  const s = typeof value === 'string' ? value.normalize('NFC') : '';
  const length = [...s.replace(/ {2,}/g, ' ')].length;
  if (length < PASSWORD_MIN || length > PASSWORD_MAX) throw invalid('error.passwordLength', field, { min: PASSWORD_MIN, max: PASSWORD_MAX });
  const lower = s.toLowerCase();
  if ((who.username && lower.includes(who.username.toLowerCase())) || (who.email && lower === who.email.toLowerCase())) {
    throw invalid('error.passwordPersonal', field);
  }
  return s;
}

/** Required text of at most `max` characters. */
export function text(value: unknown, max: number, field: string, key: AccountsKey = 'error.required'): string {
  const s = cleanText(value);
  if (!s) throw invalid(key, field);
  if ([...s].length > max) throw invalid('error.tooLong', field, { max });
  return s;
}

/** Optional text: empty is allowed. */
export function optionalText(value: unknown, max: number, field: string): string {
  const s = cleanText(value);
  if ([...s].length > max) throw invalid('error.tooLong', field, { max });
  return s;
}

/** An absolute http(s) URL without credentials; anything else (javascript:, file:, paths) is refused. */
export function httpUrl(value: unknown, field = 'url'): string {
  const s = cleanText(value);
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    throw invalid('error.url', field);
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.username || u.password || s.length > URL_MAX) throw invalid('error.url', field);
  return u.href;
}

export function positiveId(value: unknown, field = 'id'): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n <= 0) throw invalid('error.invalid', field);
  return n;
}

/** A value from a fixed list. */
export function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw invalid('error.invalid', field);
}

/** Form checkboxes and JSON booleans. */
export function flag(value: unknown): boolean {
  return value === true || value === 'on' || value === 'true' || value === '1' || value === 1;
}
