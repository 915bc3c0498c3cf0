// Plain-text capture extraction: finds the article body in a whole-page text capture and strips the page chrome around and inside it.
import type { LineEvidence, TextExtraction } from '../contracts.ts';
import { splitLines, words } from '../../lib/lines.ts';
import { matchDateline } from '../metadata/dateline.ts';
import { classify, endsSentence, type Block, type Kind } from './text-classify.ts';
import { readHeader } from './text-header.ts';

/**
 * Region scores: prose earns its word count, everything else costs. The body is the contiguous run of
 * lines with the highest total (a maximum-sum segment), so a few chrome lines inside an article are
 * bridged while a "Related Articles" heading or a byline/date block cuts the article off from what follows
 * or precedes it. Calibrated as a set on zyte-dev (plain-text input); don't tune one alone.
 */
const PENALTY: Record<Kind, number> = {
  prose: 0,
  sentence: 0,
  short: 3,
  chrome: 6,
  section: 6,
  caption: 8,
  date: 15,
  byline: 15,
  barrier: 50,
};

/** Prose-like kinds that count towards the body. */
const CONTENT: ReadonlySet<Kind> = new Set<Kind>(['prose', 'sentence']);

/** A standfirst that the body repeats shares at least this share of its words with the first paragraph. */
const STANDFIRST_REPEAT_MIN_SHARE = 0.6;
/** A dateline paragraph this close to the start of the body marks where the body really begins. */
const DATELINE_LOOKAHEAD_BLOCKS = 3;

/** Extracts title, standfirst, byline, section, date line and body text from a whole-page plain-text capture. */
export function extractPlainText(text: string, evidence?: LineEvidence): TextExtraction {
  const blocks = splitLines(text).map((line) => classify(line, evidence));
  const region = bestRegion(blocks);
  if (!region) {
    const header = readHeader(blocks, blocks.length, null);
    return { ...header, text: '' };
  }
  let body = selectBody(blocks, region.start, region.end);

  // The body may open with the summary that the page shows under the headline; it is the standfirst.
  let standfirst: string | null = null;
  const datelineAt = body.slice(0, DATELINE_LOOKAHEAD_BLOCKS).findIndex((b) => matchDateline(b.text) !== null);
  if (datelineAt > 0) {
    standfirst = body.slice(0, datelineAt).map((b) => b.text).join(' ');
    body = body.slice(datelineAt);
  } else if (body.length > 1 && repeats(body[0].text, body[1].text)) {
    standfirst = body[0].text;
    body = body.slice(1);
  }

  const header = readHeader(blocks, body[0] ? blocks.indexOf(body[0]) : region.start, standfirst);
  const paragraphs = body.map((b) => b.text);
  const dateline = paragraphs.length ? matchDateline(paragraphs[0]) : null;
  if (dateline) paragraphs[0] = paragraphs[0].slice(dateline.length).trimStart();
  return { ...header, text: paragraphs.filter(Boolean).join('\n\n') };
}

function score(b: Block): number {
  return CONTENT.has(b.kind) ? b.size : -PENALTY[b.kind];
}

/** The maximum-sum contiguous run of blocks (inclusive bounds), or null when no block scores above zero. */
function bestRegion(blocks: Block[]): { start: number; end: number } | null {
  let best = 0;
  let bestStart = -1;
  let bestEnd = -1;
  let sum = 0;
  let start = 0;
  for (let i = 0; i < blocks.length; i++) {
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += score(blocks[i]);
    if (sum > best) {
      best = sum;
      bestStart = start;
      bestEnd = i;
    }
  }
  return bestStart < 0 ? null : { start: bestStart, end: bestEnd };
}

/**
 * Keeps the prose of the region. A short line stays only when it stands alone between two paragraphs
 * (a subheading); two or more short lines in a row are a widget (a related-article link and its ad label).
 */
function selectBody(blocks: Block[], start: number, end: number): Block[] {
  const out: Block[] = [];
  for (let i = start; i <= end; i++) {
    const b = blocks[i];
    if (CONTENT.has(b.kind)) {
      out.push(b);
      continue;
    }
    if (b.kind !== 'short') continue;
    const before = blocks[i - 1];
    const after = blocks[i + 1];
    if (before && after && CONTENT.has(before.kind) && CONTENT.has(after.kind) && !isTeaser(b.text)) out.push(b);
  }
  return out;
}

/**
 * A short line between paragraphs that reads like another article's headline: long enough to be a
 * headline (not a two-word subheading) and in sentence case, with no closing punctuation.
 */
function isTeaser(text: string): boolean {
  return words(text).length >= 8 && !endsSentence(text) && !/:$/.test(text);
}

/** Whether `later` repeats most of the words of `first` (a standfirst restated by the first paragraph). */
function repeats(first: string, later: string): boolean {
  const a = words(first.toLowerCase());
  if (a.length === 0) return false;
  const b = new Set(words(later.toLowerCase()));
  return a.filter((w) => b.has(w)).length / a.length >= STANDFIRST_REPEAT_MIN_SHARE;
}
