// What every route plugin shares: the app, the read helpers, static asset URLs and the public base URL.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../app.ts';
import type { CommunityHooks, PageCommunity } from './community.ts';
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
  /** The readers' community, when the site has accounts: its parts of each page and its API endpoints. */
  community?: CommunityHooks;
}

/** Each page's community parts by its reply, so that `sendPage` can tell whether the page was made for one reader. */
const communityOf = new WeakMap<FastifyReply, PageCommunity>();

export async function pageContext(web: WebContext, req: FastifyRequest, reply: FastifyReply, locale?: Locale): Promise<PageContext> {
  const where = localeOfPath(req.url);
  const facets = await web.site.getFacets().catch(() => ({ outlets: [], languages: [] }));
  const ctx: PageContext = {
    t: translator(locale ?? where.locale),
    here: where.rest,
    assets: web.assets,
    outletSlugs: new Map(facets.outlets.map((o) => [o.name, o.slug])),
  };
  if (web.community) {
    ctx.community = await web.community.page(req, reply, ctx.t.locale, ctx);
    communityOf.set(reply, ctx.community);
  }
  return ctx;
}

export function sendPage(reply: FastifyReply, page: SafeHtml, status = 200): FastifyReply {
  const community = communityOf.get(reply);
  if (community) {
    // With accounts, a page differs by the reader's cookies; one showing a name or a form token is theirs alone.
    reply.header('vary', 'cookie');
    if (community.personal()) reply.header('cache-control', 'private, no-store');
  }
  return reply.code(status).type('text/html; charset=utf-8').send(page.value);
}
