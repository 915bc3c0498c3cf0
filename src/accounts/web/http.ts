// Request plumbing of the accounts pages: cookies, TLS and client address behind a proxy, who is asking, CSRF tokens.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionInfo, User } from '../model.ts';
import type { AccountsOptions } from '../options.ts';
import type { AccountService } from '../users.ts';
import { hmac, randomToken, safeEqual, tokenHash } from '../security.ts';
import { LOCALE_CODES, type Locale } from '../../web/i18n/index.ts';

/** Cookie names. Over TLS they carry the __Host- prefix: only this host, path /, Secure, so no subdomain can plant one. */
export const COOKIES = { session: 'sl_session', csrf: 'sl_csrf', consent: 'sl_consent', language: 'sl_lang' } as const;
/** How long the consent answer and the optional language cookie last. */
export const CONSENT_MAX_AGE_S = 365 * 24 * 3600;

export interface Requester {
  viewer: User | null;
  session: SessionInfo | null;
  /** The raw session cookie value, when it named a live session. */
  sessionToken: string | null;
  /** How the viewer was recognised: API tokens are never combined with cookies. */
  via: 'session' | 'token' | null;
  secure: boolean;
  ip: string;
  cookies: Record<string, string>;
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    // The first cookie of a name wins, as browsers send the most specific path first.
    if (name && !(name in out)) {
      try {
        out[name] = decodeURIComponent(value);
      } catch {
        out[name] = value;
      }
    }
  }
  return out;
}

export function cookieName(base: string, secure: boolean): string {
  return secure ? `__Host-${base}` : base;
}

/** Adds a Set-Cookie header: always HttpOnly, SameSite=Lax, Path=/; Secure over TLS; no Max-Age = until the browser closes. */
export function setCookie(reply: FastifyReply, req: Requester, base: string, value: string, maxAgeSeconds?: number): void {
  const parts = [`${cookieName(base, req.secure)}=${encodeURIComponent(value)}`, 'Path=/', 'HttpOnly', 'SameSite=Lax'];
  if (req.secure) parts.push('Secure');
  if (maxAgeSeconds !== undefined) parts.push(`Max-Age=${maxAgeSeconds}`);
  // Fastify appends Set-Cookie values rather than replacing them, so each cookie is one more header line.
  reply.header('set-cookie', parts.join('; '));
}

export function clearCookie(reply: FastifyReply, req: Requester, base: string): void {
  setCookie(reply, req, base, '', 0);
}

/**
 * The language a returning reader last read in, from the optional cookie: only when the site offers it and the
 * reader accepted it; null otherwise (the entry page is then the English one at the root).
 */
export function preferredLocale(request: FastifyRequest, opts: AccountsOptions): Locale | null {
  if (!opts.optionalCookies) return null;
  const secure = isSecure(request, opts);
  const cookies = parseCookies(request.headers.cookie);
  if (cookies[cookieName(COOKIES.consent, secure)] !== 'yes') return null;
  const value = cookies[cookieName(COOKIES.language, secure)];
  return (LOCALE_CODES as readonly string[]).includes(value) ? (value as Locale) : null;
}

/** Whether the request reached us over TLS: the socket itself, or the proxy's X-Forwarded-Proto when trusted. */
export function isSecure(request: FastifyRequest, opts: AccountsOptions): boolean {
  if (request.protocol === 'https') return true;
  if (!opts.trustProxy) return false;
  const proto = String(request.headers['x-forwarded-proto'] ?? '').split(',')[0].trim().toLowerCase();
  return proto === 'https';
}

/**
 * The client's address for rate limits. Behind a trusted proxy it is the last X-Forwarded-For entry: the one
 * the proxy itself appended; earlier entries come from the client and can be forged.
 */
export function clientIp(request: FastifyRequest, opts: AccountsOptions): string {
  if (opts.trustProxy) {
    const forwarded = String(request.headers['x-forwarded-for'] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (forwarded.length) return forwarded[forwarded.length - 1];
  }
  return request.socket.remoteAddress ?? request.ip;
}

/** Recognises the requester: an API token on /api routes (cookies ignored there), else the session cookie. */
export async function identify(request: FastifyRequest, opts: AccountsOptions, accounts: AccountService): Promise<Requester> {
  const secure = isSecure(request, opts);
  const cookies = parseCookies(request.headers.cookie);
  const base: Requester = { viewer: null, session: null, sessionToken: null, via: null, secure, ip: clientIp(request, opts), cookies };
  if (request.url.startsWith('/api/')) {
    const m = /^Bearer\s+(\S+)$/i.exec(String(request.headers.authorization ?? ''));
    const user = m ? await accounts.resolveApiToken(m[1]) : null;
    return user ? { ...base, viewer: user, via: 'token' } : base;
  }
  const token = cookies[cookieName(COOKIES.session, secure)];
  const found = await accounts.resolveSession(token);
  return found ? { ...base, viewer: found.user, session: found.session, sessionToken: token!, via: 'session' } : base;
}

/**
 * The synchronizer token for this requester's forms: an HMAC, under a server key, of the session id's hash when
 * logged in, else of the random value in the anonymous CSRF cookie (created when a form is first shown).
 * It changes whenever the session does, so a token seen before log-in is useless after it.
 */
export function csrfToken(key: string, req: Requester, reply: FastifyReply | null): string {
  if (req.session) return hmac(key, `session:${req.session.idHash}`);
  let anon = req.cookies[cookieName(COOKIES.csrf, req.secure)];
  if (!anon || anon.length > 100) {
    anon = randomToken();
    req.cookies[cookieName(COOKIES.csrf, req.secure)] = anon;
    if (reply) setCookie(reply, req, COOKIES.csrf, anon);
  }
  return hmac(key, `anon:${tokenHash(anon)}`);
}

/** Whether a submitted token is the one this requester's forms carry. No cookie, no token: false. */
export function csrfValid(key: string, req: Requester, submitted: unknown): boolean {
  if (typeof submitted !== 'string' || !submitted) return false;
  if (!req.session && !req.cookies[cookieName(COOKIES.csrf, req.secure)]) return false;
  return safeEqual(submitted, csrfToken(key, req, null));
}

/**
 * A second line against cross-site posts: when the browser names the page's origin, it must be this site.
 * Browsers send Origin on every cross-site POST. "null" (privacy settings, no-referrer pages) and an absent
 * header carry no origin, and are left to the token check.
 */
export function sameOrigin(request: FastifyRequest, publicUrl: string): boolean {
  const origin = request.headers.origin;
  if (origin === undefined || origin === 'null') return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  return host === request.headers.host || host === new URL(publicUrl).host;
}
