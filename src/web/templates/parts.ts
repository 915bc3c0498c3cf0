// Small pieces shared by the page templates: pager, lists of stories and articles, filter controls, links.
import type { Article } from '../../domain/article.ts';
import type { StoryRow } from '../../storage/store.ts';
import { html, type SafeHtml } from '../html.ts';
import type { PageContext } from './layout.ts';

/** Outlets named in a story list item before the rest are counted ("+3"). */
const OUTLETS_IN_LIST = 5;

export function outletLink(ctx: PageContext, name: string | null): SafeHtml {
  if (!name) return html`<span class="muted">${ctx.t.t('common.unknownOutlet')}</span>`;
  const slug = ctx.outletSlugs.get(name);
  return slug ? html`<a href="${ctx.t.path(`/outlets/${encodeURIComponent(slug)}`)}" dir="auto">${name}</a>` : html`<span dir="auto">${name}</span>`;
}

export function dateTag(ctx: PageContext, iso: string | null | undefined, withTime = false): SafeHtml {
  if (!iso) return html`<span class="muted">${ctx.t.t('article.undated')}</span>`;
  return html`<time datetime="${iso}">${withTime ? ctx.t.dateTime(iso) : ctx.t.date(iso)}</time>`;
}

export function dateRange(ctx: PageContext, first: string | null, last: string | null): SafeHtml {
  if (!first && !last) return html`<span class="muted">${ctx.t.t('article.undated')}</span>`;
  if (!first || !last || first.slice(0, 10) === last.slice(0, 10)) return dateTag(ctx, first ?? last);
  return html`${dateTag(ctx, first)} – ${dateTag(ctx, last)}`;
}

/** One story in a list; `points` (the readers' net votes on it) shows where the list is in the readers' order. */
export function storyItem(ctx: PageContext, s: StoryRow, points?: number): SafeHtml {
  const { t } = ctx;
  const more = s.outlets.length - OUTLETS_IN_LIST;
  return html`<li class="story-item">
<h3><a href="${t.path(`/stories/${s.id}`)}" dir="auto">${s.title ?? t.t('common.untitled')}</a></h3>
<p class="meta">${dateRange(ctx, s.first, s.last)} · ${t.n('count.articles', s.articleCount)} · ${t.n('count.outlets', s.outlets.length)}${points === undefined ? '' : html` · <span class="points">${t.n('count.points', points)}</span>`}</p>
${s.outlets.length ? html`<p class="outlets">${s.outlets.slice(0, OUTLETS_IN_LIST).map((o, i) => html`${i ? ', ' : ''}${outletLink(ctx, o)}`)}${more > 0 ? html` +${t.num(more)}` : ''}</p>` : ''}
</li>`;
}

/** One article in a list; `extra` goes inside the item (folded copies, notes). */
export function articleItem(ctx: PageContext, a: Pick<Article, 'id' | 'title' | 'outlet' | 'language'> & { published: string | null }, extra?: SafeHtml): SafeHtml {
  const { t } = ctx;
  return html`<li class="article-item"><a href="${t.path(`/articles/${a.id}`)}" dir="auto"${a.language ? html` lang="${a.language}"` : ''}>${a.title ?? t.t('common.untitled')}</a>
<span class="meta">${outletLink(ctx, a.outlet)} · ${dateTag(ctx, a.published)}</span>${extra}</li>`;
}

export interface PagerState {
  page: number;
  hasNext: boolean;
  /** Known when the total is counted; lists that cannot count show only previous/next. */
  pages?: number;
  href: (page: number) => string;
}

export function pager(ctx: PageContext, p: PagerState): SafeHtml {
  const { t } = ctx;
  if (p.page === 1 && !p.hasNext) return html``;
  return html`<nav class="pager" aria-label="${t.t('pager.label')}">
${p.page > 1 ? html`<a rel="prev" href="${p.href(p.page - 1)}">${t.t('pager.prev')}</a>` : ''}
${p.pages ? html`<span>${t.t('pager.page', { page: p.page, pages: p.pages })}</span>` : ''}
${p.hasNext ? html`<a rel="next" href="${p.href(p.page + 1)}">${t.t('pager.next')}</a>` : ''}
</nav>`;
}

export interface Option { value: string; label: string }

export function select(id: string, name: string, label: string, options: Option[], current: string | undefined, anyLabel: string): SafeHtml {
  // A value from the URL that is not among the choices stays visible, so the page shows the filter it applies.
  if (current && !options.some((o) => o.value === current)) options = [...options, { value: current, label: current }];
  return html`<div class="field"><label for="${id}">${label}</label>
<select id="${id}" name="${name}"><option value="">${anyLabel}</option>${options.map((o) => html`<option value="${o.value}"${o.value === current ? html` selected` : ''}>${o.label}</option>`)}</select></div>`;
}
