// What the accounts routes share: the services, the CSRF key, who is asking, page contexts, redirects and errors.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { localPath, type SafeHtml } from '../../web/html.ts';
import { localeOfPath, translator, type Locale } from '../../web/i18n/index.ts';
import type { SiteData } from '../../web/site-data.ts';
import type { PageContext } from '../../web/templates/layout.ts';
import type { Community } from '../setup.ts';
import { AccountError } from '../errors.ts';
import { accountsText, localePath } from '../i18n/index.ts';
import { COOKIES, cookieName, csrfToken, type Requester } from './http.ts';
import type { Ctx } from './frame.ts';

export interface AccountsWeb {
  c: Community;
  csrfKey: string;
  site: SiteData;
  assets: PageContext['assets'];
  /** URL of the accounts stylesheet. */
  css: string;
  requesters: WeakMap<FastifyRequest, Requester>;
}

export function requester(w: AccountsWeb, req: FastifyRequest): Requester {
  const r = w.requesters.get(req);
  if (!r) throw new Error('requester not identified');
  return r;
}

/** The signed-in reader, or an AccountError that pages turn into a log-in redirect and the API into 401. */
export function signedIn(w: AccountsWeb, req: FastifyRequest) {
  const viewer = requester(w, req).viewer;
  if (!viewer) throw new AccountError('unauthorized', 'error.unauthorized');
  return viewer;
}

/** A page context; the CSRF token (and the anonymous CSRF cookie) is made only if a form asks for it. */
export async function pageCtx(w: AccountsWeb, req: FastifyRequest, reply: FastifyReply, locale: Locale): Promise<Ctx> {
  const facets = await w.site.getFacets().catch(() => ({ outlets: [] }));
  return buildCtx({
    c: w.c, csrfKey: w.csrfKey, r: requester(w, req), req, reply, locale, assets: w.assets, css: w.css,
    outletSlugs: new Map(facets.outlets.map((o) => [o.name, o.slug])),
  });
}

export interface CtxParts {
  c: Community;
  csrfKey: string;
  r: Requester;
  req: FastifyRequest;
  reply: FastifyReply;
  locale: Locale;
  assets: PageContext['assets'];
  css: string;
  outletSlugs: ReadonlyMap<string, string>;
}

export function buildCtx(p: CtxParts): Ctx {
  const { r, reply } = p;
  const a = accountsText(p.locale);
  const done = (p.req.query as Record<string, unknown> | undefined)?.done;
  const doneKey = typeof done === 'string' ? `done.${done}` : '';
  const consentCookie = r.cookies[cookieName(COOKIES.consent, r.secure)];
  let csrf: string | null = null;
  return {
    page: { t: translator(p.locale), here: localeOfPath(p.req.url).rest, assets: p.assets, outletSlugs: p.outletSlugs },
    a,
    viewer: r.viewer,
    get csrf() {
      csrf ??= csrfToken(p.csrfKey, r, reply);
      return csrf;
    },
    get csrfIssued() {
      return csrf !== null;
    },
    // Only known confirmation keys are shown, so the query string cannot put words on the page.
    notice: doneKey && a.has(doneKey) ? a.t(doneKey, { user: r.viewer?.username ?? '' }) : null,
    options: p.c.options,
    consent: consentCookie === 'yes' ? true : consentCookie === 'no' ? false : null,
    css: p.css,
  };
}

export function sendHtml(reply: FastifyReply, page: SafeHtml, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(page.value);
}

/** Redirects after a form (303), to a path on this site only, with an optional confirmation key. */
export function redirectTo(reply: FastifyReply, target: string, done?: string): FastifyReply {
  const [p, hash = ''] = localPath(target).split('#');
  const url = done ? `${p}${p.includes('?') ? '&' : '?'}done=${encodeURIComponent(done)}` : p;
  return reply.redirect(hash ? `${url}#${hash}` : url, 303);
}

/** A `return`/`next` field: a local path, or the fallback when missing. */
export function returnPath(value: unknown, fallback: string): string {
  return typeof value === 'string' && value.startsWith('/') ? localPath(value) : fallback;
}

export function lp(locale: Locale, p: string): string {
  return localePath(locale, p);
}

/** The body of a form post as strings (the form parser gives an object of strings). */
export function formBody(req: FastifyRequest): Record<string, string> {
  const b = req.body;
  if (!b || typeof b !== 'object') return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(b as Record<string, unknown>)) if (typeof v === 'string') out[k] = v;
  return out;
}
