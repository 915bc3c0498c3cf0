// PostgreSQL tsquery text from a parsed query: every word is a quoted lexeme, so user input never reaches tsquery syntax.
import type { ParsedQuery, QueryItem } from '../search-text.ts';

/** Text for `to_tsquery('simple', …)`, or null when nothing can match. */
export function tsQuery(q: ParsedQuery): string | null {
  if (q.anyOf.length === 0) return null;
  const groups = q.anyOf.map((g) => `(${g.map(phrase).join(' & ')})`).join(' | ');
  return q.noneOf.length ? `(${groups}) & !(${q.noneOf.map(phrase).join(' | ')})` : groups;
}

/** Words in order (<->); a prefix marks the last word with :*. */
function phrase(item: QueryItem): string {
  const last = item.words.length - 1;
  return `(${item.words.map((w, i) => lexeme(w) + (item.prefix && i === last ? ':*' : '')).join(' <-> ')})`;
}

function lexeme(word: string): string {
  return `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}
