// Fetches one URL over HTTP(S): manual redirects, one total deadline, a streamed size cap, typed errors.
import { StorylineError, errorMessage } from '../../lib/errors.ts';

export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
/** Browsers allow 20; five covers http→https→www→canonical chains seen on news sites. */
export const DEFAULT_MAX_REDIRECTS = 5;
export const DEFAULT_USER_AGENT = 'Storyline/0.1 (self-hosted news reader)';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,application/rss+xml;q=0.9,application/atom+xml;q=0.9,*/*;q=0.8';

export interface FetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  userAgent?: string;
}

export interface FetchResult {
  /** The URL after redirects. */
  url: string;
  status: number;
  contentType: string | null;
  /** The body after Content-Encoding (gzip, br) was undone. */
  bytes: Buffer;
}

/**
 * GETs a URL and returns the body of the final 2xx response.
 * Errors: http_status (non-2xx), too_large (over maxBytes), fetch_failed (network, timeout, redirects).
 */
export async function fetchUrl(url: string, opts: FetchOptions = {}): Promise<FetchResult> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = opts.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  // One deadline for the whole exchange, redirects and body included, so a slow drip cannot stall a batch.
  const signal = AbortSignal.timeout(timeoutMs);

  let current = parseHttpUrl(url, url);
  for (let hop = 0; ; hop++) {
    let res: Response;
    try {
      res = await fetch(current, {
        redirect: 'manual',
        signal,
        headers: { 'user-agent': opts.userAgent ?? DEFAULT_USER_AGENT, accept: ACCEPT },
      });
    } catch (err) {
      throw networkError(err, current.href, timeoutMs);
    }

    if (REDIRECT_STATUSES.has(res.status)) {
      await res.body?.cancel().catch(() => undefined);
      const location = res.headers.get('location');
      if (!location) throw new StorylineError('fetch_failed', `HTTP ${res.status} redirect without a Location header`, current.href);
      if (hop >= maxRedirects) {
        throw new StorylineError('fetch_failed', `too many redirects (more than ${maxRedirects})`, url);
      }
      current = parseHttpUrl(location, current.href);
      continue;
    }

    if (res.status < 200 || res.status > 299) {
      await res.body?.cancel().catch(() => undefined);
      throw new StorylineError('http_status', `HTTP ${res.status} ${res.statusText}`.trim(), current.href);
    }

    const bytes = await readCapped(res, maxBytes, current.href, timeoutMs);
    return { url: current.href, status: res.status, contentType: res.headers.get('content-type'), bytes };
  }
}

function parseHttpUrl(location: string, base: string): URL {
  let u: URL;
  try {
    // Relative Location values ("/next", "../a") resolve against the URL that sent them.
    u = new URL(location, base);
  } catch {
    throw new StorylineError('bad_input', `not a valid URL: ${location}`, location);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new StorylineError('fetch_failed', `unsupported URL scheme ${u.protocol}`, u.href);
  }
  return u;
}

async function readCapped(res: Response, maxBytes: number, url: string, timeoutMs: number): Promise<Buffer> {
  const declared = Number(res.headers.get('content-length'));
  // Content-Length counts encoded bytes; decoded bytes are never fewer, so an over-cap length can be refused up front.
  if (declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw tooLarge(maxBytes, url);
  }
  if (!res.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let total = 0;
  const reader = res.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(maxBytes, url);
      }
      chunks.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
    }
  } catch (err) {
    if (err instanceof StorylineError) throw err;
    throw networkError(err, url, timeoutMs);
  }
  return Buffer.concat(chunks, total);
}

function tooLarge(maxBytes: number, url: string): StorylineError {
  return new StorylineError('too_large', `response larger than the ${formatBytes(maxBytes)} limit`, url);
}

/** Names the underlying cause (ENOTFOUND, ECONNREFUSED, timeout) instead of undici's bare "fetch failed". */
function networkError(err: unknown, url: string, timeoutMs: number): StorylineError {
  const e = err as { name?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') {
    return new StorylineError('fetch_failed', `timed out after ${timeoutMs / 1000} s`, url);
  }
  const cause = e?.cause;
  let detail = errorMessage(err);
  if (cause?.message) detail = cause.code && !cause.message.includes(cause.code) ? `${cause.code}: ${cause.message}` : cause.message;
  else if (cause?.code) detail = cause.code;
  return new StorylineError('fetch_failed', `network error: ${detail}`, url);
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}
