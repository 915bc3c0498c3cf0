// Extracts an HTML article's body and metadata: a numbered cascade around one Readability pass.
import { Readability } from '@mozilla/readability';
import type { HtmlExtraction } from '../contracts.ts';
import { cleanBlocks, removeChrome, unwrapEmbeddedPosts } from './html-clean.ts';
import { readJsonLd } from './html-jsonld.ts';
import { metaTags, readMetadata } from './html-metadata.ts';
import { agreement, baselineText, jsonLdBodyText } from './html-rescue.ts';
import { joinBlocks, textBlocks } from './html-text.ts';

/**
 * Readability's result counts as delivered from this many characters; below it the baseline competes.
 * trafilatura's MIN_EXTRACTED_SIZE; a news brief is longer. On zyte-dev no page falls below it, so the
 * rescue never engages there: it is for pages Readability gives up on.
 */
const MIN_DELIVERED_CHARS = 250;
/**
 * JSON-LD articleBody replaces the extracted text when it is this much longer and repeats it: the page
 * itself states its body and Readability kept only part of it. Calibrated on zyte-dev: articleBody is
 * often truncated, HTML-laden or padded with extra sections (one page's was 1.4x the true body), so only
 * a clear shortfall (under half) counts; no zyte-dev page meets it.
 */
const JSON_LD_LONGER_RATIO = 2;
/** Share of the extracted text's shingles the articleBody must contain to be the same article. */
const JSON_LD_MIN_AGREEMENT = 0.8;

const NOTHING: HtmlExtraction = { title: null, standfirst: null, byline: null, section: null, siteName: null, declaredLanguage: null, text: '' };

export function extractHtml(doc: Document, url: string | null): HtmlExtraction {
  // An empty input parses to a document without even an <html> element.
  if (!doc.documentElement) return { ...NOTHING };

  // 0. Metadata first: the cleaning below removes the elements that carry bylines, decks and breadcrumbs.
  const meta = metaTags(doc);
  const jsonLd = readJsonLd(doc);
  const metadata = readMetadata(doc, url, meta, jsonLd);
  const body = doc.body;
  if (!body) return { ...metadata, text: '' };

  // 1. Page-level cleaning: lift embedded posts out of widget wrappers, drop captions/bylines/promos,
  //    so Readability neither scores them nor keeps them.
  unwrapEmbeddedPosts(body);
  removeChrome(body, 'page');
  // Paragraph elements are kept by reference for the baseline rescue: Readability rewrites the document.
  const paragraphs = Array.from(body.querySelectorAll('p, pre, blockquote'));

  // 2. Readability picks the article container. The identity serializer hands back the element itself
  //    (no HTML round trip, no second DOM build).
  const article = new Readability(doc, { keepClasses: true, serializer: (node: Node) => node }).parse();
  const content = (article?.content ?? null) as Element | null;

  // 3. Article-level cleaning: header blocks inside the container, then block rules
  //    (the headline block, teaser links, furniture labels, promo and credit lines).
  let text = '';
  if (content) {
    removeChrome(content, 'article');
    text = joinBlocks(cleanBlocks(textBlocks(content), { title: metadata.title }));
  }

  // 4. JSON-LD articleBody: the page's own statement of its body, when Readability kept a clear part of it.
  //    The raw length bounds the cleaned one, so the markup is only parsed when it can win.
  if (jsonLd.articleBody && jsonLd.articleBody.length >= JSON_LD_LONGER_RATIO * text.length) {
    const fromJsonLd = jsonLdBodyText(jsonLd.articleBody);
    if (fromJsonLd.length >= JSON_LD_LONGER_RATIO * text.length && agreement(fromJsonLd, text) >= JSON_LD_MIN_AGREEMENT) text = fromJsonLd;
  }

  // 5. Baseline rescue: when Readability under-delivered (or found nothing), the page's own paragraphs.
  if (text.length < MIN_DELIVERED_CHARS) {
    const baseline = baselineText(paragraphs, metadata.title);
    if (baseline.length > text.length) text = baseline;
  }

  return { ...metadata, text };
}
