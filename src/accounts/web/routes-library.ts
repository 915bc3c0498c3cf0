// Library routes of one UI language: collections and their export, "Add to Collection", follows and the personal
// feed, the privacy page; plus the private Atom feed (no language prefix: a feed reader fetches it).
import type { FastifyInstance } from 'fastify';
import type { Locale } from '../../web/i18n/index.ts';
import { AccountError, notFound } from '../errors.ts';
import { atomFeed } from '../follows.ts';
import * as v from '../validate.ts';
import { emptyForm, formFailure } from './frame.ts';
import { collectionPage, collectionsPage, feedPage, privacyPage } from './pages-library.ts';
import { formBody, lp, pageCtx, redirectTo, requester, returnPath, sendHtml, signedIn, type AccountsWeb } from './context.ts';
import { loginFor } from './routes-auth.ts';
import { idParam } from './routes-community.ts';

export function libraryRoutes(w: AccountsWeb, locale: Locale) {
  const { collections, follows } = w.c;

  return async function plugin(f: FastifyInstance): Promise<void> {
    f.get('/collections', async (req, reply) => {
      const ctx = await pageCtx(w, req, reply, locale);
      if (!ctx.viewer) return redirectTo(reply, loginFor(locale, '/collections'));
      return sendHtml(reply, collectionsPage(ctx, await collections.list(ctx.viewer), emptyForm()));
    });

    f.post('/collections', async (req, reply) => {
      const user = signedIn(w, req);
      const body = formBody(req);
      try {
        const c = await collections.create(user, { name: body.name, isPublic: body.isPublic });
        return redirectTo(reply, lp(locale, `/collections/${c.id}`), 'collectionCreated');
      } catch (err) {
        const ctx = await pageCtx(w, req, reply, locale);
        return sendHtml(reply, collectionsPage(ctx, await collections.list(user), formFailure(ctx, err, { name: body.name ?? '', isPublic: body.isPublic ?? '' })), 400);
      }
    });

    f.post('/collections/add', async (req, reply) => {
      const user = signedIn(w, req);
      const body = formBody(req);
      const back = returnPath(body.return, lp(locale, '/collections')).split('?')[0];
      if (body.name !== undefined) await collections.addToNew(user, { name: body.name, isPublic: body.isPublic }, body.type, body.id);
      else await collections.add(user, v.positiveId(body.collection, 'collection'), body.type, body.id);
      return redirectTo(reply, `${back}#collect`, 'added');
    });

    f.get('/collections/:id', async (req, reply) => {
      const id = idParam(req);
      const ctx = await pageCtx(w, req, reply, locale);
      const c = await collections.get(ctx.viewer, id);
      return sendHtml(reply, collectionPage(ctx, {
        collection: c, items: await collections.items(ctx.viewer, id), own: c.userId === ctx.viewer?.id,
        form: emptyForm({ name: c.name, isPublic: c.isPublic ? 'on' : '' }),
      }));
    });

    f.post('/collections/:id', async (req, reply) => {
      const id = idParam(req);
      const user = signedIn(w, req);
      const body = formBody(req);
      try {
        await collections.update(user, id, { name: body.name, isPublic: body.isPublic ?? '' });
        return redirectTo(reply, lp(locale, `/collections/${id}`), 'collectionSaved');
      } catch (err) {
        if (!(err instanceof AccountError) || err.code !== 'invalid_input') throw err;
        const ctx = await pageCtx(w, req, reply, locale);
        const c = await collections.get(user, id);
        return sendHtml(reply, collectionPage(ctx, {
          collection: c, items: await collections.items(user, id), own: true,
          form: formFailure(ctx, err, { name: body.name ?? '', isPublic: body.isPublic ?? '' }),
        }), 400);
      }
    });

    f.post('/collections/:id/delete', async (req, reply) => {
      await collections.delete(signedIn(w, req), idParam(req));
      return redirectTo(reply, lp(locale, '/collections'), 'collectionDeleted');
    });

    f.post('/collections/:id/items/remove', async (req, reply) => {
      const id = idParam(req);
      const body = formBody(req);
      await collections.remove(signedIn(w, req), id, body.type, body.id);
      return redirectTo(reply, lp(locale, `/collections/${id}`), 'removed');
    });

    for (const format of ['json', 'csv'] as const) {
      f.get(`/collections/:id/export.${format}`, async (req, reply) => {
        const out = await collections.export(requester(w, req).viewer, idParam(req), format, w.c.options.publicUrl);
        return reply.type(out.contentType).header('content-disposition', `attachment; filename="${out.filename}"`).send(out.body);
      });
    }

    f.post('/follow', async (req, reply) => {
      const user = signedIn(w, req);
      const body = formBody(req);
      await follows.follow(user, body.type, body.key);
      return redirectTo(reply, returnPath(body.return, lp(locale, '/feed')), 'followed');
    });

    f.post('/unfollow', async (req, reply) => {
      const user = signedIn(w, req);
      const body = formBody(req);
      await follows.unfollow(user, body.type, body.key);
      return redirectTo(reply, returnPath(body.return, lp(locale, '/feed')), 'unfollowed');
    });

    f.get('/feed', async (req, reply) => {
      const ctx = await pageCtx(w, req, reply, locale);
      if (!ctx.viewer) return redirectTo(reply, loginFor(locale, '/feed'));
      return sendHtml(reply, feedPage(ctx, { follows: await follows.list(ctx.viewer), entries: await follows.feed(ctx.viewer) }));
    });

    f.get('/privacy', async (req, reply) => {
      const ctx = await pageCtx(w, req, reply, locale);
      return sendHtml(reply, privacyPage(ctx, requester(w, req).secure));
    });
  };
}

/** The personal feed as Atom at /feed/<secret>.atom; the secret is the only credential, so a wrong one is a plain 404. */
export function privateFeedRoute(w: AccountsWeb) {
  return async function plugin(f: FastifyInstance): Promise<void> {
    f.get('/feed/:file', async (req, reply) => {
      const m = /^([A-Za-z0-9_-]{20,100})\.atom$/.exec((req.params as { file: string }).file);
      const user = m ? await w.c.accounts.userByFeedToken(m[1]) : null;
      if (!user) throw notFound();
      const entries = await w.c.follows.feed(user);
      const base = w.c.options.publicUrl;
      return reply.type('application/atom+xml; charset=utf-8').header('x-robots-tag', 'noindex').send(atomFeed(entries, {
        siteUrl: base, selfUrl: `${base}/feed/${m![1]}.atom`, title: `Storyline: ${user.username}`, user: user.username, updated: w.c.now().toISOString(),
      }));
    });
  };
}

