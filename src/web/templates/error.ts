// Error pages (400, 404, 500): localised, with a search box and a way home.
import { html, type SafeHtml } from '../html.ts';
import { layout, type PageContext } from './layout.ts';

export function errorPage(ctx: PageContext, status: 400 | 404 | 500, message: string): SafeHtml {
  const { t } = ctx;
  const title = t.t(`error.${status}.title`);
  const body = html`<section class="error-page">
<h1>${title}</h1>
<p>${t.t(`error.${status}.text`, { message })}</p>
<form class="big-search" role="search" action="${t.path('/search')}" method="get">
<label for="error-q">${t.t('search.label')}</label>
<input id="error-q" name="q" type="search" dir="auto">
<button type="submit">${t.t('search.submit')}</button>
</form>
<p><a href="${t.path('/')}">${t.t('error.home')}</a></p>
</section>`;
  return layout(ctx, { title }, body);
}
