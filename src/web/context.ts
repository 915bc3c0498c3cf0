// What every route plugin shares: the app, the read helpers, static asset URLs and the public base URL.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../app.ts';
import type { SafeHtml } from './html.ts';
import { localeOfPath, translator, type Locale } from './i18n/index.ts';
import type { SiteData } from './site-data.ts';
import type { PageContext } from './templates/layout.ts';

export interface WebContext {
  app: App;
  site: SiteData;
  assets: { css: string; js: string; icon: string };
  /** Absolute base URL (no trailing slash) for feeds and share links. */
  publicUrl: string;
}

export async function pageContext(web: WebContext, req: FastifyRequest, locale?: Locale): Promise<PageContext> {
  const where = localeOfPath(req.url);
  const facets = await web.site.getFacets().catch(() => ({ outlets: [], languages: [] }));
  return {
    t: translator(locale ?? where.locale),
    here: where.rest,
    assets: web.assets,
    outletSlugs: new Map(facets.outlets.map((o) => [o.name, o.slug])),
  };
}

export function sendPage(reply: FastifyReply, page: SafeHtml, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(page.value);
}
