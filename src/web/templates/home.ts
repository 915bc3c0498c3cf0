// Home page: stories ranked by recent activity, with language and outlet filters and pagination; with readers'
// accounts, also in the readers' order ("hot with readers") and beside the "Hot with readers" block.
import type { StoryRow } from '../../storage/store.ts';
import { html, queryString, type SafeHtml } from '../html.ts';
import type { Facets } from '../site-data.ts';
import { layout, type PageContext } from './layout.ts';
import { pager, select, storyItem } from './parts.ts';

export interface HomeModel {
  stories: StoryRow[];
  total: number;
  page: number;
  pageSize: number;
  filter: { language?: string; outlet?: string };
  facets: Facets;
  /** The choice of order, where the site has readers' votes; absent without accounts. */
  order?: {
    sort: 'recent' | 'hot';
    /** Hours of age that ten times the points make up (the note on the hot order). */
    windowHours: number;
    /** Net points of the listed stories, in the hot order. */
    points: Map<number, number>;
    /** How many stories the hot order ranks (its pages); null in the news order. */
    ranked: number | null;
  };
  /** "Hot with readers": on the first unfiltered page, where the site has readers' votes. */
  hot?: SafeHtml;
}

export function homePage(ctx: PageContext, m: HomeModel): SafeHtml {
  const { t } = ctx;
  const hotOrder = m.order?.sort === 'hot';
  const sort = hotOrder ? 'hot' : undefined;
  const pages = Math.max(1, Math.ceil((m.order?.ranked ?? m.total) / m.pageSize));
  const filtered = Boolean(m.filter.language || m.filter.outlet);
  const list = html`${m.stories.length
    ? html`<ol class="stories">${m.stories.map((s) => storyItem(ctx, s, hotOrder ? m.order!.points.get(s.id) ?? 0 : undefined))}</ol>`
    : html`<p class="empty">${t.t('home.empty')}</p>`}
${pager(ctx, { page: m.page, pages, hasNext: m.page < pages, href: (p) => t.path('/') + queryString({ ...m.filter, sort, page: p > 1 ? p : undefined }) })}`;
  const body = html`<h1>${t.t('home.title')}</h1>
<p class="lead">${hotOrder ? t.t('home.introHot', { hours: m.order!.windowHours }) : t.t('home.intro')} ${t.n('count.stories', m.total)}.</p>
${m.order ? sortTabs(ctx, m.order.sort, m.filter) : ''}<form class="filters" method="get" action="${t.path('/')}">
<fieldset><legend>${t.t('filter.legend')}</legend>
${select('f-language', 'language', t.t('filter.language'), m.facets.languages.map((l) => ({ value: l.code, label: t.languageName(l.code) })), m.filter.language, t.t('filter.any'))}
${select('f-outlet', 'outlet', t.t('filter.outlet'), m.facets.outlets.map((o) => ({ value: o.name, label: o.name })), m.filter.outlet, t.t('filter.any'))}
${sort ? html`<input type="hidden" name="sort" value="${sort}">` : ''}<div class="actions"><button type="submit">${t.t('filter.apply')}</button>${filtered ? html` <a href="${t.path('/') + queryString({ sort })}">${t.t('filter.clear')}</a>` : ''}</div>
</fieldset>
</form>
${m.hot?.value ? html`<div class="home-lists"><div class="home-stories">${list}</div>
${m.hot}</div>` : list}`;
  return layout(ctx, { title: t.t('home.title'), section: 'stories' }, body);
}

/** "Most recent" and "Hot with readers", keeping the filters; the current one is marked for screen readers. */
function sortTabs(ctx: PageContext, current: 'recent' | 'hot', filter: HomeModel['filter']): SafeHtml {
  const { t } = ctx;
  const tab = (sort: 'recent' | 'hot', label: string) => html`<li><a href="${t.path('/') + queryString({ ...filter, sort: sort === 'hot' ? 'hot' : undefined })}"${current === sort ? html` aria-current="page"` : ''}>${label}</a></li>`;
  return html`<nav class="tabs" aria-label="${t.t('filter.sort')}"><ul>${tab('recent', t.t('home.sortRecent'))}${tab('hot', t.t('home.sortHot'))}</ul></nav>
`;
}
