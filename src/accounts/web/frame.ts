// The frame of every accounts page (the site layout plus the account bar, notices and consent banner) and form parts.
import type { PageCommunity } from '../../web/community.ts';
import { html, type SafeHtml } from '../../web/html.ts';
import { layout, type PageContext } from '../../web/templates/layout.ts';
import type { User } from '../model.ts';
import type { AccountsOptions } from '../options.ts';
import { AccountError } from '../errors.ts';
import type { AccountsText } from '../i18n/index.ts';

/** What every accounts template gets. */
export interface Ctx {
  page: PageContext;
  a: AccountsText;
  viewer: User | null;
  /** The CSRF token for this requester's forms. */
  csrf: string;
  /** Whether `csrf` has been read, i.e. the page carries a form token. */
  readonly csrfIssued: boolean;
  /** A confirmation to show at the top (from `?done=`), already translated. */
  notice: string | null;
  options: AccountsOptions;
  /** The consent answer: true, false, or null when not asked yet. */
  consent: boolean | null;
  /** URL of the accounts stylesheet. */
  css: string;
}

/** A form's state after a refused submission: values to refill (never passwords) and messages by field. */
export interface FormState {
  values: Record<string, string>;
  errors: Record<string, string>;
  message: string | null;
}

export const emptyForm = (values: Record<string, string> = {}): FormState => ({ values, errors: {}, message: null });

/** Turns a refused submission into form state; anything but an AccountError is not a form problem and is rethrown. */
export function formFailure(ctx: Ctx, err: unknown, values: Record<string, string>): FormState {
  if (!(err instanceof AccountError)) throw err;
  const message = ctx.a.t(err.key, err.vars);
  return err.field ? { values, errors: { [err.field]: message }, message: ctx.a.t('form.errors') } : { values, errors: {}, message };
}

export function frame(ctx: Ctx, title: string, body: SafeHtml): SafeHtml {
  return layout({ ...ctx.page, community: frameParts(ctx) }, { title }, body);
}

/**
 * The community's parts of the site frame, the same on every page: the stylesheet, the account menu in the
 * header, above the content the cookie question and the confirmation of the last form, and the footer's links.
 */
export function frameParts(ctx: Ctx): PageCommunity {
  return {
    head: html`<link rel="stylesheet" href="${ctx.css}">\n`,
    menu: () => accountBar(ctx),
    notices: () => {
      const banner = consentBanner(ctx);
      return html`${banner.value ? html`${banner}\n` : ''}${ctx.notice ? html`<p class="notice" role="status">${ctx.notice}</p>\n` : ''}`;
    },
    footerLinks: () => (ctx.viewer ? [] : [
      html`<a href="${path(ctx, '/login')}">${ctx.a.t('nav.login')}</a>`,
      ...(ctx.options.registration ? [html`<a href="${path(ctx, '/register')}">${ctx.a.t('nav.register')}</a>`] : []),
    ]),
    personal: () => ctx.viewer !== null || ctx.csrfIssued,
  };
}

/** A translated sentence with markup (a link, a list) where the language puts `{name}`; the text around it is escaped. */
export function slot(text: string, name: string, content: SafeHtml): SafeHtml {
  const parts = text.split(`{${name}}`);
  return html`${parts.map((p, i) => html`${i ? content : ''}${p}`)}`;
}

/** A path in the page's language. */
export function path(ctx: Ctx, p: string): string {
  return ctx.a.site.path(p);
}

export function csrfField(ctx: Ctx): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${ctx.csrf}">`;
}

/** A one-button form that posts (log out, delete, vote...). */
export function postButton(ctx: Ctx, action: string, label: string, fields: Record<string, string | number> = {}, cls = ''): SafeHtml {
  return html`<form class="inline${cls ? ` ${cls}` : ''}" method="post" action="${action}">${csrfField(ctx)}${Object.entries(fields).map(([k, v]) => html`<input type="hidden" name="${k}" value="${String(v)}">`)}<button type="submit">${label}</button></form>`;
}

export function accountBar(ctx: Ctx): SafeHtml {
  const { a, viewer } = ctx;
  const link = (p: string, label: string) => html`<li><a href="${path(ctx, p)}">${label}</a></li>`;
  if (!viewer) {
    return html`<nav class="account-bar" aria-label="${a.t('nav.account')}"><ul>
${link('/posts', a.t('nav.community'))}${link('/login', a.t('nav.login'))}${ctx.options.registration ? link('/register', a.t('nav.register')) : ''}
</ul></nav>`;
  }
  return html`<nav class="account-bar" aria-label="${a.t('nav.account')}"><ul>
<li class="who">${slot(a.t('nav.signedInAs'), 'user', html`<a href="${path(ctx, `/users/${encodeURIComponent(viewer.username)}`)}"><bdi>${viewer.username}</bdi></a>`)}</li>
${link('/posts', a.t('nav.community'))}${link('/submit', a.t('nav.submit'))}${link('/feed', a.t('nav.feed'))}${link('/collections', a.t('nav.collections'))}${link('/settings', a.t('nav.settings'))}${viewer.isAdmin ? link('/moderation', a.t('nav.moderation')) : ''}
<li>${postButton(ctx, path(ctx, '/logout'), a.t('nav.logout'))}</li>
</ul></nav>`;
}

/** The cookie question, shown only when the optional cookie is offered and not yet answered. */
export function consentBanner(ctx: Ctx): SafeHtml {
  const { a } = ctx;
  if (!ctx.options.optionalCookies || ctx.consent !== null) return html``;
  return html`<section class="consent" aria-label="${a.t('privacy.cookies')}">
<p>${a.t('consent.text')} <a href="${path(ctx, '/privacy')}#cookies">${a.t('consent.more')}</a></p>
<form method="post" action="${path(ctx, '/cookies')}">${csrfField(ctx)}<input type="hidden" name="return" value="${path(ctx, ctx.page.here)}">
<button type="submit" name="consent" value="yes">${a.t('consent.accept')}</button>
<button type="submit" name="consent" value="no">${a.t('consent.decline')}</button>
</form>
</section>`;
}

export interface FieldSpec {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'url' | 'textarea' | 'checkbox';
  hint?: string;
  required?: boolean;
  autocomplete?: string;
  maxlength?: number;
  minlength?: number;
  /** Passwords are never written back into a page. */
  keep?: boolean;
}

/** A labelled input with its hint and error tied to it for screen readers. */
export function field(form: FormState, f: FieldSpec, idPrefix = 'f'): SafeHtml {
  const id = `${idPrefix}-${f.name}`;
  const error = form.errors[f.name];
  const value = f.type === 'password' || f.keep === false ? '' : (form.values[f.name] ?? '');
  const described = [f.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const common = html` id="${id}" name="${f.name}"${f.required ? html` required` : ''}${f.autocomplete ? html` autocomplete="${f.autocomplete}"` : ''}${f.maxlength ? html` maxlength="${f.maxlength}"` : ''}${f.minlength ? html` minlength="${f.minlength}"` : ''}${described ? html` aria-describedby="${described}"` : ''}${error ? html` aria-invalid="true"` : ''}`;
  if (f.type === 'checkbox') {
    return html`<div class="field check"><input type="checkbox"${common}${value ? html` checked` : ''}> <label for="${id}">${f.label}</label></div>`;
  }
  const input = f.type === 'textarea'
    ? html`<textarea${common} rows="6" dir="auto">${value}</textarea>`
    : html`<input type="${f.type ?? 'text'}"${common} value="${value}"${f.type === 'text' || f.type === undefined ? html` dir="auto"` : ''}>`;
  return html`<div class="field${error ? ' invalid' : ''}"><label for="${id}">${f.label}</label>
${input}${f.hint ? html`<p class="hint" id="${id}-hint">${f.hint}</p>` : ''}${error ? html`<p class="error" id="${id}-error">${error}</p>` : ''}</div>`;
}

/** The form-level message after a refused submission. */
export function formMessage(form: FormState): SafeHtml {
  return form.message ? html`<p class="error-summary" role="alert">${form.message}</p>` : html``;
}

/** Readers' text as paragraphs and line breaks, every character escaped. */
export function userText(text: string): SafeHtml {
  const paragraphs = text.split(/\n{2,}/).filter((p) => p.trim());
  return html`${paragraphs.map((p) => html`<p dir="auto">${p.split('\n').map((line, i) => html`${i ? html`<br>` : ''}${line}`)}</p>`)}`;
}

export function timeTag(ctx: Ctx, iso: string): SafeHtml {
  return html`<time datetime="${iso}">${ctx.a.site.dateTime(iso)}</time>`;
}
