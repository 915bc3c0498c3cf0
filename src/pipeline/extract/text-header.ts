// Article header of a plain-text capture: headline, standfirst, byline, section label and date line above the body.
import type { TextExtraction } from '../contracts.ts';
import { repeatedShare, words } from '../../lib/lines.ts';
import { matchDateline } from '../metadata/dateline.ts';
import type { Block } from './text-classify.ts';

/** The headline sits within this many lines above the body (menus and widgets can sit between). */
const TITLE_LOOKBACK_BLOCKS = 12;
/** A line repeating the page's title line is looked for this far above the body (galleries can sit between). */
const PAGE_TITLE_LOOKBACK_BLOCKS = 60;
/** Two headline lines are the same when each shares this much of its word pairs with the other. */
const SAME_HEADLINE_MIN_SHARE = 0.6;
/** Section labels and date lines sit within this many lines of the headline. */
const HEADER_NEAR_BLOCKS = 6;
/** Headlines are between these sizes in words. */
const TITLE_MIN_WORDS = 3;
const TITLE_MAX_WORDS = 30;
/** A standfirst is a real sentence, not a label. */
const STANDFIRST_MIN_WORDS = 8;
/** A line the body restates this much (in word pairs) is a standfirst, not a second headline. */
const STANDFIRST_RESTATED_MIN_SHARE = 0.7;
/** A title derived from a standfirst keeps at most this many words. */
const DERIVED_TITLE_MAX_WORDS = 20;

const HEADLINE_KINDS = new Set(['short', 'sentence', 'prose']);
/** Separators between the headline and the site name in a page title ("Headline - Site", "Headline | Site"). */
const TITLE_SUFFIX = /\s+[|–—-]\s+[^|–—-]{2,60}$/u;

export type Header = Omit<TextExtraction, 'text'>;

/** Reads the header lines above `bodyStart` (the index of the first body block). */
export function readHeader(blocks: Block[], bodyStart: number, standfirst: string | null, body: Block[] = []): Header {
  let titleAt = findTitle(blocks, bodyStart, standfirst);
  // A headline-shaped line stacked under another one and longer is the standfirst when the body restates
  // it or opens with a dateline (the wire format puts only headline and standfirst above the dateline).
  const above = titleAt > 0 ? previousHeadline(blocks, titleAt) : -1;
  if (!standfirst && above >= 0 && blocks[titleAt].size > blocks[above].size) {
    const bodyText = body.map((b) => b.text).join(' ');
    const datelined = body.length > 0 && matchDateline(body[0].text) !== null;
    if (datelined || repeatedShare(blocks[titleAt].text, bodyText) >= STANDFIRST_RESTATED_MIN_SHARE) {
      standfirst = blocks[titleAt].text;
      titleAt = above;
    }
  }
  let title = titleAt >= 0 ? blocks[titleAt].text : null;
  standfirst ??= findStandfirst(blocks, titleAt, bodyStart);
  if (!title && standfirst) title = deriveTitle(standfirst);
  const anchor = titleAt >= 0 ? titleAt : bodyStart;
  return {
    title,
    standfirst,
    byline: findByline(blocks, anchor, bodyStart),
    section: nearest(blocks, anchor, bodyStart, 'section')?.text ?? null,
    dateLine: nearest(blocks, anchor, bodyStart, 'date')?.raw ?? null,
  };
}

function findTitle(blocks: Block[], bodyStart: number, standfirst: string | null): number {
  // 1. The page's own title line ("Headline - Site"), repeated as the on-page headline above the body.
  const pageTitle = blocks[0]?.text.replace(TITLE_SUFFIX, '');
  if (pageTitle) {
    for (let i = bodyStart - 1; i >= Math.max(1, bodyStart - PAGE_TITLE_LOOKBACK_BLOCKS); i--) {
      const b = blocks[i];
      if (isHeadlineShaped(b) && sameHeadline(b.text, pageTitle)) return i;
    }
  }
  // 2. The nearest headline-shaped line above the body.
  for (let i = bodyStart - 1; i >= Math.max(0, bodyStart - TITLE_LOOKBACK_BLOCKS); i--) {
    const b = blocks[i];
    if (b.text === standfirst) continue;
    if (isHeadlineShaped(b)) return i;
  }
  return -1;
}

/** Whether two lines are the same headline, allowing the page title's small edits ("Opinion | ..."). */
function sameHeadline(a: string, b: string): boolean {
  return repeatedShare(a, b) >= SAME_HEADLINE_MIN_SHARE && repeatedShare(b, a) >= SAME_HEADLINE_MIN_SHARE;
}

/** The headline-shaped line right above `at`, skipping only date, byline and section lines. */
function previousHeadline(blocks: Block[], at: number): number {
  for (let i = at - 1; i >= 0; i--) {
    const b = blocks[i];
    if (b.kind === 'date' || b.kind === 'byline' || b.kind === 'section') continue;
    return isHeadlineShaped(b) ? i : -1;
  }
  return -1;
}

function isHeadlineShaped(b: Block): boolean {
  return HEADLINE_KINDS.has(b.kind) && b.size >= TITLE_MIN_WORDS && b.size <= TITLE_MAX_WORDS && !/[.:]$/.test(b.text);
}

function findStandfirst(blocks: Block[], titleAt: number, bodyStart: number): string | null {
  if (titleAt < 0) return null;
  for (let i = titleAt + 1; i < bodyStart; i++) {
    const b = blocks[i];
    if ((b.kind === 'prose' || b.kind === 'sentence') && b.size >= STANDFIRST_MIN_WORDS) return b.text;
  }
  return null;
}

/** A headline made from a standfirst: its first sentence, shortened to a headline's length. */
function deriveTitle(standfirst: string): string {
  const first = standfirst.split(/(?<=[.!?])\s+/u)[0].replace(/[.!?]+$/u, '');
  const w = first.split(/\s+/u);
  if (words(first).length <= DERIVED_TITLE_MAX_WORDS) return first;
  return w.slice(0, DERIVED_TITLE_MAX_WORDS).join(' ').replace(/[,;:]$/u, '');
}

function findByline(blocks: Block[], anchor: number, bodyStart: number): string | null {
  const b = nearest(blocks, anchor, bodyStart, 'byline');
  return b ? b.text.replace(/^\S+\s*:?\s*/u, '').trim() || null : null;
}

/** The block of `kind` nearest the headline: first between it and the body, then just above it. */
function nearest(blocks: Block[], anchor: number, bodyStart: number, kind: Block['kind']): Block | null {
  for (let i = anchor + 1; i < bodyStart; i++) if (blocks[i].kind === kind) return blocks[i];
  for (let i = anchor - 1; i >= Math.max(0, anchor - HEADER_NEAR_BLOCKS); i--) if (blocks[i].kind === kind) return blocks[i];
  return null;
}
