// Story use cases: analyse each new article, cluster it into a story, and assemble a story's timeline and quotes.
import { randomUUID } from 'node:crypto';
import type { Article } from '../domain/article.ts';
import type { AnalysisIndex, Store, StoryRow, StoryFilter } from '../storage/store.ts';
import { analyzeArticle, type ArticleUnderstanding } from '../pipeline/run.ts';
import { StoryClusterer } from '../pipeline/cluster/clusterer.ts';
import { assembleStory, type ArticleAnalysis, type StoryDetail } from '../pipeline/story/assemble.ts';
import { inferDates } from '../pipeline/story/infer-date.ts';
import { StorylineError } from '../lib/errors.ts';

/** The state key the clusterer was saved under whole, before it was saved as rows; moved to rows on first load. */
const LEGACY_CLUSTER_STATE = 'clusterer';

export interface StoryView extends StoryDetail {
  id: number;
  articles: Array<{ id: number; title: string | null; outlet: string | null; published: string | null; publishedInferred: boolean; duplicateOf: number | null; language: string | null; score: number; reasons: string[] }>;
  outlets: string[];
}

export class StoryService {
  private clusterer: Promise<StoryClusterer> | null = null;
  /** The save in progress (settled when none): saves run one at a time, in call order. */
  private saving: Promise<void> = Promise.resolve();
  /** The writer token of the state as this process last read or wrote it; null before either. */
  private savedWriter: string | null = null;

  constructor(private readonly store: Store) {}

  /** Analyses and places one article; duplicates join their original's story without clustering. */
  async addArticle(article: Article): Promise<{ storyId: number; created: boolean }> {
    const existing = await this.store.getMembership(article.id);
    if (existing) return { storyId: existing.storyId, created: false };
    const analysis = analyzeArticle(article.text, article.published?.value ?? null);
    let storyId: number;
    let created = false;
    let score = 1;
    let reasons: string[];
    let merges: Array<{ from: number; into: number }> = [];
    let splits: Array<{ from: number; into: number; keys: string[]; reasons: string[] }> = [];
    const original = article.duplicateOf !== null ? await this.store.getMembership(article.duplicateOf) : null;
    if (original) {
      storyId = original.storyId;
      reasons = [`${article.duplicateReason ?? 'near'} duplicate of article ${article.duplicateOf}`];
    } else {
      const clusterer = await this.loadClusterer();
      const a = clusterer.add({
        key: String(article.id), title: article.title, text: article.text, language: article.language,
        date: article.published?.value ?? null, entities: analysis.entities.filter((e) => e.type !== 'MISC').map((e) => e.id),
      });
      storyId = a.story + 1;
      created = a.created;
      score = a.score;
      reasons = a.reasons;
      merges = a.merges.map((m) => ({ from: m.from + 1, into: m.into + 1 }));
      splits = a.splits.map((x) => ({ ...x, from: x.from + 1, into: x.into + 1 }));
    }
    await this.store.transaction(async () => {
      await this.store.saveAnalysis(article.id, analysis, indexOf(analysis));
      await this.store.setMembership({ articleId: article.id, storyId, score, reasons });
      // Stories the clusterer folded together: their articles move, and the emptied row goes.
      for (const m of merges) await this.store.moveMembers(m.from, m.into);
      // A story the clusterer cut in two: the articles of the new side move, with their duplicates.
      for (const x of splits) await this.applySplit(x, article.id);
      await this.refreshRow(storyId);
    });
    return { storyId, created };
  }

  /** Re-reads an article after re-extraction: fresh analysis; an article with no story yet is placed now. */
  async reanalyze(article: Article): Promise<void> {
    const m = await this.store.getMembership(article.id);
    if (!m) {
      await this.addArticle(article);
      return;
    }
    const analysis = analyzeArticle(article.text, article.published?.value ?? null);
    await this.store.transaction(async () => {
      await this.store.saveAnalysis(article.id, analysis, indexOf(analysis));
      await this.refreshRow(m.storyId);
    });
  }

  /** Saves what the clusterer changed since the last save (the stories and terms touched, and its header); call after a batch. */
  async flush(): Promise<void> {
    // Chained: a later save that landed before an earlier one would leave the earlier one's older rows in place.
    const run = this.saving.then(() => this.save());
    this.saving = run.catch(() => {});
    await run;
  }

  list(filter: StoryFilter = {}): Promise<StoryRow[]> {
    return this.store.listStories(filter);
  }

  count(filter: StoryFilter = {}): Promise<number> {
    return this.store.countStories(filter);
  }

  async get(id: number): Promise<StoryView | null> {
    const row = await this.store.getStory(id);
    if (!row) return null;
    const members = await this.store.storyMembers(id);
    const articles = await this.store.getArticles(members.map((m) => m.articleId));
    const byArticle = new Map(articles.map((a) => [a.id, a]));
    const analyses = await this.store.getAnalyses(articles.map((a) => a.id));
    let items: ArticleAnalysis[] = articles.map((a) => ({
      article: { id: a.id, title: a.title, outlet: a.outlet, published: a.published?.value ?? null, publishedInferred: false, duplicateOf: a.duplicateOf },
      ...((analyses.get(a.id) as ArticleUnderstanding | undefined) ?? { entities: [], quotes: [], events: [] }),
    }));
    // Undated articles get a date from events they share with dated ones, then are re-read against it.
    items = inferDates(items, (a) => byArticle.get(a)!.text);
    const detail = assembleStory(items);
    const byId = new Map(members.map((m) => [m.articleId, m]));
    return {
      id, ...detail, outlets: row.outlets,
      articles: items.map((i) => {
        const a = byArticle.get(i.article.id)!;
        const m = byId.get(a.id)!;
        return { ...i.article, language: a.language, score: m.score, reasons: m.reasons };
      }).sort((x, y) => (x.published ?? '9999').localeCompare(y.published ?? '9999') || x.id - y.id),
    };
  }

  /** Articles of the same story, nearest in time first. */
  async related(articleId: number, limit = 10): Promise<Article[]> {
    const m = await this.store.getMembership(articleId);
    if (!m) return [];
    const self = await this.store.getArticle(articleId);
    const others = (await this.store.storyMembers(m.storyId)).filter((x) => x.articleId !== articleId);
    const articles = await this.store.getArticles(others.map((o) => o.articleId));
    const t0 = Date.parse(self?.published?.value ?? '') || 0;
    return articles
      .filter((a) => a.duplicateOf !== articleId && self?.duplicateOf !== a.id)
      .sort((a, b) => Math.abs((Date.parse(a.published?.value ?? '') || 0) - t0) - Math.abs((Date.parse(b.published?.value ?? '') || 0) - t0) || a.id - b.id)
      .slice(0, limit);
  }

  /** The clusterer, restored once (concurrent first calls share one restore; a failed one is tried again next time). */
  private loadClusterer(): Promise<StoryClusterer> {
    if (!this.clusterer) {
      const restoring = this.restoreClusterer();
      this.clusterer = restoring;
      restoring.catch(() => { if (this.clusterer === restoring) this.clusterer = null; });
    }
    return this.clusterer;
  }

  /** The saved clusterer; a state saved whole under the legacy key is written as rows once, and the key dropped, in one transaction. */
  private async restoreClusterer(): Promise<StoryClusterer> {
    const rows = await this.store.loadClustererRows();
    if (rows) {
      const clusterer = StoryClusterer.fromRows(rows);
      this.savedWriter = rows.writer ?? '';
      return clusterer;
    }
    const legacy = await this.store.loadState(LEGACY_CLUSTER_STATE);
    if (legacy === null) return new StoryClusterer();
    let json: unknown;
    try {
      json = JSON.parse(legacy);
    } catch (err) {
      throw new StorylineError('bad_input', `saved state '${LEGACY_CLUSTER_STATE}' is not JSON: ${(err as Error).message}`);
    }
    const clusterer = StoryClusterer.fromJSON(json);
    const writer = randomUUID();
    await this.store.transaction(async () => {
      await this.store.saveClustererRows({ ...clusterer.takeChanges(), writer });
      await this.store.deleteState(LEGACY_CLUSTER_STATE);
    });
    this.savedWriter = writer;
    return clusterer;
  }

  /**
   * Writes the clusterer's changed rows; on failure they stay marked as changed for the next save. When another
   * process saved since this one last read or wrote the state (its writer token differs), this process's changes
   * would mix with that state: the whole of this state replaces it instead, as the last save wins.
   */
  private async save(): Promise<void> {
    const clusterer = this.clusterer && await this.clusterer.catch(() => null);
    if (!clusterer?.hasChanges()) return;
    const rows = clusterer.takeChanges();
    const writer = randomUUID();
    try {
      await this.store.transaction(async () => {
        const current = await this.store.clustererWriter();
        if (current !== null && current !== this.savedWriter) await this.store.saveClustererRows({ ...clusterer.allRows(), writer }, { replace: true });
        else await this.store.saveClustererRows({ ...rows, writer });
      });
    } catch (err) {
      clusterer.keepUnsaved(rows);
      throw err;
    }
    this.savedWriter = writer;
  }

  /** Moves the split-off side of a story (and the duplicates riding with it) to its new story and refreshes both rows. */
  private async applySplit(x: { from: number; into: number; keys: string[]; reasons: string[] }, placed: number): Promise<void> {
    const moved = new Set(x.keys.map(Number));
    const members = await this.store.storyMembers(x.from);
    const articles = await this.store.getArticles(members.map((m) => m.articleId));
    const riders = new Set(articles.filter((a) => a.duplicateOf !== null && moved.has(a.duplicateOf)).map((a) => a.id));
    for (const m of members) {
      if (m.articleId === placed || (!moved.has(m.articleId) && !riders.has(m.articleId))) continue;
      await this.store.setMembership({ articleId: m.articleId, storyId: x.into, score: m.score, reasons: [`split from story ${x.from}`, ...x.reasons] });
    }
    await this.refreshRow(x.from);
    await this.refreshRow(x.into);
  }

  /** Recomputes a story's summary row from its members (one aggregate read: no article text is loaded). */
  private async refreshRow(storyId: number): Promise<void> {
    const summary = await this.store.summarizeStory(storyId);
    await this.store.upsertStory({ id: storyId, ...summary, updatedAt: new Date().toISOString() });
  }
}

/** The searchable part of an analysis: entities, and quotes whose speaker was resolved to an entity. */
export function indexOf(a: ArticleUnderstanding): AnalysisIndex {
  return {
    entities: a.entities.map((e) => ({ key: e.id, type: e.type, name: e.name, role: e.role })),
    quotes: a.quotes.flatMap((q) => (q.speaker ? [{
      speakerKey: q.speaker.key, speakerName: q.speaker.name, role: q.speaker.role, text: q.text, kind: q.kind, cue: q.cue, mention: q.mention,
    }] : [])),
  };
}
