// Extracts an HTML article's body and metadata: a numbered cascade around one Readability pass.
import { Readability } from '@mozilla/readability';
import type { HtmlExtraction } from '../contracts.ts';
import { readJsonLd } from './html-jsonld.ts';
import { metaTags, readMetadata } from './html-metadata.ts';
import { joinBlocks, textBlocks } from './html-text.ts';
import { stripChrome, cleanBlocks, unwrapEmbeds } from './html-clean.ts';

export function extractHtml(doc: Document, url: string | null): HtmlExtraction {
  // 0. Metadata first: the cleaning below removes the elements that carry bylines and decks.
  const meta = metaTags(doc);
  const ld = readJsonLd(doc);
  const metadata = readMetadata(doc, url, meta, ld);

  // 1. Chrome that Readability keeps (captions, bylines, share bars...) goes before it scores the page.
  unwrapEmbeds(doc.body);
  stripChrome(doc.body);

  // 2. Readability.
  const article = new Readability(doc, { keepClasses: true, serializer: (n: Node) => n }).parse();
  const content = article?.content as Element | null | undefined;
  if (content) stripChrome(content, true);
  let blocks = content ? textBlocks(content) : [];

  // 3. Block cleaning.
  blocks = cleanBlocks(blocks);

  return { ...metadata, text: joinBlocks(blocks) };
}
