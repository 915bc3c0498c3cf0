// PostgreSQL schema as one ordered, append-only list of migrations; each runs in its own transaction.
// Never edit or reorder a released entry: add a new one. Kept in step with sqlite/migrations.ts by the contract suite.
import { PG_CLUSTERER_ROWS_MIGRATION, PG_STORY_MIGRATION } from './story-tables.ts';
import { PG_ACCOUNTS_MIGRATION } from './accounts.ts';

export interface PgMigration {
  version: number;
  name: string;
  up: string;
}

export const PG_MIGRATIONS: readonly PgMigration[] = [
  {
    version: 1,
    name: 'raw documents',
    up: `
      CREATE TABLE raw (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        input text NOT NULL,
        url text,
        content_type text,
        fetched_at text NOT NULL,
        sha256 text NOT NULL,
        feed jsonb,
        bytes bytea NOT NULL,
        -- Re-ingesting the same input with the same bytes finds the row kept before.
        UNIQUE (input, sha256)
      );`,
  },
  {
    version: 2,
    name: 'articles',
    // published uses the C collation: ISO values then sort and compare as dates whatever the database locale.
    // search holds the folded title (weight A) and body (weight B), written with the row.
    up: `
      CREATE TABLE articles (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        raw_id integer NOT NULL UNIQUE REFERENCES raw(id),
        input text NOT NULL,
        url text,
        canonical_url text,
        content_hash text NOT NULL,
        simhash text NOT NULL,
        sim_band0 integer NOT NULL,
        sim_band1 integer NOT NULL,
        sim_band2 integer NOT NULL,
        sim_band3 integer NOT NULL,
        duplicate_of integer REFERENCES articles(id),
        duplicate_reason text CHECK (duplicate_reason IN ('url', 'hash', 'near')),
        fetched_at text NOT NULL,
        published text COLLATE "C",
        published_source text,
        published_confidence double precision,
        published_detail text,
        outlet text,
        outlet_source text,
        language text,
        format text NOT NULL CHECK (format IN ('html', 'text')),
        title text,
        standfirst text,
        byline text,
        section text,
        dateline text,
        text text NOT NULL,
        search tsvector NOT NULL
      );
      CREATE INDEX articles_canonical_url ON articles (canonical_url) WHERE duplicate_of IS NULL;
      CREATE INDEX articles_content_hash ON articles (content_hash) WHERE duplicate_of IS NULL;
      CREATE INDEX articles_outlet ON articles (outlet, published);
      CREATE INDEX articles_language ON articles (language, published);
      CREATE INDEX articles_published ON articles (published);
      CREATE INDEX articles_duplicate_of ON articles (duplicate_of);
      CREATE INDEX articles_band0 ON articles (sim_band0) WHERE duplicate_of IS NULL;
      CREATE INDEX articles_band1 ON articles (sim_band1) WHERE duplicate_of IS NULL;
      CREATE INDEX articles_band2 ON articles (sim_band2) WHERE duplicate_of IS NULL;
      CREATE INDEX articles_band3 ON articles (sim_band3) WHERE duplicate_of IS NULL;
      CREATE INDEX articles_search ON articles USING gin (search);`,
  },
  {
    version: 3,
    name: 'line evidence',
    up: `
      -- Which documents of a source were counted, so recording a document twice changes nothing.
      CREATE TABLE line_documents (
        source text NOT NULL,
        raw_id integer NOT NULL REFERENCES raw(id),
        PRIMARY KEY (source, raw_id)
      );
      CREATE TABLE line_stats (
        source text NOT NULL,
        line_hash text NOT NULL,
        raw_id integer NOT NULL REFERENCES raw(id),
        PRIMARY KEY (source, line_hash, raw_id)
      );`,
  },
  {
    version: 4,
    name: 'story intelligence: analyses, stories, entities, quotes, state',
    up: PG_STORY_MIGRATION,
  },
  {
    version: 5,
    name: 'story clusterer state as rows: header, stories, document frequencies',
    up: PG_CLUSTERER_ROWS_MIGRATION,
  },
  {
    version: 6,
    name: "readers' accounts and community: users, sessions, posts, votes, comments, moderation, collections, follows",
    up: PG_ACCOUNTS_MIGRATION,
  },
];
