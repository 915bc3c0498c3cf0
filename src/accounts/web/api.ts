// The community's JSON API under /api/v1: personal access tokens (Authorization: Bearer), the same list and error
// shapes as the rest of the API ({"data", "limit", "offset", "total", "has_more"} and {"errors": [{"code", "message"}]}).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { snakeKeys } from '../../web/queries.ts';
import { AccountError, notFound } from '../errors.ts';
import type { CommentNode } from '../community.ts';
import { requireAdmin } from '../community.ts';
import { REPORT_TARGETS, THREAD_TARGETS, VOTE_TARGETS, type Post, type ThreadTarget, type User, type VoteTarget } from '../model.ts';
import { accountsText } from '../i18n/index.ts';
import * as v from '../validate.ts';
import { requester, signedIn, type AccountsWeb } from './context.ts';
import { banUser, POSTS_PER_PAGE } from './routes-community.ts';

/** Largest page of an API list. */
const MAX_LIMIT = 100;
/** Plural path segment of each item type. */
const SEGMENT: Record<ThreadTarget | VoteTarget, string> = { post: 'posts', article: 'articles', story: 'stories', comment: 'comments' };

/** An error in the API's shape; the message is the English text of the error (stable `code` for programs). */
export function apiError(reply: FastifyReply, err: AccountError, detail?: string): FastifyReply {
  const message = detail ?? accountsText('en').t(err.key, err.vars);
  return reply.code(err.status).send({ errors: [{ code: err.code, message, ...(err.field ? { field: err.field } : {}) }] });
}

function page(query: unknown): { limit: number; offset: number } {
  const q = (query ?? {}) as Record<string, unknown>;
  const limit = q.limit === undefined ? POSTS_PER_PAGE : Number(q.limit);
  const offset = q.offset === undefined ? 0 : Number(q.offset);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw new AccountError('invalid_input', 'error.invalid', { field: 'limit' });
  if (!Number.isInteger(offset) || offset < 0 || offset > 100_000) throw new AccountError('invalid_input', 'error.invalid', { field: 'offset' });
  return { limit, offset };
}

function list(data: unknown[], p: { limit: number; offset: number }, total: number | null) {
  return { data, limit: p.limit, offset: p.offset, total, has_more: total !== null && p.offset + data.length < total };
}

const me = (u: User) => ({ id: u.id, username: u.username, email: u.email, is_admin: u.isAdmin, created_at: u.createdAt });
const postView = (p: Post) => snakeKeys({
  id: p.id, kind: p.kind, title: p.title, url: p.url, articleId: p.articleId, body: p.body, author: p.username,
  createdAt: p.createdAt, editedAt: p.editedAt, deleted: p.deletedAt !== null, points: p.ups - p.downs, ups: p.ups, downs: p.downs, comments: p.comments,
});
const commentView = (c: CommentNode): unknown => ({
  id: c.id, parent_id: c.parentId, author: c.author, body: c.body, state: c.state, created_at: c.createdAt, edited_at: c.editedAt,
  points: c.points, my_vote: c.myVote, replies: c.children.map(commentView),
});

function body(req: FastifyRequest): Record<string, unknown> {
  return req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
}

export function apiRoutes(w: AccountsWeb) {
  const { accounts, community, collections, follows } = w.c;
  const id = (req: FastifyRequest, name = 'id') => v.positiveId((req.params as Record<string, string>)[name], name);

  return async function plugin(f: FastifyInstance): Promise<void> {
    // ---- accounts and tokens ----
    f.post('/users', async (req, reply) => {
      const b = body(req);
      const user = await accounts.register({ username: b.username, email: b.email, password: b.password, ip: requester(w, req).ip });
      return reply.code(201).send(me(user));
    });

    // Exchanges a name-or-address and password for a personal access token (under the log-in limits).
    f.post('/tokens', async (req, reply) => {
      const b = body(req);
      const user = requester(w, req).viewer ?? await accounts.authenticate({ login: b.login, password: b.password, ip: requester(w, req).ip });
      const t = await accounts.createApiToken(user, b.name ?? 'API');
      return reply.code(201).send({ token: t.token, id: t.id, name: t.name, hint: t.hint, created_at: t.createdAt });
    });
    f.get('/tokens', async (req) => {
      const tokens = await accounts.listApiTokens(signedIn(w, req).id);
      return list(snakeKeys(tokens) as unknown[], { limit: tokens.length, offset: 0 }, tokens.length);
    });
    f.delete('/tokens/:id', async (req, reply) => {
      await accounts.revokeApiToken(signedIn(w, req).id, id(req));
      return reply.code(204).send();
    });

    f.get('/me', async (req) => me(signedIn(w, req)));
    f.patch('/me', async (req) => {
      let user = signedIn(w, req);
      const b = body(req);
      if (b.email !== undefined) user = await accounts.changeEmail(user, { email: b.email, currentPassword: b.current_password, locale: 'en' });
      if (b.password !== undefined) {
        // Every session ends; the one a change starts for the browser is of no use to an API client.
        const session = await accounts.changePassword(user, { currentPassword: b.current_password, newPassword: b.password, sessionHash: null, userAgent: null, locale: 'en' });
        await accounts.logout(session);
      }
      return me(user);
    });
    f.delete('/me', async (req, reply) => {
      await accounts.deleteAccount(signedIn(w, req), body(req).current_password);
      return reply.code(204).send();
    });
    f.get('/me/export', async (req) => snakeKeys(await accounts.exportData(signedIn(w, req))));

    // The same answer whether or not the address has an account.
    f.post('/password-resets', async (req, reply) => {
      await accounts.requestReset({ email: body(req).email, ip: requester(w, req).ip, locale: 'en' });
      return reply.code(202).send({ status: 'sent if the address has an account' });
    });
    f.post('/password-resets/:token', async (req, reply) => {
      const { token } = req.params as { token: string };
      const done = await accounts.completeReset({ token, password: body(req).password, userAgent: null });
      // The API answers with no session: a client logs in again (or exchanges the new password for a token).
      await accounts.logout(done.sessionToken);
      return reply.code(204).send();
    });

    f.get('/users/:name', async (req) => {
      const user = await accounts.byName((req.params as { name: string }).name);
      if (!user) throw notFound();
      return { username: user.username, created_at: user.createdAt, banned: user.bannedAt !== null, posts: (await community.postsBy(user.id)).map(postView) };
    });

    // ---- posts ----
    f.get('/posts', async (req) => {
      const p = page(req.query);
      const sort = (req.query as Record<string, unknown>).sort === 'new' ? 'new' : 'hot';
      const { posts, total } = await community.listPosts(sort, p.limit, p.offset);
      return list(posts.map(postView), p, total);
    });
    f.post('/posts', async (req, reply) => {
      const b = body(req);
      const r = await community.submit(signedIn(w, req), { title: b.title, url: b.url, body: b.body });
      return reply.code(r.existed ? 200 : 201).send({ ...(postView(r.post) as object), existed: r.existed, fetch_error: r.fetchError });
    });
    f.get('/posts/:id', async (req) => postView(await community.getPost(id(req))));
    f.patch('/posts/:id', async (req) => {
      const b = body(req);
      const current = await community.getPost(id(req));
      return postView(await community.editPost(signedIn(w, req), id(req), { title: b.title ?? current.title, body: b.body ?? current.body }));
    });
    f.delete('/posts/:id', async (req, reply) => {
      await community.deletePost(signedIn(w, req), id(req));
      return reply.code(204).send();
    });

    // ---- votes ----
    for (const type of VOTE_TARGETS) {
      f.get(`/${SEGMENT[type]}/:id/vote`, async (req) => snakeKeys((await community.points(type, [id(req)], requester(w, req).viewer)).get(id(req))));
      f.put(`/${SEGMENT[type]}/:id/vote`, async (req) => snakeKeys(await community.vote(signedIn(w, req), type, id(req), body(req).value)));
    }

    // ---- comments ----
    for (const type of THREAD_TARGETS) {
      f.get(`/${SEGMENT[type]}/:id/comments`, async (req) => {
        const t = await community.thread(type, id(req), requester(w, req).viewer);
        return { data: t.comments.map(commentView), count: t.count };
      });
      f.post(`/${SEGMENT[type]}/:id/comments`, async (req, reply) => {
        const b = body(req);
        const c = await community.comment(signedIn(w, req), { itemType: type, itemId: id(req), parentId: b.parent_id ?? null, body: b.body });
        return reply.code(201).send(snakeKeys({ id: c.id, parentId: c.parentId, body: c.body, createdAt: c.createdAt }));
      });
    }
    f.patch('/comments/:id', async (req) => {
      const c = await community.editComment(signedIn(w, req), id(req), body(req).body);
      return snakeKeys({ id: c.id, parentId: c.parentId, body: c.body, createdAt: c.createdAt, editedAt: c.editedAt });
    });
    f.delete('/comments/:id', async (req, reply) => {
      await community.deleteComment(signedIn(w, req), id(req));
      return reply.code(204).send();
    });
    // ---- reports ----
    for (const type of REPORT_TARGETS) {
      f.post(`/${SEGMENT[type]}/:id/report`, async (req, reply) => {
        await community.report(signedIn(w, req), type, id(req), body(req).reason);
        return reply.code(202).send({ status: 'reported' });
      });
    }

    // ---- moderation (admins) ----
    f.post('/comments/:id/hide', async (req, reply) => {
      const b = body(req);
      await community.hideComment(signedIn(w, req), id(req), b.hidden !== false, b.reason);
      return reply.code(204).send();
    });
    f.post('/comments/:id/remove', async (req, reply) => {
      await community.removeComment(signedIn(w, req), id(req), body(req).reason);
      return reply.code(204).send();
    });
    f.put('/users/:name/ban', async (req, reply) => {
      await banUser(w, signedIn(w, req), (req.params as { name: string }).name, 'ban', body(req).reason);
      return reply.code(204).send();
    });
    f.delete('/users/:name/ban', async (req, reply) => {
      await banUser(w, signedIn(w, req), (req.params as { name: string }).name, 'unban', '');
      return reply.code(204).send();
    });
    f.get('/moderation/reports', async (req) => {
      const reports = await community.openReports(signedIn(w, req));
      return list(snakeKeys(reports) as unknown[], { limit: reports.length, offset: 0 }, reports.length);
    });
    // Closes an item's open reports without acting on it (the moderation page's "Dismiss reports"); logged.
    f.post('/moderation/reports/:type/:id/dismiss', async (req, reply) => {
      const admin = signedIn(w, req);
      const type = v.oneOf((req.params as Record<string, string>).type, REPORT_TARGETS, 'type');
      if (await community.dismissReports(admin, type, id(req)) === 0) throw notFound();
      return reply.code(204).send();
    });
    f.get('/moderation/log', async (req) => {
      const p = page(req.query);
      return list(snakeKeys(await community.moderationLog(p.limit, p.offset)) as unknown[], p, null);
    });

    // ---- collections ----
    f.get('/collections', async (req) => {
      const all = await collections.list(signedIn(w, req));
      return list(snakeKeys(all) as unknown[], { limit: all.length, offset: 0 }, all.length);
    });
    f.post('/collections', async (req, reply) => {
      const b = body(req);
      return reply.code(201).send(snakeKeys(await collections.create(signedIn(w, req), { name: b.name, isPublic: b.public })));
    });
    f.get('/collections/:id', async (req) => {
      const viewer = requester(w, req).viewer;
      const c = await collections.get(viewer, id(req));
      return snakeKeys({ ...c, items: await collections.items(viewer, c.id) });
    });
    f.patch('/collections/:id', async (req) => {
      const b = body(req);
      return snakeKeys(await collections.update(signedIn(w, req), id(req), { name: b.name, isPublic: b.public }));
    });
    f.delete('/collections/:id', async (req, reply) => {
      await collections.delete(signedIn(w, req), id(req));
      return reply.code(204).send();
    });
    f.post('/collections/:id/items', async (req, reply) => {
      const b = body(req);
      await collections.add(signedIn(w, req), id(req), b.type, b.id);
      return reply.code(204).send();
    });
    f.delete('/collections/:id/items/:type/:item', async (req, reply) => {
      const p = req.params as Record<string, string>;
      await collections.remove(signedIn(w, req), id(req), p.type, p.item);
      return reply.code(204).send();
    });
    f.get('/collections/:id/export', async (req, reply) => {
      const format = (req.query as Record<string, unknown>).format ?? 'json';
      const out = await collections.export(requester(w, req).viewer, id(req), format, w.c.options.publicUrl);
      return reply.type(out.contentType).header('content-disposition', `attachment; filename="${out.filename}"`).send(out.body);
    });

    // ---- follows ----
    f.get('/follows', async (req) => {
      const all = await follows.list(signedIn(w, req));
      return list(snakeKeys(all) as unknown[], { limit: all.length, offset: 0 }, all.length);
    });
    f.post('/follows', async (req, reply) => {
      const b = body(req);
      return reply.code(201).send(snakeKeys(await follows.follow(signedIn(w, req), b.type, b.key)));
    });
    f.delete('/follows/:type/:key', async (req, reply) => {
      const p = req.params as Record<string, string>;
      await follows.unfollow(signedIn(w, req), p.type, p.key);
      return reply.code(204).send();
    });
    f.get('/feed', async (req) => {
      const entries = await follows.feed(signedIn(w, req));
      return list(snakeKeys(entries) as unknown[], { limit: entries.length, offset: 0 }, entries.length);
    });

    // Admin check for the few read-only admin views, kept next to them.
    f.get('/moderation/users', async (req) => {
      const admin = signedIn(w, req);
      requireAdmin(admin);
      const users = await accounts.listUsers();
      return list(snakeKeys(users) as unknown[], { limit: users.length, offset: 0 }, users.length);
    });
  };
}
