// The privacy policy of a site without readers' accounts: no cookies, nothing stored about readers.
// With accounts, the accounts plugin serves /privacy instead, naming its cookies and what an account keeps.
import { html, type SafeHtml } from '../html.ts';
import { layout, type PageContext } from './layout.ts';

export function privacyPage(ctx: PageContext): SafeHtml {
  const { t } = ctx;
  const body = html`<h1>${t.t('footer.privacy')}</h1>
<p class="lead">${t.t('privacy.intro')}</p>
<p>${t.t('privacy.cookies')}</p>
<p>${t.t('privacy.stored')}</p>
<p>${t.t('privacy.logs')}</p>`;
  return layout(ctx, { title: t.t('footer.privacy') }, body);
}
