// SQLite schema as one ordered, append-only list of migrations; each runs in its own transaction.
// Never edit or reorder a released entry: add a new one.
import type Database from 'better-sqlite3';
import { CLUSTERER_ROWS_MIGRATION, STORY_MIGRATION } from './story-tables.ts';
import { ACCOUNTS_MIGRATION, ACCOUNTS_RANKING_MIGRATION } from './accounts.ts';

export interface Migration {
  version: number;
  name: string;
  up: string | ((db: Database.Database) => void);
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'raw documents',
    up: `
      CREATE TABLE raw (
        id INTEGER PRIMARY KEY,
        input TEXT NOT NULL,
        url TEXT,
        content_type TEXT,
        fetched_at TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        feed TEXT CHECK (feed IS NULL OR json_valid(feed)),
        bytes BLOB NOT NULL,
        -- Re-ingesting the same input with the same bytes finds the row kept before.
        UNIQUE (input, sha256)
      );`,
  },
  {
    version: 2,
    name: 'articles',
    // Small columns first and the body last, so reading filter columns does not touch overflow pages.
    up: `
      CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        raw_id INTEGER NOT NULL UNIQUE REFERENCES raw(id),
        input TEXT NOT NULL,
        url TEXT,
        canonical_url TEXT,
        content_hash TEXT NOT NULL,
        simhash TEXT NOT NULL,
        -- The four 16-bit bands of the SimHash, indexed to find near-duplicate candidates.
        sim_band0 INTEGER NOT NULL,
        sim_band1 INTEGER NOT NULL,
        sim_band2 INTEGER NOT NULL,
        sim_band3 INTEGER NOT NULL,
        duplicate_of INTEGER REFERENCES articles(id),
        duplicate_reason TEXT CHECK (duplicate_reason IN ('url', 'hash', 'near')),
        fetched_at TEXT NOT NULL,
        published TEXT,
        published_source TEXT,
        published_confidence REAL,
        published_detail TEXT,
        outlet TEXT,
        outlet_source TEXT,
        language TEXT,
        format TEXT NOT NULL CHECK (format IN ('html', 'text')),
        title TEXT,
        standfirst TEXT,
        byline TEXT,
        section TEXT,
        dateline TEXT,
        text TEXT NOT NULL
      );
      CREATE INDEX articles_canonical_url ON articles(canonical_url) WHERE duplicate_of IS NULL;
      CREATE INDEX articles_content_hash ON articles(content_hash) WHERE duplicate_of IS NULL;
      CREATE INDEX articles_outlet ON articles(outlet, published);
      CREATE INDEX articles_language ON articles(language, published);
      CREATE INDEX articles_published ON articles(published);
      CREATE INDEX articles_duplicate_of ON articles(duplicate_of);
      CREATE INDEX articles_band0 ON articles(sim_band0) WHERE duplicate_of IS NULL;
      CREATE INDEX articles_band1 ON articles(sim_band1) WHERE duplicate_of IS NULL;
      CREATE INDEX articles_band2 ON articles(sim_band2) WHERE duplicate_of IS NULL;
      CREATE INDEX articles_band3 ON articles(sim_band3) WHERE duplicate_of IS NULL;`,
  },
  {
    version: 3,
    name: 'full-text index',
    // The index holds folded text (lib/fold.ts), which differs from what readers see, so it keeps no copy of
    // its own (contentless) and is not tied to the articles table (external content would re-read unfolded
    // text); contentless_delete lets an article's row be replaced. The store writes it in the same
    // transaction as the article, and snippets are cut from the original text (storage/search-text.ts).
    // facets holds filter tokens (sqlite/facets.ts) so filters intersect posting lists.
    up: `
      CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, body, facets,
        content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2'
      );`,
  },
  {
    version: 4,
    name: 'line evidence',
    up: `
      -- Which documents of a source were counted, so recording a document twice changes nothing.
      CREATE TABLE line_documents (
        source TEXT NOT NULL,
        raw_id INTEGER NOT NULL REFERENCES raw(id),
        PRIMARY KEY (source, raw_id)
      ) WITHOUT ROWID;
      CREATE TABLE line_stats (
        source TEXT NOT NULL,
        line_hash TEXT NOT NULL,
        raw_id INTEGER NOT NULL REFERENCES raw(id),
        PRIMARY KEY (source, line_hash, raw_id)
      ) WITHOUT ROWID;`,
  },
  {
    version: 5,
    name: 'story intelligence: analyses, stories, entities, quotes, state',
    up: STORY_MIGRATION,
  },
  {
    version: 6,
    name: 'readers: accounts, sessions, posts, votes, comments, collections, follows',
    up: ACCOUNTS_MIGRATION,
  },
  {
    version: 7,
    name: 'readers: hotness of voted posts and articles, for the home page',
    up: ACCOUNTS_RANKING_MIGRATION,
  },
  {
    version: 8,
    name: 'story clusterer state as rows: header, stories, document frequencies',
    up: CLUSTERER_ROWS_MIGRATION,
  },
];
