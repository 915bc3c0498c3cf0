// Outlet and person pages, and their index pages.
import type { Article } from '../../domain/article.ts';
import type { EntitySummary, SpeakerQuote, StoryRow } from '../../storage/store.ts';
import { html, queryString, type SafeHtml } from '../html.ts';
import type { OutletFacet } from '../site-data.ts';
import { layout, type PageContext } from './layout.ts';
import { articleItem, dateTag, outletLink, pager, storyItem } from './parts.ts';

export function outletsPage(ctx: PageContext, outlets: OutletFacet[]): SafeHtml {
  const { t } = ctx;
  const body = html`<h1>${t.t('outlets.title')}</h1>
${outlets.length ? html`<ul class="directory">${outlets.map((o) => html`<li>${outletLink(ctx, o.name)} <span class="count">${t.n('count.articles', o.articles)}</span></li>`)}</ul>` : html`<p class="empty">${t.t('outlets.empty')}</p>`}`;
  return layout(ctx, { title: t.t('outlets.title'), section: 'outlets' }, body);
}

export interface OutletModel {
  outlet: OutletFacet;
  stories: StoryRow[];
  articles: Article[];
  page: number;
  pages: number;
}

export function outletPage(ctx: PageContext, m: OutletModel): SafeHtml {
  const { t } = ctx;
  const here = t.path(`/outlets/${encodeURIComponent(m.outlet.slug)}`);
  const body = html`<h1 dir="auto">${m.outlet.name}</h1>
<p class="lead">${t.n('count.articles', m.outlet.articles)}</p>
${m.page === 1 ? html`<section aria-labelledby="o-stories"><h2 id="o-stories">${t.t('outlet.stories')}</h2>
${m.stories.length ? html`<ol class="stories">${m.stories.map((s) => storyItem(ctx, s))}</ol>` : html`<p class="muted">${t.t('common.none')}</p>`}</section>` : ''}
<section aria-labelledby="o-articles"><h2 id="o-articles">${t.t('outlet.articles')}</h2>
<ol class="articles">${m.articles.map((a) => articleItem(ctx, { ...a, published: a.published?.value ?? null }))}</ol>
${pager(ctx, { page: m.page, pages: m.pages, hasNext: m.page < m.pages, href: (p) => here + queryString({ page: p > 1 ? p : undefined }) })}
</section>`;
  return layout(ctx, { title: m.outlet.name, section: 'outlets' }, body);
}

export function peoplePage(ctx: PageContext, people: EntitySummary[], page: number, hasNext: boolean): SafeHtml {
  const { t } = ctx;
  const body = html`<h1>${t.t('people.title')}</h1>
<p class="lead">${t.t('people.intro')}</p>
${people.length ? html`<ul class="directory">${people.map((p) => html`<li><a href="${t.path(`/people/${encodeURIComponent(p.slug)}`)}" dir="auto">${p.name}</a>${p.role ? html` <span class="role" dir="auto">${p.role}</span>` : ''} <span class="count">${t.n('count.articles', p.articles)} · ${t.n('count.quotes', p.quotes)}</span></li>`)}</ul>` : html`<p class="empty">${t.t('people.empty')}</p>`}
${pager(ctx, { page, hasNext, href: (p) => t.path('/people') + queryString({ page: p > 1 ? p : undefined }) })}`;
  return layout(ctx, { title: t.t('people.title'), section: 'people' }, body);
}

export interface PersonModel {
  person: EntitySummary;
  quotes: SpeakerQuote[];
  page: number;
  pages: number;
}

export function personPage(ctx: PageContext, m: PersonModel): SafeHtml {
  const { t } = ctx;
  const p = m.person;
  const here = t.path(`/people/${encodeURIComponent(p.slug)}`);
  const body = html`<h1 dir="auto">${p.name}</h1>
${p.role ? html`<p class="role lead" dir="auto">${p.role}</p>` : ''}
<p class="meta">${t.n('count.articles', p.articles)} · ${t.n('count.quotes', p.quotes)} · <a href="${t.path('/search') + queryString({ person: p.slug, sort: 'date' })}">${t.t('person.searchArticles', { name: p.name })}</a></p>
<section aria-labelledby="p-quotes"><h2 id="p-quotes">${t.t('person.quotes')}</h2>
${m.quotes.length ? html`<ol class="person-quotes">${m.quotes.map((q) => html`<li class="quote kind-${q.kind}">
<p class="when">${dateTag(ctx, q.date)} · ${outletLink(ctx, q.outlet)}${q.storyId !== null ? html` · <a href="${t.path(`/stories/${q.storyId}`)}">${t.t('article.partOf')}</a>` : ''}</p>
<blockquote dir="auto" cite="${t.path(`/articles/${q.articleId}`)}">${q.text}</blockquote>
<p class="meta"><span class="badge">${t.t(`kind.${q.kind === 'direct' || q.kind === 'indirect' ? q.kind : 'mixed'}`)}</span> <a href="${t.path(`/articles/${q.articleId}`)}">${t.t('person.readArticle')}</a></p>
</li>`)}</ol>` : html`<p class="empty">${t.t('person.noQuotes')}</p>`}
${pager(ctx, { page: m.page, pages: m.pages, hasNext: m.page < m.pages, href: (n) => here + queryString({ page: n > 1 ? n : undefined }) })}
</section>`;
  return layout(ctx, { title: p.name, section: 'people' }, body);
}
