// Article header of a plain-text capture: headline, standfirst, byline, section label and date line above the body.
import type { TextExtraction } from '../contracts.ts';
import { repeatedShare, words } from '../../lib/lines.ts';
import { matchDateline } from '../metadata/dateline.ts';
import type { Block } from './text-classify.ts';

/** The headline sits within this many lines above the body (menus and widgets can sit between). */
const TITLE_LOOKBACK_BLOCKS = 12;
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
  const from = Math.max(0, bodyStart - TITLE_LOOKBACK_BLOCKS);
  // 1. The page's own title line, repeated as the on-page headline ("Headline - Site" ... "Headline").
  const pageTitle = blocks[0]?.text.replace(TITLE_SUFFIX, '').toLowerCase();
  if (pageTitle) {
    for (let i = bodyStart - 1; i >= Math.max(1, from); i--) {
      if (blocks[i].text.toLowerCase() === pageTitle && isHeadlineShaped(blocks[i])) return i;
    }
  }
  // 2. The nearest headline-shaped line above the body.
  for (let i = bodyStart - 1; i >= from; i--) {
    const b = blocks[i];
    if (b.text === standfirst) continue;
    if (isHeadlineShaped(b)) return i;
  }
  return -1;
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
