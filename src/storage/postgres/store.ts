// PostgreSQL backend (pg): the same Store as SQLite, with tsvector search ranked by ts_rank_cd.
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import type { Article, RawDocument } from '../../domain/article.ts';
import type {
  AnalysisIndex, ArticleFilter, ClustererStateRows, EntitySummary, NewArticle, SearchHit, SearchOptions, SpeakerQuote, Store, StoreStats,
  StoredRaw, StoryFilter, StoryMembership, StoryRow, StorySummary,
} from '../store.ts';
import { StorylineError, errorMessage } from '../../lib/errors.ts';
import { searchText } from '../../lib/fold.ts';
import {
  ARTICLE_COLUMNS, ARTICLE_WRITE_COLUMNS, articleValues, filterConditions, inIdOrder, newArticleRow, pageBounds, rowToArticle,
  rowToRaw, searchableBody, simhashBands, type ArticleRow, type RawRow,
} from '../rows.ts';
import { highlightSnippet, parseQuery } from '../search-text.ts';
import { PG_MIGRATIONS } from './migrations.ts';
import { PgStoryTables } from './story-tables.ts';
import { PostgresAccounts } from './accounts.ts';
import { tsQuery } from './query.ts';

/**
 * ts_rank_cd weights for {D, C, B, A}: title (A) 1.0, body (B) 0.2 — the same 5:1 ratio as SQLite's BM25 weights.
 * Normalisation 1 divides by 1 + log(document length), so long articles do not win on length alone.
 */
export const RANK_WEIGHTS = '{0, 0, 0.2, 1.0}';
const RANK_NORMALIZATION = 1;
/** Hits returned when the caller asks for no limit, and the most one search returns (as SQLite). */
export const SEARCH_DEFAULT_LIMIT = 20;
export const SEARCH_MAX_LIMIT = 500;
export const SIMHASH_CANDIDATE_LIMIT = 500;
/**
 * Folded characters of one field put into its tsvector. A tsvector holds at most 1 MB and positions stop at
 * 16383, so text past this would only risk a failed insert; 400k characters is about 60k words.
 */
const MAX_INDEXED_CHARS = 400_000;
const POOL_SIZE = 4;

type Queryable = pg.Pool | pg.PoolClient;

/** Null when a PostgreSQL server answers at `url` within 3 s, else why not (for tests and benchmarks that need one). */
export async function pgUnreachable(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (err) {
    return errorMessage(err);
  } finally {
    await client.end().catch(() => {});
  }
}

export interface PostgresOptions {
  /** Schema to create (if missing) and keep all tables in; default: the server's search_path. */
  schema?: string;
}

export class PostgresStore implements Store {
  /** The client and savepoint depth of the transaction the current async call chain runs in. */
  private readonly tx = new AsyncLocalStorage<{ client: pg.PoolClient; depth: number }>();

  /** Story intelligence tables (analyses, stories, entities, quotes), kept in their own module. */
  private readonly tables = new PgStoryTables((sql, params) => this.rows(sql, params));

  private constructor(private readonly pool: pg.Pool) {}

  /** Connects to `url` (postgres://…) and checks the server answers. */
  static async connect(url: string, options: PostgresOptions = {}): Promise<PostgresStore> {
    const schema = options.schema;
    if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
      throw new StorylineError('bad_input', `schema name must be lower-case letters, digits and _, got '${schema}'`);
    }
    const pool = new pg.Pool({
      connectionString: url, max: POOL_SIZE,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    // An idle client that loses its server must not crash the process; the next query reports the failure.
    pool.on('error', () => {});
    try {
      if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      else await pool.query('SELECT 1');
    } catch (err) {
      await pool.end();
      throw new StorylineError('storage', `cannot connect to PostgreSQL: ${errorMessage(err)}`);
    }
    return new PostgresStore(pool);
  }

  /**
   * The readers' accounts tables (created by `migrate`) on this store's connections. `hotness` ranks an item from
   * its points and the time its age counts from.
   */
  accounts(hotness: (points: number, createdAt: string) => number): PostgresAccounts {
    return new PostgresAccounts(this.pool, hotness);
  }

  async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      // Every step holds an advisory lock, so processes starting together apply each migration once.
      const lock = "SELECT pg_advisory_xact_lock(hashtext('storyline.migrate.' || current_schema()))";
      await inTransaction(client, async () => {
        await client.query(lock);
        await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
          version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
      });
      for (const m of PG_MIGRATIONS) {
        await inTransaction(client, async () => {
          await client.query(lock);
          const done = await client.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version]);
          if (done.rowCount) return;
          await client.query(m.up);
          await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
        });
      }
    } finally {
      client.release();
    }
  }

  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    const ctx = this.tx.getStore();
    if (ctx) {
      // Nested: a savepoint on the same connection, so a caught inner failure undoes only the inner work.
      const name = `sp${ctx.depth + 1}`;
      await ctx.client.query(`SAVEPOINT ${name}`);
      try {
        const result = await this.tx.run({ client: ctx.client, depth: ctx.depth + 1 }, fn);
        await ctx.client.query(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (err) {
        await ctx.client.query(`ROLLBACK TO SAVEPOINT ${name}`);
        await ctx.client.query(`RELEASE SAVEPOINT ${name}`);
        throw err;
      }
    }
    const client = await this.pool.connect();
    try {
      return await inTransaction(client, () => this.tx.run({ client, depth: 0 }, fn));
    } finally {
      client.release();
    }
  }

  async saveRaw(raw: RawDocument, sha256: string): Promise<{ id: number; existed: boolean }> {
    // Dedup happens in the INSERT itself: a conflicting row is left alone and looked up.
    const inserted = await this.rows<{ id: number }>(`INSERT INTO raw (input, url, content_type, fetched_at, sha256, feed, bytes)
      VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (input, sha256) DO NOTHING RETURNING id`,
    [pgText(raw.input), pgText(raw.url), pgText(raw.contentType), raw.fetchedAt, sha256,
      raw.feed ? JSON.stringify(raw.feed, (_k, v: unknown) => (typeof v === 'string' ? pgText(v) : v)) : null, raw.bytes]);
    if (inserted.length) return { id: inserted[0].id, existed: false };
    const [existing] = await this.rows<{ id: number }>('SELECT id FROM raw WHERE input = ? AND sha256 = ?', [pgText(raw.input), sha256]);
    if (!existing) throw new StorylineError('storage', `raw '${raw.input}' neither inserted nor found`);
    return { id: existing.id, existed: true };
  }

  async getRaw(id: number): Promise<StoredRaw | null> {
    const [row] = await this.rows<RawRow>('SELECT id, input, url, content_type, fetched_at, sha256, bytes, feed FROM raw WHERE id = ?', [id]);
    return row ? rowToRaw(row) : null;
  }

  async listRawIds(): Promise<number[]> {
    return (await this.rows<{ id: number }>('SELECT id FROM raw ORDER BY id')).map((r) => r.id);
  }

  async insertArticle(rawId: number, article: NewArticle): Promise<{ article: Article; existed: boolean }> {
    const cols = ARTICLE_WRITE_COLUMNS.join(', ');
    const [row] = await this.rows<{ id: number }>(`INSERT INTO articles (raw_id, ${cols}, search)
      VALUES (?, ${ARTICLE_WRITE_COLUMNS.map(() => '?').join(', ')}, ${SEARCH_VECTOR})
      ON CONFLICT (raw_id) DO NOTHING RETURNING id`, [rawId, ...pgValues(article), ...searchFields(article)]);
    if (!row) {
      const existing = await this.getArticleByRawId(rawId);
      if (!existing) throw new StorylineError('storage', `article for raw ${rawId} neither inserted nor found`);
      return { article: existing, existed: true };
    }
    return { article: rowToArticle({ id: row.id, raw_id: rawId, ...newArticleRow(article) }), existed: false };
  }

  async updateArticle(id: number, article: NewArticle): Promise<Article> {
    const sets = ARTICLE_WRITE_COLUMNS.map((c) => `${c} = ?`).join(', ');
    const [row] = await this.rows<ArticleRow>(`UPDATE articles SET ${sets}, search = ${SEARCH_VECTOR} WHERE id = ?
      RETURNING ${ARTICLE_COLUMNS}`, [...pgValues(article), ...searchFields(article), id]);
    if (!row) throw new StorylineError('not_found', `article ${id} not found`);
    return rowToArticle(row);
  }

  async getArticle(id: number): Promise<Article | null> {
    const [row] = await this.rows<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = ?`, [id]);
    return row ? rowToArticle(row) : null;
  }

  async getArticles(ids: number[]): Promise<Article[]> {
    const rows = await this.rows<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = ANY(?::int[])`, [ids]);
    return inIdOrder(ids, rows.map(rowToArticle));
  }

  async getArticleByRawId(rawId: number): Promise<Article | null> {
    const [row] = await this.rows<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE raw_id = ?`, [rawId]);
    return row ? rowToArticle(row) : null;
  }

  async listArticles(filter: ArticleFilter = {}): Promise<Article[]> {
    const { where, params } = filterConditions(filter);
    const { limit, offset } = pageBounds(filter, null);
    const rows = await this.rows<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles ${whereClause(where)}
      ORDER BY id LIMIT ? OFFSET ?`, [...params, limit, offset]);
    return rows.map(rowToArticle);
  }

  async countArticles(filter: ArticleFilter = {}): Promise<number> {
    const { where, params } = filterConditions(filter);
    const [row] = await this.rows<{ n: number }>(`SELECT COUNT(*)::int AS n FROM articles ${whereClause(where)}`, params);
    return row.n;
  }

  async findByCanonicalUrl(url: string): Promise<Article | null> {
    const [row] = await this.rows<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles
      WHERE canonical_url = ? AND duplicate_of IS NULL ORDER BY id LIMIT 1`, [pgText(url)]);
    return row ? rowToArticle(row) : null;
  }

  async findByContentHash(hash: string): Promise<Article | null> {
    const [row] = await this.rows<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles
      WHERE content_hash = ? AND duplicate_of IS NULL ORDER BY id LIMIT 1`, [hash]);
    return row ? rowToArticle(row) : null;
  }

  async findSimhashCandidates(simhash: string, limit = SIMHASH_CANDIDATE_LIMIT): Promise<Array<{ id: number; simhash: string }>> {
    const b = simhashBands(simhash);
    return this.rows<{ id: number; simhash: string }>(`SELECT id, simhash FROM articles WHERE duplicate_of IS NULL
      AND (sim_band0 = ? OR sim_band1 = ? OR sim_band2 = ? OR sim_band3 = ?) ORDER BY id LIMIT ?`, [...b, limit]);
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    const parsed = parseQuery(query, options.language);
    const tsq = tsQuery(parsed);
    if (tsq === null) return [];
    const { limit, offset } = pageBounds(options, SEARCH_DEFAULT_LIMIT, SEARCH_MAX_LIMIT);
    const { where, params } = searchConditions(options);
    const bySort = options.sort === 'date' ? 'a.published DESC NULLS LAST, score DESC, a.id' : 'score DESC, a.id';
    // 1. Rank ids only; 2. fetch text and cut snippets for the returned rows (as SQLite does).
    // Snippets come from search-text.ts rather than ts_headline: ts_headline re-parses the original text with
    // the server's own lower-casing, which knows neither the Turkish nor the diacritic folding of the index.
    const ranked = await this.rows<{ id: number; score: number }>(`SELECT a.id,
        ts_rank_cd('${RANK_WEIGHTS}'::float4[], a.search, q, ${RANK_NORMALIZATION})::float8 AS score
      FROM articles a, to_tsquery('simple', ?) AS q
      WHERE a.search @@ q ${where.map((w) => `AND ${w}`).join(' ')}
      ORDER BY ${bySort} LIMIT ? OFFSET ?`, [tsq, ...params, limit, offset]);
    if (ranked.length === 0) return [];
    const rows = await this.rows<SnippetRow>(`SELECT id, title, standfirst, text, outlet, published, language
      FROM articles WHERE id = ANY(?::int[])`, [ranked.map((r) => r.id)]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ranked.flatMap(({ id, score }) => {
      const r = byId.get(id);
      if (!r) return [];
      return [{
        id, title: r.title, snippet: highlightSnippet(searchableBody(r), parsed, r.language), score,
        outlet: r.outlet, published: r.published, language: r.language,
      }];
    });
  }

  async countSearch(query: string, options: SearchOptions = {}): Promise<number> {
    const tsq = tsQuery(parseQuery(query, options.language));
    if (tsq === null) return 0;
    const { where, params } = searchConditions(options);
    const [row] = await this.rows<{ n: number }>(`SELECT count(*)::int AS n FROM articles a, to_tsquery('simple', ?) AS q
      WHERE a.search @@ q ${where.map((w) => `AND ${w}`).join(' ')}`, [tsq, ...params]);
    return row.n;
  }

  async lineCounts(source: string, lineHashes: string[]): Promise<Map<string, number>> {
    const rows = await this.rows<{ line_hash: string; n: number }>(`SELECT line_hash, COUNT(*)::int AS n FROM line_stats
      WHERE source = ? AND line_hash = ANY(?::text[]) GROUP BY line_hash`, [pgText(source), lineHashes]);
    return new Map(rows.map((r) => [r.line_hash, r.n]));
  }

  async addLines(source: string, rawId: number, lineHashes: string[]): Promise<void> {
    // One statement: the lines are added only when the document is newly counted for this source.
    await this.rows(`WITH doc AS (
        INSERT INTO line_documents (source, raw_id) VALUES (?, ?) ON CONFLICT DO NOTHING RETURNING source, raw_id)
      INSERT INTO line_stats (source, line_hash, raw_id)
      SELECT DISTINCT doc.source, h, doc.raw_id FROM doc, unnest(?::text[]) AS h
      ON CONFLICT DO NOTHING`, [pgText(source), rawId, lineHashes]);
  }

  async sourceDocuments(source: string): Promise<number> {
    const [row] = await this.rows<{ n: number }>('SELECT COUNT(*)::int AS n FROM line_documents WHERE source = ?', [pgText(source)]);
    return row.n;
  }

  async stats(): Promise<StoreStats> {
    const [counts] = await this.rows<{ articles: number; duplicates: number; raw: number }>(`SELECT
      (SELECT COUNT(*)::int FROM articles) AS articles,
      (SELECT COUNT(*)::int FROM articles WHERE duplicate_of IS NOT NULL) AS duplicates,
      (SELECT COUNT(*)::int FROM raw) AS raw`);
    const outlets = await this.rows<StoreStats['outlets'][number]>(`SELECT outlet, COUNT(*)::int AS articles FROM articles
      GROUP BY outlet ORDER BY articles DESC, outlet NULLS LAST`);
    const languages = await this.rows<StoreStats['languages'][number]>(`SELECT language, COUNT(*)::int AS articles FROM articles
      GROUP BY language ORDER BY articles DESC, language NULLS LAST`);
    return { ...counts, outlets, languages };
  }

  async saveAnalysis(articleId: number, analysis: unknown, index: AnalysisIndex): Promise<void> {
    await this.transaction(() => this.tables.saveAnalysis(articleId, analysis, index));
  }

  getAnalyses(articleIds: number[]): Promise<Map<number, unknown>> {
    return this.tables.getAnalyses(articleIds);
  }

  setMembership(m: StoryMembership): Promise<void> {
    return this.tables.setMembership(m);
  }

  getMembership(articleId: number): Promise<StoryMembership | null> {
    return this.tables.getMembership(articleId);
  }

  storyMembers(storyId: number): Promise<StoryMembership[]> {
    return this.tables.storyMembers(storyId);
  }

  summarizeStory(storyId: number): Promise<StorySummary> {
    return this.tables.summarizeStory(storyId);
  }

  async moveMembers(fromStory: number, intoStory: number): Promise<void> {
    await this.transaction(() => this.tables.moveMembers(fromStory, intoStory));
  }

  upsertStory(row: StoryRow): Promise<void> {
    return this.tables.upsertStory(row);
  }

  getStory(id: number): Promise<StoryRow | null> {
    return this.tables.getStory(id);
  }

  listStories(filter?: StoryFilter): Promise<StoryRow[]> {
    return this.tables.listStories(filter);
  }

  countStories(filter?: StoryFilter): Promise<number> {
    return this.tables.countStories(filter);
  }

  saveState(key: string, value: string): Promise<void> {
    return this.tables.saveState(key, value);
  }

  loadState(key: string): Promise<string | null> {
    return this.tables.loadState(key);
  }

  deleteState(key: string): Promise<void> {
    return this.tables.deleteState(key);
  }

  async saveClustererRows(rows: ClustererStateRows, options: { replace?: boolean } = {}): Promise<void> {
    await this.transaction(() => this.tables.saveClustererRows(rows, options));
  }

  clustererWriter(): Promise<string | null> {
    return this.tables.clustererWriter();
  }

  loadClustererRows(): Promise<ClustererStateRows | null> {
    return this.transaction(async () => {
      // Three reads, one snapshot: another process's save is seen whole or not at all. Inside a caller's
      // transaction its own isolation applies (SET TRANSACTION must come first in a transaction).
      if (this.tx.getStore()?.depth === 0) await this.rows('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
      return this.tables.loadClustererRows();
    });
  }

  listEntities(filter: { type?: EntitySummary['type']; limit?: number; offset?: number }): Promise<EntitySummary[]> {
    return this.tables.listEntities(filter);
  }

  getEntityBySlug(type: EntitySummary['type'], slug: string): Promise<EntitySummary | null> {
    return this.tables.getEntityBySlug(type, slug);
  }

  getEntitiesByKeys(keys: string[]): Promise<EntitySummary[]> {
    return this.tables.getEntitiesByKeys(keys);
  }

  speakerQuotes(speakerKey: string, page?: { limit?: number; offset?: number }): Promise<SpeakerQuote[]> {
    return this.tables.speakerQuotes(speakerKey, page);
  }

  entityArticles(key: string, page?: { limit?: number; offset?: number }): Promise<number[]> {
    return this.tables.entityArticles(key, page);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /** Runs `sql` (with ? placeholders) on the current transaction's connection, or on the pool. */
  private async rows<R>(sql: string, params: unknown[] = []): Promise<R[]> {
    const db: Queryable = this.tx.getStore()?.client ?? this.pool;
    let n = 0;
    const res = await db.query(sql.replace(/\?/g, () => `$${++n}`), params);
    return res.rows as R[];
  }
}

interface SnippetRow {
  id: number;
  title: string | null;
  standfirst: string | null;
  text: string;
  outlet: string | null;
  published: string | null;
  language: string | null;
}

/** The weighted search vector from the two values of `searchFields`. */
const SEARCH_VECTOR = "setweight(to_tsvector('simple', ?), 'A') || setweight(to_tsvector('simple', ?), 'B')";

function searchFields(a: NewArticle): [string, string] {
  return [
    searchText(a.title, a.language).slice(0, MAX_INDEXED_CHARS),
    searchText(searchableBody(a), a.language).slice(0, MAX_INDEXED_CHARS),
  ];
}

function pgValues(a: NewArticle): Array<string | number | null> {
  return articleValues(a).map((v) => (typeof v === 'string' ? pgText(v) : v));
}

/** PostgreSQL text cannot hold U+0000, which SQLite keeps; it is dropped here rather than failing the write. */
function pgText<T extends string | null>(s: T): T {
  return (s === null || !s.includes('\u0000') ? s : s.replace(/\u0000/g, '')) as T;
}

/** Conditions on articles `a` for a search's filters, the person filter included. */
function searchConditions(options: SearchOptions): { where: string[]; params: string[] } {
  const { where, params } = filterConditions(options, 'a');
  if (options.person !== undefined) {
    where.push('a.id IN (SELECT article_id FROM entity_mentions WHERE entity_key = ?)');
    params.push(options.person);
  }
  return { where, params };
}

function whereClause(where: string[]): string {
  return where.length ? `WHERE ${where.join(' AND ')}` : '';
}

async function inTransaction<T>(client: pg.PoolClient, fn: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await fn();
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  }
}
