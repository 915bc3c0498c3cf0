// Filter tokens kept in the full-text index's `facets` column, so outlet, language and date filters are
// answered by intersecting posting lists instead of reading the articles row of every match.
//
// Why: with 100k articles a common word matches most of them, and looking up each match's row to test a
// filter cost 120-160 ms CPU at p95 in bench/search.ts, against about 30 ms for the unfiltered ranking.
// Tokens are letters and digits only, so unicode61 keeps each whole; user words never reach this column
// (the query is restricted to {title body}).
import { createHash } from 'node:crypto';
import { StorylineError } from '../../lib/errors.ts';

/** The day a publication value falls on (its YYYY-MM-DD prefix, the same day the SQL filters compare). */
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})/;

export function languageToken(language: string | null): string {
  return language === null ? 'langnone' : 'lang' + language.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Outlet names are free text; a hash of the exact name keeps the filter's equality semantics. */
export function outletToken(outlet: string | null): string {
  return outlet === null ? 'outletnone' : 'outlet' + createHash('sha1').update(outlet).digest('hex').slice(0, 16);
}

export function yearToken(year: number): string {
  return `year${year}`;
}

/** The facets column text of an article. */
export function facetText(a: { outlet: string | null; language: string | null; published: { value: string } | null }): string {
  const tokens = [languageToken(a.language), outletToken(a.outlet)];
  const day = a.published ? DAY_RE.exec(a.published.value) : null;
  if (day) tokens.push(`year${day[1]}`, `month${day[1]}${day[2]}`, `day${day[1]}${day[2]}${day[3]}`);
  else tokens.push('datenone');
  return tokens.join(' ');
}

/**
 * Tokens whose union is exactly the days from `from` to `to` (inclusive, YYYY-MM-DD), using whole years and
 * months inside the range and single days at its ragged edges: at most about 80 tokens for any range.
 */
export function dateRangeTokens(from: string, to: string): string[] {
  const out: string[] = [];
  let d = parseDay(from);
  const end = parseDay(to);
  while (d <= end) {
    const { y, m, day } = parts(d);
    const yearEnd = Date.UTC(y, 11, 31);
    const monthEnd = Date.UTC(y, m, 0);
    if (m === 1 && day === 1 && yearEnd <= end) {
      out.push(`year${y}`);
      d = yearEnd + DAY_MS;
    } else if (day === 1 && monthEnd <= end) {
      out.push(`month${y}${pad(m)}`);
      d = monthEnd + DAY_MS;
    } else {
      out.push(`day${y}${pad(m)}${pad(day)}`);
      d += DAY_MS;
    }
  }
  return out;
}

const DAY_MS = 86_400_000;

function parseDay(s: string): number {
  const m = DAY_RE.exec(s);
  if (!m) throw new StorylineError('bad_input', `not a date: '${s}'`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function parts(t: number): { y: number; m: number; day: number } {
  const d = new Date(t);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
