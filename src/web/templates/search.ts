// Search page: query box, filters (outlet, language, dates, person), sort, highlighted snippets; all state in the URL.
import type { EntitySummary, SearchHit } from '../../storage/store.ts';
import { html, queryString, snippetHtml, type SafeHtml } from '../html.ts';
import { PAGE_SIZE, type SearchParams } from '../params.ts';
import type { Facets } from '../site-data.ts';
import { layout, type PageContext } from './layout.ts';
import { dateTag, outletLink, pager, select } from './parts.ts';

export interface SearchModel {
  params: SearchParams;
  page: number;
  hits: SearchHit[];
  hasNext: boolean;
  /** Every match, not just this page's; null when not counted (a person with more articles than can be scanned). */
  total: number | null;
  facets: Facets;
  people: EntitySummary[];
}

/** The URL state of a search without the page number, in a stable key order. */
export function searchState(p: SearchParams): Record<string, string | undefined> {
  return { q: p.q || undefined, outlet: p.outlet, language: p.language, from: p.from, to: p.to, person: p.person, sort: p.sort === 'relevance' ? undefined : p.sort };
}

export function searchPage(ctx: PageContext, m: SearchModel): SafeHtml {
  const { t } = ctx;
  const p = m.params;
  const state = searchState(p);
  const active = Boolean(p.q || p.person);
  const feed = `/search/feed.xml${queryString(state)}`;
  const title = p.q ? t.t('search.results', { q: p.q }) : t.t('search.title');
  const body = html`<h1>${t.t('search.title')}</h1>
<form class="search-form" role="search" method="get" action="${t.path('/search')}">
<div class="field wide"><label for="q">${t.t('search.label')}</label>
<input id="q" name="q" type="search" value="${p.q}" dir="auto" aria-describedby="q-hint">
<p id="q-hint" class="hint">${t.t('search.hint')}</p></div>
<fieldset><legend>${t.t('filter.legend')}</legend>
${select('s-outlet', 'outlet', t.t('filter.outlet'), m.facets.outlets.map((o) => ({ value: o.name, label: o.name })), p.outlet, t.t('filter.any'))}
${select('s-language', 'language', t.t('filter.language'), m.facets.languages.map((l) => ({ value: l.code, label: t.languageName(l.code) })), p.language, t.t('filter.any'))}
${select('s-person', 'person', t.t('filter.person'), m.people.map((e) => ({ value: e.slug, label: e.name })), p.person, t.t('filter.any'))}
<div class="field"><label for="s-from">${t.t('filter.from')}</label><input id="s-from" name="from" type="date" value="${p.from ?? ''}"></div>
<div class="field"><label for="s-to">${t.t('filter.to')}</label><input id="s-to" name="to" type="date" value="${p.to ?? ''}"></div>
<div class="field"><label for="s-sort">${t.t('filter.sort')}</label><select id="s-sort" name="sort">
<option value="relevance"${p.sort === 'relevance' ? html` selected` : ''}>${t.t('sort.relevance')}</option>
<option value="date"${p.sort === 'date' ? html` selected` : ''}>${t.t('sort.date')}</option></select></div>
</fieldset>
<div class="actions"><button type="submit">${t.t('search.submit')}</button></div>
</form>
${active ? results(ctx, m, state, feed) : html`<p class="empty">${t.t('search.start')}</p>`}`;
  const head = active ? html`<link rel="alternate" type="application/rss+xml" title="${title}" href="${feed}">
` : undefined;
  return layout(ctx, { title, section: 'search', head, q: p.q }, body);
}

function results(ctx: PageContext, m: SearchModel, state: Record<string, string | undefined>, feed: string): SafeHtml {
  const { t } = ctx;
  const q = m.params.q || m.people.find((e) => e.slug === m.params.person)?.name || m.params.person || '';
  if (!m.hits.length) return html`<p class="empty" role="status">${t.t('search.noResults', { q })}</p>`;
  return html`<section aria-labelledby="results-h">
<h2 id="results-h">${t.t('search.results', { q })}</h2>
<p>${m.total !== null ? html`<span class="count" role="status">${t.n('count.articles', m.total)}</span> · ` : ''}<a class="feed" href="${feed}">${t.t('search.feed')}</a></p>
<ol class="results" start="${(m.page - 1) * PAGE_SIZE + 1}">${m.hits.map((h) => html`<li class="result"${h.language ? html` lang="${h.language}"` : ''}>
<h3><a href="${t.path(`/articles/${h.id}`)}" dir="auto">${h.title ?? t.t('common.untitled')}</a></h3>
<p class="meta">${outletLink(ctx, h.outlet)} · ${dateTag(ctx, h.published)}</p>
<p class="snippet" dir="auto">${snippetHtml(h.snippet)}</p>
</li>`)}</ol>
${pager(ctx, { page: m.page, hasNext: m.hasNext, href: (n) => t.path('/search') + queryString({ ...state, page: n > 1 ? n : undefined }) })}
</section>`;
}
