// Second sources for an article body when Readability under-delivers: JSON-LD articleBody and a paragraph baseline.
import { parseHtml } from '../../lib/dom.ts';
import { cleanBlocks } from './html-clean.ts';
import { joinBlocks, textBlocks, type TextBlock } from './html-text.ts';

/**
 * Baseline paragraphs shorter than this are menus, labels and counters on the pages a baseline has to read
 * (the ones Readability gave up on); a real paragraph has a sentence. trafilatura's baseline uses the same order.
 */
const BASELINE_MIN_CHARS = 80;

/** Words for length comparisons: runs of letters and digits, as the Zyte metric tokenises. */
export function wordTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{M}\p{N}\p{Pc}]+/gu) ?? [];
}

/** Share of `text`'s word 4-grams that also occur in `source`; 1 when `text` has none (nothing contradicts). */
export function agreement(source: string, text: string): number {
  const inText = shingles(wordTokens(text));
  if (inText.size === 0) return 1;
  const inSource = shingles(wordTokens(source));
  let shared = 0;
  for (const s of inText) if (inSource.has(s)) shared++;
  return shared / inText.size;
}

function shingles(tokens: string[]): Set<string> {
  const out = new Set<string>();
  if (tokens.length < 4) {
    if (tokens.length) out.add(tokens.join(' '));
    return out;
  }
  for (let i = 0; i + 4 <= tokens.length; i++) out.add(`${tokens[i]} ${tokens[i + 1]} ${tokens[i + 2]} ${tokens[i + 3]}`);
  return out;
}

/**
 * JSON-LD articleBody as article text. Publishers put plain text, text with entities, or whole HTML in it;
 * markup goes through a DOM of its own (this path is rare, so the second parse stays off the common path).
 */
export function jsonLdBodyText(articleBody: string): string {
  if (!/[<&]/.test(articleBody)) return paragraphsOfPlainText(articleBody);
  const fragment = parseHtml(`<!DOCTYPE html><html><body>${articleBody.replace(/\r?\n/g, '<br>')}</body></html>`);
  const body = fragment.body;
  return body ? joinBlocks(textBlocks(body)) : '';
}

function paragraphsOfPlainText(text: string): string {
  return text.split(/\s*\n\s*/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n\n');
}

/**
 * The page's own paragraphs in document order, without chrome: the body when no container could be trusted.
 * `paragraphs` are element references taken before Readability rewrote the document.
 */
export function baselineText(paragraphs: readonly Element[], title: string | null): string {
  const blocks: TextBlock[] = [];
  const seen = new Set<string>();
  for (const p of paragraphs) {
    // Nested picks (a <p> inside a <blockquote>) would repeat text.
    if (p.parentElement?.closest('p, pre, blockquote')) continue;
    for (const b of textBlocks(p)) {
      if (b.text.length < BASELINE_MIN_CHARS || seen.has(b.text)) continue;
      seen.add(b.text);
      blocks.push(b);
    }
  }
  return joinBlocks(cleanBlocks(blocks, { title }));
}
