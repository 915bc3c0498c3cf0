// Plain-text capture extraction: finds the article body in a whole-page text capture and strips the page chrome around and inside it.
import type { LineEvidence, TextExtraction } from '../contracts.ts';
import { endsSentence, repeatedShare, splitLines, words } from '../../lib/lines.ts';
import { matchDateline } from '../metadata/dateline.ts';
import { opensWithCredit } from '../metadata/outlet.ts';
import { classify, type Block, type Kind } from './text-classify.ts';
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

/**
 * A paragraph with no paragraph on either side is an island: in teaser lists (headline, summary, "10H ago")
 * every summary is one, while article paragraphs mostly come in runs. Islands earn this share of their words.
 */
const ISLAND_WEIGHT = 0.25;

/** An inline widget (a barrier and its links) inside an article is at most this many lines long. */
const WIDGET_MAX_LINES = 6;
/** A segment scoring this much (about three paragraphs) is substantial: an article may have been seen. */
const CORE_MIN_SCORE = 80;
/**
 * Text after a barrier is most often other content (comments, teasers); it only continues the article
 * when, counted at this weight, it outweighs the barrier.
 */
const AFTER_BARRIER_WEIGHT = 0.3;

/** Known chrome comes in widgets ("Share", "Facebook", "Twitter", "Email"): a widget costs about one line. */
const CHROME_RUN_PENALTY = 1;

/** This many paragraphs repeated in the same order make a duplicated list. */
const REPEATED_RUN_MIN = 3;

/** A table is at least this many rows, each with this many numbers making at least this share of its words. */
const TABLE_MIN_ROWS = 4;
const TABLE_ROW_MIN_NUMBERS = 3;
const TABLE_ROW_MIN_NUMBER_SHARE = 0.4;

/** Short lines in a run of at least this many inside the article are a list, not a widget. */
const LIST_MIN_ITEMS = 3;
/** A lone line between paragraphs this long without closing punctuation is another article's headline. */
const TEASER_MIN_WORDS = 8;

/** Prose-like kinds that count towards the body. */
const CONTENT: ReadonlySet<Kind> = new Set<Kind>(['prose', 'sentence']);

/** A standfirst that the body repeats shares at least this share of its word pairs with the first paragraph. */
const STANDFIRST_REPEAT_MIN_SHARE = 0.6;
/**
 * A dateline paragraph (or one opening with the publisher's credit, "به گزارش خبرگزاری فارس،") this close to
 * the start of the body marks where the body really begins.
 */
const DATELINE_LOOKAHEAD_BLOCKS = 3;

/** The classified lines of a capture and the blocks chosen as the article body, in page order. */
export interface BodyAnalysis {
  blocks: Block[];
  body: Block[];
}

/** Classifies every line of a capture and chooses the body blocks (before standfirst and dateline handling). */
export function analysePlainText(text: string, evidence?: LineEvidence): BodyAnalysis {
  const blocks = markTables(markRepeats(splitLines(text).map((line) => classify(line, evidence))));
  const region = bestRegion(blocks);
  return { blocks, body: region ? selectBody(blocks, region.start, region.end) : [] };
}

/** Extracts title, standfirst, byline, section, date line and body text from a whole-page plain-text capture. */
export function extractPlainText(text: string, evidence?: LineEvidence): TextExtraction {
  const { blocks, body: chosen } = analysePlainText(text, evidence);
  if (chosen.length === 0) return { ...readHeader(blocks, blocks.length, null), text: '' };
  let body = chosen;

  // The body may open with the summary that the page shows under the headline; it is the standfirst.
  let standfirst: string | null = null;
  const opensArticle = (b: Block): boolean => matchDateline(b.text) !== null || opensWithCredit(b.text);
  const datelineAt = body.slice(0, DATELINE_LOOKAHEAD_BLOCKS).findIndex(opensArticle);
  if (datelineAt > 0) {
    standfirst = body.slice(0, datelineAt).map((b) => b.text).join(' ');
    body = body.slice(datelineAt);
  } else if (body.length > 1 && repeats(body[0].text, body[1].text)) {
    standfirst = body[0].text;
    body = body.slice(1);
  }

  const header = readHeader(blocks, blocks.indexOf(body[0]), standfirst, body);
  const paragraphs = body.map((b) => b.text);
  const dateline = matchDateline(paragraphs[0]);
  if (dateline) paragraphs[0] = paragraphs[0].slice(dateline.length).trimStart();
  return { ...header, text: paragraphs.filter(Boolean).join('\n\n') };
}

/**
 * A run of paragraphs printed twice on one page is a teaser list or a ticker (the same list above and below
 * the story), not article text; it counts as chrome. Single repeats stay: an interview repeats its questions,
 * a recipe its steps.
 */
function markRepeats(blocks: Block[]): Block[] {
  const first = new Map<string, number>();
  const repeated: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    if (!CONTENT.has(blocks[i].kind)) continue;
    const earlier = first.get(blocks[i].text);
    if (earlier === undefined) {
      first.set(blocks[i].text, i);
      continue;
    }
    // How many consecutive lines from here repeat the consecutive lines from the earlier copy.
    let n = 0;
    while (i + n < blocks.length && earlier + n < i && CONTENT.has(blocks[i + n].kind) && blocks[earlier + n].text === blocks[i + n].text) {
      n++;
    }
    if (n >= REPEATED_RUN_MIN) {
      for (let k = 0; k < n; k++) repeated.push(blocks[earlier + k], blocks[i + k]);
      i += n - 1;
    }
  }
  for (const b of repeated) b.kind = 'chrome';
  return blocks;
}

/**
 * Rows of a table (standings, results) are short lines full of numbers; a run of them belongs to the
 * article that prints the table, so they count as sentences.
 */
function markTables(blocks: Block[]): Block[] {
  let start = 0;
  for (let i = 0; i <= blocks.length; i++) {
    if (i < blocks.length && blocks[i].kind === 'short' && isTableRow(blocks[i].text)) continue;
    if (i - start >= TABLE_MIN_ROWS) for (let k = start; k < i; k++) blocks[k].kind = 'sentence';
    start = i + 1;
  }
  return blocks;
}

function isTableRow(text: string): boolean {
  const w = words(text);
  const numbers = w.filter((t) => /^\d/.test(t)).length;
  return numbers >= TABLE_ROW_MIN_NUMBERS && numbers / w.length >= TABLE_ROW_MIN_NUMBER_SHARE;
}

function scores(blocks: Block[]): number[] {
  return blocks.map((b, i) => {
    if (b.kind === 'chrome' && blocks[i - 1]?.kind === 'chrome') return -CHROME_RUN_PENALTY;
    if (!CONTENT.has(b.kind)) return -PENALTY[b.kind];
    // A paragraph that only known chrome separates from the next one (a lead above "Share on Facebook") is
    // joined all the same; an author's bio after the article, among short lines, stays an island.
    const joined = CONTENT.has(blocks[i - 1]?.kind) || CONTENT.has(blocks[i + 1]?.kind);
    return joined || (b.kind === 'prose' && (contentAcrossChrome(blocks, i, 1) || contentAcrossChrome(blocks, i, -1)))
      ? b.size
      : b.size * ISLAND_WEIGHT;
  });
}

interface Region {
  start: number;
  end: number;
  score: number;
}

/** Whether the nearest line after (step 1) or before (step -1) `i` that is not known chrome is a paragraph. */
function contentAcrossChrome(blocks: Block[], i: number, step: 1 | -1): boolean {
  let j = i + step;
  while (j >= 0 && j < blocks.length && blocks[j].kind === 'chrome') j += step;
  return j >= 0 && j < blocks.length && CONTENT.has(blocks[j].kind);
}

/** The maximum-sum contiguous run of `score[from..to)` (inclusive bounds), or null when nothing scores above zero. */
function maxRun(score: number[], from: number, to: number): Region | null {
  let best: Region | null = null;
  let sum = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += score[i];
    if (sum > (best?.score ?? 0)) best = { start, end: i, score: sum };
  }
  return best;
}

/** The best run that starts at `from` (a maximum prefix sum), or null. */
function maxPrefix(score: number[], from: number, to: number): Region | null {
  let best: Region | null = null;
  let sum = 0;
  for (let i = from; i < to; i++) {
    sum += score[i];
    if (sum > (best?.score ?? 0)) best = { start: from, end: i, score: sum };
  }
  return best;
}

/**
 * Finds the article body. Barriers ("Related Articles", "Comments") split the page into segments, and the
 * best run of the best segment is the core. What follows a barrier is most often other content (comments,
 * teasers), so once a substantial segment has been seen, later segments count at a discount. An article
 * that a widget interrupts ("Trending News" and three links, then the story goes on) continues in the next
 * segment, so the core extends across a barrier when what follows is strong enough.
 */
function bestRegion(blocks: Block[]): { start: number; end: number } | null {
  const score = scores(blocks);
  const bounds: Array<[number, number]> = [];
  let from = 0;
  for (let i = 0; i <= blocks.length; i++) {
    if (i === blocks.length || blocks[i].kind === 'barrier') {
      if (i > from) bounds.push([from, i]);
      from = i + 1;
    }
  }
  let best: Region | null = null;
  let bestValue = 0;
  let bestSegment = -1;
  let seenCore = false;
  bounds.forEach(([a, b], k) => {
    const run = maxRun(score, a, b);
    if (!run) return;
    const value = seenCore ? run.score * AFTER_BARRIER_WEIGHT : run.score;
    if (value > bestValue) {
      best = run;
      bestValue = value;
      bestSegment = k;
    }
    if (run.score >= CORE_MIN_SCORE) seenCore = true;
  });
  if (!best) return null;
  const region: Region = best;
  // Forward across inline widgets: the story resumes right after the barrier with joined paragraphs.
  for (let k = bestSegment + 1; k < bounds.length; k++) {
    const [a, b] = bounds[k];
    if (a !== bounds[k - 1][1] + 1 || !near(region.end, a - 1) || !resumesWithParagraphs(blocks, a, b)) break;
    const next = maxPrefix(score, a, b);
    if (!next) break;
    region.end = next.end;
  }
  // Backward likewise: the story began above a widget that interrupts it.
  for (let k = bestSegment - 1; k >= 0; k--) {
    const [a, b] = bounds[k];
    if (b !== bounds[k + 1][0] - 1 || !near(region.start, b) || !CONTENT.has(blocks[b - 1]?.kind)) break;
    const previous = maxSuffix(score, a, b);
    if (!previous || previous.end !== b - 1) break;
    region.start = previous.start;
  }
  return region;
}

/** Whether a region edge and a barrier are within a widget's reach of each other. */
function near(edge: number, barrier: number): boolean {
  return Math.abs(barrier - edge) - 1 <= WIDGET_MAX_LINES;
}

/** Whether two paragraphs in a row begin within a widget's length of `from`. */
function resumesWithParagraphs(blocks: Block[], from: number, to: number): boolean {
  for (let i = from; i < Math.min(to - 1, from + WIDGET_MAX_LINES + 1); i++) {
    if (CONTENT.has(blocks[i].kind) && CONTENT.has(blocks[i + 1].kind)) return true;
  }
  return false;
}

/** The best run that ends at `to - 1` (a maximum suffix sum), or null. */
function maxSuffix(score: number[], from: number, to: number): Region | null {
  let best: Region | null = null;
  let sum = 0;
  for (let i = to - 1; i >= from; i--) {
    sum += score[i];
    if (sum > (best?.score ?? 0)) best = { start: i, end: to - 1, score: sum };
  }
  return best;
}

/** Keeps the prose of the region and the short lines between its paragraphs that belong to the article. */
function selectBody(blocks: Block[], start: number, end: number): Block[] {
  const out: Block[] = [];
  let i = start;
  while (i <= end) {
    if (CONTENT.has(blocks[i].kind)) {
      out.push(blocks[i++]);
      continue;
    }
    // A gap between paragraphs: decide for its short lines as a group.
    let j = i;
    while (j <= end && !CONTENT.has(blocks[j].kind)) j++;
    const gap = blocks.slice(i, j);
    const pure = gap.every((b) => b.kind === 'short');
    // One short line is a subheading unless it reads like another article's headline; three or more in a
    // row are a list (ingredients, results); two are a widget (a related link and its ad label).
    const keep = pure && (gap.length === 1 ? !isTeaser(gap[0].text) : gap.length >= LIST_MIN_ITEMS);
    if (keep && j <= end) out.push(...gap);
    i = j;
  }
  return out;
}

/**
 * A short line between paragraphs that reads like another article's headline: long enough to be a
 * headline (not a two-word subheading), with no closing punctuation and not introducing what follows.
 */
function isTeaser(text: string): boolean {
  return words(text).length >= TEASER_MIN_WORDS && !endsSentence(text) && !/:$/.test(text);
}

/** Whether `later` repeats most of `first` (a standfirst restated by the first paragraph), by word pairs. */
function repeats(first: string, later: string): boolean {
  return repeatedShare(first, later) >= STANDFIRST_REPEAT_MIN_SHARE;
}
