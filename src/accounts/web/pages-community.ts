// Community pages: ranked posts, "Create your post", a post with its thread, discussion pages of articles and
// stories, comment edit and report forms, a reader's profile, and moderation.
import { externalUrl, html, queryString, type SafeHtml } from '../../web/html.ts';
import type { Comment, ModerationEntry, Post, Report, ReportTarget, User } from '../model.ts';
import type { ArticleRef, StoryRef } from '../library.ts';
import { COMMENT_MAX, HOTNESS_WINDOW_SECONDS, POST_BODY_MAX, REPORT_REASON_MAX, TITLE_MAX, URL_MAX } from '../policy.ts';
import { csrfField, emptyForm, field, formMessage, frame, path, postButton, slot, timeTag, userText, type Ctx, type FormState } from './frame.ts';
import { collectionBox, commentsSection, followButton, hostOf, voteBox, type CollectionBoxModel, type ThreadModel, type VoteState } from './widgets.ts';

export interface PostsModel {
  posts: Post[];
  sort: 'hot' | 'new';
  page: number;
  hasNext: boolean;
  votes: Map<number, VoteState>;
}


function postItem(ctx: Ctx, p: Post, vote: VoteState, returnTo: string): SafeHtml {
  const { a } = ctx;
  const link = externalUrl(p.url) ?? path(ctx, `/posts/${p.id}`);
  const own = ctx.viewer?.id === p.userId;
  return html`<li class="post-item" id="p${p.id}">
${voteBox(ctx, 'post', p.id, vote, `${returnTo}#p${p.id}`, { compact: true, own })}
<h3><a href="${link}" dir="auto"${p.url ? html` rel="nofollow ugc noopener"` : ''}>${p.title}</a>${p.url ? html` <span class="domain">(${hostOf(p.url)})</span>` : ''}</h3>
<p class="meta">${p.username ? html`${slot(a.t('post.by'), 'user', html`<a href="${path(ctx, `/users/${encodeURIComponent(p.username)}`)}"><bdi>${p.username}</bdi></a>`)} · ` : ''}${timeTag(ctx, p.createdAt)} · <a href="${path(ctx, `/posts/${p.id}`)}#comments">${a.n('count.comments', p.comments)}</a></p>
</li>`;
}

export function postsPage(ctx: Ctx, m: PostsModel): SafeHtml {
  const { a } = ctx;
  const here = path(ctx, '/posts') + queryString({ sort: m.sort === 'new' ? 'new' : undefined, page: m.page > 1 ? m.page : undefined });
  const tab = (sort: 'hot' | 'new', label: string) => html`<li><a href="${path(ctx, '/posts') + queryString({ sort: sort === 'new' ? 'new' : undefined })}"${m.sort === sort ? html` aria-current="page"` : ''}>${label}</a></li>`;
  const pageLink = (p: number) => path(ctx, '/posts') + queryString({ sort: m.sort === 'new' ? 'new' : undefined, page: p > 1 ? p : undefined });
  return frame(ctx, a.t('community.title'), html`<h1>${a.t('community.title')}</h1>
<p class="lead">${a.t('community.intro')} <a href="${path(ctx, '/submit')}">${a.t('nav.submit')}</a></p>
<nav class="tabs" aria-label="${a.t('community.title')}"><ul>${tab('hot', a.t('community.hot'))}${tab('new', a.t('community.new'))}</ul></nav>
${m.posts.length ? html`<ol class="posts">${m.posts.map((p) => postItem(ctx, p, m.votes.get(p.id) ?? { points: 0, myVote: 0 }, here))}</ol>` : html`<p class="empty">${a.t('community.empty')}</p>`}
${m.page > 1 || m.hasNext ? html`<nav class="pager" aria-label="${ctx.page.t.t('pager.label')}">${m.page > 1 ? html`<a rel="prev" href="${pageLink(m.page - 1)}">${ctx.page.t.t('pager.prev')}</a>` : ''} ${m.hasNext ? html`<a rel="next" href="${pageLink(m.page + 1)}">${ctx.page.t.t('pager.next')}</a>` : ''}</nav>` : ''}
<p class="hint">${a.t('community.ranking', { hours: HOTNESS_WINDOW_SECONDS / 3600 })}</p>`);
}

export function submitPage(ctx: Ctx, form: FormState): SafeHtml {
  const { a } = ctx;
  return frame(ctx, a.t('submit.title'), html`<h1>${a.t('submit.title')}</h1>
<p class="lead">${a.t('submit.intro')}</p>
${formMessage(form)}
<form class="account-form" method="post" action="${path(ctx, '/submit')}">${csrfField(ctx)}
${field(form, { name: 'title', label: a.t('field.title'), required: true, maxlength: TITLE_MAX })}
${field(form, { name: 'url', label: a.t('field.url'), type: 'url', hint: a.t('field.urlHint'), maxlength: URL_MAX })}
${field(form, { name: 'body', label: a.t('field.body'), type: 'textarea', hint: a.t('field.bodyHint'), maxlength: POST_BODY_MAX })}
<div class="actions"><button type="submit">${a.t('submit.submit')}</button></div>
</form>`);
}

export interface PostModel {
  post: Post;
  vote: VoteState;
  thread: ThreadModel;
  article: ArticleRef | null;
  story: StoryRef | null;
  canEdit: boolean;
  /** Until when the author may edit (ISO). */
  editUntil: string;
  editForm: FormState | null;
  collect: CollectionBoxModel | null;
}

export function postPage(ctx: Ctx, m: PostModel): SafeHtml {
  const { a } = ctx;
  const p = m.post;
  const title = p.deletedAt ? a.t('post.deletedTitle') : p.title;
  const own = ctx.viewer?.id === p.userId;
  const body = html`<article class="post" id="p${p.id}">
<h1 dir="auto">${p.url && !p.deletedAt ? html`<a href="${externalUrl(p.url) ?? '#'}" rel="nofollow ugc noopener">${title}</a>` : title}</h1>
<p class="meta">${p.username ? html`<a href="${path(ctx, `/users/${encodeURIComponent(p.username)}`)}"><bdi>${p.username}</bdi></a> · ` : ''}${timeTag(ctx, p.createdAt)}${p.editedAt ? html` · ${a.t('post.edited')}` : ''}${p.url ? html` · <span class="domain">${hostOf(p.url)}</span>` : ''}</p>
${p.body ? html`<div class="post-body">${userText(p.body)}</div>` : ''}
${p.kind === 'link' && !p.deletedAt ? html`<p>${m.article ? html`<a href="${path(ctx, `/articles/${m.article.id}`)}">${a.t('post.article')}</a>${m.story ? html` · <a href="${path(ctx, `/stories/${m.story.id}`)}" dir="auto">${m.story.title ?? `#${m.story.id}`}</a>` : ''}` : html`<span class="muted">${a.t('post.noArticle')}</span>`}</p>` : ''}
</article>
${p.deletedAt ? '' : voteBox(ctx, 'post', p.id, m.vote, m.thread.returnTo, { own })}
${ctx.viewer && !own && !p.deletedAt ? html`<p class="report"><a href="${path(ctx, `/posts/${p.id}/report`)}">${a.t('post.report')}</a></p>` : ''}
${m.canEdit ? html`<section class="own-post"><p class="hint">${a.t('post.editWindow', { time: a.site.dateTime(m.editUntil) })}</p>
${m.editForm ? html`${formMessage(m.editForm)}<form class="account-form" method="post" action="${path(ctx, `/posts/${p.id}/edit`)}">${csrfField(ctx)}
${field(m.editForm, { name: 'title', label: a.t('field.title'), required: true, maxlength: TITLE_MAX }, 'edit')}
${field(m.editForm, { name: 'body', label: a.t('field.body'), type: 'textarea', maxlength: POST_BODY_MAX }, 'edit')}
<div class="actions"><button type="submit">${a.t('post.save')}</button></div></form>` : html`<p><a href="${path(ctx, `/posts/${p.id}/edit`)}">${a.t('post.edit')}</a></p>`}
${postButton(ctx, path(ctx, `/posts/${p.id}/delete`), a.t('post.delete'))}</section>` : ''}
${ctx.viewer?.isAdmin && !own && !p.deletedAt ? postButton(ctx, path(ctx, `/posts/${p.id}/delete`), a.t('mod.remove')) : ''}
${m.collect ? collectionBox(ctx, m.collect) : ''}
${commentsSection(ctx, m.thread)}`;
  return frame(ctx, title || a.t('community.title'), body);
}

export interface DiscussionModel {
  kind: 'article' | 'story';
  id: number;
  title: string;
  /** The article's outlet and address (articles only). */
  outlet: string | null;
  url: string | null;
  /** The story an article belongs to, or the story itself. */
  story: StoryRef | null;
  vote: VoteState | null;
  thread: ThreadModel;
  collect: CollectionBoxModel;
  follows: { outlet: boolean; story: boolean };
  /** A reader's post of this article, if any. */
  postId: number | null;
}

export function discussionPage(ctx: Ctx, m: DiscussionModel): SafeHtml {
  const { a } = ctx;
  const back = m.kind === 'article' ? path(ctx, `/articles/${m.id}`) : path(ctx, `/stories/${m.id}`);
  const body = html`<h1 dir="auto">${a.t('discussion.title', { title: m.title })}</h1>
<p class="meta"><a href="${back}">${a.t(m.kind === 'article' ? 'discussion.article' : 'discussion.story')}</a>${m.outlet ? html` · <span dir="auto">${m.outlet}</span>` : ''}${externalUrl(m.url) ? html` · <a href="${externalUrl(m.url)!}" rel="noopener">${a.t('post.original')}</a>` : ''}${m.postId ? html` · <a href="${path(ctx, `/posts/${m.postId}`)}">${a.t('nav.community')}</a>` : ''}</p>
${m.vote ? voteBox(ctx, 'article', m.id, m.vote, m.thread.returnTo) : ''}
<div class="follows">
${m.outlet ? followButton(ctx, 'outlet', m.outlet, a.t('follow.outlet', { name: m.outlet }), m.follows.outlet, m.thread.returnTo) : ''}
${m.story ? followButton(ctx, 'story', String(m.story.id), a.t('follow.story'), m.follows.story, m.thread.returnTo) : ''}
</div>
${collectionBox(ctx, m.collect)}
${commentsSection(ctx, m.thread)}`;
  return frame(ctx, a.t('discussion.title', { title: m.title }), body);
}

export function commentEditPage(ctx: Ctx, c: Comment, form: FormState, back: string): SafeHtml {
  const { a } = ctx;
  return frame(ctx, a.t('comments.editTitle'), html`<h1>${a.t('comments.editTitle')}</h1>
${formMessage(form)}
<form class="account-form" method="post" action="${path(ctx, `/comments/${c.id}/edit`)}">${csrfField(ctx)}
${field(form, { name: 'body', label: a.t('field.body'), type: 'textarea', required: true, maxlength: COMMENT_MAX })}
<div class="actions"><button type="submit">${a.t('comments.save')}</button> <a href="${back}#c${c.id}">${a.t('discussion.link')}</a></div>
</form>`);
}

/** What a report form is about: a comment or a post, the text the reader reports, and where "Discussion" goes back to. */
export interface ReportModel {
  type: ReportTarget;
  id: number;
  text: string;
  back: string;
}

export function reportPage(ctx: Ctx, m: ReportModel, form: FormState): SafeHtml {
  const { a } = ctx;
  const title = a.t(m.type === 'post' ? 'post.reportTitle' : 'comments.reportTitle');
  return frame(ctx, title, html`<h1>${title}</h1>
<blockquote class="reported">${userText(m.text)}</blockquote>
${formMessage(form)}
<form class="account-form" method="post" action="${path(ctx, `/${m.type === 'post' ? 'posts' : 'comments'}/${m.id}/report`)}">${csrfField(ctx)}
${field(form, { name: 'reason', label: a.t('field.reason'), type: 'textarea', required: true, maxlength: REPORT_REASON_MAX })}
<div class="actions"><button type="submit">${a.t(m.type === 'post' ? 'post.report' : 'comments.report')}</button> <a href="${m.back}">${a.t('discussion.link')}</a></div>
</form>`);
}

export interface UserModel {
  user: User;
  posts: Post[];
  comments: Comment[];
  following: boolean;
}

export function userPage(ctx: Ctx, m: UserModel): SafeHtml {
  const { a } = ctx;
  const here = path(ctx, `/users/${encodeURIComponent(m.user.username)}`);
  const own = ctx.viewer?.id === m.user.id;
  return frame(ctx, m.user.username, html`<h1><bdi>${m.user.username}</bdi>${m.user.bannedAt ? html` <span class="badge">${a.t('mod.banned')}</span>` : ''}</h1>
<p class="meta">${a.t('user.joined', { date: a.site.date(m.user.createdAt.slice(0, 10)) })}</p>
${own ? '' : followButton(ctx, 'user', m.user.username, a.t('follow.user', { name: m.user.username }), m.following, here)}
${ctx.viewer?.isAdmin && !own && !m.user.isAdmin ? banForm(ctx, m.user, here) : ''}
<h2>${a.t('user.posts')}</h2>
${m.posts.length ? html`<ol class="posts">${m.posts.map((p) => html`<li><a href="${path(ctx, `/posts/${p.id}`)}" dir="auto">${p.title}</a> <span class="meta">${timeTag(ctx, p.createdAt)}</span></li>`)}</ol>` : html`<p class="empty">${a.t('user.nothing')}</p>`}
<h2>${a.t('user.comments')}</h2>
${m.comments.length ? html`<ol class="user-comments">${m.comments.map((c) => html`<li><div class="comment-body">${userText(c.body)}</div><p class="meta"><a href="${threadLink(ctx, c)}">${timeTag(ctx, c.createdAt)}</a></p></li>`)}</ol>` : html`<p class="empty">${a.t('user.nothing')}</p>`}`);
}

/** A moderation log's action or target type in the page's language; a value the catalogue does not know stays as stored. */
function word(ctx: Ctx, prefix: 'mod.do.' | 'mod.on.', value: string): string {
  const key = prefix + value;
  return ctx.a.has(key) ? ctx.a.t(key) : value;
}

export function threadLink(ctx: Ctx, c: Pick<Comment, 'id' | 'itemType' | 'itemId'>): string {
  const base = c.itemType === 'post' ? `/posts/${c.itemId}` : `/${c.itemType === 'article' ? 'articles' : 'stories'}/${c.itemId}/discussion`;
  return `${path(ctx, base)}#c${c.id}`;
}

/** An admin's ban (with the reason the moderation log keeps) or the button lifting one. */
function banForm(ctx: Ctx, user: User, here: string): SafeHtml {
  const { a } = ctx;
  const action = path(ctx, `/moderation/users/${encodeURIComponent(user.username)}/${user.bannedAt ? 'unban' : 'ban'}`);
  if (user.bannedAt) return postButton(ctx, action, a.t('mod.unban'), { return: here });
  return html`<form class="ban-form" method="post" action="${action}">${csrfField(ctx)}<input type="hidden" name="return" value="${here}">
${field(emptyForm(), { name: 'reason', label: a.t('field.reason'), maxlength: REPORT_REASON_MAX }, 'ban')}
<button type="submit" class="danger">${a.t('mod.ban')}</button></form>`;
}

export interface ModerationModel {
  reports: Array<Report & { excerpt: string; link: string; hidden: boolean }>;
  log: ModerationEntry[];
  isAdmin: boolean;
}

export function moderationPage(ctx: Ctx, m: ModerationModel): SafeHtml {
  const { a } = ctx;
  const here = path(ctx, '/moderation');
  return frame(ctx, a.t('mod.title'), html`<h1>${a.t('mod.title')}</h1>
${m.isAdmin ? html`<section aria-labelledby="m-reports"><h2 id="m-reports">${a.t('mod.reports')}</h2>
${m.reports.length ? html`<ul class="reports">${m.reports.map((r) => html`<li>
<p><a href="${r.link}">${word(ctx, 'mod.on.', r.targetType)} #${r.targetId}</a> · ${a.n('count.reports', r.reports)}${r.hidden ? html` · <span class="badge">${a.t('comments.hidden')}</span>` : ''}</p>
<blockquote>${userText(r.excerpt)}</blockquote>
<ul class="reasons">${r.reasons.map((x) => html`<li dir="auto">${x}</li>`)}</ul>
${r.targetType === 'comment' ? html`${postButton(ctx, path(ctx, `/moderation/comments/${r.targetId}/${r.hidden ? 'unhide' : 'hide'}`), a.t(r.hidden ? 'mod.unhide' : 'mod.hide'), { return: here })} ${postButton(ctx, path(ctx, `/moderation/comments/${r.targetId}/remove`), a.t('mod.remove'), { return: here })}` : postButton(ctx, path(ctx, `/posts/${r.targetId}/delete`), a.t('mod.remove'))}
${postButton(ctx, path(ctx, '/moderation/reports/dismiss'), a.t('mod.dismiss'), { type: r.targetType, id: r.targetId, return: here })}
</li>`)}</ul>` : html`<p class="empty">${a.t('mod.noReports')}</p>`}</section>` : ''}
<section aria-labelledby="m-log"><h2 id="m-log">${a.t('mod.log')}</h2>
<p>${a.t('mod.logIntro')}</p>
${m.log.length ? html`<div class="table-wrap"><table class="modlog"><thead><tr><th scope="col">${a.t('mod.when')}</th><th scope="col">${a.t('mod.who')}</th><th scope="col">${a.t('mod.action')}</th><th scope="col">${a.t('mod.target')}</th><th scope="col">${a.t('mod.reason')}</th></tr></thead>
<tbody>${m.log.map((e) => html`<tr><td>${timeTag(ctx, e.createdAt)}</td><td>${e.moderator ? html`<bdi>${e.moderator}</bdi>` : a.t('mod.system')}</td><td>${word(ctx, 'mod.do.', e.action)}</td><td>${word(ctx, 'mod.on.', e.targetType)}${e.targetId !== null ? ` #${e.targetId}` : ''} <span dir="auto">${e.targetLabel}</span></td><td dir="auto">${e.reason}</td></tr>`)}</tbody></table></div>` : html`<p class="empty">${a.t('mod.noLog')}</p>`}
</section>`);
}
