// Community routes of one UI language: posts, submission, votes, comments, discussion pages, profiles, moderation.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Locale } from '../../web/i18n/index.ts';
import { AccountError, notFound } from '../errors.ts';
import { requireAdmin } from '../community.ts';
import { EDIT_WINDOW_MS, REPORT_REASON_MAX } from '../policy.ts';
import { THREAD_TARGETS, VOTE_TARGETS, REPORT_TARGETS, type ReportTarget, type ThreadTarget, type User } from '../model.ts';
import * as v from '../validate.ts';
import { emptyForm, formFailure, type Ctx, type FormState } from './frame.ts';
import {
  commentEditPage, discussionPage, moderationPage, postPage, postsPage, reportPage, submitPage, threadLink, userPage, type ReportModel,
} from './pages-community.ts';
import type { CollectionBoxModel, ThreadModel } from './widgets.ts';
import { formBody, lp, pageCtx, redirectTo, returnPath, sendHtml, signedIn, type AccountsWeb } from './context.ts';
import { loginFor } from './routes-auth.ts';

/** Posts per page of the community list. */
export const POSTS_PER_PAGE = 30;
/** Entries of the moderation log on its page. */
const LOG_PAGE = 200;

export function communityRoutes(w: AccountsWeb, locale: Locale) {
  const { community, collections, follows, accounts, library } = w.c;

  async function thread(ctx: Ctx, req: FastifyRequest, type: ThreadTarget, id: number, returnTo: string): Promise<ThreadModel> {
    const t = await community.thread(type, id, ctx.viewer);
    const reply = Number((req.query as Record<string, unknown>).reply);
    return { type, id, comments: t.comments, count: t.count, replyTo: Number.isSafeInteger(reply) && reply > 0 ? reply : null, returnTo };
  }

  async function collect(ctx: Ctx, type: 'article' | 'story', id: number, returnTo: string): Promise<CollectionBoxModel> {
    return {
      type, id, returnTo,
      collections: ctx.viewer ? await collections.list(ctx.viewer) : [],
      holding: ctx.viewer ? await collections.holding(ctx.viewer, type, id) : [],
    };
  }

  async function vote(ctx: Ctx, type: 'post' | 'article', id: number) {
    return (await community.points(type, [id], ctx.viewer)).get(id)!;
  }

  async function renderPost(req: FastifyRequest, reply: FastifyReply, id: number, editForm: FormState | null, status = 200): Promise<FastifyReply> {
    const ctx = await pageCtx(w, req, reply, locale);
    const post = await community.getPost(id);
    const article = post.articleId !== null && !post.deletedAt ? await library.article(post.articleId) : null;
    const returnTo = lp(locale, `/posts/${id}`);
    const canEdit = community.canEditPost(ctx.viewer, post);
    return sendHtml(reply, postPage(ctx, {
      post, vote: await vote(ctx, 'post', id), thread: await thread(ctx, req, 'post', id, returnTo), article,
      story: article ? await library.articleStory(article.id) : null, canEdit,
      editUntil: new Date(Date.parse(post.createdAt) + EDIT_WINDOW_MS).toISOString(),
      editForm: canEdit ? editForm : null,
      collect: article ? await collect(ctx, 'article', article.id, returnTo) : null,
    }), status);
  }

  return async function plugin(f: FastifyInstance): Promise<void> {
    f.get('/posts', async (req, reply) => {
      const q = req.query as Record<string, unknown>;
      const sort = q.sort === 'new' ? 'new' : 'hot';
      const page = Math.min(Math.max(1, Number.parseInt(String(q.page ?? '1'), 10) || 1), 10_000);
      const ctx = await pageCtx(w, req, reply, locale);
      const { posts, total } = await community.listPosts(sort, POSTS_PER_PAGE, (page - 1) * POSTS_PER_PAGE);
      const votes = await community.points('post', posts.map((p) => p.id), ctx.viewer);
      return sendHtml(reply, postsPage(ctx, { posts, sort, page, hasNext: page * POSTS_PER_PAGE < total, votes }));
    });

    f.get('/submit', async (req, reply) => {
      const ctx = await pageCtx(w, req, reply, locale);
      if (!ctx.viewer) return redirectTo(reply, loginFor(locale, '/submit'));
      return sendHtml(reply, submitPage(ctx, emptyForm()));
    });

    f.post('/submit', async (req, reply) => {
      const user = signedIn(w, req);
      const body = formBody(req);
      try {
        const r = await community.submit(user, { title: body.title, url: body.url, body: body.body });
        return redirectTo(reply, lp(locale, `/posts/${r.post.id}`), r.existed ? 'postExisted' : r.fetchError ? 'postFetchFailed' : 'posted');
      } catch (err) {
        const ctx = await pageCtx(w, req, reply, locale);
        return sendHtml(reply, submitPage(ctx, formFailure(ctx, err, { title: body.title ?? '', url: body.url ?? '', body: body.body ?? '' })), statusOf(err));
      }
    });

    f.get('/posts/:id', async (req, reply) => renderPost(req, reply, idParam(req), null));

    f.get('/posts/:id/edit', async (req, reply) => {
      const id = idParam(req);
      signedIn(w, req);
      const p = await community.getPost(id);
      return renderPost(req, reply, id, emptyForm({ title: p.title, body: p.body }));
    });

    f.post('/posts/:id/edit', async (req, reply) => {
      const id = idParam(req);
      const user = signedIn(w, req);
      const body = formBody(req);
      try {
        await community.editPost(user, id, { title: body.title, body: body.body });
        return redirectTo(reply, lp(locale, `/posts/${id}`), 'postEdited');
      } catch (err) {
        if (err instanceof AccountError && err.code !== 'invalid_input') throw err;
        const ctx = await pageCtx(w, req, reply, locale);
        return renderPost(req, reply, id, formFailure(ctx, err, { title: body.title ?? '', body: body.body ?? '' }), 400);
      }
    });

    f.post('/posts/:id/delete', async (req, reply) => {
      const id = idParam(req);
      await community.deletePost(signedIn(w, req), id);
      return redirectTo(reply, lp(locale, '/posts'), 'postDeleted');
    });

    f.get('/articles/:id/discussion', async (req, reply) => {
      const id = idParam(req);
      const article = await library.article(id);
      if (!article) throw notFound();
      const ctx = await pageCtx(w, req, reply, locale);
      const returnTo = lp(locale, `/articles/${id}/discussion`);
      const story = await library.articleStory(id);
      return sendHtml(reply, discussionPage(ctx, {
        kind: 'article', id, title: article.title ?? `#${id}`, outlet: article.outlet, url: article.url, story,
        vote: await vote(ctx, 'article', id), thread: await thread(ctx, req, 'article', id, returnTo), collect: await collect(ctx, 'article', id, returnTo),
        follows: {
          outlet: !!article.outlet && (await follows.isFollowing(ctx.viewer, 'outlet', article.outlet)),
          story: !!story && (await follows.isFollowing(ctx.viewer, 'story', String(story.id))),
        },
        postId: await w.c.sql.postIdByArticle(id),
      }));
    });

    f.get('/stories/:id/discussion', async (req, reply) => {
      const id = idParam(req);
      const story = await library.story(id);
      if (!story) throw notFound();
      const ctx = await pageCtx(w, req, reply, locale);
      const returnTo = lp(locale, `/stories/${id}/discussion`);
      return sendHtml(reply, discussionPage(ctx, {
        kind: 'story', id, title: story.title ?? `#${id}`, outlet: null, url: null, story,
        vote: null, thread: await thread(ctx, req, 'story', id, returnTo), collect: await collect(ctx, 'story', id, returnTo),
        follows: { outlet: false, story: await follows.isFollowing(ctx.viewer, 'story', String(id)) }, postId: null,
      }));
    });

    f.post('/vote', async (req, reply) => {
      const user = signedIn(w, req);
      const body = formBody(req);
      const type = v.oneOf(body.type, VOTE_TARGETS, 'type');
      const id = v.positiveId(body.id);
      await community.vote(user, type, id, body.value);
      return redirectTo(reply, returnPath(body.return, lp(locale, '/posts')), 'voted');
    });

    f.post('/comments', async (req, reply) => {
      const user = signedIn(w, req);
      const body = formBody(req);
      const type = v.oneOf(body.itemType, THREAD_TARGETS, 'itemType');
      const itemId = v.positiveId(body.itemId, 'itemId');
      const c = await community.comment(user, { itemType: type, itemId, parentId: body.parentId, body: body.body });
      const back = returnPath(body.return, lp(locale, type === 'post' ? `/posts/${itemId}` : `/${type}s/${itemId}/discussion`)).split('?')[0];
      return redirectTo(reply, `${back}#c${c.id}`, 'commented');
    });

    f.get('/comments/:id/edit', async (req, reply) => {
      const user = signedIn(w, req);
      const c = await community.getComment(idParam(req));
      if (c.userId !== user.id) throw new AccountError('forbidden', 'error.forbidden');
      const ctx = await pageCtx(w, req, reply, locale);
      return sendHtml(reply, commentEditPage(ctx, c, emptyForm({ body: c.body }), threadLink(ctx, c).split('#')[0]));
    });

    f.post('/comments/:id/edit', async (req, reply) => {
      const user = signedIn(w, req);
      const id = idParam(req);
      const body = formBody(req);
      try {
        const c = await community.editComment(user, id, body.body);
        const ctx = await pageCtx(w, req, reply, locale);
        return redirectTo(reply, threadLink(ctx, c).replace('#', '?done=commentEdited#'));
      } catch (err) {
        if (!(err instanceof AccountError) || err.code !== 'invalid_input') throw err;
        const ctx = await pageCtx(w, req, reply, locale);
        const c = await community.getComment(id);
        return sendHtml(reply, commentEditPage(ctx, c, formFailure(ctx, err, { body: body.body ?? '' }), threadLink(ctx, c).split('#')[0]), 400);
      }
    });

    f.post('/comments/:id/delete', async (req, reply) => {
      const user = signedIn(w, req);
      const id = idParam(req);
      const c = await community.getComment(id);
      await community.deleteComment(user, id);
      const ctx = await pageCtx(w, req, reply, locale);
      return redirectTo(reply, `${returnPath(formBody(req).return, threadLink(ctx, c).split('#')[0])}#c${id}`, 'commentDeleted');
    });

    // Reports: a form naming what is reported, then back to it with a thank-you. Comments and posts alike.
    const reported = async (ctx: Ctx, type: ReportTarget, id: number): Promise<ReportModel> => {
      if (type === 'comment') {
        const c = await community.getComment(id);
        return { type, id, text: c.body, back: threadLink(ctx, c) };
      }
      const p = await community.getPost(id);
      if (p.deletedAt) throw notFound();
      return { type, id, text: p.body ? `${p.title}\n\n${p.body}` : p.title, back: lp(locale, `/posts/${id}`) };
    };
    for (const type of REPORT_TARGETS) {
      const segment = type === 'post' ? 'posts' : 'comments';
      f.get(`/${segment}/:id/report`, async (req, reply) => {
        signedIn(w, req);
        const ctx = await pageCtx(w, req, reply, locale);
        return sendHtml(reply, reportPage(ctx, await reported(ctx, type, idParam(req)), emptyForm()));
      });

      f.post(`/${segment}/:id/report`, async (req, reply) => {
        const user = signedIn(w, req);
        const id = idParam(req);
        const body = formBody(req);
        const ctx = await pageCtx(w, req, reply, locale);
        const target = await reported(ctx, type, id);
        try {
          await community.report(user, type, id, body.reason);
          const [where, anchor] = target.back.split('#');
          return redirectTo(reply, `${where}?done=reported${anchor ? `#${anchor}` : ''}`);
        } catch (err) {
          if (!(err instanceof AccountError) || err.code !== 'invalid_input') throw err;
          return sendHtml(reply, reportPage(ctx, target, formFailure(ctx, err, { reason: body.reason ?? '' })), 400);
        }
      });
    }

    f.get('/users/:name', async (req, reply) => {
      const { name } = req.params as { name: string };
      const user = await accounts.byName(name);
      if (!user) throw notFound();
      const ctx = await pageCtx(w, req, reply, locale);
      return sendHtml(reply, userPage(ctx, {
        user, posts: await community.postsBy(user.id), comments: await community.commentsBy(user.id),
        following: await follows.isFollowing(ctx.viewer, 'user', user.username),
      }));
    });

    f.get('/moderation', async (req, reply) => {
      const ctx = await pageCtx(w, req, reply, locale);
      const isAdmin = !!ctx.viewer?.isAdmin;
      const reports = isAdmin ? await Promise.all((await community.openReports(ctx.viewer!)).map(async (r) => {
        const target = r.targetType === 'comment' ? await w.c.sql.getComment(r.targetId) : await w.c.sql.getPost(r.targetId);
        const excerpt = target ? ('title' in target ? `${target.title}\n\n${target.body}` : target.body) : '';
        const link = r.targetType === 'comment' && target ? threadLink(ctx, target as { id: number; itemType: ThreadTarget; itemId: number }) : lp(locale, `/posts/${r.targetId}`);
        return { ...r, excerpt, link, hidden: r.targetType === 'comment' && !!(target as { hiddenAt?: string | null } | null)?.hiddenAt };
      })) : [];
      return sendHtml(reply, moderationPage(ctx, { reports, log: await community.moderationLog(LOG_PAGE, 0), isAdmin }));
    });

    f.post('/moderation/comments/:id/:action', async (req, reply) => {
      const admin = signedIn(w, req);
      const { action } = req.params as { action: string };
      const id = idParam(req);
      const body = formBody(req);
      if (action === 'hide' || action === 'unhide') await community.hideComment(admin, id, action === 'hide', body.reason);
      else if (action === 'remove') await community.removeComment(admin, id, body.reason);
      else throw notFound();
      return redirectTo(reply, returnPath(body.return, lp(locale, '/moderation')), 'moderated');
    });

    f.post('/moderation/reports/dismiss', async (req, reply) => {
      const admin = signedIn(w, req);
      const body = formBody(req);
      await community.dismissReports(admin, v.oneOf(body.type, REPORT_TARGETS, 'type'), v.positiveId(body.id));
      return redirectTo(reply, returnPath(body.return, lp(locale, '/moderation')), 'moderated');
    });

    f.post('/moderation/users/:name/:action', async (req, reply) => {
      const admin = signedIn(w, req);
      const { name, action } = req.params as { name: string; action: string };
      const body = formBody(req);
      await banUser(w, admin, name, action, body.reason);
      return redirectTo(reply, returnPath(body.return, lp(locale, '/moderation')), 'moderated');
    });
  };
}

/** Bans or lifts a ban (admins only; admins cannot be banned from the web) and logs it. */
export async function banUser(w: AccountsWeb, admin: User, name: string, action: string, reason: unknown): Promise<void> {
  requireAdmin(admin);
  const target = await w.c.accounts.byName(name);
  if (!target) throw notFound();
  if (target.isAdmin || (action !== 'ban' && action !== 'unban')) throw new AccountError('forbidden', 'error.forbidden');
  const why = v.cleanText(reason).slice(0, REPORT_REASON_MAX);
  await w.c.accounts.setBanned(target, action === 'ban' ? { reason: why } : null);
  await w.c.community.log(admin, action, 'user', target.id, target.username, why);
}

export function idParam(req: FastifyRequest): number {
  return v.positiveId((req.params as { id?: string }).id);
}

function statusOf(err: unknown): number {
  return err instanceof AccountError ? err.status : 500;
}
