// Reader's library pages: collections (list, one collection), the personal feed of follows, the privacy policy.
import { externalUrl, html, type SafeHtml } from '../../web/html.ts';
import type { Collection } from '../model.ts';
import type { ResolvedItem } from '../collections.ts';
import type { FeedEntry, LabelledFollow } from '../follows.ts';
import { COLLECTION_NAME_MAX } from '../policy.ts';
import { csrfField, field, formMessage, frame, path, postButton, timeTag, userText, type Ctx, type FormState } from './frame.ts';
import { COOKIES, cookieName } from './http.ts';
import { followButton } from './widgets.ts';

export function collectionsPage(ctx: Ctx, list: Collection[], form: FormState): SafeHtml {
  const { a } = ctx;
  return frame(ctx, a.t('collections.title'), html`<h1>${a.t('collections.title')}</h1>
${list.length ? html`<ul class="collections">${list.map((c) => html`<li><a href="${path(ctx, `/collections/${c.id}`)}" dir="auto">${c.name}</a>
<span class="meta">${a.n('count.items', c.items)} · ${a.t(c.isPublic ? 'collections.public' : 'collections.private')}</span></li>`)}</ul>`
    : html`<p class="empty"><strong>${a.t('collections.noneYet')}</strong><br>${a.t('collections.empty')}</p>`}
<section aria-labelledby="c-new"><h2 id="c-new">${a.t('collections.new')}</h2>
${formMessage(form)}
<form class="account-form" method="post" action="${path(ctx, '/collections')}">${csrfField(ctx)}
${field(form, { name: 'name', label: a.t('field.name'), required: true, maxlength: COLLECTION_NAME_MAX })}
${field(form, { name: 'isPublic', label: a.t('field.public'), type: 'checkbox' })}
<div class="actions"><button type="submit">${a.t('collections.create')}</button></div>
</form></section>`);
}

export interface CollectionModel {
  collection: Collection;
  items: ResolvedItem[];
  own: boolean;
  form: FormState;
}

export function collectionPage(ctx: Ctx, m: CollectionModel): SafeHtml {
  const { a } = ctx;
  const c = m.collection;
  const here = path(ctx, `/collections/${c.id}`);
  const itemLink = (i: ResolvedItem) => path(ctx, i.type === 'article' ? `/articles/${i.id}` : `/stories/${i.id}`);
  return frame(ctx, c.name, html`<h1 dir="auto">${c.name}</h1>
<p class="meta">${a.t('collections.by', { user: c.owner })} · ${a.t(c.isPublic ? 'collections.public' : 'collections.private')} · ${a.n('count.items', m.items.length)}</p>
<p class="export">${a.t('collections.export')}: <a href="${path(ctx, `/collections/${c.id}/export.json`)}" download>JSON</a> · <a href="${path(ctx, `/collections/${c.id}/export.csv`)}" download>CSV</a></p>
${m.items.length ? html`<ol class="collection-items">${m.items.map((i) => html`<li>
<a href="${itemLink(i)}" dir="auto">${i.title ?? `#${i.id}`}</a>${i.found ? '' : html` <span class="muted">${a.t('collections.missing')}</span>`}
<span class="meta">${i.type === 'article' ? (i.outlet ?? '') : a.t('follow.type.story')}${i.date ? html` · ${a.site.date(i.date.slice(0, 10))}` : ''}${externalUrl(i.url) ? html` · <a href="${externalUrl(i.url)!}" rel="noopener">${a.t('post.original')}</a>` : ''}</span>
${m.own ? postButton(ctx, path(ctx, `/collections/${c.id}/items/remove`), a.t('collections.remove'), { type: i.type, id: i.id }) : ''}
</li>`)}</ol>` : html`<p class="empty">${a.t('collections.itemsEmpty')}</p>`}
${m.own ? html`<section aria-labelledby="c-settings"><h2 id="c-settings">${a.t('collections.settings')}</h2>
${formMessage(m.form)}
<form class="account-form" method="post" action="${here}">${csrfField(ctx)}
${field(m.form, { name: 'name', label: a.t('field.name'), required: true, maxlength: COLLECTION_NAME_MAX })}
${field(m.form, { name: 'isPublic', label: a.t('field.public'), type: 'checkbox' })}
<div class="actions"><button type="submit">${a.t('settings.save')}</button></div>
</form>
${postButton(ctx, path(ctx, `/collections/${c.id}/delete`), a.t('collections.delete'), {}, 'danger')}</section>` : ''}`);
}

export interface FeedModel {
  follows: LabelledFollow[];
  entries: FeedEntry[];
}

export function feedPage(ctx: Ctx, m: FeedModel): SafeHtml {
  const { a } = ctx;
  const here = path(ctx, '/feed');
  return frame(ctx, a.t('follow.title'), html`<h1>${a.t('follow.title')}</h1>
<section aria-labelledby="f-following"><h2 id="f-following">${a.t('follow.following')}</h2>
${m.follows.length ? html`<ul class="follows">${m.follows.map((f) => html`<li><span class="badge">${a.t(`follow.type.${f.targetType}`)}</span> <a href="${path(ctx, f.path)}" dir="auto">${f.label}</a> ${followButton(ctx, f.targetType, f.targetKey, '', true, here)}</li>`)}</ul>`
    : html`<p class="empty">${a.t('follow.none')}</p>`}
</section>
${m.follows.length ? html`<section aria-labelledby="f-entries"><h2 id="f-entries">${a.t('follow.title')}</h2>
${m.entries.length ? html`<ol class="feed">${m.entries.map((e) => html`<li class="feed-${e.kind}">
<a href="${path(ctx, e.path)}" dir="auto">${e.title || e.summary.slice(0, 80)}</a>
<span class="meta">${e.kind === 'article' ? e.summary : ''} · ${e.date.length > 10 ? timeTag(ctx, e.date) : a.site.date(e.date)} · ${a.t('follow.via', { label: e.via.label })}</span>
${e.kind === 'comment' ? html`<div class="comment-body">${userText(e.summary.slice(0, 500))}</div>` : ''}</li>`)}</ol>` : html`<p class="empty">${a.t('follow.empty')}</p>`}
</section>` : ''}
<p class="hint"><a href="${path(ctx, '/settings')}#s-feed">${a.t('follow.atomHint')}</a></p>`);
}

export function privacyPage(ctx: Ctx, secure: boolean): SafeHtml {
  const { a } = ctx;
  const name = (base: string) => cookieName(base, secure);
  return frame(ctx, a.t('privacy.title'), html`<h1>${a.t('privacy.title')}</h1>
<p class="lead">${a.t('privacy.intro')}</p>
<h2>${a.t('privacy.stored')}</h2>
<p>${a.t('privacy.visitors')}</p>
<p>${a.t('privacy.account')}</p>
<p>${a.t('privacy.public')}</p>
<p>${a.t('privacy.security')}</p>
<p>${a.t('privacy.mail')}</p>
<h2 id="cookies">${a.t('privacy.cookies')}</h2>
<ul>
<li>${a.t('privacy.cookieSession', { name: name(COOKIES.session) })}</li>
<li>${a.t('privacy.cookieCsrf', { name: name(COOKIES.csrf) })}</li>
${ctx.options.optionalCookies ? html`<li>${a.t('privacy.cookieConsent', { name: name(COOKIES.consent) })}</li>
<li>${a.t('privacy.cookieOptional', { name: name(COOKIES.language) })}</li>` : ''}
</ul>
${ctx.options.optionalCookies ? html`<form method="post" action="${path(ctx, '/cookies')}">${csrfField(ctx)}<input type="hidden" name="return" value="${path(ctx, '/privacy')}">
<button type="submit" name="consent" value="yes"${ctx.consent === true ? html` aria-pressed="true"` : ''}>${a.t('consent.accept')}</button>
<button type="submit" name="consent" value="no"${ctx.consent === false ? html` aria-pressed="true"` : ''}>${a.t('consent.decline')}</button></form>`
    : html`<p>${a.t('privacy.noOptional')}</p>`}
<h2>${a.t('privacy.rights')}</h2>
<p>${a.t('privacy.rightsText')}</p>`);
}
