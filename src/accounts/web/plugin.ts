// The accounts and community Fastify plugin: pages in every UI language, the JSON API under /api/v1 and the
// private Atom feed. It recognises the requester, checks CSRF on every form post and answers errors in the
// shape of the page or of the API.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { localeOfPath, LOCALES, LOCALE_CODES } from '../../web/i18n/index.ts';
import { SiteData } from '../../web/site-data.ts';
import { html } from '../../web/html.ts';
import type { PageContext } from '../../web/templates/layout.ts';
import { AccountError } from '../errors.ts';
import { randomToken } from '../security.ts';
import { createCommunity, type Community, type CommunityDeps } from '../setup.ts';
import { accountsText } from '../i18n/index.ts';
import { pageCtx, sendHtml, type AccountsWeb } from './context.ts';
import { frame } from './frame.ts';
import { CONSENT_MAX_AGE_S, COOKIES, cookieName, csrfValid, identify, sameOrigin, setCookie, type Requester } from './http.ts';
import type { AccountsOptions } from '../options.ts';
import { authRoutes, loginFor } from './routes-auth.ts';
import { communityRoutes } from './routes-community.ts';
import { libraryRoutes, privateFeedRoute } from './routes-library.ts';
import { apiRoutes, apiError } from './api.ts';

export interface AccountsPluginDeps extends CommunityDeps {
  /** Services already built (the CLI and tests share them); otherwise built from the other fields. */
  community?: Community;
  /** The site's versioned asset URLs (from the web server); unversioned URLs otherwise. */
  assets?: PageContext['assets'];
}

/** Largest form body: a comment or post body at its maximum in UTF-8, plus the other fields. */
const FORM_BODY_LIMIT = 128 * 1024;
const STYLESHEET = readFileSync(new URL('./community.css', import.meta.url));
export const STYLESHEET_URL = `/accounts/community.css?v=${createHash('sha256').update(STYLESHEET).digest('hex').slice(0, 12)}`;
/** The web server's static files by their plain URLs (served with a short cache). */
const UNVERSIONED_ASSETS: PageContext['assets'] = { css: '/static/style.css', js: '/static/app.js', icon: '/static/favicon.svg' };
/** How often expired sessions, reset links and throttle entries are deleted. */
const PRUNE_INTERVAL_MS = 60 * 60_000;
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function accountsPlugin(fastify: FastifyInstance, deps: AccountsPluginDeps): Promise<void> {
  const c = deps.community ?? createCommunity({ ...deps, onMailError: deps.onMailError ?? ((err) => fastify.log.error({ err }, 'mail not sent')) });
  const w: AccountsWeb = {
    c,
    csrfKey: await c.sql.key('csrf', () => randomToken()),
    site: new SiteData(deps.app),
    assets: deps.assets ?? UNVERSIONED_ASSETS,
    css: STYLESHEET_URL,
    requesters: new WeakMap(),
  };

  // Expired sessions, spent reset links and old rate-limit entries are deleted at start and then hourly.
  await c.accounts.prune();
  const pruning = setInterval(() => { c.accounts.prune().catch((err: unknown) => fastify.log.error({ err }, 'pruning accounts failed')); }, PRUNE_INTERVAL_MS);
  pruning.unref();
  fastify.addHook('onClose', async () => clearInterval(pruning));

  if (!fastify.hasContentTypeParser('application/x-www-form-urlencoded')) {
    fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
  }

  fastify.addHook('onRequest', async (req) => {
    w.requesters.set(req, await identify(req, c.options, c.accounts));
  });

  // Every form post carries the synchronizer token; the API authenticates by bearer token and reads no cookies.
  fastify.addHook('preHandler', async (req) => {
    if (!UNSAFE_METHODS.has(req.method) || req.url.startsWith('/api/')) return;
    const r = w.requesters.get(req)!;
    const submitted = (req.body as Record<string, unknown> | undefined)?._csrf;
    if (!sameOrigin(req, c.options.publicUrl) || !csrfValid(w.csrfKey, r, submitted)) throw new AccountError('csrf', 'error.csrf');
  });

  // Pages and answers about one reader are for that reader only: no shared cache may keep them.
  // A reset link's token is in its path: no Referer may carry it to another site (this runs after the site's own
  // headers). "same-origin" rather than "no-referrer", which would make browsers send "Origin: null" on the form.
  fastify.addHook('onSend', async (req, reply, payload) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'private, no-store');
    if (req.routeOptions.url?.endsWith('/reset-password/:token')) reply.header('referrer-policy', 'same-origin');
    const r = w.requesters.get(req);
    if (r) rememberLanguage(w.c.options, r, req, reply);
    return payload;
  });

  fastify.setErrorHandler(async (err, req, reply) => {
    if (!(err instanceof AccountError)) {
      if (req.url.startsWith('/api/') && (err as { statusCode?: number }).statusCode === 400) {
        return apiError(reply, new AccountError('invalid_input', 'error.invalid'), (err as Error).message);
      }
      throw err;
    }
    if (err.retryAfter) reply.header('retry-after', String(err.retryAfter));
    if (req.url.startsWith('/api/')) return apiError(reply, err);
    return errorPage(w, req, reply, err);
  });

  fastify.get('/accounts/community.css', async (req, reply) => {
    const versioned = (req.query as Record<string, unknown>).v === STYLESHEET_URL.split('=')[1];
    return reply.type('text/css; charset=utf-8').header('cache-control', versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=300').send(STYLESHEET);
  });

  for (const code of LOCALE_CODES) {
    fastify.register(async (f) => {
      await f.register(authRoutes(w, code));
      await f.register(communityRoutes(w, code));
      await f.register(libraryRoutes(w, code));
    }, { prefix: LOCALES[code].prefix });
  }
  fastify.register(privateFeedRoute(w));
  fastify.register(apiRoutes(w), { prefix: '/api/v1' });
}

/**
 * The optional cookie, only after consent: the language of the last page read, which `preferredLocale` gives the
 * site's entry page so that a returning reader lands in their language. The news pages call it too.
 */
export function rememberLanguage(options: AccountsOptions, r: Requester, req: FastifyRequest, reply: FastifyReply): void {
  if (!options.optionalCookies || req.method !== 'GET' || req.url.startsWith('/api/') || reply.statusCode !== 200) return;
  if (r.cookies[cookieName(COOKIES.consent, r.secure)] !== 'yes') return;
  const { locale } = localeOfPath(req.url);
  if (r.cookies[cookieName(COOKIES.language, r.secure)] !== locale) setCookie(reply, r, COOKIES.language, locale, CONSENT_MAX_AGE_S);
}

/** An error as a page: a reader who is not signed in goes to the log-in page and comes back after. */
async function errorPage(w: AccountsWeb, req: FastifyRequest, reply: FastifyReply, err: AccountError): Promise<FastifyReply> {
  const { locale, rest } = localeOfPath(req.url);
  if (err.code === 'unauthorized' && req.method === 'GET') return reply.redirect(loginFor(locale, rest), 303);
  const ctx = await pageCtx(w, req, reply, locale);
  const a = accountsText(locale);
  const message = a.t(err.key, err.vars);
  const body = html`<section class="error-page"><h1>${a.t('error.title')}</h1><p role="alert">${message}</p>
${err.code === 'unauthorized' ? html`<p><a href="${loginFor(locale, rest)}">${a.t('nav.login')}</a></p>` : ''}
<p><a href="${ctx.a.site.path('/')}">${ctx.page.t.t('error.home')}</a></p></section>`;
  return sendHtml(reply, frame(ctx, a.t('error.title'), body), err.status);
}
