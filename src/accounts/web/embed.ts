// The community parts other pages can carry (the article and story pages, the site's header): the same widgets as
// the accounts pages, with a context built from the request. Every form in them posts to the accounts plugin.
// This module is the web server's one door into the accounts: the plugin, its services and `communityHooks`.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CommunityHooks } from '../../web/community.ts';
import { html, type SafeHtml } from '../../web/html.ts';
import type { Locale } from '../../web/i18n/index.ts';
import type { PageContext } from '../../web/templates/layout.ts';
import type { Community } from '../setup.ts';
import { randomToken } from '../security.ts';
import { localePath } from '../i18n/index.ts';
import { buildCtx } from './context.ts';
import { frameParts, path, type Ctx } from './frame.ts';
import { identify, preferredLocale, type Requester } from './http.ts';
import { ACCOUNTS_OPENAPI } from './openapi.ts';
import { rememberLanguage, STYLESHEET_URL } from './plugin.ts';
import { collectionBox, followButton, hotWithReadersBox, voteBox } from './widgets.ts';
import { HOTNESS_WINDOW_SECONDS, HOT_WITH_READERS } from '../policy.ts';

export { accountsPlugin } from './plugin.ts';
export { createCommunity, openAccountsDatabase, openAccountsStore, type Community } from '../setup.ts';
export { accountBar, consentBanner } from './frame.ts';
export { collectionBox, commentsSection, followButton, voteBox } from './widgets.ts';
export { preferredLocale } from './http.ts';

/** The stylesheet the widgets wear; put it in the page's <head>. */
export const COMMUNITY_CSS = STYLESHEET_URL;

/** The widgets' context for a page another plugin renders. */
export async function embedContext(c: Community, req: FastifyRequest, reply: FastifyReply, locale: Locale, page: Pick<PageContext, 'assets' | 'outletSlugs'>): Promise<Ctx> {
  return contextWith(await c.sql.key('csrf', () => randomToken()), c, await identify(req, c.options, c.accounts), req, reply, locale, page);
}

function contextWith(csrfKey: string, c: Community, r: Requester, req: FastifyRequest, reply: FastifyReply, locale: Locale, page: Pick<PageContext, 'assets' | 'outletSlugs'>): Ctx {
  return buildCtx({ c, csrfKey, r, req, reply, locale, assets: page.assets, css: STYLESHEET_URL, outletSlugs: page.outletSlugs });
}

/**
 * What the web server's pages carry from the community: the account menu and notices of every page, the article
 * and story blocks, and the API endpoints for its OpenAPI document.
 */
export function communityHooks(c: Community): CommunityHooks {
  // The CSRF key is read (created on first use) once, not on every page view; a failed read is tried again.
  let csrfKey: Promise<string> | null = null;
  const key = () => (csrfKey ??= c.sql.key('csrf', () => randomToken()).catch((err: unknown) => {
    csrfKey = null;
    throw err;
  }));
  return {
    async page(req, reply, locale, page) {
      const r = await identify(req, c.options, c.accounts);
      const ctx = contextWith(await key(), c, r, req, reply, locale, page);
      rememberLanguage(c.options, r, req, reply);
      return {
        ...frameParts(ctx),
        article: (a) => articleCommunity(c, ctx, a),
        story: (id) => storyCommunity(c, ctx, id),
        hotWithReaders: () => hotWithReaders(c, ctx),
      };
    },
    preferredLocale: (req) => preferredLocale(req, c.options),
    openapi: ACCOUNTS_OPENAPI,
    ranking: {
      rankStories: (source) => c.community.rankStories(source),
      windowHours: HOTNESS_WINDOW_SECONDS / 3600,
    },
  };
}

/** "Hot with readers" for the home page, with the reader's own votes on what it lists. */
export async function hotWithReaders(c: Community, ctx: Ctx): Promise<SafeHtml> {
  const items = await c.community.hotWithReaders(HOT_WITH_READERS);
  const idOf = (i: (typeof items)[number]) => (i.type === 'post' ? i.post.id : i.article.id);
  // A visitor has cast no votes (the box shows them the points alone), so only a signed-in reader's are looked up.
  const mine = async (type: 'post' | 'article') => (ctx.viewer ? c.community.points(type, items.filter((i) => i.type === type).map(idOf), ctx.viewer) : new Map<number, { myVote: -1 | 0 | 1 }>());
  const votes = { post: await mine('post'), article: await mine('article') };
  return hotWithReadersBox(ctx, items.map((i) => ({ ...i, myVote: votes[i.type].get(idOf(i))?.myVote ?? 0 })), path(ctx, '/'));
}

/** Where an article's or story's comments are: '/articles/3/discussion', '/fa/stories/2/discussion'. */
export function discussionPath(locale: Locale, type: 'article' | 'story', id: number): string {
  return localePath(locale, `/${type === 'article' ? 'articles' : 'stories'}/${id}/discussion`);
}

/**
 * Everything an article page needs from the community in one block: "Leave your vote" with its points, a link to
 * the discussion with the comment count, follow buttons for the outlet and the story, and "Add to Collection".
 */
export async function articleCommunity(c: Community, ctx: Ctx, a: { id: number; outlet: string | null; storyId: number | null }): Promise<SafeHtml> {
  const here = path(ctx, `/articles/${a.id}`);
  const [points, comments, followsOutlet, followsStory, collections, holding] = await Promise.all([
    c.community.points('article', [a.id], ctx.viewer).then((m) => m.get(a.id)!),
    c.community.commentCounts('article', [a.id]).then((m) => m.get(a.id) ?? 0),
    a.outlet ? c.follows.isFollowing(ctx.viewer, 'outlet', a.outlet) : false,
    a.storyId !== null ? c.follows.isFollowing(ctx.viewer, 'story', String(a.storyId)) : false,
    ctx.viewer ? c.collections.list(ctx.viewer) : [],
    ctx.viewer ? c.collections.holding(ctx.viewer, 'article', a.id) : [],
  ]);
  return html`<section class="community" aria-label="${ctx.a.t('nav.community')}">
${voteBox(ctx, 'article', a.id, points, here)}
<p><a href="${discussionPath(ctx.a.locale, 'article', a.id)}#comments">${ctx.a.t('comments.leave')}</a> · ${ctx.a.n('count.comments', comments)}</p>
<div class="follows">
${a.outlet ? followButton(ctx, 'outlet', a.outlet, ctx.a.t('follow.outlet', { name: a.outlet }), followsOutlet, here) : ''}
${a.storyId !== null ? followButton(ctx, 'story', String(a.storyId), ctx.a.t('follow.story'), followsStory, here) : ''}
</div>
${collectionBox(ctx, { type: 'article', id: a.id, returnTo: here, collections, holding })}
</section>
`;
}

/** The same for a story page: discussion link, follow the story, "Add to Collection". */
export async function storyCommunity(c: Community, ctx: Ctx, storyId: number): Promise<SafeHtml> {
  const here = path(ctx, `/stories/${storyId}`);
  const [comments, following, collections, holding] = await Promise.all([
    c.community.commentCounts('story', [storyId]).then((m) => m.get(storyId) ?? 0),
    c.follows.isFollowing(ctx.viewer, 'story', String(storyId)),
    ctx.viewer ? c.collections.list(ctx.viewer) : [],
    ctx.viewer ? c.collections.holding(ctx.viewer, 'story', storyId) : [],
  ]);
  return html`<section class="community" aria-label="${ctx.a.t('nav.community')}">
<p><a href="${discussionPath(ctx.a.locale, 'story', storyId)}#comments">${ctx.a.t('comments.leave')}</a> · ${ctx.a.n('count.comments', comments)}</p>
${followButton(ctx, 'story', String(storyId), ctx.a.t('follow.story'), following, here)}
${collectionBox(ctx, { type: 'story', id: storyId, returnTo: here, collections, holding })}
</section>
`;
}
