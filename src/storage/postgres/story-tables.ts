// PostgreSQL tables of story intelligence: analyses, story membership and rows, entity and quote indexes, clusterer state.
// The same behaviour as sqlite/story-tables.ts, held to it by the contract suite.
import type { AnalysisIndex, ClustererStateRows, EntitySummary, SpeakerQuote, StoryFilter, StoryMembership, StoryRow, StorySummary } from '../store.ts';
import { slugify } from '../../lib/slug.ts';
import { countDelta } from '../rows.ts';

/** Analyses are kept as json (not jsonb) so they read back with their keys in the order written. */
export const PG_STORY_MIGRATION = `
  CREATE TABLE analyses (
    article_id integer PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    data json NOT NULL
  );
  CREATE TABLE stories (
    id integer PRIMARY KEY,
    title text,
    article_count integer NOT NULL,
    outlets text[] NOT NULL,
    languages text[] NOT NULL,
    first text COLLATE "C",
    last text COLLATE "C",
    updated_at text NOT NULL
  );
  CREATE INDEX stories_activity ON stories (last DESC NULLS LAST, updated_at DESC);
  CREATE TABLE story_members (
    article_id integer PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story_id integer NOT NULL,
    score double precision NOT NULL,
    reasons json NOT NULL
  );
  CREATE INDEX story_members_story ON story_members (story_id);
  CREATE TABLE entities (
    key text PRIMARY KEY,
    type text NOT NULL,
    slug text NOT NULL,
    name text NOT NULL,
    role text,
    articles integer NOT NULL DEFAULT 0,
    quotes integer NOT NULL DEFAULT 0,
    UNIQUE (type, slug)
  );
  CREATE INDEX entities_rank ON entities (type, articles DESC);
  CREATE TABLE entity_mentions (
    entity_key text NOT NULL,
    article_id integer NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (entity_key, article_id)
  );
  CREATE INDEX entity_mentions_article ON entity_mentions (article_id);
  CREATE TABLE quotes (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id integer NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    speaker_key text NOT NULL,
    speaker_name text NOT NULL,
    role text,
    text text NOT NULL,
    kind text NOT NULL,
    cue text,
    mention text
  );
  CREATE INDEX quotes_speaker ON quotes (speaker_key, article_id);
  CREATE INDEX quotes_article ON quotes (article_id);
  CREATE TABLE state (key text PRIMARY KEY, value text NOT NULL);`;

/**
 * The story clusterer's state as rows, so a save after a batch writes only the stories and terms it changed
 * (it was one JSON value in `state`, rewritten whole). Text, not json: the store passes the JSON through unread.
 */
export const PG_CLUSTERER_ROWS_MIGRATION = `
  CREATE TABLE clusterer_header (
    id integer PRIMARY KEY CHECK (id = 1),
    state text NOT NULL,
    writer text NOT NULL DEFAULT ''
  );
  CREATE TABLE clusterer_stories (
    id integer PRIMARY KEY,
    state text NOT NULL
  );
  CREATE TABLE clusterer_terms (
    term text PRIMARY KEY,
    articles integer NOT NULL CHECK (articles > 0)
  );`;

/** Runs SQL with ? placeholders on the store's current connection (its transaction's, when one is open). */
type Query = <R>(sql: string, params?: unknown[]) => Promise<R[]>;

interface StoryDbRow {
  id: number;
  title: string | null;
  article_count: number;
  outlets: string[];
  languages: string[];
  first: string | null;
  last: string | null;
  updated_at: string;
}

interface MemberDbRow {
  article_id: number;
  story_id: number;
  score: number;
  reasons: string[];
}

const STORY_COLUMNS = 'id, title, article_count, outlets, languages, first, last, updated_at';
const ENTITY_COLUMNS = 'key, slug, type, name, role, articles, quotes';
/** Page sizes when the caller gives none, and the most one call returns (as the SQLite tables). */
const DEFAULT_STORIES = 50;
const MAX_STORIES = 500;
const DEFAULT_ENTITIES = 50;
const DEFAULT_QUOTES = 100;

const toStory = (r: StoryDbRow): StoryRow => ({
  id: r.id, title: r.title, articleCount: r.article_count, outlets: r.outlets, languages: r.languages,
  first: r.first, last: r.last, updatedAt: r.updated_at,
});

const toMember = (r: MemberDbRow): StoryMembership => ({ articleId: r.article_id, storyId: r.story_id, score: r.score, reasons: r.reasons });

/** Story and entity queries; the owning store supplies the connection and wraps multi-statement writes in a transaction. */
export class PgStoryTables {
  constructor(private readonly query: Query) {}

  /** Call inside a transaction: replaces the analysis and the entity and quote index rows of one article. */
  async saveAnalysis(articleId: number, analysis: unknown, index: AnalysisIndex): Promise<void> {
    await this.query(`INSERT INTO analyses (article_id, data) VALUES (?, ?)
      ON CONFLICT (article_id) DO UPDATE SET data = excluded.data`, [articleId, JSON.stringify(analysis)]);
    // Counts change by what this article adds or drops, so saving one article costs the same in a store of any size.
    const delta = countDelta({
      mentioned: (await this.query<{ k: string }>('SELECT entity_key AS k FROM entity_mentions WHERE article_id = ?', [articleId])).map((r) => r.k),
      quotes: (await this.query<{ k: string; n: string | number }>(
        'SELECT speaker_key AS k, count(*) AS n FROM quotes WHERE article_id = ? GROUP BY speaker_key', [articleId])).map((r) => ({ key: r.k, n: Number(r.n) })),
    }, index);
    await this.query('DELETE FROM entity_mentions WHERE article_id = ?', [articleId]);
    await this.query('DELETE FROM quotes WHERE article_id = ?', [articleId]);
    for (const e of index.entities) {
      await this.upsertEntity(e.key, e.type, e.name, e.role);
      await this.query('INSERT INTO entity_mentions (entity_key, article_id) VALUES (?, ?) ON CONFLICT DO NOTHING', [e.key, articleId]);
    }
    for (const q of index.quotes) {
      await this.upsertEntity(q.speakerKey, q.speakerKey.slice(0, 3) as EntitySummary['type'], q.speakerName, q.role);
      await this.query(`INSERT INTO quotes (article_id, speaker_key, speaker_name, role, text, kind, cue, mention)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, [articleId, q.speakerKey, q.speakerName, q.role, q.text, q.kind, q.cue, q.mention]);
    }
    for (const [key, d] of delta) await this.query('UPDATE entities SET articles = articles + ?, quotes = quotes + ? WHERE key = ?', [d.articles, d.quotes, key]);
  }

  /** A new entity gets a unique slug per type; a known one keeps its slug, takes the longer name and the latest role. */
  private async upsertEntity(key: string, type: EntitySummary['type'], name: string, role: string | null): Promise<void> {
    const [existing] = await this.query<{ name: string; role: string | null }>('SELECT name, role FROM entities WHERE key = ?', [key]);
    if (existing) {
      if (name.length > existing.name.length || (role && role !== existing.role)) {
        await this.query('UPDATE entities SET name = ?, role = coalesce(?, role) WHERE key = ?',
          [name.length > existing.name.length ? name : existing.name, role, key]);
      }
      return;
    }
    const base = slugify(name) || 'entity';
    let slug = base;
    for (let n = 2; (await this.query('SELECT 1 FROM entities WHERE type = ? AND slug = ?', [type, slug])).length > 0; n++) slug = `${base}-${n}`;
    // Another connection may have added the same entity since the check; its row stands.
    await this.query('INSERT INTO entities (key, type, slug, name, role) VALUES (?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING', [key, type, slug, name, role]);
  }

  async getAnalyses(ids: number[]): Promise<Map<number, unknown>> {
    const rows = await this.query<{ article_id: number; data: unknown }>('SELECT article_id, data FROM analyses WHERE article_id = ANY(?::int[])', [ids]);
    const byId = new Map(rows.map((r) => [r.article_id, r.data]));
    // In the order asked for, as the SQLite tables return them.
    const out = new Map<number, unknown>();
    for (const id of ids) if (byId.has(id)) out.set(id, byId.get(id));
    return out;
  }

  async setMembership(m: StoryMembership): Promise<void> {
    await this.query(`INSERT INTO story_members (article_id, story_id, score, reasons) VALUES (?, ?, ?, ?)
      ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id, score = excluded.score, reasons = excluded.reasons`,
    [m.articleId, m.storyId, m.score, JSON.stringify(m.reasons)]);
  }

  async getMembership(articleId: number): Promise<StoryMembership | null> {
    const [r] = await this.query<MemberDbRow>('SELECT article_id, story_id, score, reasons FROM story_members WHERE article_id = ?', [articleId]);
    return r ? toMember(r) : null;
  }

  async storyMembers(storyId: number): Promise<StoryMembership[]> {
    return (await this.query<MemberDbRow>('SELECT article_id, story_id, score, reasons FROM story_members WHERE story_id = ? ORDER BY article_id', [storyId]))
      .map(toMember);
  }

  async summarizeStory(storyId: number): Promise<StorySummary> {
    const [counts] = await this.query<{ n: number; originals: number; first: string | null; last: string | null }>(`SELECT count(*)::int AS n,
        (count(*) FILTER (WHERE a.duplicate_of IS NULL))::int AS originals,
        min(nullif(a.published, '')) AS first, max(nullif(a.published, '')) AS last
      FROM story_members m JOIN articles a ON a.id = m.article_id WHERE m.story_id = ?`, [storyId]);
    const [sets] = await this.query<{ outlets: string[] | null; languages: string[] | null }>(`SELECT
        array_agg(DISTINCT a.outlet) FILTER (WHERE a.outlet <> '') AS outlets,
        array_agg(DISTINCT a.language) FILTER (WHERE a.language <> '') AS languages
      FROM story_members m JOIN articles a ON a.id = m.article_id WHERE m.story_id = ?`, [storyId]);
    // Originals name the story; duplicates do only when the story holds no original.
    const [titled] = await this.query<{ title: string }>(`SELECT a.title FROM story_members m JOIN articles a ON a.id = m.article_id
      WHERE m.story_id = ? AND a.title <> '' AND (a.duplicate_of IS NULL OR ?::int = 0)
      ORDER BY coalesce(a.published, '9999') COLLATE "C", a.id LIMIT 1`, [storyId, counts.originals]);
    return {
      // Sorted here: the server's collation for these columns follows its locale, not code-unit order.
      title: titled?.title ?? null, articleCount: counts.n, outlets: (sets.outlets ?? []).sort(), languages: (sets.languages ?? []).sort(),
      first: counts.first, last: counts.last,
    };
  }

  /** Call inside a transaction. */
  async moveMembers(from: number, into: number): Promise<void> {
    if (from === into) return;
    await this.query('UPDATE story_members SET story_id = ? WHERE story_id = ?', [into, from]);
    await this.query('DELETE FROM stories WHERE id = ?', [from]);
  }

  async upsertStory(row: StoryRow): Promise<void> {
    await this.query(`INSERT INTO stories (${STORY_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET title = excluded.title, article_count = excluded.article_count, outlets = excluded.outlets,
        languages = excluded.languages, first = excluded.first, last = excluded.last, updated_at = excluded.updated_at`,
    [row.id, row.title, row.articleCount, row.outlets, row.languages, row.first, row.last, row.updatedAt]);
  }

  async getStory(id: number): Promise<StoryRow | null> {
    const [r] = await this.query<StoryDbRow>(`SELECT ${STORY_COLUMNS} FROM stories WHERE id = ?`, [id]);
    return r ? toStory(r) : null;
  }

  async listStories(f: StoryFilter = {}): Promise<StoryRow[]> {
    const { where, params } = storyWhere(f);
    const rows = await this.query<StoryDbRow>(`SELECT ${STORY_COLUMNS} FROM stories ${where}
      ORDER BY last DESC NULLS LAST, article_count DESC, id DESC LIMIT ? OFFSET ?`,
    [...params, Math.min(f.limit ?? DEFAULT_STORIES, MAX_STORIES), f.offset ?? 0]);
    return rows.map(toStory);
  }

  async countStories(f: StoryFilter = {}): Promise<number> {
    const { where, params } = storyWhere(f);
    const [r] = await this.query<{ n: number }>(`SELECT count(*)::int AS n FROM stories ${where}`, params);
    return r.n;
  }

  async saveState(key: string, value: string): Promise<void> {
    await this.query('INSERT INTO state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
  }

  async loadState(key: string): Promise<string | null> {
    const [r] = await this.query<{ value: string }>('SELECT value FROM state WHERE key = ?', [key]);
    return r?.value ?? null;
  }

  async deleteState(key: string): Promise<void> {
    await this.query('DELETE FROM state WHERE key = ?', [key]);
  }

  /** Call inside a transaction. Each table is written with one statement over arrays, whatever the number of rows. */
  async saveClustererRows(rows: ClustererStateRows, options: { replace?: boolean } = {}): Promise<void> {
    if (options.replace) {
      await this.query('DELETE FROM clusterer_stories');
      await this.query('DELETE FROM clusterer_terms');
    }
    await this.query(`INSERT INTO clusterer_header (id, state, writer) VALUES (1, ?, ?)
      ON CONFLICT (id) DO UPDATE SET state = excluded.state, writer = excluded.writer`, [rows.header, rows.writer ?? '']);
    // One statement cannot update a row twice: a repeated id or term keeps its last value, as row-by-row writes would.
    const stories = new Map(rows.stories.map((s) => [s.id, s.state]));
    if (stories.size > 0) {
      await this.query(`INSERT INTO clusterer_stories (id, state) SELECT * FROM unnest(?::int[], ?::text[])
        ON CONFLICT (id) DO UPDATE SET state = excluded.state`, [[...stories.keys()], [...stories.values()]]);
    }
    const df = new Map(rows.df);
    const kept = [...df].filter(([, n]) => n !== 0), dropped = [...df].filter(([, n]) => n === 0).map(([t]) => t);
    if (kept.length > 0) {
      await this.query(`INSERT INTO clusterer_terms (term, articles) SELECT * FROM unnest(?::text[], ?::int[])
        ON CONFLICT (term) DO UPDATE SET articles = excluded.articles`, [kept.map(([t]) => t), kept.map(([, n]) => n)]);
    }
    if (dropped.length > 0) await this.query('DELETE FROM clusterer_terms WHERE term = ANY(?::text[])', [dropped]);
  }

  /** Call inside a transaction that reads one snapshot (the store's loadClustererRows opens it). */
  async loadClustererRows(): Promise<ClustererStateRows | null> {
    const [header] = await this.query<{ state: string; writer: string }>('SELECT state, writer FROM clusterer_header WHERE id = 1');
    if (!header) return null;
    const stories = await this.query<{ id: number; state: string }>('SELECT id, state FROM clusterer_stories ORDER BY id');
    const df = await this.query<{ term: string; articles: number }>('SELECT term, articles FROM clusterer_terms');
    return { header: header.state, writer: header.writer, stories, df: df.map((r) => [r.term, r.articles]) };
  }

  /** Locks the header row until the caller's transaction ends, so that a check of the writer and the save after it are one step. */
  async clustererWriter(): Promise<string | null> {
    const [header] = await this.query<{ writer: string }>('SELECT writer FROM clusterer_header WHERE id = 1 FOR UPDATE');
    return header ? header.writer : null;
  }

  async listEntities(f: { type?: EntitySummary['type']; limit?: number; offset?: number }): Promise<EntitySummary[]> {
    const byType = f.type ? 'type = ? AND' : '';
    return this.query<EntitySummary>(`SELECT ${ENTITY_COLUMNS} FROM entities WHERE ${byType} articles + quotes > 0
      ORDER BY articles DESC, quotes DESC, name LIMIT ? OFFSET ?`,
    [...(f.type ? [f.type] : []), f.limit ?? DEFAULT_ENTITIES, f.offset ?? 0]);
  }

  async getEntityBySlug(type: EntitySummary['type'], slug: string): Promise<EntitySummary | null> {
    const [r] = await this.query<EntitySummary>(`SELECT ${ENTITY_COLUMNS} FROM entities WHERE type = ? AND slug = ?`, [type, slug]);
    return r ?? null;
  }

  async getEntitiesByKeys(keys: string[]): Promise<EntitySummary[]> {
    const rows = await this.query<EntitySummary>(`SELECT ${ENTITY_COLUMNS} FROM entities WHERE key = ANY(?::text[])`, [keys]);
    const byKey = new Map(rows.map((r) => [r.key, r]));
    return [...new Set(keys)].flatMap((k) => byKey.get(k) ?? []);
  }

  async speakerQuotes(key: string, page: { limit?: number; offset?: number } = {}): Promise<SpeakerQuote[]> {
    const rows = await this.query<Record<string, unknown>>(`SELECT q.article_id, m.story_id, q.speaker_key, q.speaker_name, q.role,
        q.text, q.kind, q.cue, q.mention, a.published, a.outlet
      FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN story_members m ON m.article_id = q.article_id
      WHERE q.speaker_key = ? ORDER BY a.published ASC NULLS LAST, q.id LIMIT ? OFFSET ?`, [key, page.limit ?? DEFAULT_QUOTES, page.offset ?? 0]);
    return rows.map((r) => ({
      articleId: r.article_id as number, storyId: (r.story_id as number | null) ?? null, speakerKey: r.speaker_key as string,
      speakerName: r.speaker_name as string, role: r.role as string | null, text: r.text as string, kind: r.kind as string,
      cue: r.cue as string | null, mention: r.mention as string | null, date: r.published as string | null, outlet: r.outlet as string | null,
    }));
  }

  async entityArticles(key: string, page: { limit?: number; offset?: number } = {}): Promise<number[]> {
    const rows = await this.query<{ id: number }>(`SELECT e.article_id AS id FROM entity_mentions e JOIN articles a ON a.id = e.article_id
      WHERE e.entity_key = ? ORDER BY a.published DESC NULLS LAST, a.id DESC LIMIT ? OFFSET ?`, [key, page.limit ?? DEFAULT_ENTITIES, page.offset ?? 0]);
    return rows.map((r) => r.id);
  }
}

function storyWhere(f: StoryFilter): { where: string; params: unknown[] } {
  const conds: string[] = [];
  const params: unknown[] = [];
  if (f.outlet) { conds.push('? = ANY(outlets)'); params.push(f.outlet); }
  if (f.language) { conds.push('? = ANY(languages)'); params.push(f.language); }
  return { where: conds.length ? 'WHERE ' + conds.join(' AND ') : '', params };
}
