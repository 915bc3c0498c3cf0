// FTS5 MATCH text from a parsed query: every word is quoted, so user input never reaches FTS5's own syntax.
import type { ParsedQuery, QueryItem } from '../search-text.ts';

/** The MATCH expression for `q`, or null when nothing can match. */
export function ftsMatch(q: ParsedQuery): string | null {
  if (q.anyOf.length === 0) return null;
  const groups = q.anyOf.map((g) => `(${g.map(phrase).join(' AND ')})`).join(' OR ');
  return q.noneOf.length ? `(${groups}) NOT (${q.noneOf.map(phrase).join(' OR ')})` : groups;
}

/** A quoted FTS5 phrase; a trailing * makes its last word a prefix. */
function phrase(item: QueryItem): string {
  return `"${item.words.map((w) => w.replace(/"/g, '""')).join(' ')}"${item.prefix ? '*' : ''}`;
}
