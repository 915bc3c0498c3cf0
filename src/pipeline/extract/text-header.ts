// Article header of a plain-text capture: headline, standfirst, byline, section label and date line above the body.
import type { TextExtraction } from '../contracts.ts';
import { repeatedShare, words } from '../../lib/lines.ts';
import { isUpdateLine } from '../date/text.ts';
import { matchDateline } from '../metadata/dateline.ts';
import { opensWithCredit } from '../metadata/outlet.ts';
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
/** Two stacked headline-shaped lines are headline and standfirst when the upper is at least 1/this of the lower. */
const STACKED_HEADLINE_MAX_RATIO = 2;
/** Above a dateline, a line shorter than this is a kicker ("Crisis: latest"), not the headline over a standfirst. */
const STACKED_HEADLINE_MIN_WORDS = 5;
/** A title derived from a standfirst keeps at most this many words. */
const DERIVED_TITLE_MAX_WORDS = 20;
/**
 * A section label among this many others in one block of menu lines is a navigation menu item
 * ("Политика / В мире / Экономика"), not the label of this article; a breadcrumb has two.
 */
const MENU_MIN_SECTION_LABELS = 3;

const HEADLINE_KINDS = new Set(['short', 'sentence', 'prose']);
/** Separators between the headline and the site name in a page title ("Headline - Site", "Headline | Site"). */
const TITLE_SUFFIX = /\s+[|–—-]\s+[^|–—-]{2,60}$/u;

export type Header = Omit<TextExtraction, 'text'>;

/** Reads the header lines above `bodyStart` (the index of the first body block). */
export function readHeader(blocks: Block[], bodyStart: number, standfirst: string | null, body: Block[] = []): Header {
  const found = findTitle(blocks, bodyStart, standfirst);
  let titleAt = found.at;
  // A headline-shaped line stacked under another one and longer is the standfirst when the body restates
  // it or opens with a dateline (the wire format puts only headline and standfirst above the dateline).
  // Under a dateline, when the page title does not confirm the lower line as the headline, the two need only
  // be of comparable size: a standfirst can be the shorter one, while a kicker above a headline is far shorter.
  const above = titleAt > 0 ? previousHeadline(blocks, titleAt) : -1;
  if (!standfirst && above >= 0) {
    const bodyText = body.map((b) => b.text).join(' ');
    const datelined = body.length > 0 && (matchDateline(body[0].text) !== null || opensWithCredit(body[0].text));
    const longer = blocks[titleAt].size > blocks[above].size;
    const comparable = !found.confirmed && blocks[above].size * STACKED_HEADLINE_MAX_RATIO >= blocks[titleAt].size;
    const headlineSized = blocks[above].size >= STACKED_HEADLINE_MIN_WORDS;
    if ((datelined && headlineSized && (longer || comparable))
      || (longer && repeatedShare(blocks[titleAt].text, bodyText) >= STANDFIRST_RESTATED_MIN_SHARE)) {
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
    section: nearest(blocks, anchor, bodyStart, 'section', (i) => !inMenu(blocks, i))?.text ?? null,
    // The publication time, not the update time, when the page shows both.
    dateLine: (nearest(blocks, anchor, bodyStart, 'date', (i) => !isUpdateLine(blocks[i].text))
      ?? nearest(blocks, anchor, bodyStart, 'date'))?.raw ?? null,
  };
}

const MENU_KINDS = new Set<Block['kind']>(['section', 'short', 'chrome']);

/** Whether the section label at `at` is one item of a navigation menu: a block of adjacent menu lines holding several labels. */
function inMenu(blocks: Block[], at: number): boolean {
  let from = at;
  while (from > 0 && !blocks[from].blankBefore && MENU_KINDS.has(blocks[from - 1].kind)) from--;
  let to = at;
  while (to + 1 < blocks.length && !blocks[to + 1].blankBefore && MENU_KINDS.has(blocks[to + 1].kind)) to++;
  return blocks.slice(from, to + 1).filter((b) => b.kind === 'section').length >= MENU_MIN_SECTION_LABELS;
}

/** The headline's index (-1 for none), and whether the page's title line confirms it. */
function findTitle(blocks: Block[], bodyStart: number, standfirst: string | null): { at: number; confirmed: boolean } {
  // 1. The page's own title line ("Headline - Site"), repeated as the on-page headline above the body.
  const pageTitle = blocks[0]?.text.replace(TITLE_SUFFIX, '');
  if (pageTitle) {
    for (let i = bodyStart - 1; i >= Math.max(1, bodyStart - PAGE_TITLE_LOOKBACK_BLOCKS); i--) {
      const b = blocks[i];
      if (isHeadlineShaped(b) && sameHeadline(b.text, pageTitle)) return { at: i, confirmed: true };
    }
  }
  // 2. The nearest headline-shaped line above the body.
  for (let i = bodyStart - 1; i >= Math.max(0, bodyStart - TITLE_LOOKBACK_BLOCKS); i--) {
    const b = blocks[i];
    if (b.text === standfirst) continue;
    if (isHeadlineShaped(b)) return { at: i, confirmed: false };
  }
  return { at: -1, confirmed: false };
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

/** Lines that may sit between a headline and its standfirst. */
const HEADER_FURNITURE = new Set<Block['kind']>(['date', 'byline', 'section', 'chrome']);

function findStandfirst(blocks: Block[], titleAt: number, bodyStart: number): string | null {
  if (titleAt < 0) return null;
  for (let i = titleAt + 1; i < bodyStart; i++) {
    const b = blocks[i];
    if ((b.kind === 'prose' || b.kind === 'sentence') && b.size >= STANDFIRST_MIN_WORDS) return b.text;
  }
  // Many outlets print the standfirst without a closing full stop: the first line under the headline that
  // is longer than it (past date, byline and share lines) is one.
  for (let i = titleAt + 1; i < bodyStart; i++) {
    const b = blocks[i];
    if (HEADER_FURNITURE.has(b.kind)) continue;
    return b.kind === 'short' && b.size >= STANDFIRST_MIN_WORDS && b.size > blocks[titleAt].size ? b.text : null;
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

/** The block of `kind` (passing `accept`) nearest the headline: first between it and the body, then just above it. */
function nearest(
  blocks: Block[], anchor: number, bodyStart: number, kind: Block['kind'], accept: (i: number) => boolean = () => true,
): Block | null {
  const wanted = (i: number): boolean => blocks[i].kind === kind && accept(i);
  for (let i = anchor + 1; i < bodyStart; i++) if (wanted(i)) return blocks[i];
  for (let i = anchor - 1; i >= Math.max(0, anchor - HEADER_NEAR_BLOCKS); i--) if (wanted(i)) return blocks[i];
  return null;
}
