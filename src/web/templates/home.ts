// Home page: stories ranked by recent activity, with language and outlet filters and pagination.
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
}

export function homePage(ctx: PageContext, m: HomeModel): SafeHtml {
  const { t } = ctx;
  const pages = Math.max(1, Math.ceil(m.total / m.pageSize));
  const filtered = Boolean(m.filter.language || m.filter.outlet);
  const body = html`<h1>${t.t('home.title')}</h1>
<p class="lead">${t.t('home.intro')} ${t.n('count.stories', m.total)}.</p>
<form class="filters" method="get" action="${t.path('/')}">
<fieldset><legend>${t.t('filter.legend')}</legend>
${select('f-language', 'language', t.t('filter.language'), m.facets.languages.map((l) => ({ value: l.code, label: t.languageName(l.code) })), m.filter.language, t.t('filter.any'))}
${select('f-outlet', 'outlet', t.t('filter.outlet'), m.facets.outlets.map((o) => ({ value: o.name, label: o.name })), m.filter.outlet, t.t('filter.any'))}
<div class="actions"><button type="submit">${t.t('filter.apply')}</button>${filtered ? html` <a href="${t.path('/')}">${t.t('filter.clear')}</a>` : ''}</div>
</fieldset>
</form>
${m.stories.length
    ? html`<ol class="stories">${m.stories.map((s) => storyItem(ctx, s))}</ol>`
    : html`<p class="empty">${t.t('home.empty')}</p>`}
${pager(ctx, { page: m.page, pages, hasNext: m.page < pages, href: (p) => t.path('/') + queryString({ ...m.filter, page: p > 1 ? p : undefined }) })}`;
  return layout(ctx, { title: t.t('home.title'), section: 'stories' }, body);
}
