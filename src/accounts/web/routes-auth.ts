// Account routes of one UI language: register, log in/out, forgot and reset password, settings, data export, consent.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Locale } from '../../web/i18n/index.ts';
import { snakeKeys } from '../../web/queries.ts';
import { AccountError } from '../errors.ts';
import { emptyForm, formFailure, type Ctx } from './frame.ts';
import {
  forgotPage, loginPage, logoutPage, registerPage, resetPage, settingsPage, type SettingsModel,
} from './pages-auth.ts';
import {
  formBody, lp, pageCtx, redirectTo, requester, returnPath, sendHtml, signedIn, type AccountsWeb,
} from './context.ts';
import { CONSENT_MAX_AGE_S, COOKIES, clearCookie, setCookie, type Requester } from './http.ts';

export function authRoutes(w: AccountsWeb, locale: Locale) {
  const { accounts } = w.c;
  // Where a reader lands after registering or logging in without a page to return to: their own feed, which
  // shows that they are logged in and what to do next.
  const landing = lp(locale, '/feed');

  /** Starts a session: the old session (if any) ends and the anonymous CSRF cookie goes, so nothing carries over. */
  async function beginSession(reply: FastifyReply, r: Requester, token: string): Promise<void> {
    if (r.sessionToken) await accounts.logout(r.sessionToken);
    setCookie(reply, r, COOKIES.session, token);
    clearCookie(reply, r, COOKIES.csrf);
  }

  async function settingsModel(ctx: Ctx, req: FastifyRequest, forms: Partial<SettingsModel> = {}): Promise<SettingsModel> {
    const user = ctx.viewer!;
    const r = requester(w, req);
    return {
      emailForm: emptyForm({ email: user.email }), passwordForm: emptyForm(), tokenForm: emptyForm(), deleteForm: emptyForm(),
      tokens: await accounts.listApiTokens(user.id), sessions: await accounts.listSessions(user.id), currentSession: r.session?.idHash ?? null,
      newToken: null, newFeedUrl: null, hasFeed: await w.c.sql.hasFeedToken(user.id),
      ...forms,
    };
  }

  return async function plugin(f: FastifyInstance): Promise<void> {
    f.get('/register', async (req, reply) => {
      const ctx = await pageCtx(w, req, reply, locale);
      if (ctx.viewer) return redirectTo(reply, landing);
      return sendHtml(reply, registerPage(ctx, emptyForm()));
    });

    f.post('/register', async (req, reply) => {
      const body = formBody(req);
      const r = requester(w, req);
      try {
        const user = await accounts.register({ username: body.username, email: body.email, password: body.password, ip: r.ip });
        await beginSession(reply, r, await accounts.startSession(user.id, userAgent(req)));
        return redirectTo(reply, landing, 'registered');
      } catch (err) {
        const ctx = await pageCtx(w, req, reply, locale);
        const form = formFailure(ctx, err, { username: body.username ?? '', email: body.email ?? '' });
        return sendHtml(reply, registerPage(ctx, form), statusOf(err));
      }
    });

    f.get('/login', async (req, reply) => {
      const ctx = await pageCtx(w, req, reply, locale);
      const next = returnPath((req.query as Record<string, unknown>).next, landing);
      if (ctx.viewer) return redirectTo(reply, next);
      return sendHtml(reply, loginPage(ctx, emptyForm(), next));
    });

    f.post('/login', async (req, reply) => {
      const body = formBody(req);
      const r = requester(w, req);
      const next = returnPath(body.next, landing);
      try {
        const { sessionToken } = await accounts.login({ login: body.login, password: body.password, ip: r.ip, userAgent: userAgent(req) });
        await beginSession(reply, r, sessionToken);
        return redirectTo(reply, next, 'loggedIn');
      } catch (err) {
        const ctx = await pageCtx(w, req, reply, locale);
        const form = formFailure(ctx, err, { login: body.login ?? '' });
        if (err instanceof AccountError && err.retryAfter) reply.header('retry-after', String(err.retryAfter));
        return sendHtml(reply, loginPage(ctx, form, next), statusOf(err));
      }
    });

    f.get('/logout', async (req, reply) => sendHtml(reply, logoutPage(await pageCtx(w, req, reply, locale))));

    f.post('/logout', async (req, reply) => {
      const r = requester(w, req);
      await accounts.logout(r.sessionToken ?? undefined);
      clearCookie(reply, r, COOKIES.session);
      return redirectTo(reply, lp(locale, '/logout'), 'loggedOut');
    });

    f.get('/forgot-password', async (req, reply) => {
      const sent = (req.query as Record<string, unknown>).sent === '1';
      return sendHtml(reply, forgotPage(await pageCtx(w, req, reply, locale), emptyForm(), sent));
    });

    f.post('/forgot-password', async (req, reply) => {
      const body = formBody(req);
      try {
        await accounts.requestReset({ email: body.email, ip: requester(w, req).ip, locale });
        // The same answer whether or not an account has this address.
        return redirectTo(reply, `${lp(locale, '/forgot-password')}?sent=1`);
      } catch (err) {
        const ctx = await pageCtx(w, req, reply, locale);
        return sendHtml(reply, forgotPage(ctx, formFailure(ctx, err, { email: body.email ?? '' }), false), statusOf(err));
      }
    });

    f.get('/reset-password/:token', async (req, reply) => {
      const { token } = req.params as { token: string };
      const valid = await accounts.resetIsValid(token);
      return sendHtml(reply, resetPage(await pageCtx(w, req, reply, locale), emptyForm(), token, valid), valid ? 200 : 410);
    });

    f.post('/reset-password/:token', async (req, reply) => {
      const { token } = req.params as { token: string };
      const body = formBody(req);
      try {
        const done = await accounts.completeReset({ token, password: body.password, userAgent: userAgent(req) });
        await beginSession(reply, requester(w, req), done.sessionToken);
        return redirectTo(reply, lp(locale, '/settings'), 'passwordReset');
      } catch (err) {
        const ctx = await pageCtx(w, req, reply, locale);
        const invalidLink = err instanceof AccountError && err.code === 'invalid_link';
        return sendHtml(reply, resetPage(ctx, invalidLink ? emptyForm() : formFailure(ctx, err, {}), token, !invalidLink), statusOf(err));
      }
    });

    f.get('/settings', async (req, reply) => {
      const ctx = await pageCtx(w, req, reply, locale);
      if (!ctx.viewer) return redirectTo(reply, loginFor(locale, '/settings'));
      return sendHtml(reply, settingsPage(ctx, await settingsModel(ctx, req)));
    });

    f.post('/settings/email', async (req, reply) => {
      const user = signedIn(w, req);
      const body = formBody(req);
      try {
        await accounts.changeEmail(user, { email: body.email, currentPassword: body.currentPassword, locale });
        return redirectTo(reply, lp(locale, '/settings'), 'emailChanged');
      } catch (err) {
        const ctx = await pageCtx(w, req, reply, locale);
        return sendHtml(reply, settingsPage(ctx, await settingsModel(ctx, req, { emailForm: formFailure(ctx, err, { email: body.email ?? '' }) })), statusOf(err));
      }
    });

    f.post('/settings/password', async (req, reply) => {
      const user = signedIn(w, req);
      const r = requester(w, req);
      const body = formBody(req);
      try {
        const token = await accounts.changePassword(user, { currentPassword: body.currentPassword, newPassword: body.newPassword, sessionHash: r.session?.idHash ?? null, userAgent: userAgent(req), locale });
        await beginSession(reply, { ...r, sessionToken: null }, token);
        return redirectTo(reply, lp(locale, '/settings'), 'passwordChanged');
      } catch (err) {
        const ctx = await pageCtx(w, req, reply, locale);
        return sendHtml(reply, settingsPage(ctx, await settingsModel(ctx, req, { passwordForm: formFailure(ctx, err, {}) })), statusOf(err));
      }
    });

    f.post('/settings/logout-all', async (req, reply) => {
      const user = signedIn(w, req);
      await accounts.endAllSessions(user.id, requester(w, req).sessionToken);
      return redirectTo(reply, lp(locale, '/settings'), 'loggedOutAll');
    });

    f.post('/settings/tokens', async (req, reply) => {
      const user = signedIn(w, req);
      const body = formBody(req);
      const ctx = await pageCtx(w, req, reply, locale);
      try {
        const created = await accounts.createApiToken(user, body.name);
        return sendHtml(reply, settingsPage(ctx, await settingsModel(ctx, req, { newToken: created.token })));
      } catch (err) {
        return sendHtml(reply, settingsPage(ctx, await settingsModel(ctx, req, { tokenForm: formFailure(ctx, err, { name: body.name ?? '' }) })), statusOf(err));
      }
    });

    f.post('/settings/tokens/:id/revoke', async (req, reply) => {
      const user = signedIn(w, req);
      await accounts.revokeApiToken(user.id, Number((req.params as { id: string }).id));
      return redirectTo(reply, lp(locale, '/settings'), 'tokenRevoked');
    });

    f.post('/settings/feed', async (req, reply) => {
      const user = signedIn(w, req);
      const token = await accounts.rotateFeedToken(user.id);
      const ctx = await pageCtx(w, req, reply, locale);
      return sendHtml(reply, settingsPage(ctx, await settingsModel(ctx, req, { newFeedUrl: `${w.c.options.publicUrl}/feed/${token}.atom`, hasFeed: true })));
    });

    f.get('/settings/export.json', async (req, reply) => {
      const user = signedIn(w, req);
      return reply.type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="storyline-${user.username}.json"`)
        .send(JSON.stringify(snakeKeys(await accounts.exportData(user)), null, 2) + '\n');
    });

    f.post('/settings/delete', async (req, reply) => {
      const user = signedIn(w, req);
      const r = requester(w, req);
      const body = formBody(req);
      try {
        await accounts.deleteAccount(user, body.currentPassword);
        clearCookie(reply, r, COOKIES.session);
        return redirectTo(reply, lp(locale, '/logout'), 'deleted');
      } catch (err) {
        const ctx = await pageCtx(w, req, reply, locale);
        return sendHtml(reply, settingsPage(ctx, await settingsModel(ctx, req, { deleteForm: formFailure(ctx, err, {}) })), statusOf(err));
      }
    });

    f.post('/cookies', async (req, reply) => {
      const r = requester(w, req);
      const body = formBody(req);
      const yes = body.consent === 'yes';
      setCookie(reply, r, COOKIES.consent, yes ? 'yes' : 'no', CONSENT_MAX_AGE_S);
      if (yes) setCookie(reply, r, COOKIES.language, locale, CONSENT_MAX_AGE_S);
      else clearCookie(reply, r, COOKIES.language);
      return redirectTo(reply, returnPath(body.return, lp(locale, '/privacy')), 'consent');
    });
  };
}

/** The log-in page that brings the reader back to `p` afterwards. */
export function loginFor(locale: Locale, p: string): string {
  return `${lp(locale, '/login')}?next=${encodeURIComponent(lp(locale, p))}`;
}

function userAgent(req: FastifyRequest): string | null {
  const ua = req.headers['user-agent'];
  return typeof ua === 'string' ? ua : null;
}

/** The status of a refused form: the error's own (400, 401, 429...). */
function statusOf(err: unknown): number {
  return err instanceof AccountError ? err.status : 500;
}
