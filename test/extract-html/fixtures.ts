// Hand-written HTML pages for the extractHtml tests: a plausible article body plus whatever a case adds.

/** Body paragraphs of an invented local news story, long enough for Readability to settle on them. */
export const STORY = [
  'The town council of Lindenfeld voted on Tuesday evening to rebuild the old river bridge, ending a debate that has run for almost six years.',
  'Engineers told the council that the stone arches, laid in 1874, had shifted by several centimetres since the spring floods and could not carry lorries much longer.',
  'The new bridge will keep the original arches as a footpath, while a steel deck beside them takes road traffic, according to plans shown at the meeting.',
  'Residents who spoke during the session were divided: shop owners welcomed the decision, while families living near the river worried about two years of construction noise.',
  'Work is expected to begin next March, once the regional water authority has approved the temporary diversion of the river channel below the old mill.',
];

export interface PageParts {
  head?: string;
  htmlAttrs?: string;
  before?: string;
  after?: string;
  /** Replaces the default story paragraphs. */
  body?: string;
}

/** A complete page: head, site chrome around an <article> holding the story. */
export function page(parts: PageParts = {}): string {
  const body = parts.body ?? STORY.map((p) => `<p>${p}</p>`).join('\n');
  return `<!DOCTYPE html>
<html${parts.htmlAttrs ? ' ' + parts.htmlAttrs : ''}>
<head><meta charset="utf-8">${parts.head ?? ''}</head>
<body>
<div class="site-header"><a href="/">Lindenfeld Courier</a><ul class="menu"><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></div>
<main><article>
${parts.before ?? ''}
<div class="article-body">
${body}
</div>
${parts.after ?? ''}
</article></main>
<footer><p>Copyright Lindenfeld Courier. All rights reserved.</p></footer>
</body></html>`;
}

/** The story as extractHtml should return it: one paragraph per <p>, blank line between. */
export const STORY_TEXT = STORY.join('\n\n');
