// Community widgets any page can carry: votes with points, a comment thread with "Leave a Reply", "Add to
// Collection", follow buttons and the home page's "Hot with readers". Each is a plain form that works without JavaScript.
import { externalUrl, html, queryString, type SafeHtml } from '../../web/html.ts';
import type { Collection, CollectionItemType, FollowTarget, ThreadTarget, VoteTarget } from '../model.ts';
import type { CommentNode, HotItem } from '../community.ts';
import { COLLECTION_NAME_MAX, COMMENT_MAX } from '../policy.ts';
import { csrfField, path, postButton, slot, timeTag, userText, type Ctx } from './frame.ts';

export interface VoteState {
  points: number;
  myVote: -1 | 0 | 1;
}

/** Where a log-in link should come back to. */
export function loginLink(ctx: Ctx, returnTo: string, label: string): SafeHtml {
  return html`<a href="${path(ctx, '/login') + queryString({ next: returnTo })}">${label}</a>`;
}

/**
 * "Leave your vote" with the points. Pressing the button of the vote already cast takes it back, so the buttons
 * are toggles (aria-pressed). Authors see the points of their own items without buttons.
 */
export function voteBox(ctx: Ctx, type: VoteTarget, id: number, state: VoteState, returnTo: string, opts: { compact?: boolean; own?: boolean } = {}): SafeHtml {
  const { a } = ctx;
  const points = html`<span class="points">${a.n('count.points', state.points)}</span>`;
  let controls: SafeHtml;
  if (!ctx.viewer) controls = opts.compact ? html`` : html`<p class="hint">${loginLink(ctx, returnTo, a.t('vote.login'))}</p>`;
  else if (opts.own) controls = html``;
  else {
    const button = (value: 1 | -1, label: string, cls: string) => html`<button type="submit" class="${cls}" name="value" value="${state.myVote === value ? 0 : value}" aria-pressed="${state.myVote === value ? 'true' : 'false'}"${state.myVote === value ? html` title="${a.t('vote.undo')}"` : ''}>${label}</button>`;
    controls = html`<form class="vote-form" method="post" action="${path(ctx, '/vote')}">${csrfField(ctx)}
<input type="hidden" name="type" value="${type}"><input type="hidden" name="id" value="${id}"><input type="hidden" name="return" value="${returnTo}">
${button(1, a.t('vote.up'), 'up')} ${button(-1, a.t('vote.down'), 'down')}</form>`;
  }
  if (opts.compact) return html`<span class="vote compact" id="vote-${type}-${id}">${points} ${controls}</span>`;
  return html`<section class="vote" id="vote-${type}-${id}" aria-labelledby="vote-${type}-${id}-title">
<h2 id="vote-${type}-${id}-title">${a.t('vote.leave')}</h2>
<p>${points}</p>
${controls}
</section>`;
}

export interface ThreadModel {
  type: ThreadTarget;
  id: number;
  comments: CommentNode[];
  count: number;
  /** The comment whose reply form is open (from ?reply=). */
  replyTo: number | null;
  /** This page's path, for redirects back after a form. */
  returnTo: string;
}

/** The comment thread and "Leave a Reply". Deleted and removed comments keep their place so replies keep theirs. */
export function commentsSection(ctx: Ctx, m: ThreadModel): SafeHtml {
  const { a } = ctx;
  return html`<section class="comments" id="comments" aria-labelledby="comments-title">
<h2 id="comments-title">${a.t('comments.title')} <span class="count">${a.n('count.comments', m.count)}</span></h2>
${m.comments.length ? html`<ol class="thread">${m.comments.map((c) => commentItem(ctx, m, c))}</ol>` : html`<p class="empty">${a.t('comments.empty')}</p>`}
<h2 id="reply">${a.t('comments.leave')}</h2>
${ctx.viewer ? replyForm(ctx, m, null) : html`<p>${loginLink(ctx, `${m.returnTo}#reply`, a.t('comments.login'))}</p>`}
</section>`;
}

function commentItem(ctx: Ctx, m: ThreadModel, c: CommentNode): SafeHtml {
  const { a, viewer } = ctx;
  const body = c.state === 'deleted' ? html`<p class="muted">${a.t('comments.deleted')}</p>`
    : c.state === 'removed' ? html`<p class="muted">${a.t('comments.removed')}</p>`
      : c.state === 'hidden' ? html`<p class="muted">${a.t('comments.hidden')}</p>${c.body ? html`<div class="hidden-body">${userText(c.body)}</div>` : ''}`
        : userText(c.body);
  const live = c.state === 'visible';
  const own = !!viewer && c.author === viewer.username;
  const actions: SafeHtml[] = [];
  if (live) actions.push(voteBox(ctx, 'comment', c.id, c, `${m.returnTo}#c${c.id}`, { compact: true, own }));
  if (viewer && live) actions.push(html`<a href="${m.returnTo + queryString({ reply: c.id })}#reply-${c.id}">${a.t('comments.reply')}</a>`);
  if (c.canEdit) actions.push(html`<a href="${path(ctx, `/comments/${c.id}/edit`)}">${a.t('comments.edit')}</a>`);
  if (c.canDelete) actions.push(postButton(ctx, path(ctx, `/comments/${c.id}/delete`), a.t('comments.delete'), { return: m.returnTo }));
  if (viewer && live && !own) actions.push(html`<a href="${path(ctx, `/comments/${c.id}/report`)}">${a.t('comments.report')}</a>`);
  if (viewer?.isAdmin && (live || c.state === 'hidden')) {
    actions.push(postButton(ctx, path(ctx, `/moderation/comments/${c.id}/${c.state === 'hidden' ? 'unhide' : 'hide'}`), a.t(c.state === 'hidden' ? 'mod.unhide' : 'mod.hide'), { return: m.returnTo }));
    actions.push(postButton(ctx, path(ctx, `/moderation/comments/${c.id}/remove`), a.t('mod.remove'), { return: m.returnTo }));
  }
  return html`<li class="comment ${c.state}" id="c${c.id}"><article>
<p class="meta">${c.author ? html`<a href="${path(ctx, `/users/${encodeURIComponent(c.author)}`)}"><bdi>${c.author}</bdi></a>` : html`<span class="muted">${a.t('comments.deleted')}</span>`} · <a href="#c${c.id}" title="${a.t('comments.permalink')}">${timeTag(ctx, c.createdAt)}</a>${c.editedAt ? html` · <span class="muted">${a.t('comments.edited')}</span>` : ''}</p>
<div class="comment-body">${body}</div>
${actions.length ? html`<div class="comment-actions">${actions.map((x, i) => html`${i ? ' ' : ''}${x}`)}</div>` : ''}
${m.replyTo === c.id && viewer && live ? replyForm(ctx, m, c) : ''}
</article>${c.children.length ? html`<ol class="thread">${c.children.map((r) => commentItem(ctx, m, r))}</ol>` : ''}</li>`;
}

function replyForm(ctx: Ctx, m: ThreadModel, parent: CommentNode | null): SafeHtml {
  const { a } = ctx;
  const id = parent ? `reply-${parent.id}` : 'reply-form';
  return html`<form class="reply" id="${id}" method="post" action="${path(ctx, '/comments')}">${csrfField(ctx)}
<input type="hidden" name="itemType" value="${m.type}"><input type="hidden" name="itemId" value="${m.id}"><input type="hidden" name="return" value="${m.returnTo}">
${parent ? html`<input type="hidden" name="parentId" value="${parent.id}">` : ''}
<div class="field"><label for="${id}-body">${parent ? a.t('comments.replyTo', { user: parent.author ?? a.t('comments.deleted') }) : a.t('field.body')}</label>
<textarea id="${id}-body" name="body" rows="5" required maxlength="${COMMENT_MAX}" dir="auto"></textarea></div>
<button type="submit">${a.t('comments.submit')}</button>
</form>`;
}

export interface CollectionBoxModel {
  type: CollectionItemType;
  id: number;
  collections: Collection[];
  /** Ids of the viewer's collections that already hold the item. */
  holding: number[];
  returnTo: string;
}

/** "Add to Collection": pick one of the reader's collections or name a new one. */
export function collectionBox(ctx: Ctx, m: CollectionBoxModel): SafeHtml {
  const { a } = ctx;
  if (!ctx.viewer) {
    return html`<section class="collect" id="collect"><h2>${a.t('collections.add')}</h2><p>${loginLink(ctx, `${m.returnTo}#collect`, a.t('collections.login'))}</p></section>`;
  }
  // Made only for a signed-in reader: reading the CSRF token gives a visitor the form-protection cookie.
  const hidden = html`${csrfField(ctx)}<input type="hidden" name="type" value="${m.type}"><input type="hidden" name="id" value="${m.id}"><input type="hidden" name="return" value="${m.returnTo}">`;
  const held = m.collections.filter((c) => m.holding.includes(c.id));
  return html`<section class="collect" id="collect" aria-labelledby="collect-title"><h2 id="collect-title">${a.t('collections.add')}</h2>
${held.length ? html`<p>${slot(a.t('collections.in'), 'names', html`${held.map((c, i) => html`${i ? ', ' : ''}<a href="${path(ctx, `/collections/${c.id}`)}" dir="auto">${c.name}</a>`)}`)}</p>` : ''}
${m.collections.length
    ? html`<form method="post" action="${path(ctx, '/collections/add')}">${hidden}
<div class="field"><label for="collect-existing">${a.t('collections.title')}</label>
<select id="collect-existing" name="collection">${m.collections.map((c) => html`<option value="${c.id}">${c.name}</option>`)}</select></div>
<button type="submit">${a.t('collections.addTo')}</button></form>`
    : html`<p class="empty"><strong>${a.t('collections.noneYet')}</strong><br>${a.t('collections.empty')}</p>`}
<form method="post" action="${path(ctx, '/collections/add')}">${hidden}
<div class="field"><label for="collect-new">${a.t('collections.addNew')}</label>
<input id="collect-new" name="name" required maxlength="${COLLECTION_NAME_MAX}" dir="auto"></div>
<div class="field check"><input type="checkbox" id="collect-public" name="isPublic"> <label for="collect-public">${a.t('field.public')}</label></div>
<button type="submit">${a.t('collections.create')}</button></form>
</section>`;
}

/** A follow (or unfollow) button for an outlet, story, person or reader. */
export function followButton(ctx: Ctx, type: FollowTarget, key: string, label: string, following: boolean, returnTo: string): SafeHtml {
  const { a } = ctx;
  if (!ctx.viewer) return html`<p class="follow">${loginLink(ctx, returnTo, a.t('follow.login'))}</p>`;
  return html`<form class="follow inline" method="post" action="${path(ctx, following ? '/unfollow' : '/follow')}">${csrfField(ctx)}
<input type="hidden" name="type" value="${type}"><input type="hidden" name="key" value="${key}"><input type="hidden" name="return" value="${returnTo}">
<button type="submit" aria-pressed="${following ? 'true' : 'false'}">${following ? a.t('follow.unfollow') : label}</button></form>`;
}

/**
 * "Hot with readers": what readers vote up, hottest first, each with its points and vote buttons. A post's title
 * leads to its discussion (its link is one click further, as on /posts); an article's to its page here. Nothing
 * at all while readers have voted nothing up, so a new site's home page shows no empty box.
 */
export function hotWithReadersBox(ctx: Ctx, items: Array<HotItem & { myVote: -1 | 0 | 1 }>, returnTo: string): SafeHtml {
  const { a } = ctx;
  if (items.length === 0) return html``;
  const entry = (item: HotItem & { myVote: -1 | 0 | 1 }) => {
    const state = { points: item.points, myVote: item.myVote };
    if (item.type === 'post') {
      const p = item.post;
      const own = ctx.viewer?.id === p.userId;
      return html`<li class="hot-item">${voteBox(ctx, 'post', p.id, state, `${returnTo}#hot`, { compact: true, own })}
<a href="${path(ctx, `/posts/${p.id}`)}" dir="auto">${p.title}</a>
<span class="meta">${a.t('hot.post')}${p.username ? html` · ${slot(a.t('post.by'), 'user', html`<bdi>${p.username}</bdi>`)}` : ''}${externalUrl(p.url) ? html` · <span class="domain">${hostOf(p.url)}</span>` : ''} · ${timeTag(ctx, p.createdAt)} · <a href="${path(ctx, `/posts/${p.id}`)}#comments">${a.n('count.comments', p.comments)}</a></span></li>`;
    }
    const art = item.article;
    return html`<li class="hot-item">${voteBox(ctx, 'article', art.id, state, `${returnTo}#hot`, { compact: true })}
<a href="${path(ctx, `/articles/${art.id}`)}" dir="auto">${art.title ?? `#${art.id}`}</a>
<span class="meta">${a.t('hot.article')}${art.outlet ? html` · <span dir="auto">${art.outlet}</span>` : ''} · <time datetime="${art.date}">${a.site.date(art.date)}</time> · <a href="${path(ctx, `/articles/${art.id}/discussion`)}#comments">${a.t('discussion.link')}</a></span></li>`;
  };
  return html`<aside class="hot-readers" id="hot" aria-labelledby="hot-title">
<h2 id="hot-title">${a.t('hot.title')}</h2>
<p class="hint">${a.t('hot.intro')}</p>
<ol>${items.map(entry)}</ol>
<p class="more"><a href="${path(ctx, '/posts')}">${a.t('hot.more')}</a></p>
</aside>`;
}

/** The host a link goes to, without "www.", for "(example.org)" after its title; empty when there is none. */
export function hostOf(url: string | null): string {
  if (!url) return '';
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}
