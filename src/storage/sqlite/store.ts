// SQLite backend (better-sqlite3): raw documents, articles, dedup lookups, line evidence and FTS5 search.
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Article, RawDocument } from '../../domain/article.ts';
import type {
  ArticleFilter, NewArticle, SearchHit, SearchOptions, Store, StoreStats, StoredRaw,
} from '../store.ts';
import { StorylineError } from '../../lib/errors.ts';
import { searchText } from '../../lib/fold.ts';
import {
  ARTICLE_COLUMNS, ARTICLE_WRITE_COLUMNS, articleValues, dateBounds, filterConditions, inIdOrder, newArticleRow, pageBounds, rowToArticle,
  rowToRaw, searchableBody, simhashBands, type ArticleRow, type RawRow,
} from '../rows.ts';
import { highlightSnippet, parseQuery } from '../search-text.ts';
import { dateRangeTokens, facetText, languageToken, outletToken, yearToken } from './facets.ts';
import { MIGRATIONS } from './migrations.ts';
import { ftsMatch } from './query.ts';
import { SqliteStoryTables } from './story-tables.ts';
import type { AnalysisIndex, ClustererStateRows, EntitySummary, SpeakerQuote, StoryFilter, StoryMembership, StoryRow, StorySummary } from '../store.ts';

/**
 * BM25 column weights (title, body). A title names what the article is about, so a title match is worth
 * about five body matches; with 5.0 a title hit ranks above articles that mention the term a few times in passing.
 */
export const BM25_WEIGHTS = { title: 5.0, body: 1.0 } as const;
/** The facets column holds filter tokens only: it must not add to relevance. */
const BM25 = `bm25(articles_fts, ${BM25_WEIGHTS.title}, ${BM25_WEIGHTS.body}, 0.0)`;
/** Hits returned when the caller asks for no limit, and the most one search returns. */
export const SEARCH_DEFAULT_LIMIT = 20;
export const SEARCH_MAX_LIMIT = 500;
/** Near-duplicate candidates returned when the caller gives no limit. */
export const SIMHASH_CANDIDATE_LIMIT = 500;
/**
 * Page cache per connection, in KiB. SQLite's default (2 MB) makes a 10k-article transaction spill dirty pages
 * to the WAL again and again; 64 MB kept a 10k-row bulk transaction in memory in bench/search.ts.
 */
const CACHE_KIB = 64 * 1024;
/** How long a writer waits for another process's write lock before failing. */
const BUSY_TIMEOUT_MS = 5000;

export class SqliteStore implements Store {
  private readonly statements = new Map<string, Database.Statement>();
  /** Depth of the transaction the current async call chain runs in (0 = outermost); unset outside one. */
  private readonly txDepth = new AsyncLocalStorage<number>();
  /** Settles when the open outermost transaction ends; null when none is open. */
  private busy: Promise<void> | null = null;

  /** Story intelligence tables (analyses, stories, entities, quotes), kept in their own module. */
  private readonly tables: SqliteStoryTables;

  private constructor(private readonly db: Database.Database) {
    this.tables = new SqliteStoryTables(db, (sql) => this.stmt(sql));
  }

  /** Opens (creating parent folders) the database at `path`; ':memory:' gives a private in-memory store. */
  static open(path: string): SqliteStore {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    let db: Database.Database;
    try {
      db = new Database(path);
    } catch (err) {
      throw new StorylineError('storage', `cannot open database '${path}': ${(err as Error).message}`);
    }
    if (path !== ':memory:') db.pragma('journal_mode = WAL');
    // With WAL, NORMAL loses at most the last transactions on power loss, never consistency.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`cache_size = -${CACHE_KIB}`);
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    return new SqliteStore(db);
  }

  /** The connection, for the readers' features that live beside the store on the same file (src/accounts). */
  get database(): Database.Database {
    return this.db;
  }

  async migrate(): Promise<void> {
    await this.ready();
    this.db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    for (const m of MIGRATIONS) {
      // Each step checks and applies under one write lock, so two processes starting at once do not both apply it.
      this.db.transaction(() => {
        if (this.stmt('SELECT 1 FROM schema_migrations WHERE version = ?').get(m.version)) return;
        if (typeof m.up === 'string') this.db.exec(m.up);
        else m.up(this.db);
        this.stmt('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
          .run(m.version, m.name, new Date().toISOString());
      }).immediate();
    }
  }

  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    const depth = this.txDepth.getStore();
    if (depth !== undefined) {
      // Nested: a savepoint, so an inner failure undoes only the inner work when the caller catches it.
      const name = `sp${depth + 1}`;
      this.db.exec(`SAVEPOINT ${name}`);
      try {
        const result = await this.txDepth.run(depth + 1, fn);
        this.db.exec(`RELEASE ${name}`);
        return result;
      } catch (err) {
        this.db.exec(`ROLLBACK TO ${name}`);
        this.db.exec(`RELEASE ${name}`);
        throw err;
      }
    }
    // One connection: other call chains wait until this transaction ends instead of joining it.
    const release = await this.lock();
    try {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await this.txDepth.run(0, fn);
        this.db.exec('COMMIT');
        return result;
      } catch (err) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw err;
      }
    } finally {
      release();
    }
  }

  async saveRaw(raw: RawDocument, sha256: string): Promise<{ id: number; existed: boolean }> {
    await this.ready();
    // Dedup happens in the INSERT itself: a conflicting row is left alone and looked up.
    const inserted = this.stmt(`INSERT INTO raw (input, url, content_type, fetched_at, sha256, feed, bytes)
      VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (input, sha256) DO NOTHING RETURNING id`)
      .get(raw.input, raw.url, raw.contentType, raw.fetchedAt, sha256, raw.feed ? JSON.stringify(raw.feed) : null, raw.bytes) as
      { id: number } | undefined;
    if (inserted) return { id: inserted.id, existed: false };
    const existing = this.stmt('SELECT id FROM raw WHERE input = ? AND sha256 = ?').get(raw.input, sha256) as { id: number };
    return { id: existing.id, existed: true };
  }

  async getRaw(id: number): Promise<StoredRaw | null> {
    await this.ready();
    const row = this.stmt('SELECT id, input, url, content_type, fetched_at, sha256, bytes, feed FROM raw WHERE id = ?').get(id) as RawRow | undefined;
    return row ? rowToRaw(row) : null;
  }

  async listRawIds(): Promise<number[]> {
    await this.ready();
    return this.stmt('SELECT id FROM raw ORDER BY id').pluck().all() as number[];
  }

  async insertArticle(rawId: number, article: NewArticle): Promise<{ article: Article; existed: boolean }> {
    await this.ready();
    const cols = ARTICLE_WRITE_COLUMNS.join(', ');
    const insert = this.stmt(`INSERT INTO articles (raw_id, ${cols}) VALUES (?, ${ARTICLE_WRITE_COLUMNS.map(() => '?').join(', ')})
      ON CONFLICT (raw_id) DO NOTHING RETURNING id`);
    const id = this.db.transaction(() => {
      const row = insert.get(rawId, ...articleValues(article)) as { id: number } | undefined;
      if (row) this.indexArticle(row.id, article);
      return row?.id;
    })();
    if (id === undefined) {
      const existing = await this.getArticleByRawId(rawId);
      if (!existing) throw new StorylineError('storage', `article for raw ${rawId} neither inserted nor found`);
      return { article: existing, existed: true };
    }
    return { article: rowToArticle({ id, raw_id: rawId, ...newArticleRow(article) }), existed: false };
  }

  async updateArticle(id: number, article: NewArticle): Promise<Article> {
    await this.ready();
    const sets = ARTICLE_WRITE_COLUMNS.map((c) => `${c} = ?`).join(', ');
    const update = this.stmt(`UPDATE articles SET ${sets} WHERE id = ?`);
    this.db.transaction(() => {
      if (update.run(...articleValues(article), id).changes === 0) throw new StorylineError('not_found', `article ${id} not found`);
      this.stmt('DELETE FROM articles_fts WHERE rowid = ?').run(id);
      this.indexArticle(id, article);
    })();
    const after = await this.getArticle(id);
    if (!after) throw new StorylineError('not_found', `article ${id} not found`);
    return after;
  }

  async getArticle(id: number): Promise<Article | null> {
    await this.ready();
    const row = this.stmt(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = ?`).get(id) as ArticleRow | undefined;
    return row ? rowToArticle(row) : null;
  }

  async getArticles(ids: number[]): Promise<Article[]> {
    await this.ready();
    const rows = this.stmt(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(ids)) as ArticleRow[];
    return inIdOrder(ids, rows.map(rowToArticle));
  }

  async getArticleByRawId(rawId: number): Promise<Article | null> {
    await this.ready();
    const row = this.stmt(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE raw_id = ?`).get(rawId) as ArticleRow | undefined;
    return row ? rowToArticle(row) : null;
  }

  async listArticles(filter: ArticleFilter = {}): Promise<Article[]> {
    await this.ready();
    const { where, params } = filterConditions(filter);
    const { limit, offset } = pageBounds(filter, null);
    const rows = this.stmt(`SELECT ${ARTICLE_COLUMNS} FROM articles ${whereClause(where)} ORDER BY id LIMIT ? OFFSET ?`)
      .all(...params, limit ?? -1, offset) as ArticleRow[];
    return rows.map(rowToArticle);
  }

  async countArticles(filter: ArticleFilter = {}): Promise<number> {
    await this.ready();
    const { where, params } = filterConditions(filter);
    return this.stmt(`SELECT COUNT(*) FROM articles ${whereClause(where)}`).pluck().get(...params) as number;
  }

  async findByCanonicalUrl(url: string): Promise<Article | null> {
    await this.ready();
    const row = this.stmt(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE canonical_url = ? AND duplicate_of IS NULL ORDER BY id LIMIT 1`)
      .get(url) as ArticleRow | undefined;
    return row ? rowToArticle(row) : null;
  }

  async findByContentHash(hash: string): Promise<Article | null> {
    await this.ready();
    const row = this.stmt(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE content_hash = ? AND duplicate_of IS NULL ORDER BY id LIMIT 1`)
      .get(hash) as ArticleRow | undefined;
    return row ? rowToArticle(row) : null;
  }

  async findSimhashCandidates(simhash: string, limit = SIMHASH_CANDIDATE_LIMIT): Promise<Array<{ id: number; simhash: string }>> {
    await this.ready();
    const b = simhashBands(simhash);
    // Each OR arm uses its own partial band index.
    return this.stmt(`SELECT id, simhash FROM articles WHERE duplicate_of IS NULL
      AND (sim_band0 = ? OR sim_band1 = ? OR sim_band2 = ? OR sim_band3 = ?) ORDER BY id LIMIT ?`)
      .all(b[0], b[1], b[2], b[3], limit) as Array<{ id: number; simhash: string }>;
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    await this.ready();
    const parsed = parseQuery(query, options.language);
    const { limit, offset } = pageBounds(options, SEARCH_DEFAULT_LIMIT, SEARCH_MAX_LIMIT);
    const facets = this.facetFilter(options);
    const match = facets && ftsMatch(parsed, facets);
    if (!match || limit === null || limit === 0) return [];
    const { person, params } = personFilter(options, 'rowid');
    // 1. Rank ids only, so the cost per match stays small (PERF-NOTES: snippets in this query cost 5x);
    // filters are facet tokens inside MATCH, so no articles row is read per match.
    const ranked = options.sort === 'date' ? this.rankByDate(match, options, limit, offset) : this.stmt(`SELECT rowid AS id, ${BM25} AS rank
      FROM articles_fts WHERE articles_fts MATCH ? ${person} ORDER BY rank, rowid LIMIT ? OFFSET ?`)
      .all(match, ...params, limit, offset) as Array<{ id: number; rank: number }>;
    if (ranked.length === 0) return [];
    // 2. Fetch and cut snippets for the returned rows only.
    const rows = this.stmt(`SELECT id, title, standfirst, text, outlet, published, language FROM articles
      WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ranked.map((r) => r.id))) as SnippetRow[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ranked.flatMap(({ id, rank }) => {
      const r = byId.get(id);
      if (!r) return [];
      return [{
        id, title: r.title, snippet: highlightSnippet(searchableBody(r), parsed, r.language), score: -rank,
        outlet: r.outlet, published: r.published, language: r.language,
      }];
    });
  }

  async countSearch(query: string, options: SearchOptions = {}): Promise<number> {
    await this.ready();
    const facets = this.facetFilter(options);
    const match = facets && ftsMatch(parseQuery(query, options.language), facets);
    if (!match) return 0;
    const { person, params } = personFilter(options, 'rowid');
    return this.stmt(`SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ? ${person}`).pluck().get(match, ...params) as number;
  }

  async lineCounts(source: string, lineHashes: string[]): Promise<Map<string, number>> {
    await this.ready();
    const rows = this.stmt(`SELECT line_hash, COUNT(*) AS n FROM line_stats
      WHERE source = ? AND line_hash IN (SELECT value FROM json_each(?)) GROUP BY line_hash`)
      .all(source, JSON.stringify(lineHashes)) as Array<{ line_hash: string; n: number }>;
    return new Map(rows.map((r) => [r.line_hash, r.n]));
  }

  async addLines(source: string, rawId: number, lineHashes: string[]): Promise<void> {
    await this.ready();
    this.db.transaction(() => {
      // A document already counted for this source is not counted again.
      if (this.stmt('INSERT INTO line_documents (source, raw_id) VALUES (?, ?) ON CONFLICT DO NOTHING').run(source, rawId).changes === 0) return;
      const add = this.stmt('INSERT INTO line_stats (source, line_hash, raw_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
      for (const h of new Set(lineHashes)) add.run(source, h, rawId);
    })();
  }

  async sourceDocuments(source: string): Promise<number> {
    await this.ready();
    return this.stmt('SELECT COUNT(*) FROM line_documents WHERE source = ?').pluck().get(source) as number;
  }

  async stats(): Promise<StoreStats> {
    await this.ready();
    const counts = this.stmt(`SELECT (SELECT COUNT(*) FROM articles) AS articles,
      (SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL) AS duplicates,
      (SELECT COUNT(*) FROM raw) AS raw`).get() as { articles: number; duplicates: number; raw: number };
    const outlets = this.stmt('SELECT outlet, COUNT(*) AS articles FROM articles GROUP BY outlet ORDER BY articles DESC, outlet NULLS LAST')
      .all() as StoreStats['outlets'];
    const languages = this.stmt('SELECT language, COUNT(*) AS articles FROM articles GROUP BY language ORDER BY articles DESC, language NULLS LAST')
      .all() as StoreStats['languages'];
    return { ...counts, outlets, languages };
  }

  async saveAnalysis(articleId: number, analysis: unknown, index: AnalysisIndex): Promise<void> {
    await this.transaction(async () => this.tables.saveAnalysis(articleId, analysis, index));
  }

  async getAnalyses(articleIds: number[]): Promise<Map<number, unknown>> {
    await this.ready();
    return this.tables.getAnalyses(articleIds);
  }

  async setMembership(m: StoryMembership): Promise<void> {
    await this.ready();
    this.tables.setMembership(m);
  }

  async getMembership(articleId: number): Promise<StoryMembership | null> {
    await this.ready();
    return this.tables.getMembership(articleId);
  }

  async storyMembers(storyId: number): Promise<StoryMembership[]> {
    await this.ready();
    return this.tables.storyMembers(storyId);
  }

  async summarizeStory(storyId: number): Promise<StorySummary> {
    await this.ready();
    return this.tables.summarizeStory(storyId);
  }

  async moveMembers(fromStory: number, intoStory: number): Promise<void> {
    await this.transaction(async () => this.tables.moveMembers(fromStory, intoStory));
  }

  async upsertStory(row: StoryRow): Promise<void> {
    await this.ready();
    this.tables.upsertStory(row);
  }

  async getStory(id: number): Promise<StoryRow | null> {
    await this.ready();
    return this.tables.getStory(id);
  }

  async listStories(filter?: StoryFilter): Promise<StoryRow[]> {
    await this.ready();
    return this.tables.listStories(filter);
  }

  async countStories(filter?: StoryFilter): Promise<number> {
    await this.ready();
    return this.tables.countStories(filter);
  }

  async saveState(key: string, value: string): Promise<void> {
    await this.ready();
    this.tables.saveState(key, value);
  }

  async loadState(key: string): Promise<string | null> {
    await this.ready();
    return this.tables.loadState(key);
  }

  async deleteState(key: string): Promise<void> {
    await this.ready();
    this.tables.deleteState(key);
  }

  async saveClustererRows(rows: ClustererStateRows, options: { replace?: boolean } = {}): Promise<void> {
    await this.transaction(async () => this.tables.saveClustererRows(rows, options));
  }

  async clustererWriter(): Promise<string | null> {
    await this.ready();
    return this.tables.clustererWriter();
  }

  async loadClustererRows(): Promise<ClustererStateRows | null> {
    await this.ready();
    return this.tables.loadClustererRows();
  }

  async listEntities(filter: { type?: EntitySummary['type']; limit?: number; offset?: number }): Promise<EntitySummary[]> {
    await this.ready();
    return this.tables.listEntities(filter);
  }

  async getEntityBySlug(type: EntitySummary['type'], slug: string): Promise<EntitySummary | null> {
    await this.ready();
    return this.tables.getEntityBySlug(type, slug);
  }

  async getEntitiesByKeys(keys: string[]): Promise<EntitySummary[]> {
    await this.ready();
    return this.tables.getEntitiesByKeys(keys);
  }

  async speakerQuotes(speakerKey: string, page?: { limit?: number; offset?: number }): Promise<SpeakerQuote[]> {
    await this.ready();
    return this.tables.speakerQuotes(speakerKey, page);
  }

  async entityArticles(key: string, page?: { limit?: number; offset?: number }): Promise<number[]> {
    await this.ready();
    return this.tables.entityArticles(key, page);
  }

  async close(): Promise<void> {
    await this.ready();
    if (this.db.open) this.db.close();
  }

  /**
   * Facet token sets a search must match (see facets.ts); null when the filters exclude everything.
   * Open date bounds are closed with the stored date range, which keeps the token list short.
   */
  private facetFilter(options: SearchOptions): string[][] | null {
    const out: string[][] = [];
    if (options.outlet !== undefined) out.push([outletToken(options.outlet)]);
    if (options.language !== undefined) out.push([languageToken(options.language)]);
    const { from, to } = dateBounds(options);
    if (from !== undefined || to !== undefined) {
      // Plain min()/max() over the indexed column: one index seek each.
      const first = (this.stmt('SELECT min(published) FROM articles').pluck().get() as string | null)?.slice(0, 10);
      const last = (this.stmt('SELECT max(published) FROM articles').pluck().get() as string | null)?.slice(0, 10);
      if (!first || !last) return null;
      const lo = from !== undefined && from > first ? from : first;
      const hi = to !== undefined && to < last ? to : last;
      if (lo > hi) return null;
      out.push(dateRangeTokens(lo, hi));
    }
    return out;
  }

  /**
   * Newest first, undated last. Walks the years present from the newest down, so each step reads the
   * articles row (for its exact date) of one year's matches only, and stops once the page is full.
   */
  private rankByDate(match: string, options: SearchOptions, limit: number, offset: number): Array<{ id: number; rank: number }> {
    const want = offset + limit;
    const out: Array<{ id: number; rank: number }> = [];
    const { person, params } = personFilter(options, 'articles_fts.rowid');
    const inYear = this.stmt(`SELECT articles_fts.rowid AS id, ${BM25} AS rank FROM articles_fts
      CROSS JOIN articles a ON a.id = articles_fts.rowid
      WHERE articles_fts MATCH ? ${person} ORDER BY a.published DESC, rank, articles_fts.rowid LIMIT ?`);
    const latestBefore = this.stmt('SELECT max(published) FROM articles WHERE published < ?').pluck();
    for (let before = '\uffff'; out.length < want;) {
      const latest = latestBefore.get(before) as string | null;
      const year = latest === null ? null : /^\d{4}/.exec(latest)?.[0];
      if (!year) break;
      const rows = inYear.all(`${match} AND facets : "${yearToken(Number(year))}"`, ...params, want - out.length) as Array<{ id: number; rank: number }>;
      out.push(...rows);
      before = year;
    }
    if (out.length < want) {
      out.push(...(this.stmt(`SELECT rowid AS id, ${BM25} AS rank FROM articles_fts WHERE articles_fts MATCH ? ${person}
        ORDER BY rank, rowid LIMIT ?`).all(`${match} AND facets : "datenone"`, ...params, want - out.length) as Array<{ id: number; rank: number }>));
    }
    return out.slice(offset, want);
  }

  /** Writes the folded title and body, and the filter tokens, to the full-text index (the caller holds a transaction). */
  private indexArticle(id: number, a: NewArticle): void {
    this.stmt('INSERT INTO articles_fts (rowid, title, body, facets) VALUES (?, ?, ?, ?)')
      .run(id, searchText(a.title, a.language), searchText(searchableBody(a), a.language), facetText(a));
  }

  private stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  /** Takes the transaction lock, waiting for the open outermost transaction of another call chain to end. */
  private async lock(): Promise<() => void> {
    while (this.busy) await this.busy;
    let release!: () => void;
    this.busy = new Promise<void>((resolve) => { release = resolve; });
    return () => {
      this.busy = null;
      release();
    };
  }

  /** Waits while another call chain's transaction is open, so its work is neither seen half-done nor joined. */
  private async ready(): Promise<void> {
    while (this.busy && this.txDepth.getStore() === undefined) await this.busy;
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

/** The condition (starting with AND) keeping only articles that mention `options.person`; empty without one. */
function personFilter(options: SearchOptions, idColumn: string): { person: string; params: string[] } {
  if (options.person === undefined) return { person: '', params: [] };
  return { person: `AND ${idColumn} IN (SELECT article_id FROM entity_mentions WHERE entity_key = ?)`, params: [options.person] };
}

function whereClause(where: string[]): string {
  return where.length ? `WHERE ${where.join(' AND ')}` : '';
}
