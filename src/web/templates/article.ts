// Article page: clean text with quotes highlighted and linked to speakers, metadata with provenance, related, share.
import type { Article } from '../../domain/article.ts';
import type { AttributedQuote } from '../../pipeline/story/assemble.ts';
import { externalUrl, html, type SafeHtml } from '../html.ts';
import { highlightParagraphs } from '../highlight.ts';
import { shareLinks } from '../share.ts';
import { layout, type PageContext } from './layout.ts';
import { articleItem, dateTag, outletLink } from './parts.ts';

export interface ArticleModel {
  article: Article;
  quotes: AttributedQuote[];
  /** Person key → page slug. */
  personSlugs: ReadonlyMap<string, string>;
  story: { id: number; title: string | null } | null;
  original: Article | null;
  related: Article[];
  /** The address to share, absolute; null hides the share links. */
  shareUrl: string | null;
  /** The community's block for the article (votes, discussion, follows), when the site has one. */
  community?: SafeHtml;
}

export function articlePage(ctx: PageContext, m: ArticleModel): SafeHtml {
  const { t } = ctx;
  const a = m.article;
  const title = a.title ?? t.t('common.untitled');
  const source = externalUrl(a.url ?? a.canonicalUrl);
  const lang = a.language ? html` lang="${a.language}"` : '';
  const body = html`<div class="article-page">
<article class="article"${lang}>
<header>
<h1 dir="auto">${title}</h1>
${a.standfirst ? html`<p class="standfirst" dir="auto">${a.standfirst}</p>` : ''}
<p class="meta">${outletLink(ctx, a.outlet)} · ${dateTag(ctx, a.published?.value, true)}${a.byline ? html` · <span dir="auto">${a.byline}</span>` : ''}</p>
</header>
<div class="text">${textHtml(ctx, m)}</div>
${source ? html`<p class="source-link"><a href="${source}" rel="noopener noreferrer external">${t.t('article.original')}</a></p>` : ''}
</article>
<aside class="article-side">
${m.community}${aboutBox(ctx, m)}
${m.story ? html`<section><h2>${t.t('article.partOf')}</h2><p><a href="${t.path(`/stories/${m.story.id}`)}" dir="auto">${m.story.title ?? t.t('common.untitled')}</a></p></section>` : ''}
${quoteList(ctx, m)}
${m.related.length ? html`<section><h2>${t.t('article.related')}</h2><ul class="articles">${m.related.map((r) => articleItem(ctx, { ...r, published: r.published?.value ?? null }))}</ul></section>` : ''}
${m.shareUrl ? shareBox(ctx, m.shareUrl, title) : ''}
</aside>
</div>`;
  return layout(ctx, { title, section: 'stories' }, body);
}

function speakerLink(ctx: PageContext, q: AttributedQuote, slugs: ReadonlyMap<string, string>): SafeHtml {
  if (!q.speaker) return html``;
  const slug = slugs.get(q.speaker.key);
  const label = ctx.t.t('article.quoteBy', { name: q.speaker.name });
  return slug
    ? html`<a class="speaker" href="${ctx.t.path(`/people/${encodeURIComponent(slug)}`)}" aria-label="${label}">${q.speaker.name}</a>`
    : html`<span class="speaker" aria-label="${label}">${q.speaker.name}</span>`;
}

function textHtml(ctx: PageContext, m: ArticleModel): SafeHtml[] {
  return highlightParagraphs(m.article.text, m.quotes).map((segs) => html`<p dir="auto">${segs.map((s) => {
    if (s.kind === 'text') return html`${s.text}`;
    const q = m.quotes[s.quote];
    return html`<mark class="quote kind-${q.kind}"${s.first ? html` id="quote-${s.quote}"` : ''}>${s.text}</mark>${s.last ? speakerLink(ctx, q, m.personSlugs) : ''}`;
  })}</p>`);
}

function row(label: string, value: SafeHtml | string | null | undefined, how?: string | null): SafeHtml {
  if (value === null || value === undefined || value === '') return html``;
  return html`<dt>${label}</dt><dd>${value}${how ? html`<br><small class="how" dir="auto">${how}</small>` : ''}</dd>`;
}

function aboutBox(ctx: PageContext, m: ArticleModel): SafeHtml {
  const { t } = ctx;
  const a = m.article;
  const p = a.published;
  const dateHow = p ? `${t.t('article.howKnown', { detail: p.detail || p.source })} (${t.t('article.confidence', { value: t.pct(p.confidence) })})` : null;
  return html`<section class="about"><h2>${t.t('article.about')}</h2><dl>
${row(t.t('article.published'), dateTag(ctx, p?.value, true), dateHow)}
${row(t.t('article.outlet'), a.outlet ? outletLink(ctx, a.outlet) : null, a.outletSource ? t.t('article.howKnown', { detail: a.outletSource }) : null)}
${row(t.t('article.language'), a.language ? t.languageName(a.language) : null)}
${row(t.t('article.dateline'), a.dateline)}
${row(t.t('article.byline'), a.byline)}
${row(t.t('article.section'), a.section)}
${row(t.t('article.format'), t.t(`format.${a.format}`))}
${row(t.t('article.input'), html`<code dir="ltr">${/^https?:/.test(a.input) ? a.input : a.input.split(/[\\/]/).pop()}</code>`)}
${m.original ? row(t.t('article.copyOf'), html`<a href="${t.path(`/articles/${m.original.id}`)}" dir="auto">${m.original.title ?? t.t('common.untitled')}</a>`) : ''}
</dl></section>`;
}

function quoteList(ctx: PageContext, m: ArticleModel): SafeHtml {
  const { t } = ctx;
  if (!m.quotes.length) return html``;
  return html`<section class="article-quotes"><h2>${t.t('article.quotes')} <span class="count">${t.num(m.quotes.length)}</span></h2><ol>${m.quotes.map((q, i) => html`<li>
<a href="#quote-${i}">${q.speaker ? q.speaker.name : q.mention ?? t.t('common.unknownSpeaker')}</a> <span class="badge">${t.t(`kind.${q.kind === 'direct' || q.kind === 'indirect' ? q.kind : 'mixed'}`)}</span></li>`)}</ol></section>`;
}

function shareBox(ctx: PageContext, url: string, title: string): SafeHtml {
  const { t } = ctx;
  return html`<section class="share"><h2>${t.t('article.share')}</h2><ul>${shareLinks(url, title).map((s) => html`<li><a href="${s.href}" rel="noopener noreferrer">${t.t(`share.${s.id}`)}</a></li>`)}</ul>
<button type="button" class="copy-link" data-url="${url}" data-done="${t.t('article.copied')}" hidden>${t.t('article.copyLink')}</button><span class="copy-status" role="status"></span></section>`;
}
