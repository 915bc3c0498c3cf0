// Read queries the web layer composes from store calls: search with a person filter, and snake_case JSON views.
import type { App } from '../app.ts';
import type { Article } from '../domain/article.ts';
import type { EntitySummary, SearchHit } from '../storage/store.ts';
import { escapeHtml } from './html.ts';
import type { SearchParams } from './params.ts';

/**
 * Articles of one person considered by a person-filtered search. The store's search has no person filter, so
 * hits are intersected with this many of the person's newest articles; older mentions fall outside it.
 */
export const PERSON_WINDOW = 2000;
/** Hits fetched from the store when they must be intersected with a person's articles (the store's maximum). */
const SEARCH_WINDOW = 500;
/** Characters of article text shown as the snippet when a person is browsed without a query. */
const LEAD_CHARS = 240;

export interface SearchResult {
  hits: SearchHit[];
  hasMore: boolean;
  person: EntitySummary | null;
}

/** One page of search results; fetches one extra hit to know whether another page exists. */
export async function runSearch(app: App, p: SearchParams, page: { limit: number; offset: number }): Promise<SearchResult> {
  const person = p.person ? await app.store.getEntityBySlug('PER', p.person) : null;
  const filters = { outlet: p.outlet, language: p.language, from: p.from, to: p.to, sort: p.sort };
  if (p.person && !person) return { hits: [], hasMore: false, person: null };
  if (!person) {
    if (!p.q.trim()) return { hits: [], hasMore: false, person: null };
    const hits = await app.store.search(p.q, { ...filters, limit: page.limit + 1, offset: page.offset });
    return { hits: hits.slice(0, page.limit), hasMore: hits.length > page.limit, person };
  }
  const ids = await app.store.entityArticles(person.key, { limit: PERSON_WINDOW });
  let hits: SearchHit[];
  if (p.q.trim()) {
    const allowed = new Set(ids);
    hits = (await app.store.search(p.q, { ...filters, limit: SEARCH_WINDOW })).filter((h) => allowed.has(h.id));
  } else {
    const articles = (await Promise.all(ids.map((id) => app.store.getArticle(id)))).filter((a): a is Article => a !== null && matches(a, p));
    hits = articles.map(leadHit);
  }
  const pageHits = hits.slice(page.offset, page.offset + page.limit);
  return { hits: pageHits, hasMore: hits.length > page.offset + page.limit, person };
}

function matches(a: Article, p: SearchParams): boolean {
  const day = a.published?.value.slice(0, 10) ?? null;
  return (!p.outlet || a.outlet === p.outlet) && (!p.language || a.language === p.language)
    && (!p.from || (day !== null && day >= p.from)) && (!p.to || (day !== null && day <= p.to));
}

/** An article as a hit with its opening as the snippet (escaped, like the store's snippets). */
function leadHit(a: Article): SearchHit {
  const text = a.text.replace(/\s+/g, ' ').trim();
  const lead = text.length > LEAD_CHARS ? `${text.slice(0, LEAD_CHARS).replace(/\s+\S*$/, '')} …` : text;
  return { id: a.id, title: a.title, snippet: escapeHtml(lead), score: 0, outlet: a.outlet, published: a.published?.value ?? null, language: a.language };
}

/** Deep copy with object keys in snake_case: the API's one naming convention. */
export function snakeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeKeys);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), snakeKeys(v)]));
  }
  return value;
}
