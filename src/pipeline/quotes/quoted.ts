// Finds quotations (text between paired quotation marks), including ones that run across paragraphs.
import type { Span } from './types.ts';
import { MARKS, OPENING_CONTEXT } from './marks.ts';

export interface Quotation {
  /** Offset of the opening mark. */
  open: number;
  /** Offset just past the closing mark, or the paragraph end when the quotation never closes. */
  close: number;
  /** The quoted words, marks excluded; several parts when the quotation runs across paragraphs. */
  inner: Span[];
  weight: 'double' | 'single';
  /** True when a closing mark was found. */
  closed: boolean;
}

interface Paragraph { start: number; end: number }

const LETTER = /[\p{L}\p{N}]/u;

/** Paragraphs are the text's non-empty lines. */
export function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /[^\n\r]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].trim().length > 0) out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * Top-level quotations of `text`. A paragraph that opens with a quotation mark and does not close it
 * continues into the next paragraph when that one also opens with a mark (the print convention for
 * quotes that run over several paragraphs). Quotations nested inside another are not returned.
 */
export function findQuotations(source: string): Quotation[] {
  // Two straight apostrophes are a double quotation mark in some house styles (''like this''); the word
  // joiner keeps offsets unchanged.
  const text = source.replace(/''/g, '"\u2060');
  const paras = paragraphs(text);
  const out: Quotation[] = [];
  let carried: Quotation | null = null;
  for (let p = 0; p < paras.length; p++) {
    const para = paras[p];
    const firstMark = leadingMark(text, para);
    let from = para.start;
    if (carried) {
      if (firstMark !== null && MARKS[text[firstMark]].weight === carried.weight) {
        from = firstMark + markLength(text, firstMark);
      } else {
        out.push(carried);
        carried = null;
      }
    }
    const found = scanParagraph(text, para, from, carried);
    carried = null;
    for (const q of found) {
      const last = q === found[found.length - 1];
      const opensParagraph = q.open === para.start || q.open === firstMark;
      if (!q.closed && last && opensParagraph && p + 1 < paras.length) carried = q;
      else out.push(q);
    }
  }
  if (carried) out.push(carried);
  return out;
}

function leadingMark(text: string, para: Paragraph): number | null {
  let i = para.start;
  while (i < para.end && /\s/.test(text[i])) i++;
  const m = MARKS[text[i]];
  return m && m.role !== 'close' ? i : null;
}

/** Decides whether a mark at `i` opens a quotation, closes one, or is an apostrophe or stray mark. */
function roleAt(text: string, i: number, lineStart: number, lineEnd: number): 'open' | 'close' | 'none' {
  const ch = text[i];
  const info = MARKS[ch];
  const before = i > lineStart ? text[i - 1] : ' ';
  const after = i + 1 < lineEnd ? text[i + 1] : ' ';
  const letterBefore = LETTER.test(before);
  const letterAfter = LETTER.test(after);
  if (info.weight === 'single' && letterBefore && letterAfter) return 'none'; // don't, Russia’s
  if (info.role === 'open') return 'open';
  if (info.role === 'close') return 'close';
  if (OPENING_CONTEXT.test(before) && !/\s/.test(after)) return 'open';
  if (i === lineStart) return 'open';
  return 'close';
}

/** Scans one paragraph; `carried` is a quotation continued from the previous paragraph. */
function scanParagraph(text: string, para: Paragraph, from: number, carried: Quotation | null): Quotation[] {
  const end = para.end;
  const out: Quotation[] = [];
  let outer: Quotation | null = carried;
  let outerCloser = carried ? closersOf(text, carried.open) : '';
  let innerFrom = from;
  // Single marks nested inside the outer quotation: track only so that an inner ’ is not taken as the outer close.
  let nestedSingle = 0;
  // Quotations of the same weight nested inside the outer one (a straight quote holding a curly one).
  let nestedSame = 0;
  for (let i = from; i < end; i++) {
    const ch = text[i];
    const info = MARKS[ch];
    if (!info) continue;
    const role = roleAt(text, i, para.start, end);
    if (role === 'none') continue;
    if (outer === null) {
      if (role !== 'open') continue;
      // A single mark opens a quotation only when a matching close follows in the paragraph.
      if (info.weight === 'single' && !hasSingleClose(text, i + 1, end, info.closers)) continue;
      outer = { open: i, close: end, inner: [], weight: info.weight, closed: false };
      outerCloser = info.closers;
      innerFrom = i + markLength(text, i);
      nestedSingle = 0;
      nestedSame = 0;
      continue;
    }
    if (info.weight !== outer.weight) {
      if (outer.weight === 'double' && info.weight === 'single') {
        if (role === 'open') nestedSingle++;
        else if (nestedSingle > 0) nestedSingle--;
      }
      continue;
    }
    const closes = outerCloser.includes(ch) && (role === 'close' || !LETTER.test(text[i + 1] ?? ' '));
    if (closes && nestedSame > 0) {
      nestedSame--;
    } else if (closes) {
      outer.inner.push({ start: innerFrom, end: i });
      outer.close = i + markLength(text, i);
      outer.closed = true;
      out.push(outer);
      outer = null;
    } else if (role === 'open') {
      nestedSame++;
    }
  }
  if (outer) {
    outer.inner.push({ start: innerFrom, end: trimEnd(text, innerFrom, end) });
    outer.close = end;
    out.push(outer);
  }
  return out;
}

/** A doubled apostrophe ('' marked by the word joiner) is one mark two characters long. */
function markLength(text: string, i: number): number {
  return text[i + 1] === '\u2060' ? 2 : 1;
}

function closersOf(text: string, open: number): string {
  return MARKS[text[open]]?.closers ?? '"”';
}

function hasSingleClose(text: string, from: number, end: number, closers: string): boolean {
  for (let i = from; i < end; i++) {
    if (!closers.includes(text[i])) continue;
    const letterBefore = LETTER.test(text[i - 1] ?? ' ');
    const letterAfter = LETTER.test(text[i + 1] ?? ' ');
    if (!(letterBefore && letterAfter) && !/\s/.test(text[i - 1] ?? ' ')) return true;
  }
  return false;
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1])) e--;
  return e;
}
