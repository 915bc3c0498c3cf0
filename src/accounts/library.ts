// What the community needs from the article store (articles, stories, people, ingesting a link), behind one
// narrow interface, and its implementation on the application's services.
import type { App } from '../app.ts';
import type { Article } from '../domain/article.ts';
import { canonicalUrl } from '../pipeline/dedup/url.ts';
import { fetchLink } from './link-fetch.ts';

export interface ArticleRef {
  id: number;
  title: string | null;
  url: string | null;
  outlet: string | null;
  /** Publication date when known, else when it was fetched (ISO). */
  date: string;
}

export interface StoryRef {
  id: number;
  title: string | null;
  last: string | null;
}

export interface Library {
  article(id: number): Promise<ArticleRef | null>;
  story(id: number): Promise<StoryRef | null>;
  /** The story an article belongs to, if it has been placed in one. */
  articleStory(articleId: number): Promise<StoryRef | null>;
  /** The article stored for this canonical URL, if any (originals, not duplicates). */
  articleByUrl(canonical: string): Promise<ArticleRef | null>;
  /** Fetches a page and ingests it through the normal pipeline, so it joins its story; returns the article. */
  ingestLink(url: string): Promise<ArticleRef>;
  outletArticles(outlet: string, limit: number): Promise<ArticleRef[]>;
  storyArticles(storyId: number, limit: number): Promise<ArticleRef[]>;
  /** Ids of the articles of each story, read from the membership index without loading the articles. */
  storyArticleIds(storyIds: number[]): Promise<Map<number, number[]>>;
  /** The story of each article that has been placed in one. */
  articleStoryIds(articleIds: number[]): Promise<Map<number, number>>;
  /** Articles mentioning a person, named by the slug of their person page ('sergey-ryabkov'). */
  personArticles(slug: string, limit: number): Promise<ArticleRef[]>;
  /** A person's display name, or null when no person has that slug. */
  personName(slug: string): Promise<string | null>;
}

export function articleRef(a: Article): ArticleRef {
  return { id: a.id, title: a.title, url: a.url, outlet: a.outlet, date: a.published?.value ?? a.fetchedAt };
}

/** The library on the application's store and services. `allowPrivate` lets links reach private addresses. */
export function appLibrary(app: App, opts: { allowPrivate: boolean }): Library {
  const { store } = app;
  const many = async (ids: number[]) => (await Promise.all(ids.map((id) => store.getArticle(id)))).filter((a): a is Article => a !== null).map(articleRef);
  return {
    async article(id) {
      const a = await store.getArticle(id);
      return a ? articleRef(a) : null;
    },
    async story(id) {
      const s = await store.getStory(id);
      return s ? { id: s.id, title: s.title, last: s.last } : null;
    },
    async articleStory(articleId) {
      const m = await store.getMembership(articleId);
      const s = m ? await store.getStory(m.storyId) : null;
      return s ? { id: s.id, title: s.title, last: s.last } : null;
    },
    async articleByUrl(canonical) {
      const a = await store.findByCanonicalUrl(canonical);
      return a ? articleRef(a) : null;
    },
    async ingestLink(url) {
      const page = await fetchLink(url, { allowPrivate: opts.allowPrivate });
      // A redirect may land on a page already stored under its final address.
      const landed = canonicalUrl(page.url);
      const known = landed ? await store.findByCanonicalUrl(landed) : null;
      if (known) return articleRef(known);
      const article = await app.ingest.ingestOne({ input: url, url: page.url, bytes: page.bytes, contentType: page.contentType, fetchedAt: new Date().toISOString() });
      await app.stories.flush();
      const original = article.duplicateOf !== null ? await store.getArticle(article.duplicateOf) : null;
      return articleRef(original ?? article);
    },
    async outletArticles(outlet, limit) {
      // Ids grow with ingestion, so the newest articles are at the end of the id order.
      const total = await store.countArticles({ outlet });
      const window = limit * 2;
      const articles = await store.listArticles({ outlet, offset: Math.max(0, total - window), limit: window });
      return articles.filter((a) => a.duplicateOf === null).map(articleRef).sort(newestFirst).slice(0, limit);
    },
    async storyArticles(storyId, limit) {
      const members = await store.storyMembers(storyId);
      return (await many(members.map((m) => m.articleId))).sort(newestFirst).slice(0, limit);
    },
    async storyArticleIds(storyIds) {
      const members = await Promise.all(storyIds.map((id) => store.storyMembers(id)));
      return new Map(storyIds.map((id, i) => [id, members[i].map((m) => m.articleId)]));
    },
    async articleStoryIds(articleIds) {
      const found = await Promise.all(articleIds.map((id) => store.getMembership(id)));
      return new Map(found.flatMap((m) => (m ? [[m.articleId, m.storyId] as [number, number]] : [])));
    },
    async personArticles(slug, limit) {
      const person = await store.getEntityBySlug('PER', slug);
      return person ? many(await store.entityArticles(person.key, { limit })) : [];
    },
    async personName(slug) {
      return (await store.getEntityBySlug('PER', slug))?.name ?? null;
    },
  };
}

function newestFirst(a: ArticleRef, b: ArticleRef): number {
  return b.date.localeCompare(a.date) || b.id - a.id;
}
