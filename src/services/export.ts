// Export use case: every article as JSON, NDJSON or CSV, streamed so large stores need little memory.
import type { Article } from '../domain/article.ts';
import type { Store } from '../storage/store.ts';
import { articleView, type ArticleView } from './views.ts';

export type ExportFormat = 'json' | 'ndjson' | 'csv';
const PAGE = 500;
const CSV_COLUMNS: Array<keyof ArticleView> = [
  'id', 'input', 'url', 'outlet', 'title', 'published', 'published_source', 'published_confidence',
  'language', 'dateline', 'byline', 'section', 'duplicate_of', 'text',
];

export async function exportArticles(store: Store, format: ExportFormat, write: (chunk: string) => void): Promise<number> {
  let n = 0;
  if (format === 'json') write('[');
  if (format === 'csv') write(CSV_COLUMNS.join(',') + '\r\n');
  for (let offset = 0; ; offset += PAGE) {
    const page: Article[] = await store.listArticles({ limit: PAGE, offset });
    for (const a of page) {
      const v = articleView(a);
      if (format === 'json') write((n ? ',\n' : '\n') + JSON.stringify(v));
      else if (format === 'ndjson') write(JSON.stringify(v) + '\n');
      else write(CSV_COLUMNS.map((c) => csvCell(v[c])).join(',') + '\r\n');
      n++;
    }
    if (page.length < PAGE) break;
  }
  if (format === 'json') write(n ? '\n]\n' : ']\n');
  return n;
}

/** RFC 4180 cell; cells that a spreadsheet would run as a formula are prefixed with a quote. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
