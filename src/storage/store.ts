// The storage interface every backend implements; services talk only to this.
import type { Article, ExtractedArticle, RawDocument } from '../domain/article.ts';

/** An article ready to be stored: extraction output plus identity and dedup fields. */
export interface NewArticle extends ExtractedArticle {
  input: string;
  url: string | null;
  canonicalUrl: string | null;
  contentHash: string;
  /** 64-bit SimHash as 16 hex digits. */
  simhash: string;
  duplicateOf: number | null;
  duplicateReason: 'url' | 'hash' | 'near' | null;
  fetchedAt: string;
}

export interface StoredRaw {
  id: number;
  input: string;
  url: string | null;
  contentType: string | null;
  fetchedAt: string;
  sha256: string;
  bytes: Buffer;
  feed: RawDocument['feed'] | null;
}

export interface ArticleFilter {
  outlet?: string;
  language?: string;
  /** Inclusive ISO dates (YYYY-MM-DD) compared with the publication date. */
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

export interface SearchHit {
  id: number;
  title: string | null;
  /** Snippet with matches wrapped in <mark>…</mark>; the rest is plain text (HTML-escaped). */
  snippet: string;
  /** Higher is better (negated BM25). */
  score: number;
  outlet: string | null;
  published: string | null;
  language: string | null;
}

export interface SearchOptions extends ArticleFilter {
  sort?: 'relevance' | 'date';
  /** Entity key (e.g. 'PER:sergey ryabkov'): only articles whose analysis mentions that entity. */
  person?: string;
}

export interface StoreStats {
  articles: number;
  duplicates: number;
  raw: number;
  outlets: Array<{ outlet: string | null; articles: number }>;
  languages: Array<{ language: string | null; articles: number }>;
}

export interface Store extends StoryStore, EntityStore {
  /** Runs pending migrations; safe to call on every start. */
  migrate(): Promise<void>;
  /** Runs `fn` in one transaction: all of it lands or none. */
  transaction<T>(fn: () => Promise<T>): Promise<T>;

  /** Keeps the raw bytes; returns the existing row when the same input with the same bytes was kept before. */
  saveRaw(raw: RawDocument, sha256: string): Promise<{ id: number; existed: boolean }>;
  getRaw(id: number): Promise<StoredRaw | null>;
  /** Raw ids in insertion order, for reprocessing. */
  listRawIds(): Promise<number[]>;

  /** Inserts an article for a raw document, or returns the article already stored for that raw id. */
  insertArticle(rawId: number, article: NewArticle): Promise<{ article: Article; existed: boolean }>;
  /** Replaces the extracted fields of the article for a raw document (reprocess). */
  updateArticle(id: number, article: NewArticle): Promise<Article>;
  getArticle(id: number): Promise<Article | null>;
  /** The articles with these ids in one query, in the order first asked; unknown and repeated ids are left out. */
  getArticles(ids: number[]): Promise<Article[]>;
  getArticleByRawId(rawId: number): Promise<Article | null>;
  listArticles(filter?: ArticleFilter): Promise<Article[]>;
  countArticles(filter?: ArticleFilter): Promise<number>;

  /** Earliest non-duplicate article with this canonical URL. */
  findByCanonicalUrl(url: string): Promise<Article | null>;
  /** Earliest non-duplicate article with this content hash. */
  findByContentHash(hash: string): Promise<Article | null>;
  /** Non-duplicate articles whose SimHash shares at least one 16-bit band with `simhash`. */
  findSimhashCandidates(simhash: string, limit?: number): Promise<Array<{ id: number; simhash: string }>>;

  /** Full-text search: BM25 with the title weighted above the body, snippets only for returned rows. */
  search(query: string, options?: SearchOptions): Promise<SearchHit[]>;
  /** How many articles `search` would find with these filters (limit, offset and sort are ignored). */
  countSearch(query: string, options?: SearchOptions): Promise<number>;

  /** Line-frequency evidence for chrome removal: how many distinct documents of `source` contain each line hash. */
  lineCounts(source: string, lineHashes: string[]): Promise<Map<string, number>>;
  /** Records that one more document of `source` contained these line hashes (idempotent per raw id). */
  addLines(source: string, rawId: number, lineHashes: string[]): Promise<void>;
  /** Number of documents recorded for `source`. */
  sourceDocuments(source: string): Promise<number>;

  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}

/** A story as stored: the denormalised summary the lists need, kept current by the story service. */
export interface StoryRow {
  id: number;
  title: string | null;
  articleCount: number;
  outlets: string[];
  languages: string[];
  /** Earliest and latest article dates (ISO), null when no article is dated. */
  first: string | null;
  last: string | null;
  updatedAt: string;
}

export interface StoryFilter {
  language?: string;
  outlet?: string;
  limit?: number;
  offset?: number;
}

/** What a story row says about its members (see StoryStore.summarizeStory). */
export interface StorySummary {
  /** The earliest titled original (by date, undated last, then id); any titled member when none is an original. */
  title: string | null;
  articleCount: number;
  /** Distinct non-empty values, in code-unit order. */
  outlets: string[];
  languages: string[];
  /** Earliest and latest non-empty publication values. */
  first: string | null;
  last: string | null;
}

export interface StoryMembership {
  articleId: number;
  storyId: number;
  score: number;
  /** Why the article joined: shared terms and names, or "duplicate of #id". */
  reasons: string[];
}

/** Story intelligence storage: per-article analysis (JSON), story membership, story rows and clusterer state. */
export interface StoryStore {
  /** Keeps an article's analysis (opaque JSON) and indexes its entities and attributed quotes; replaces earlier ones. */
  saveAnalysis(articleId: number, analysis: unknown, index: AnalysisIndex): Promise<void>;
  getAnalyses(articleIds: number[]): Promise<Map<number, unknown>>;
  setMembership(m: StoryMembership): Promise<void>;
  getMembership(articleId: number): Promise<StoryMembership | null>;
  storyMembers(storyId: number): Promise<StoryMembership[]>;
  /** A story's summary fields computed from its members' article rows, without reading their text. */
  summarizeStory(storyId: number): Promise<StorySummary>;
  /** Moves every article of `fromStory` into `intoStory` and deletes the emptied story row. */
  moveMembers(fromStory: number, intoStory: number): Promise<void>;
  upsertStory(row: StoryRow): Promise<void>;
  getStory(id: number): Promise<StoryRow | null>;
  /** Stories by most recent activity (latest article date, then last update). */
  listStories(filter?: StoryFilter): Promise<StoryRow[]>;
  countStories(filter?: StoryFilter): Promise<number>;
  saveState(key: string, value: string): Promise<void>;
  loadState(key: string): Promise<string | null>;
  deleteState(key: string): Promise<void>;
  /**
   * Writes changed rows of the story clusterer's state in one transaction: the header, each story given (replacing
   * its saved row) and each document frequency given (0 deletes the term's row). Rows not given are left as they are,
   * unless `replace` is set: then the rows given are the whole state, and no other story or term row is kept.
   */
  saveClustererRows(rows: ClustererStateRows, options?: { replace?: boolean }): Promise<void>;
  /** The `writer` token of the saved clusterer state; null when none was saved. */
  clustererWriter(): Promise<string | null>;
  /** All saved rows of the story clusterer's state, read at one point in time (stories by id); null when none was saved. */
  loadClustererRows(): Promise<ClustererStateRows | null>;
}

/** The story clusterer's state as rows: JSON texts the store keeps without reading them, and document frequencies. */
export interface ClustererStateRows {
  header: string;
  /**
   * A token each save sets, naming the save: a process that finds another token than its own last one knows another
   * process saved in between, and writes its whole state instead of its changes. '' when not given.
   */
  writer?: string;
  stories: Array<{ id: number; state: string }>;
  /** Term and the number of articles holding it. */
  df: Array<[string, number]>;
}

/** A quote as indexed for speaker pages (one row per attributed quote with a resolved speaker). */
export interface SpeakerQuote {
  articleId: number;
  storyId: number | null;
  speakerKey: string;
  speakerName: string;
  role: string | null;
  text: string;
  kind: string;
  cue: string | null;
  mention: string | null;
  /** The article's date (ISO) or null. */
  date: string | null;
  outlet: string | null;
}

export interface EntitySummary {
  /** entityKey, e.g. 'PER:sergey ryabkov'. */
  key: string;
  /** URL slug, unique per type, e.g. 'sergey-ryabkov'. */
  slug: string;
  type: 'PER' | 'ORG' | 'LOC' | 'MISC';
  name: string;
  role: string | null;
  articles: number;
  quotes: number;
}

/** Entity and quote indexes built from analyses (people pages, outlet pages, search by person). */
export interface EntityStore {
  listEntities(filter: { type?: EntitySummary['type']; limit?: number; offset?: number }): Promise<EntitySummary[]>;
  getEntityBySlug(type: EntitySummary['type'], slug: string): Promise<EntitySummary | null>;
  /** The entities with these keys in one query, in the order first asked; unknown and repeated keys are left out. */
  getEntitiesByKeys(keys: string[]): Promise<EntitySummary[]>;
  speakerQuotes(speakerKey: string, page?: { limit?: number; offset?: number }): Promise<SpeakerQuote[]>;
  /** Article ids mentioning an entity, newest first. */
  entityArticles(key: string, page?: { limit?: number; offset?: number }): Promise<number[]>;
}

/** What the store indexes from an analysis, so storage needs no knowledge of the pipeline's types. */
export interface AnalysisIndex {
  entities: Array<{ key: string; type: EntitySummary['type']; name: string; role: string | null }>;
  quotes: Array<{ speakerKey: string; speakerName: string; role: string | null; text: string; kind: string; cue: string | null; mention: string | null }>;
}
