// Read queries the web layer composes from store calls: search with a person filter, the readers' order of the
// home page's stories, and snake_case JSON views.
import type { App } from '../app.ts';
import type { Article } from '../domain/article.ts';
import type { EntitySummary, SearchHit, StoryFilter, StoryRow } from '../storage/store.ts';
import type { CommunityRanking } from './community.ts';
import { escapeHtml } from './html.ts';
import type { SearchParams } from './params.ts';

/**
 * Articles of one person browsed without a query, newest first. Browsing filters them by outlet, language and
 * date here, so older mentions past this many fall outside the list.
 */
export const PERSON_WINDOW = 2000;
/** Characters of article text shown as the snippet when a person is browsed without a query. */
const LEAD_CHARS = 240;

export interface SearchResult {
  hits: SearchHit[];
  hasMore: boolean;
  /** All matches; null when not asked for, or when a browsed person has more articles than PERSON_WINDOW. */
  total: number | null;
  person: EntitySummary | null;
}

/**
 * One page of search results; fetches one extra hit to know whether another page exists. `count` also counts
 * every match (one more query), for callers that show a total.
 */
export async function runSearch(app: App, p: SearchParams, page: { limit: number; offset: number }, count = false): Promise<SearchResult> {
  const person = p.person ? await app.store.getEntityBySlug('PER', p.person) : null;
  if (p.person && !person) return { hits: [], hasMore: false, total: count ? 0 : null, person: null };
  if (p.q.trim()) {
    const options = { outlet: p.outlet, language: p.language, from: p.from, to: p.to, sort: p.sort, ...(person ? { person: person.key } : {}) };
    const [hits, total] = await Promise.all([
      app.store.search(p.q, { ...options, limit: page.limit + 1, offset: page.offset }),
      count ? app.store.countSearch(p.q, options) : null,
    ]);
    return { hits: hits.slice(0, page.limit), hasMore: hits.length > page.limit, total, person };
  }
  if (!person) return { hits: [], hasMore: false, total: count ? 0 : null, person: null };
  const ids = await app.store.entityArticles(person.key, { limit: PERSON_WINDOW });
  const hits = (await app.store.getArticles(ids)).filter((a) => matches(a, p)).map(leadHit);
  const pageHits = hits.slice(page.offset, page.offset + page.limit);
  const total = count && ids.length < PERSON_WINDOW ? hits.length : null;
  return { hits: pageHits, hasMore: hits.length > page.offset + page.limit, total, person };
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

/**
 * The home page's stories in the readers' order ("hot with readers"). The community ranks them; the store supplies
 * the candidates, both kept to the page's filters: its most recent stories, and the stories the community names
 * (those holding what readers vote up), read by id.
 */
export function hotStories(app: App, ranking: CommunityRanking, filter: Pick<StoryFilter, 'language' | 'outlet'>): Promise<Array<{ story: StoryRow; points: number }>> {
  return ranking.rankStories<StoryRow>({
    recent: (limit) => app.stories.list({ ...filter, limit }),
    byIds: async (ids) => (await Promise.all(ids.map((id) => app.store.getStory(id))))
      .filter((s): s is StoryRow => s !== null && storyMatches(s, filter)),
  });
}

/** The story filter as the store applies it: the story has an article in that language, and one from that outlet. */
function storyMatches(s: StoryRow, f: Pick<StoryFilter, 'language' | 'outlet'>): boolean {
  return (!f.language || s.languages.includes(f.language)) && (!f.outlet || s.outlets.includes(f.outlet));
}

/** Deep copy with object keys in snake_case: the API's one naming convention. */
export function snakeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeKeys);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), snakeKeys(v)]));
  }
  return value;
}
