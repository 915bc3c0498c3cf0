// Splits an article's text into paragraphs and marks quote spans in them, from the analysis' character offsets.

export interface Span {
  start: number;
  end: number;
}

export type Segment =
  | { kind: 'text'; text: string }
  /** Part of quote `quote` (its index in the given list); `first` on the part where it begins, `last` where it ends. */
  | { kind: 'quote'; text: string; quote: number; first: boolean; last: boolean };

/**
 * Paragraphs are separated by blank lines. Quotes may cross paragraph breaks (a long direct quote), so each is cut
 * at the breaks; overlapping quotes keep the earlier one, and spans outside the text are ignored.
 */
export function highlightParagraphs(text: string, quotes: readonly Span[]): Segment[][] {
  const order = quotes.map((q, i) => ({ ...q, i }))
    .filter((q) => Number.isInteger(q.start) && Number.isInteger(q.end) && q.start >= 0 && q.end <= text.length && q.start < q.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: typeof order = [];
  for (const q of order) if (!kept.length || q.start >= kept[kept.length - 1].end) kept.push(q);

  const out: Segment[][] = [];
  const seen = new Set<number>();
  const breaks = /\n\s*\n/g;
  let from = 0;
  for (;;) {
    const m = breaks.exec(text);
    const to = m ? m.index : text.length;
    const para = cut(text, from, to, kept, seen);
    if (para.length) out.push(para);
    if (!m) break;
    from = m.index + m[0].length;
  }
  return out;
}

function cut(text: string, rawFrom: number, rawTo: number, quotes: Array<Span & { i: number }>, seen: Set<number>): Segment[] {
  let from = rawFrom;
  let to = rawTo;
  // Trim the paragraph's own leading and trailing whitespace without moving offsets.
  while (from < to && /\s/.test(text[from])) from++;
  while (to > from && /\s/.test(text[to - 1])) to--;
  if (from >= to) return [];
  const segs: Segment[] = [];
  let pos = from;
  for (const q of quotes) {
    if (q.end <= from || q.start >= to) continue;
    const s = Math.max(q.start, from);
    const e = Math.min(q.end, to);
    if (s > pos) segs.push({ kind: 'text', text: text.slice(pos, s) });
    // A quote ending in the paragraph's trimmed tail still ends here.
    segs.push({ kind: 'quote', text: text.slice(s, e), quote: q.i, first: !seen.has(q.i), last: q.end <= rawTo });
    seen.add(q.i);
    pos = e;
  }
  if (pos < to) segs.push({ kind: 'text', text: text.slice(pos, to) });
  return segs;
}
