// The web app's one composition: security headers, static assets, pages per UI language, feeds, the JSON API, errors.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { App } from '../app.ts';
import { pageContext, sendPage, type WebContext } from './context.ts';
import { localPath } from './html.ts';
import { LOCALES, LOCALE_CODES, localeOfPath } from './i18n/index.ts';
import { HttpError } from './params.ts';
import { apiRoutes } from './routes/api.ts';
import { feedRoutes } from './routes/feeds.ts';
import { pageRoutes } from './routes/pages.ts';
import { SiteData } from './site-data.ts';
import { errorPage } from './templates/error.ts';
// The accounts plugin's one door for the web server: the plugin, its services and the hooks the pages render.
import { accountsPlugin, communityHooks, createCommunity, openAccountsStore, type Community } from '../accounts/web/embed.ts';
import type Database from 'better-sqlite3';

export interface ServerOptions {
  /** Absolute base URL the site is reached at (feeds and share links); defaults to a loopback address. */
  publicUrl?: string;
  /** Fastify's request log; off in tests. */
  logger?: boolean;
  /**
   * Readers' accounts: on by default for a SQLite file store and for PostgreSQL; `false` turns them off; an object
   * supplies the SQLite connection or the community service, or both (tests inject a clock and a mailer this way).
   */
  accounts?: false | { db?: Database.Database; community?: Community };
}

/** No inline script or style anywhere: everything the page runs or wears comes from this origin's files. */
const CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "object-src 'none'",
  "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

/** Static files: versioned URLs are cached for a year, since a change of content changes the URL. */
const STATIC_FILES = {
  css: ['style.css', 'text/css; charset=utf-8'], js: ['app.js', 'text/javascript; charset=utf-8'], icon: ['favicon.svg', 'image/svg+xml'],
} as const;
const IMMUTABLE = 'public, max-age=31536000, immutable';

function loadAssets() {
  const out = {} as Record<keyof typeof STATIC_FILES, { name: string; type: string; body: Buffer; url: string }>;
  for (const [key, [name, type]] of Object.entries(STATIC_FILES) as Array<[keyof typeof STATIC_FILES, readonly [string, string]]>) {
    const body = readFileSync(new URL(`./static/${name}`, import.meta.url));
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
    out[key] = { name, type, body, url: `/static/${name}?v=${hash}` };
  }
  return out;
}

export function buildServer(app: App, opts: ServerOptions = {}): FastifyInstance {
  const assets = loadAssets();
  const web: WebContext = {
    app,
    site: new SiteData(app),
    assets: { css: assets.css.url, js: assets.js.url, icon: assets.icon.url },
    publicUrl: (opts.publicUrl ?? 'http://127.0.0.1:8080').replace(/\/+$/, ''),
  };
  const f = Fastify({ logger: opts.logger ?? false, routerOptions: { ignoreTrailingSlash: true, maxParamLength: 300 } });

  f.addHook('onSend', async (_req, reply, payload) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) reply.header(k, v);
    return payload;
  });

  for (const a of Object.values(assets)) {
    f.get(`/static/${a.name}`, async (req, reply) => {
      const versioned = (req.query as Record<string, unknown>).v === a.url.split('=')[1];
      return reply.type(a.type).header('cache-control', versioned ? IMMUTABLE : 'public, max-age=300').send(a.body);
    });
  }

  // English lives at the root; /en/... is a common guess and goes to the same page there.
  f.get('/en', async (_req, reply) => reply.redirect('/', 301));
  f.get('/en/*', async (req, reply) => reply.redirect(localPath(req.url.slice(3)), 301));

  // Readers' accounts and community live beside the articles: in the SQLite file, or in PostgreSQL. An in-memory
  // SQLite store serves the news without them. With them, the news pages carry the community's parts and the API
  // document lists its endpoints.
  const accounts = opts.accounts === undefined && (app.config.databaseUrl || app.config.db !== ':memory:') ? openAccountsStore(app) : null;
  if (accounts) f.addHook('onClose', async () => accounts.close());
  const given = opts.accounts || undefined;
  const db = given?.db;
  const store = accounts?.store;
  if (given || store) {
    const community = given?.community
      ?? createCommunity({ app, db, store, options: { publicUrl: web.publicUrl }, onMailError: (err) => f.log.error({ err }, 'mail not sent') });
    web.community = communityHooks(community);
    f.register(accountsPlugin, { app, db, store, community, assets: web.assets });
  }

  for (const code of LOCALE_CODES) f.register(pageRoutes(web, code), { prefix: LOCALES[code].prefix });
  f.register(feedRoutes(web));
  f.register(apiRoutes(web), { prefix: '/api/v1' });

  f.setNotFoundHandler(async (req, reply) => respondError(web, req, reply, new HttpError(404, 'not_found', `no route for ${req.method} ${req.url.split('?')[0]}`)));
  f.setErrorHandler(async (err, req, reply) => {
    const e = toHttpError(err);
    if (e.status === 500) req.log.error(err);
    return respondError(web, req, reply, e);
  });
  return f;
}

/** Our own errors keep their status; Fastify's client errors (bad JSON, bad URL) become 400; the rest are 500s. */
function toHttpError(err: unknown): HttpError {
  if (err instanceof HttpError) return err;
  const status = (err as { statusCode?: number }).statusCode;
  if (status && status >= 400 && status < 500) return new HttpError(status === 404 ? 404 : 400, status === 404 ? 'not_found' : 'bad_request', (err as Error).message);
  return new HttpError(500, 'internal', 'internal server error');
}

async function respondError(web: WebContext, req: FastifyRequest, reply: FastifyReply, e: HttpError): Promise<FastifyReply> {
  if (req.url.startsWith('/api/')) return reply.code(e.status).send({ errors: [{ code: e.code, message: e.message }] });
  const path = req.url.split('?')[0];
  if (/\.(xml|atom)$/.test(path)) return reply.code(e.status).type('text/plain; charset=utf-8').send(`${e.code}: ${e.message}\n`);
  const locale = localeOfPath(req.url).locale;
  // The error page still answers when the community's parts cannot be made (the cause of a 500 may be theirs).
  const ctx = await pageContext(web, req, reply, locale).catch(() => pageContext({ ...web, community: undefined }, req, reply, locale));
  // A 500's message would show internals; the page says only that something went wrong.
  return sendPage(reply, errorPage(ctx, e.status, e.status === 500 ? '' : e.message), e.status);
}
