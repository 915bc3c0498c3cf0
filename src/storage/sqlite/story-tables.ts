// SQLite tables of story intelligence: analyses, story membership and rows, entity and quote indexes, clusterer state.
import type Database from 'better-sqlite3';
import type { AnalysisIndex, ClustererStateRows, EntitySummary, SpeakerQuote, StoryFilter, StoryMembership, StoryRow, StorySummary } from '../store.ts';
import { slugify } from '../../lib/slug.ts';
import { countDelta } from '../rows.ts';

export const STORY_MIGRATION = `
  CREATE TABLE analyses (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    data TEXT NOT NULL CHECK (json_valid(data))
  );
  CREATE TABLE stories (
    id INTEGER PRIMARY KEY,
    title TEXT,
    article_count INTEGER NOT NULL,
    outlets TEXT NOT NULL CHECK (json_valid(outlets)),
    languages TEXT NOT NULL CHECK (json_valid(languages)),
    first TEXT,
    last TEXT,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX stories_activity ON stories(last DESC, updated_at DESC);
  CREATE TABLE story_members (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story_id INTEGER NOT NULL,
    score REAL NOT NULL,
    reasons TEXT NOT NULL CHECK (json_valid(reasons))
  );
  CREATE INDEX story_members_story ON story_members(story_id);
  CREATE TABLE entities (
    key TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT,
    articles INTEGER NOT NULL DEFAULT 0,
    quotes INTEGER NOT NULL DEFAULT 0,
    UNIQUE (type, slug)
  );
  CREATE INDEX entities_rank ON entities(type, articles DESC);
  CREATE TABLE entity_mentions (
    entity_key TEXT NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (entity_key, article_id)
  ) WITHOUT ROWID;
  CREATE INDEX entity_mentions_article ON entity_mentions(article_id);
  CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    speaker_key TEXT NOT NULL,
    speaker_name TEXT NOT NULL,
    role TEXT,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    cue TEXT,
    mention TEXT
  );
  CREATE INDEX quotes_speaker ON quotes(speaker_key, article_id);
  CREATE INDEX quotes_article ON quotes(article_id);
  CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL);`;

/**
 * The story clusterer's state as rows, so a save after a batch writes only the stories and terms it changed
 * (it was one JSON value in `state`, rewritten whole). The header is one row; df rows hold a positive count.
 */
export const CLUSTERER_ROWS_MIGRATION = `
  CREATE TABLE clusterer_header (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    state TEXT NOT NULL CHECK (json_valid(state)),
    writer TEXT NOT NULL DEFAULT ''
  );
  CREATE TABLE clusterer_stories (
    id INTEGER PRIMARY KEY,
    state TEXT NOT NULL CHECK (json_valid(state))
  );
  CREATE TABLE clusterer_terms (
    term TEXT PRIMARY KEY,
    articles INTEGER NOT NULL CHECK (articles > 0)
  ) WITHOUT ROWID;`;

type Stmt = (sql: string) => Database.Statement;

interface StoryDbRow { id: number; title: string | null; article_count: number; outlets: string; languages: string; first: string | null; last: string | null; updated_at: string }

const toStory = (r: StoryDbRow): StoryRow => ({
  id: r.id, title: r.title, articleCount: r.article_count, outlets: JSON.parse(r.outlets), languages: JSON.parse(r.languages),
  first: r.first, last: r.last, updatedAt: r.updated_at,
});

const toEntity = (r: { key: string; slug: string; type: EntitySummary['type']; name: string; role: string | null; articles: number; quotes: number }): EntitySummary => ({ ...r });

/** Story and entity queries over one better-sqlite3 connection; the owning store serialises access. */
export class SqliteStoryTables {
  constructor(private readonly db: Database.Database, private readonly stmt: Stmt) {}

  saveAnalysis(articleId: number, analysis: unknown, index: AnalysisIndex): void {
    this.stmt('INSERT INTO analyses (article_id, data) VALUES (?, ?) ON CONFLICT (article_id) DO UPDATE SET data = excluded.data')
      .run(articleId, JSON.stringify(analysis));
    // Counts change by what this article adds or drops, so saving one article costs the same in a store of any size.
    const delta = countDelta({
      mentioned: (this.stmt('SELECT entity_key AS k FROM entity_mentions WHERE article_id = ?').all(articleId) as Array<{ k: string }>).map((r) => r.k),
      quotes: (this.stmt('SELECT speaker_key AS k, count(*) AS n FROM quotes WHERE article_id = ? GROUP BY speaker_key').all(articleId) as Array<{ k: string; n: number }>)
        .map((r) => ({ key: r.k, n: r.n })),
    }, index);
    this.stmt('DELETE FROM entity_mentions WHERE article_id = ?').run(articleId);
    this.stmt('DELETE FROM quotes WHERE article_id = ?').run(articleId);
    for (const e of index.entities) {
      this.upsertEntity(e.key, e.type, e.name, e.role);
      this.stmt('INSERT OR IGNORE INTO entity_mentions (entity_key, article_id) VALUES (?, ?)').run(e.key, articleId);
    }
    for (const q of index.quotes) {
      this.upsertEntity(q.speakerKey, q.speakerKey.slice(0, 3) as EntitySummary['type'], q.speakerName, q.role);
      this.stmt('INSERT INTO quotes (article_id, speaker_key, speaker_name, role, text, kind, cue, mention) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(articleId, q.speakerKey, q.speakerName, q.role, q.text, q.kind, q.cue, q.mention);
    }
    const update = this.stmt('UPDATE entities SET articles = articles + ?, quotes = quotes + ? WHERE key = ?');
    for (const [key, d] of delta) update.run(d.articles, d.quotes, key);
  }

  /** A new entity gets a unique slug per type; a known one keeps its slug, takes the longer name and the latest role. */
  private upsertEntity(key: string, type: EntitySummary['type'], name: string, role: string | null): void {
    const existing = this.stmt('SELECT name, role FROM entities WHERE key = ?').get(key) as { name: string; role: string | null } | undefined;
    if (existing) {
      if (name.length > existing.name.length || (role && role !== existing.role)) {
        this.stmt('UPDATE entities SET name = ?, role = coalesce(?, role) WHERE key = ?').run(name.length > existing.name.length ? name : existing.name, role, key);
      }
      return;
    }
    const base = slugify(name) || 'entity';
    let slug = base;
    for (let n = 2; this.stmt('SELECT 1 FROM entities WHERE type = ? AND slug = ?').get(type, slug); n++) slug = `${base}-${n}`;
    this.stmt('INSERT INTO entities (key, type, slug, name, role) VALUES (?, ?, ?, ?, ?)').run(key, type, slug, name, role);
  }

  getAnalyses(ids: number[]): Map<number, unknown> {
    const rows = this.stmt('SELECT article_id, data FROM analyses WHERE article_id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(ids)) as Array<{ article_id: number; data: string }>;
    const byId = new Map(rows.map((r) => [r.article_id, r.data]));
    const out = new Map<number, unknown>();
    for (const id of ids) {
      const data = byId.get(id);
      if (data !== undefined && !out.has(id)) out.set(id, JSON.parse(data));
    }
    return out;
  }

  setMembership(m: StoryMembership): void {
    this.stmt(`INSERT INTO story_members (article_id, story_id, score, reasons) VALUES (?, ?, ?, ?)
      ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id, score = excluded.score, reasons = excluded.reasons`)
      .run(m.articleId, m.storyId, m.score, JSON.stringify(m.reasons));
  }

  getMembership(articleId: number): StoryMembership | null {
    const r = this.stmt('SELECT article_id, story_id, score, reasons FROM story_members WHERE article_id = ?').get(articleId) as
      { article_id: number; story_id: number; score: number; reasons: string } | undefined;
    return r ? { articleId: r.article_id, storyId: r.story_id, score: r.score, reasons: JSON.parse(r.reasons) } : null;
  }

  storyMembers(storyId: number): StoryMembership[] {
    return (this.stmt('SELECT article_id, story_id, score, reasons FROM story_members WHERE story_id = ? ORDER BY article_id').all(storyId) as
      Array<{ article_id: number; story_id: number; score: number; reasons: string }>)
      .map((r) => ({ articleId: r.article_id, storyId: r.story_id, score: r.score, reasons: JSON.parse(r.reasons) }));
  }

  summarizeStory(storyId: number): StorySummary {
    const counts = this.stmt(`SELECT count(*) AS n, count(a.duplicate_of IS NULL OR NULL) AS originals,
        min(nullif(a.published, '')) AS first, max(nullif(a.published, '')) AS last
      FROM story_members m JOIN articles a ON a.id = m.article_id WHERE m.story_id = ?`)
      .get(storyId) as { n: number; originals: number; first: string | null; last: string | null };
    const distinct = (col: 'outlet' | 'language') => (this.stmt(`SELECT DISTINCT a.${col} FROM story_members m JOIN articles a ON a.id = m.article_id
      WHERE m.story_id = ? AND a.${col} <> ''`).pluck().all(storyId) as string[]).sort();
    // Originals name the story; duplicates do only when the story holds no original.
    const title = this.stmt(`SELECT a.title FROM story_members m JOIN articles a ON a.id = m.article_id
      WHERE m.story_id = ? AND a.title <> '' AND (a.duplicate_of IS NULL OR ? = 0)
      ORDER BY coalesce(a.published, '9999'), a.id LIMIT 1`).pluck().get(storyId, counts.originals) as string | undefined;
    return {
      title: title ?? null, articleCount: counts.n, outlets: distinct('outlet'), languages: distinct('language'),
      first: counts.first, last: counts.last,
    };
  }

  moveMembers(from: number, into: number): void {
    if (from === into) return;
    this.stmt('UPDATE story_members SET story_id = ? WHERE story_id = ?').run(into, from);
    this.stmt('DELETE FROM stories WHERE id = ?').run(from);
  }

  upsertStory(row: StoryRow): void {
    this.stmt(`INSERT INTO stories (id, title, article_count, outlets, languages, first, last, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET title = excluded.title, article_count = excluded.article_count, outlets = excluded.outlets,
        languages = excluded.languages, first = excluded.first, last = excluded.last, updated_at = excluded.updated_at`)
      .run(row.id, row.title, row.articleCount, JSON.stringify(row.outlets), JSON.stringify(row.languages), row.first, row.last, row.updatedAt);
  }

  getStory(id: number): StoryRow | null {
    const r = this.stmt('SELECT * FROM stories WHERE id = ?').get(id) as StoryDbRow | undefined;
    return r ? toStory(r) : null;
  }

  listStories(f: StoryFilter = {}): StoryRow[] {
    const { where, params } = storyWhere(f);
    const rows = this.stmt(`SELECT * FROM stories s ${where} ORDER BY s.last DESC NULLS LAST, s.article_count DESC, s.id DESC LIMIT ? OFFSET ?`)
      .all(...params, Math.min(f.limit ?? 50, 500), f.offset ?? 0) as StoryDbRow[];
    return rows.map(toStory);
  }

  countStories(f: StoryFilter = {}): number {
    const { where, params } = storyWhere(f);
    return (this.stmt(`SELECT count(*) AS n FROM stories s ${where}`).get(...params) as { n: number }).n;
  }

  saveState(key: string, value: string): void {
    this.stmt('INSERT INTO state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  loadState(key: string): string | null {
    return (this.stmt('SELECT value FROM state WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;
  }

  deleteState(key: string): void {
    this.stmt('DELETE FROM state WHERE key = ?').run(key);
  }

  /** Call inside a transaction. */
  saveClustererRows(rows: ClustererStateRows, options: { replace?: boolean } = {}): void {
    if (options.replace) {
      this.stmt('DELETE FROM clusterer_stories').run();
      this.stmt('DELETE FROM clusterer_terms').run();
    }
    this.stmt('INSERT INTO clusterer_header (id, state, writer) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET state = excluded.state, writer = excluded.writer')
      .run(rows.header, rows.writer ?? '');
    const story = this.stmt('INSERT INTO clusterer_stories (id, state) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET state = excluded.state');
    for (const s of rows.stories) story.run(s.id, s.state);
    const term = this.stmt('INSERT INTO clusterer_terms (term, articles) VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET articles = excluded.articles');
    const drop = this.stmt('DELETE FROM clusterer_terms WHERE term = ?');
    for (const [t, n] of rows.df) {
      if (n === 0) drop.run(t);
      else term.run(t, n);
    }
  }

  clustererWriter(): string | null {
    return (this.stmt('SELECT writer FROM clusterer_header WHERE id = 1').pluck().get() as string | undefined) ?? null;
  }

  /** Reads in one transaction, so another process's save is seen whole or not at all. */
  loadClustererRows(): ClustererStateRows | null {
    return this.db.transaction(() => {
      const header = this.stmt('SELECT state, writer FROM clusterer_header WHERE id = 1').get() as { state: string; writer: string } | undefined;
      if (header === undefined) return null;
      const stories = this.stmt('SELECT id, state FROM clusterer_stories ORDER BY id').all() as Array<{ id: number; state: string }>;
      const df = this.stmt('SELECT term, articles FROM clusterer_terms').raw().all() as Array<[string, number]>;
      return { header: header.state, writer: header.writer, stories, df };
    })();
  }

  listEntities(f: { type?: EntitySummary['type']; limit?: number; offset?: number }): EntitySummary[] {
    const rows = f.type
      ? this.stmt('SELECT key, slug, type, name, role, articles, quotes FROM entities WHERE type = ? AND articles + quotes > 0 ORDER BY articles DESC, quotes DESC, name LIMIT ? OFFSET ?').all(f.type, f.limit ?? 50, f.offset ?? 0)
      : this.stmt('SELECT key, slug, type, name, role, articles, quotes FROM entities WHERE articles + quotes > 0 ORDER BY articles DESC, quotes DESC, name LIMIT ? OFFSET ?').all(f.limit ?? 50, f.offset ?? 0);
    return (rows as Parameters<typeof toEntity>[0][]).map(toEntity);
  }

  getEntityBySlug(type: EntitySummary['type'], slug: string): EntitySummary | null {
    const r = this.stmt('SELECT key, slug, type, name, role, articles, quotes FROM entities WHERE type = ? AND slug = ?').get(type, slug);
    return r ? toEntity(r as Parameters<typeof toEntity>[0]) : null;
  }

  getEntitiesByKeys(keys: string[]): EntitySummary[] {
    const rows = this.stmt('SELECT key, slug, type, name, role, articles, quotes FROM entities WHERE key IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(keys)) as Parameters<typeof toEntity>[0][];
    const byKey = new Map(rows.map((r) => [r.key, toEntity(r)]));
    return [...new Set(keys)].flatMap((k) => byKey.get(k) ?? []);
  }

  speakerQuotes(key: string, page: { limit?: number; offset?: number } = {}): SpeakerQuote[] {
    const rows = this.stmt(`SELECT q.article_id, m.story_id, q.speaker_key, q.speaker_name, q.role, q.text, q.kind, q.cue, q.mention, a.published, a.outlet
      FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN story_members m ON m.article_id = q.article_id
      WHERE q.speaker_key = ? ORDER BY a.published IS NULL, a.published, q.id LIMIT ? OFFSET ?`).all(key, page.limit ?? 100, page.offset ?? 0) as Array<Record<string, unknown>>;
    return rows.map((r) => ({
      articleId: r.article_id as number, storyId: (r.story_id as number | null) ?? null, speakerKey: r.speaker_key as string,
      speakerName: r.speaker_name as string, role: r.role as string | null, text: r.text as string, kind: r.kind as string,
      cue: r.cue as string | null, mention: r.mention as string | null, date: r.published as string | null, outlet: r.outlet as string | null,
    }));
  }

  entityArticles(key: string, page: { limit?: number; offset?: number } = {}): number[] {
    return (this.stmt(`SELECT e.article_id AS id FROM entity_mentions e JOIN articles a ON a.id = e.article_id
      WHERE e.entity_key = ? ORDER BY a.published DESC NULLS LAST, a.id DESC LIMIT ? OFFSET ?`).all(key, page.limit ?? 50, page.offset ?? 0) as Array<{ id: number }>).map((r) => r.id);
  }
}

function storyWhere(f: StoryFilter): { where: string; params: unknown[] } {
  const conds: string[] = [];
  const params: unknown[] = [];
  if (f.outlet) { conds.push('EXISTS (SELECT 1 FROM json_each(s.outlets) WHERE value = ?)'); params.push(f.outlet); }
  if (f.language) { conds.push('EXISTS (SELECT 1 FROM json_each(s.languages) WHERE value = ?)'); params.push(f.language); }
  return { where: conds.length ? 'WHERE ' + conds.join(' AND ') : '', params };
}
