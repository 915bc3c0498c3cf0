// The page frame: <html lang dir>, header with navigation, search and language switcher, main, footer.
import type { PageCommunity } from '../community.ts';
import { html, type SafeHtml } from '../html.ts';
import { LOCALES, LOCALE_CODES, type Translator } from '../i18n/index.ts';

/** What every page template gets: the language, where the page is (without the language prefix) and asset URLs. */
export interface PageContext {
  t: Translator;
  /** Path and query of this page without its language prefix, e.g. '/search?q=nato'. */
  here: string;
  assets: { css: string; js: string; icon: string };
  /** Outlet name → page slug, for linking outlet names anywhere. */
  outletSlugs: ReadonlyMap<string, string>;
  /** The readers' community parts, when the site has accounts; without them the pages are the news alone. */
  community?: PageCommunity;
}

export interface PageOptions {
  title: string;
  /** Which top-level section to mark as current in the navigation. */
  section?: 'stories' | 'search' | 'outlets' | 'people';
  /** Extra <head> links, e.g. feeds. */
  head?: SafeHtml;
  /** Query to prefill in the header search box. */
  q?: string;
}

const NAV = [
  ['stories', '/', 'nav.stories'],
  ['search', '/search', 'nav.search'],
  ['outlets', '/outlets', 'nav.outlets'],
  ['people', '/people', 'nav.people'],
] as const;

/**
 * The footer's links: the community's (log in, register) when the site has accounts, then the privacy policy,
 * which every site has, since even one without accounts owes its readers the statement that it stores nothing.
 */
function footerLinks(ctx: PageContext): SafeHtml[] {
  return [...(ctx.community?.footerLinks() ?? []), html`<a href="${ctx.t.path('/privacy')}">${ctx.t.t('footer.privacy')}</a>`];
}

export function layout(ctx: PageContext, opts: PageOptions, body: SafeHtml): SafeHtml {
  const { t } = ctx;
  const other = (code: keyof typeof LOCALES) => LOCALES[code].prefix + (LOCALES[code].prefix && ctx.here === '/' ? '/' : ctx.here);
  return html`<!doctype html>
<html lang="${t.locale}" dir="${t.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="${t.t('site.tagline')}">
<title>${opts.title} · ${t.t('site.name')}</title>
<link rel="stylesheet" href="${ctx.assets.css}">
<link rel="icon" href="${ctx.assets.icon}" type="image/svg+xml">
<script src="${ctx.assets.js}" defer></script>
${LOCALE_CODES.map((code) => html`<link rel="alternate" hreflang="${code}" href="${other(code)}">
`)}${opts.head}${ctx.community?.head}</head>
<body>
<a class="skip" href="#main">${t.t('nav.skip')}</a>
<header class="site">
<div class="bar">
<a class="brand" href="${t.path('/')}">${t.t('site.name')}</a>
<nav class="main-nav" aria-label="${t.t('nav.main')}"><ul>${NAV.map(([id, path, key]) => html`
<li><a href="${t.path(path)}"${opts.section === id ? html` aria-current="page"` : ''}>${t.t(key)}</a></li>`)}
</ul></nav>
<form class="site-search" role="search" action="${t.path('/search')}" method="get">
<label class="visually-hidden" for="site-q">${t.t('search.label')}</label>
<input id="site-q" name="q" type="search" value="${opts.q ?? ''}" dir="auto" placeholder="${t.t('search.label')}">
<button type="submit">${t.t('search.submit')}</button>
</form>
</div>
<nav class="langs" aria-label="${t.t('nav.language')}"><ul>${LOCALE_CODES.map((code) => html`
<li><a href="${other(code)}" lang="${code}" hreflang="${code}"${code === t.locale ? html` aria-current="true"` : ''}>${LOCALES[code].native}</a></li>`)}
</ul></nav>
${ctx.community ? html`${ctx.community.menu()}
` : ''}</header>
<main id="main" tabindex="-1">
${ctx.community?.notices()}${body}
</main>
<footer class="site">
<p>${t.t('footer.text')} <a href="/api/v1/openapi.json">${t.t('footer.api')}</a></p>
<p>${footerLinks(ctx).map((link, i) => html`${i ? ' · ' : ''}${link}`)}</p>
</footer>
</body>
</html>
`;
}
