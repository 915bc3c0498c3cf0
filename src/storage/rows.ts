// Column mapping both SQL backends share: article and raw rows to domain objects, article fields to columns.
import type { Article, RawDocument } from '../domain/article.ts';
import type { AnalysisIndex, ArticleFilter, NewArticle, StoredRaw } from './store.ts';
import { StorylineError } from '../lib/errors.ts';

/** An articles row as both backends select it (`SELECT ${ARTICLE_COLUMNS}`). */
export interface ArticleRow {
  id: number;
  raw_id: number;
  input: string;
  url: string | null;
  canonical_url: string | null;
  content_hash: string;
  simhash: string;
  duplicate_of: number | null;
  duplicate_reason: string | null;
  fetched_at: string;
  published: string | null;
  published_source: string | null;
  published_confidence: number | null;
  published_detail: string | null;
  outlet: string | null;
  outlet_source: string | null;
  language: string | null;
  format: string;
  title: string | null;
  standfirst: string | null;
  byline: string | null;
  section: string | null;
  dateline: string | null;
  text: string;
}

export const ARTICLE_COLUMNS = [
  'id', 'raw_id', 'input', 'url', 'canonical_url', 'content_hash', 'simhash', 'duplicate_of', 'duplicate_reason',
  'fetched_at', 'published', 'published_source', 'published_confidence', 'published_detail', 'outlet',
  'outlet_source', 'language', 'format', 'title', 'standfirst', 'byline', 'section', 'dateline', 'text',
].join(', ');

/** Column names written from a NewArticle, in the order of `articleValues`. */
export const ARTICLE_WRITE_COLUMNS = [
  'input', 'url', 'canonical_url', 'content_hash', 'simhash', 'sim_band0', 'sim_band1', 'sim_band2', 'sim_band3',
  'duplicate_of', 'duplicate_reason', 'fetched_at', 'published', 'published_source', 'published_confidence',
  'published_detail', 'outlet', 'outlet_source', 'language', 'format', 'title', 'standfirst', 'byline', 'section',
  'dateline', 'text',
] as const;

export function articleValues(a: NewArticle): Array<string | number | null> {
  const bands = simhashBands(a.simhash);
  return [
    a.input, a.url, a.canonicalUrl, a.contentHash, a.simhash, bands[0], bands[1], bands[2], bands[3],
    a.duplicateOf, a.duplicateReason, a.fetchedAt, a.published?.value ?? null, a.published?.source ?? null,
    a.published?.confidence ?? null, a.published?.detail ?? null, a.outlet, a.outletSource, a.language, a.format,
    a.title, a.standfirst, a.byline, a.section, a.dateline, a.text,
  ];
}

export function rowToArticle(r: ArticleRow): Article {
  return {
    id: Number(r.id),
    rawId: Number(r.raw_id),
    input: r.input,
    url: r.url,
    canonicalUrl: r.canonical_url,
    contentHash: r.content_hash,
    simhash: r.simhash,
    duplicateOf: r.duplicate_of === null ? null : Number(r.duplicate_of),
    duplicateReason: r.duplicate_reason as Article['duplicateReason'],
    fetchedAt: r.fetched_at,
    title: r.title,
    standfirst: r.standfirst,
    byline: r.byline,
    section: r.section,
    outlet: r.outlet,
    outletSource: r.outlet_source,
    dateline: r.dateline,
    language: r.language,
    published: r.published === null ? null : {
      value: r.published,
      source: r.published_source as NonNullable<Article['published']>['source'],
      confidence: Number(r.published_confidence ?? 0),
      detail: r.published_detail ?? '',
    },
    text: r.text,
    format: r.format as Article['format'],
  };
}

/** The columns of a just-inserted article, shaped like a selected row (saves reading it back). */
export function newArticleRow(a: NewArticle): Omit<ArticleRow, 'id' | 'raw_id'> {
  return {
    input: a.input, url: a.url, canonical_url: a.canonicalUrl, content_hash: a.contentHash, simhash: a.simhash,
    duplicate_of: a.duplicateOf, duplicate_reason: a.duplicateReason, fetched_at: a.fetchedAt,
    published: a.published?.value ?? null, published_source: a.published?.source ?? null,
    published_confidence: a.published?.confidence ?? null, published_detail: a.published?.detail ?? null,
    outlet: a.outlet, outlet_source: a.outletSource, language: a.language, format: a.format, title: a.title,
    standfirst: a.standfirst, byline: a.byline, section: a.section, dateline: a.dateline, text: a.text,
  };
}

/** Articles in the order of `ids`, each once; ids with no article are left out (batch reads keep the caller's order). */
export function inIdOrder(ids: number[], articles: Article[]): Article[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  return [...new Set(ids)].flatMap((id) => byId.get(id) ?? []);
}

/** The searchable body: the standfirst, when there is one, reads as the body's first paragraph. */
export function searchableBody(a: { standfirst: string | null; text: string }): string {
  return a.standfirst ? `${a.standfirst}\n\n${a.text}` : a.text;
}

/** A raw row as both backends select it. */
export interface RawRow {
  id: number;
  input: string;
  url: string | null;
  content_type: string | null;
  fetched_at: string;
  sha256: string;
  bytes: Buffer;
  feed: string | RawDocument['feed'] | null;
}

export function rowToRaw(r: RawRow): StoredRaw {
  return {
    id: Number(r.id),
    input: r.input,
    url: r.url,
    contentType: r.content_type,
    fetchedAt: r.fetched_at,
    sha256: r.sha256,
    bytes: Buffer.from(r.bytes),
    // SQLite keeps JSON as text; PostgreSQL's jsonb arrives parsed.
    feed: r.feed === null ? null : typeof r.feed === 'string' ? JSON.parse(r.feed) : r.feed,
  };
}

/** The four 16-bit bands of a 64-bit SimHash given as 16 hex digits. */
export function simhashBands(simhash: string): [number, number, number, number] {
  if (!/^[0-9a-f]{16}$/i.test(simhash)) throw new StorylineError('bad_input', `simhash must be 16 hex digits, got '${simhash}'`);
  return [0, 4, 8, 12].map((i) => parseInt(simhash.slice(i, i + 4), 16)) as [number, number, number, number];
}

/** Filter conditions on the articles table, with `?` placeholders (the PostgreSQL backend renumbers them). */
export function filterConditions(filter: ArticleFilter, alias = ''): { where: string[]; params: string[] } {
  const where: string[] = [];
  const params: string[] = [];
  const col = (c: string) => (alias ? `${alias}.${c}` : c);
  if (filter.outlet !== undefined) { where.push(`${col('outlet')} = ?`); params.push(filter.outlet); }
  if (filter.language !== undefined) { where.push(`${col('language')} = ?`); params.push(filter.language); }
  // Publication values are ISO dates or datetimes, so string order is date order: a datetime on day D sorts
  // after "D" and before "D+1", which keeps both bounds inclusive of the whole day and usable by an index.
  if (filter.from !== undefined) { where.push(`${col('published')} >= ?`); params.push(isoDate(filter.from, 'from')); }
  if (filter.to !== undefined) { where.push(`${col('published')} < ?`); params.push(nextDay(isoDate(filter.to, 'to'))); }
  return { where, params };
}

/** The filter's date bounds, checked to be YYYY-MM-DD (inclusive days). */
export function dateBounds(filter: ArticleFilter): { from?: string; to?: string } {
  return {
    ...(filter.from !== undefined ? { from: isoDate(filter.from, 'from') } : {}),
    ...(filter.to !== undefined ? { to: isoDate(filter.to, 'to') } : {}),
  };
}

/** LIMIT and OFFSET of a filter: `limit` null means all rows; `maxLimit` caps what a caller may ask for. */
export function pageBounds(filter: ArticleFilter, defaultLimit: number | null, maxLimit?: number): { limit: number | null; offset: number } {
  const asked = filter.limit ?? defaultLimit;
  if (asked !== null && (!Number.isFinite(asked) || asked < 0)) throw new StorylineError('bad_input', `limit must be a non-negative number, got ${asked}`);
  const offset = filter.offset ?? 0;
  if (!Number.isFinite(offset) || offset < 0) throw new StorylineError('bad_input', `offset must be a non-negative number, got ${offset}`);
  const limit = asked === null ? null : Math.floor(maxLimit === undefined ? asked : Math.min(asked, maxLimit));
  return { limit, offset: Math.floor(offset) };
}

function isoDate(value: string, name: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value + 'T00:00:00Z'))) {
    throw new StorylineError('bad_input', `${name} must be a date as YYYY-MM-DD, got '${value}'`);
  }
  return value;
}

function nextDay(date: string): string {
  const d = new Date(date + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * How an article's re-indexing moves entity counts, for both backends: each entity's article count by whether it was
 * and is mentioned, its quote count by its quotes before and after. Entities whose counts do not move are left out.
 */
export function countDelta(
  before: { mentioned: string[]; quotes: Array<{ key: string; n: number }> },
  index: AnalysisIndex,
): Map<string, { articles: number; quotes: number }> {
  const delta = new Map<string, { articles: number; quotes: number }>();
  const bump = (key: string, articles: number, quotes: number) => {
    const d = delta.get(key) ?? { articles: 0, quotes: 0 };
    d.articles += articles;
    d.quotes += quotes;
    delta.set(key, d);
  };
  for (const key of new Set(before.mentioned)) bump(key, -1, 0);
  for (const q of before.quotes) bump(q.key, 0, -q.n);
  for (const key of new Set(index.entities.map((e) => e.key))) bump(key, 1, 0);
  for (const q of index.quotes) bump(q.speakerKey, 0, 1);
  for (const [key, d] of delta) if (d.articles === 0 && d.quotes === 0) delta.delete(key);
  return delta;
}
