// One error type for the community services: a stable code (which sets the HTTP status), a message key in the
// accounts catalogue with its values, and the form field it concerns; pages and the API translate it.
import type { AccountsKey } from './i18n/types.ts';

export type AccountErrorCode =
  | 'invalid_input' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'rate_limited' | 'csrf'
  | 'edit_window' | 'banned' | 'invalid_link' | 'fetch_failed';

/** HTTP status of each code; the API and the pages both use it. */
export const ERROR_STATUS: Record<AccountErrorCode, number> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  conflict: 409,
  edit_window: 409,
  invalid_link: 410,
  fetch_failed: 422,
  banned: 403,
  rate_limited: 429,
};

export class AccountError extends Error {
  readonly code: AccountErrorCode;
  readonly key: AccountsKey;
  readonly vars: Record<string, string | number>;
  readonly field?: string;
  /** Seconds until the request may be retried (rate limits). */
  readonly retryAfter?: number;

  constructor(code: AccountErrorCode, key: AccountsKey, opts: { vars?: Record<string, string | number>; field?: string; retryAfter?: number } = {}) {
    super(key);
    this.name = 'AccountError';
    this.code = code;
    this.key = key;
    this.vars = opts.vars ?? {};
    this.field = opts.field;
    this.retryAfter = opts.retryAfter;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const invalid = (key: AccountsKey, field?: string, vars?: Record<string, string | number>) =>
  new AccountError('invalid_input', key, { field, vars });
export const notFound = () => new AccountError('not_found', 'error.notFound');
export const forbidden = () => new AccountError('forbidden', 'error.forbidden');
