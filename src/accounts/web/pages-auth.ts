// Account pages: register, log in, log out, forgot password, reset password, settings.
import { html, queryString, type SafeHtml } from '../../web/html.ts';
import type { ApiToken, SessionInfo } from '../model.ts';
import { EMAIL_MAX, PASSWORD_MAX, PASSWORD_MIN, TOKEN_NAME_MAX } from '../policy.ts';
import { csrfField, field, formMessage, frame, path, postButton, slot, timeTag, type Ctx, type FormState } from './frame.ts';

export function registerPage(ctx: Ctx, form: FormState): SafeHtml {
  const { a } = ctx;
  if (!ctx.options.registration) return frame(ctx, a.t('register.title'), html`<h1>${a.t('register.title')}</h1><p>${a.t('register.closed')}</p>`);
  return frame(ctx, a.t('register.title'), html`<h1>${a.t('register.title')}</h1>
<p class="lead">${a.t('register.intro')}</p>
${formMessage(form)}
<form class="account-form" method="post" action="${path(ctx, '/register')}" novalidate>${csrfField(ctx)}
${field(form, { name: 'username', label: a.t('field.username'), hint: a.t('field.usernameHint'), required: true, autocomplete: 'username', maxlength: 32 })}
${field(form, { name: 'email', label: a.t('field.email'), type: 'email', hint: a.t('field.emailHint'), required: true, autocomplete: 'email', maxlength: EMAIL_MAX })}
${field(form, { name: 'password', label: a.t('field.password'), type: 'password', hint: a.t('field.passwordHint', { min: PASSWORD_MIN }), required: true, autocomplete: 'new-password', minlength: PASSWORD_MIN, maxlength: PASSWORD_MAX })}
<div class="actions"><button type="submit">${a.t('register.submit')}</button></div>
</form>
<p>${a.t('register.haveAccount')} <a href="${path(ctx, '/login')}">${a.t('nav.login')}</a></p>`);
}

export function loginPage(ctx: Ctx, form: FormState, next: string): SafeHtml {
  const { a } = ctx;
  return frame(ctx, a.t('login.title'), html`<h1>${a.t('login.title')}</h1>
${formMessage(form)}
<form class="account-form" method="post" action="${path(ctx, '/login')}">${csrfField(ctx)}
<input type="hidden" name="next" value="${next}">
${field(form, { name: 'login', label: a.t('field.login'), required: true, autocomplete: 'username', maxlength: EMAIL_MAX })}
${field(form, { name: 'password', label: a.t('field.password'), type: 'password', required: true, autocomplete: 'current-password', maxlength: PASSWORD_MAX })}
<div class="actions"><button type="submit">${a.t('login.submit')}</button></div>
</form>
<p><a href="${path(ctx, '/forgot-password')}">${a.t('login.forgot')}</a></p>
<p>${a.t('login.noAccount')} <a href="${path(ctx, '/register')}">${a.t('nav.register')}</a></p>`);
}

export function logoutPage(ctx: Ctx): SafeHtml {
  const { a } = ctx;
  const body = ctx.viewer
    ? html`<h1>${a.t('logout.title')}</h1><p>${a.t('logout.confirm', { user: ctx.viewer.username })}</p>${postButton(ctx, path(ctx, '/logout'), a.t('logout.submit'))}`
    : html`<h1>${a.t('logout.title')}</h1>${ctx.notice ? '' : html`<p>${a.t('done.loggedOut')}</p>`}<p><a href="${path(ctx, '/login')}">${a.t('nav.login')}</a></p>`;
  return frame(ctx, a.t('logout.title'), body);
}

export function forgotPage(ctx: Ctx, form: FormState, sent: boolean): SafeHtml {
  const { a } = ctx;
  return frame(ctx, a.t('forgot.title'), html`<h1>${a.t('forgot.title')}</h1>
${sent ? html`<p class="notice" role="status">${a.t('forgot.sent')}</p>` : html`<p>${a.t('forgot.intro')}</p>`}
${formMessage(form)}
<form class="account-form" method="post" action="${path(ctx, '/forgot-password')}">${csrfField(ctx)}
${field(form, { name: 'email', label: a.t('field.email'), type: 'email', required: true, autocomplete: 'email', maxlength: EMAIL_MAX })}
<div class="actions"><button type="submit">${a.t('forgot.submit')}</button></div>
</form>
<p><a href="${path(ctx, '/login')}">${a.t('nav.login')}</a></p>`);
}

/** The reset form, or, for a used or expired link, the message and a way to ask for a new one. */
export function resetPage(ctx: Ctx, form: FormState, token: string, valid: boolean): SafeHtml {
  const { a } = ctx;
  if (!valid) {
    return frame(ctx, a.t('forgot.title'), html`<h1>${a.t('forgot.title')}</h1>
<p class="error-summary" role="alert">${a.t('reset.invalid')}</p>
<p><a href="${path(ctx, '/forgot-password')}">${a.t('reset.again')}</a></p>`);
  }
  return frame(ctx, a.t('reset.title'), html`<h1>${a.t('reset.title')}</h1>
<p>${a.t('reset.intro')}</p>
${formMessage(form)}
<form class="account-form" method="post" action="${path(ctx, `/reset-password/${encodeURIComponent(token)}`)}">${csrfField(ctx)}
${field(form, { name: 'password', label: a.t('field.newPassword'), type: 'password', hint: a.t('field.passwordHint', { min: PASSWORD_MIN }), required: true, autocomplete: 'new-password', minlength: PASSWORD_MIN, maxlength: PASSWORD_MAX })}
<div class="actions"><button type="submit">${a.t('reset.submit')}</button></div>
</form>`);
}

export interface SettingsModel {
  emailForm: FormState;
  passwordForm: FormState;
  tokenForm: FormState;
  deleteForm: FormState;
  tokens: ApiToken[];
  sessions: SessionInfo[];
  currentSession: string | null;
  /** A secret just created, shown once. */
  newToken: string | null;
  newFeedUrl: string | null;
  hasFeed: boolean;
}

export function settingsPage(ctx: Ctx, m: SettingsModel): SafeHtml {
  const { a } = ctx;
  const user = ctx.viewer!;
  return frame(ctx, a.t('settings.title'), html`<h1>${a.t('settings.title')}</h1>
<section aria-labelledby="s-account"><h2 id="s-account">${a.t('settings.account')}</h2>
<p><bdi>${user.username}</bdi> · ${user.email} · ${a.t('settings.memberSince', { date: a.site.date(user.createdAt.slice(0, 10)) })}</p></section>

<section aria-labelledby="s-email"><h2 id="s-email">${a.t('settings.email')}</h2>
${formMessage(m.emailForm)}
<form class="account-form" method="post" action="${path(ctx, '/settings/email')}">${csrfField(ctx)}
${field(m.emailForm, { name: 'email', label: a.t('field.email'), type: 'email', required: true, autocomplete: 'email', maxlength: EMAIL_MAX }, 'email')}
${field(m.emailForm, { name: 'currentPassword', label: a.t('field.currentPassword'), type: 'password', required: true, autocomplete: 'current-password' }, 'email')}
<div class="actions"><button type="submit">${a.t('settings.save')}</button></div></form></section>

<section aria-labelledby="s-password"><h2 id="s-password">${a.t('settings.password')}</h2>
${formMessage(m.passwordForm)}
<form class="account-form" method="post" action="${path(ctx, '/settings/password')}">${csrfField(ctx)}
${field(m.passwordForm, { name: 'currentPassword', label: a.t('field.currentPassword'), type: 'password', required: true, autocomplete: 'current-password' }, 'pw')}
${field(m.passwordForm, { name: 'newPassword', label: a.t('field.newPassword'), type: 'password', hint: a.t('field.passwordHint', { min: PASSWORD_MIN }), required: true, autocomplete: 'new-password', minlength: PASSWORD_MIN, maxlength: PASSWORD_MAX }, 'pw')}
<div class="actions"><button type="submit">${a.t('settings.save')}</button></div></form></section>

<section aria-labelledby="s-sessions"><h2 id="s-sessions">${a.t('settings.sessions')}</h2>
<p>${a.t('settings.sessionsIntro', { idle: ctx.options.sessionIdleMinutes, max: ctx.options.sessionMaxHours })}</p>
<ul class="sessions">${m.sessions.map((s) => html`<li>${s.userAgent ?? '—'} · ${slot(a.t('settings.sessionSeen'), 'date', timeTag(ctx, s.seenAt))}${s.idHash === m.currentSession ? html` · <strong>${a.t('settings.sessionCurrent')}</strong>` : ''}</li>`)}</ul>
${postButton(ctx, path(ctx, '/settings/logout-all'), a.t('settings.logoutAll'))}</section>

<section aria-labelledby="s-tokens"><h2 id="s-tokens">${a.t('settings.tokens')}</h2>
<p>${a.t('settings.tokensIntro')}</p>
${m.newToken ? html`<div class="secret" role="status"><p>${a.t('settings.tokenShown')}</p><p><code>${m.newToken}</code></p></div>` : ''}
${m.tokens.length ? html`<ul class="tokens">${m.tokens.map((t) => html`<li><strong dir="auto">${t.name}</strong> <code>${t.hint}…</code> · ${t.lastUsedAt ? html`${slot(a.t('settings.tokenUsed'), 'date', timeTag(ctx, t.lastUsedAt))}` : a.t('settings.tokenUnused')} ${postButton(ctx, path(ctx, `/settings/tokens/${t.id}/revoke`), a.t('settings.tokenRevoke'))}</li>`)}</ul>` : html`<p class="muted">${a.t('settings.noTokens')}</p>`}
${formMessage(m.tokenForm)}
<form class="account-form" method="post" action="${path(ctx, '/settings/tokens')}">${csrfField(ctx)}
${field(m.tokenForm, { name: 'name', label: a.t('field.tokenName'), required: true, maxlength: TOKEN_NAME_MAX }, 'token')}
<div class="actions"><button type="submit">${a.t('settings.tokenCreate')}</button></div></form></section>

<section aria-labelledby="s-feed"><h2 id="s-feed">${a.t('settings.feed')}</h2>
<p>${a.t('settings.feedIntro')}</p>
${m.newFeedUrl ? html`<div class="secret" role="status"><p>${a.t('settings.feedShown')}</p><p><code>${m.newFeedUrl}</code></p></div>` : ''}
${postButton(ctx, path(ctx, '/settings/feed'), a.t(m.hasFeed ? 'settings.feedRotate' : 'settings.feedCreate'))}</section>

<section aria-labelledby="s-data"><h2 id="s-data">${a.t('settings.data')}</h2>
<p>${a.t('settings.dataIntro')}</p>
<p><a href="${path(ctx, '/settings/export.json')}" download>${a.t('settings.export')}</a></p></section>

<section aria-labelledby="s-delete" class="danger"><h2 id="s-delete">${a.t('settings.delete')}</h2>
<p>${a.t('settings.deleteIntro')}</p>
${formMessage(m.deleteForm)}
<form class="account-form" method="post" action="${path(ctx, '/settings/delete')}">${csrfField(ctx)}
${field(m.deleteForm, { name: 'currentPassword', label: a.t('field.currentPassword'), type: 'password', required: true, autocomplete: 'current-password' }, 'delete')}
<div class="actions"><button type="submit" class="danger">${a.t('settings.deleteSubmit')}</button></div></form></section>`);
}

/** `?next=` for the log-in page: the page to come back to. */
export function withNext(ctx: Ctx, next: string): string {
  return path(ctx, '/login') + queryString({ next });
}
