// FTS5 MATCH text from a parsed query: every word is quoted, so user input never reaches FTS5's own syntax.
import type { ParsedQuery, QueryItem } from '../search-text.ts';

/**
 * The MATCH expression for `q` over the title and body, each entry of `facets` (a set of alternative filter
 * tokens, see facets.ts) required as well; null when nothing can match.
 */
export function ftsMatch(q: ParsedQuery, facets: string[][] = []): string | null {
  if (q.anyOf.length === 0 || facets.some((f) => f.length === 0)) return null;
  const groups = q.anyOf.map((g) => `(${g.map(phrase).join(' AND ')})`).join(' OR ');
  const words = q.noneOf.length ? `(${groups}) NOT (${q.noneOf.map(phrase).join(' OR ')})` : groups;
  return [`{title body} : (${words})`, ...facets.map((f) => `facets : (${f.map((t) => `"${t}"`).join(' OR ')})`)].join(' AND ');
}

/** A quoted FTS5 phrase; a trailing * makes its last word a prefix. */
function phrase(item: QueryItem): string {
  return `"${item.words.map((w) => w.replace(/"/g, '""')).join(' ')}"${item.prefix ? '*' : ''}`;
}
