// Story page: timeline (chart and list), who said what, people and places, coverage by outlet, articles.
import type { StoryView } from '../../services/stories.ts';
import type { RankedEntity } from '../../pipeline/story/assemble.ts';
import { coverageSvg, MAX_COVERAGE_ROWS, timelineSvg } from '../charts.ts';
import { html, type SafeHtml } from '../html.ts';
import { layout, type PageContext } from './layout.ts';
import { articleItem, dateRange, dateTag, outletLink, pager } from './parts.ts';

/**
 * List lengths on one page. A 1,000-article story has thousands of events and quotes; beyond these the page
 * gets slow to read and to send, and the person and search pages hold the rest.
 */
export const MAX_TIMELINE_ITEMS = 200;
export const MAX_SPEAKERS = 40;
export const MAX_QUOTES_PER_SPEAKER = 6;
/** Quotes whose attribution the quote filter judged less likely than this are marked uncertain. */
export const UNCERTAIN_BELOW = 0.5;
const uncertain = (q: { confidence: number | null }): boolean => q.confidence !== null && q.confidence < UNCERTAIN_BELOW;
export const MAX_ENTITIES = 30;
/** Sources linked under one timeline event; a widely reported event names the rest as a count. */
export const MAX_SOURCES = 6;
/** Speakers named per outlet in the coverage table. */
export const MAX_OUTLET_SPEAKERS = 12;
/** Articles (originals, copies folded in) listed per page of the story's article list. */
export const ARTICLES_PAGE = 100;

export interface StoryModel {
  story: StoryView;
  /** Page of the article list (the rest of the page is the same on every page). */
  page: number;
  /** Person key → page slug, for the people known to the entity index. */
  personSlugs: ReadonlyMap<string, string>;
}

type StoryArticle = StoryView['articles'][number];

/**
 * The story page around its sections. The sections are the costly part and the same for every reader, so the
 * caller renders them with `storySections` (and may keep them); the frame and the community block (`community`) are per reader.
 */
export function storyPage(ctx: PageContext, s: StoryView, sections: SafeHtml, community?: SafeHtml): SafeHtml {
  const { t } = ctx;
  const title = s.title ?? t.t('common.untitled');
  const feed = `/stories/${s.id}/feed.xml`;
  const body = html`<article class="story">
<header class="story-head">
<h1 dir="auto">${title}</h1>
<p class="meta">${dateRange(ctx, s.first, s.last)} · ${t.n('count.articles', s.articles.length)} · ${t.n('count.outlets', s.outlets.length)}</p>
<p class="outlets">${s.outlets.map((o, i) => html`${i ? ', ' : ''}${outletLink(ctx, o)}`)}</p>
<p><a class="feed" href="${feed}">${t.t('story.feed')}</a></p>
</header>
${community}<nav class="toc" aria-label="${title}"><ul>
<li><a href="#timeline">${t.t('story.timeline')}</a></li>
<li><a href="#quotes">${t.t('story.whoSaidWhat')}</a></li>
<li><a href="#entities">${t.t('story.people')}</a></li>
<li><a href="#coverage">${t.t('story.coverage')}</a></li>
<li><a href="#articles">${t.t('story.articles')}</a></li>
</ul></nav>
${sections}
</article>`;
  const head = html`<link rel="alternate" type="application/rss+xml" title="${title}" href="${feed}">
<link rel="alternate" type="application/atom+xml" title="${title}" href="/stories/${s.id}/feed.atom">
`;
  return layout(ctx, { title, section: 'stories', head }, body);
}

/** Timeline, who said what, people and places, coverage and the page of articles: the same for every reader. */
export function storySections(ctx: PageContext, m: StoryModel): SafeHtml {
  const s = m.story;
  const byId = new Map(s.articles.map((a) => [a.id, a]));
  return html`${timelineSection(ctx, s, byId)}
${quotesSection(ctx, s, m.personSlugs)}
${entitiesSection(ctx, s, m.personSlugs)}
${coverageSection(ctx, s, m.personSlugs)}
${articlesSection(ctx, s, m.page)}`;
}

function sourceLink(ctx: PageContext, id: number, byId: Map<number, StoryArticle>): SafeHtml {
  const a = byId.get(id);
  return html`<a href="${ctx.t.path(`/articles/${id}`)}" dir="auto">${a?.outlet ?? a?.title ?? `#${id}`}</a>`;
}

function timelineSection(ctx: PageContext, s: StoryView, byId: Map<number, StoryArticle>): SafeHtml {
  const { t } = ctx;
  // A long timeline keeps its most widely reported events, still in date order.
  const entries = s.timeline.length <= MAX_TIMELINE_ITEMS ? s.timeline
    : s.timeline.map((e, i) => ({ e, i })).sort((a, b) => b.e.sources.length - a.e.sources.length || a.i - b.i)
      .slice(0, MAX_TIMELINE_ITEMS).sort((a, b) => a.i - b.i).map((x) => x.e);
  const chart = timelineSvg(entries, t, (i) => `#ev-${i}`);
  return html`<section id="timeline" aria-labelledby="timeline-h">
<h2 id="timeline-h">${t.t('story.timeline')} <span class="count">${t.n('count.events', s.timeline.length)}</span></h2>
${chart ? html`<figure class="chart-box">${chart}<figcaption>${t.t('story.timelineChart')}</figcaption></figure>` : html`<p class="empty">${t.t('story.noEvents')}</p>`}
${entries.length ? html`<h3 class="visually-hidden">${t.t('story.timelineList')}</h3>
<ol class="timeline">${entries.map((e, i) => html`<li id="ev-${i}" class="event kind-${e.kind}">
<p class="when">${dateTag(ctx, e.date)}${e.time ? html` <span class="time">${e.time}</span>` : ''} <span class="badge">${t.t(`event.${e.kind}`)}</span>${e.scheduled ? html` <span class="badge scheduled">${t.t('story.scheduled')}</span>` : ''}</p>
<p class="what" dir="auto">${e.text}</p>
${e.place || e.participants.length ? html`<p class="who">${[e.place, ...e.participants].filter(Boolean).map((name, i) => html`${i ? ' · ' : ''}<bdi>${name}</bdi>`)}</p>` : ''}
<p class="sources">${t.t('story.reportedBy')}: ${e.sources.slice(0, MAX_SOURCES).map((src, k) => html`${k ? ', ' : ''}${sourceLink(ctx, src.article, byId)}`)}${e.sources.length > MAX_SOURCES ? html` +${t.num(e.sources.length - MAX_SOURCES)}` : ''}</p>
</li>`)}</ol>
${s.timeline.length > entries.length ? html`<p class="note">${t.t('story.truncated', { shown: entries.length, total: s.timeline.length })}</p>` : ''}` : ''}
</section>`;
}

function personName(ctx: PageContext, key: string | null, name: string, slugs: ReadonlyMap<string, string>): SafeHtml {
  const slug = key ? slugs.get(key) : undefined;
  return slug ? html`<a href="${ctx.t.path(`/people/${encodeURIComponent(slug)}`)}" dir="auto">${name}</a>` : html`<span dir="auto">${name}</span>`;
}

function quotesSection(ctx: PageContext, s: StoryView, slugs: ReadonlyMap<string, string>): SafeHtml {
  const { t } = ctx;
  const groups = s.whoSaidWhat.slice(0, MAX_SPEAKERS);
  return html`<section id="quotes" aria-labelledby="quotes-h">
<h2 id="quotes-h">${t.t('story.whoSaidWhat')} <span class="count">${t.n('count.quotes', s.whoSaidWhat.reduce((n, g) => n + g.quotes.length, 0))}</span></h2>
${groups.length ? html`<div class="speakers">${groups.map((g) => {
    const slug = g.speaker.key ? slugs.get(g.speaker.key) : undefined;
    const rest = g.quotes.length - MAX_QUOTES_PER_SPEAKER;
    return html`<section class="speaker">
<h3>${g.speaker.key ? personName(ctx, g.speaker.key, g.speaker.name, slugs) : html`<span class="muted" dir="auto">${g.speaker.name}</span>`}${g.speaker.role ? html` <span class="role" dir="auto">${g.speaker.role}</span>` : ''} <span class="count">${t.n('count.quotes', g.quotes.length)}</span></h3>
<ul class="quotes">${g.quotes.slice(0, MAX_QUOTES_PER_SPEAKER).map((q) => html`<li class="quote kind-${q.kind}${uncertain(q) ? ' uncertain' : ''}">
<blockquote dir="auto" cite="${t.path(`/articles/${q.article}`)}">${q.text}</blockquote>
<p class="meta"><span class="badge">${t.t(`kind.${kindKey(q.kind)}`)}</span>${uncertain(q)
    ? html` <span class="badge uncertain" title="${t.t('quote.uncertainWhy', { value: t.pct(q.confidence!) })}">${t.t('quote.uncertain')}</span>` : ''} <a href="${t.path(`/articles/${q.article}`)}">${q.outlet ?? t.t('common.unknownOutlet')}</a> · ${dateTag(ctx, q.date)}</p>
</li>`)}</ul>
${rest > 0 ? html`<p class="more">${slug ? html`<a href="${t.path(`/people/${encodeURIComponent(slug)}`)}">${t.n('count.moreQuotes', rest)}</a>` : t.n('count.moreQuotes', rest)}</p>` : ''}
</section>`;
  })}</div>${s.whoSaidWhat.length > groups.length ? html`<p class="note">${t.t('story.truncated', { shown: groups.length, total: s.whoSaidWhat.length })}</p>` : ''}` : html`<p class="empty">${t.t('story.noQuotes')}</p>`}
</section>`;
}

function kindKey(kind: string): 'direct' | 'indirect' | 'mixed' {
  return kind === 'direct' || kind === 'indirect' ? kind : 'mixed';
}

function entityList(ctx: PageContext, heading: string, items: RankedEntity[], slugs: ReadonlyMap<string, string> | null): SafeHtml {
  const { t } = ctx;
  return html`<section class="entity-list"><h3>${heading}</h3>
${items.length ? html`<ul>${items.slice(0, MAX_ENTITIES).map((e) => html`<li>${slugs ? personName(ctx, e.key, e.name, slugs) : html`<span dir="auto">${e.name}</span>`}${e.role ? html` <span class="role" dir="auto">${e.role}</span>` : ''} <span class="count">${t.n('count.articles', e.articles)}</span></li>`)}</ul>` : html`<p class="muted">${t.t('common.none')}</p>`}
</section>`;
}

function entitiesSection(ctx: PageContext, s: StoryView, slugs: ReadonlyMap<string, string>): SafeHtml {
  const { t } = ctx;
  return html`<section id="entities" aria-labelledby="entities-h" class="entities">
<h2 id="entities-h">${t.t('story.people')}, ${t.t('story.organizations')}, ${t.t('story.places')}</h2>
<div class="columns">
${entityList(ctx, t.t('story.people'), s.people, slugs)}
${entityList(ctx, t.t('story.organizations'), s.organizations, null)}
${entityList(ctx, t.t('story.places'), s.places, null)}
</div>
</section>`;
}

function coverageSection(ctx: PageContext, s: StoryView, slugs: ReadonlyMap<string, string>): SafeHtml {
  const { t } = ctx;
  const unknown = t.t('common.unknownOutlet');
  const rows = s.coverage.map((c) => ({
    outlet: c.outlet,
    dates: s.articles.filter((a) => (a.outlet ?? 'Unknown outlet') === c.outlet && a.published).map((a) => a.published as string),
  }));
  const chart = coverageSvg(rows.slice(0, MAX_COVERAGE_ROWS), t);
  // Speaker names in coverage are names only; link the ones the story's people list knows.
  const keyByName = new Map([...s.people.map((p) => [p.name, p.key] as const), ...s.whoSaidWhat.filter((g) => g.speaker.key).map((g) => [g.speaker.name, g.speaker.key as string] as const)]);
  return html`<section id="coverage" aria-labelledby="coverage-h">
<h2 id="coverage-h">${t.t('story.coverage')}</h2>
${chart ? html`<figure class="chart-box">${chart}<figcaption>${t.t('story.coverageChart')}</figcaption></figure>` : ''}
<div class="table-wrap"><table class="coverage">
<thead><tr><th scope="col">${t.t('article.outlet')}</th><th scope="col">${t.t('story.articles')}</th><th scope="col">${t.t('story.firstLast')}</th><th scope="col">${t.t('story.speakersCarried')}</th></tr></thead>
<tbody>${s.coverage.map((c) => html`<tr>
<th scope="row">${c.outlet === 'Unknown outlet' ? html`<span class="muted">${unknown}</span>` : outletLink(ctx, c.outlet)}</th>
<td>${t.num(c.articles)}</td>
<td>${dateRange(ctx, c.first, c.last)}</td>
<td>${c.speakers.length ? html`${c.speakers.slice(0, MAX_OUTLET_SPEAKERS).map((name, i) => html`${i ? ', ' : ''}${personName(ctx, keyByName.get(name) ?? null, name, slugs)}`)}${c.speakers.length > MAX_OUTLET_SPEAKERS ? html` +${t.num(c.speakers.length - MAX_OUTLET_SPEAKERS)}` : ''}` : html`<span class="muted">${t.t('common.none')}</span>`}</td>
</tr>`)}</tbody></table></div>
</section>`;
}

function articlesSection(ctx: PageContext, s: StoryView, page: number): SafeHtml {
  const { t } = ctx;
  const ids = new Set(s.articles.map((a) => a.id));
  // Copies fold under their original when the original is in the story; otherwise they stand alone.
  const copies = new Map<number, StoryArticle[]>();
  for (const a of s.articles) if (a.duplicateOf !== null && ids.has(a.duplicateOf)) copies.set(a.duplicateOf, [...(copies.get(a.duplicateOf) ?? []), a]);
  const top = s.articles.filter((a) => a.duplicateOf === null || !ids.has(a.duplicateOf));
  const pages = Math.max(1, Math.ceil(top.length / ARTICLES_PAGE));
  const here = (p: number) => t.path(`/stories/${s.id}`) + (p > 1 ? `?page=${p}` : '') + '#articles';
  return html`<section id="articles" aria-labelledby="articles-h">
<h2 id="articles-h">${t.t('story.articles')} <span class="count">${t.n('count.articles', s.articles.length)}</span></h2>
<ol class="articles" start="${(page - 1) * ARTICLES_PAGE + 1}">${top.slice((page - 1) * ARTICLES_PAGE, page * ARTICLES_PAGE).map((a) => {
    const dup = copies.get(a.id) ?? [];
    return articleItem(ctx, a, html`${a.publishedInferred ? html` <span class="note">(${t.t('story.inferredDate')})</span>` : ''}${dup.length ? html`<details class="copies"><summary>${t.t('story.copies')}: ${t.n('count.copies', dup.length)}</summary><ul>${dup.map((d) => articleItem(ctx, d))}</ul></details>` : ''}`);
  })}</ol>
${pager(ctx, { page, pages, hasNext: page < pages, href: here })}
</section>`;
}
