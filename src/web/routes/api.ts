// JSON API v1: one table of endpoints (path, inputs, response schema, handler) that serves routes and the OpenAPI document.
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { articleSummary, articleView } from '../../services/views.ts';
import { quotesAtLeast } from '../../pipeline/story/assemble.ts';
import type { StoryRow } from '../../storage/store.ts';
import type { WebContext } from '../context.ts';
import { openApiDocument } from '../openapi.ts';
import {
  apiArticlesQuery, apiPageQuery, apiSearchQuery, apiStoriesQuery, apiStoryQuery, idParams, notFound, parseInput, slugParams,
} from '../params.ts';
import { runSearch, snakeKeys } from '../queries.ts';

export interface Endpoint {
  path: string;
  summary: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** Name of the response schema in the OpenAPI components. */
  response: string;
  /** Whether the endpoint answers 404 for an unknown id or slug. */
  lookup?: boolean;
  handler: (input: { params: Record<string, unknown>; query: Record<string, unknown> }) => Promise<unknown>;
}

/** A response already serialised, sent as is. */
class JsonText {
  constructor(readonly text: string) {}
}

/** Serialised snake_case copies of cached story views: converting a 1,000-article story costs more than sending it. */
const storyJson = new WeakMap<object, JsonText>();

/** Stories listed with an outlet in its API view. */
const OUTLET_STORIES = 20;

/** A list response: the page and how to get the next; `total` is null where the store cannot count cheaply. */
function list(data: unknown[], page: { limit: number; offset: number }, total: number | null, hasMore?: boolean) {
  return { data, limit: page.limit, offset: page.offset, total, has_more: hasMore ?? (total !== null && page.offset + data.length < total) };
}

const storySummary = (s: StoryRow) => ({
  id: s.id, title: s.title, article_count: s.articleCount, outlets: s.outlets, languages: s.languages, first: s.first, last: s.last, updated_at: s.updatedAt,
});

export function apiEndpoints(web: WebContext): Endpoint[] {
  const { app, site } = web;
  return [
    {
      path: '/stories', summary: 'Stories by recent activity', query: apiStoriesQuery, response: 'StoryList',
      handler: async ({ query }) => {
        const q = query as z.infer<typeof apiStoriesQuery>;
        const filter = { language: q.language, outlet: q.outlet };
        const [rows, total] = await Promise.all([app.stories.list({ ...filter, limit: q.limit, offset: q.offset }), app.stories.count(filter)]);
        return list(rows.map(storySummary), q, total);
      },
    },
    {
      path: '/stories/:id', summary: 'One story: timeline, who said what, entities, coverage, articles', params: idParams, query: apiStoryQuery,
      response: 'Story', lookup: true,
      handler: async ({ params, query }) => {
        const story = await site.story((params as z.infer<typeof idParams>).id);
        if (!story) throw notFound('story');
        const min = (query as z.infer<typeof apiStoryQuery>).min_confidence;
        if (min !== undefined) return snakeKeys({ ...story, whoSaidWhat: quotesAtLeast(story.whoSaidWhat, min) });
        if (!storyJson.has(story)) storyJson.set(story, new JsonText(JSON.stringify(snakeKeys(story))));
        return storyJson.get(story);
      },
    },
    {
      path: '/articles', summary: 'Articles, newest first', query: apiArticlesQuery, response: 'ArticleList',
      handler: async ({ query }) => {
        const q = query as z.infer<typeof apiArticlesQuery>;
        const filter = { outlet: q.outlet, language: q.language, from: q.from, to: q.to };
        const [rows, total] = await Promise.all([app.store.listArticles({ ...filter, limit: q.limit, offset: q.offset }), app.store.countArticles(filter)]);
        return list(rows.map(articleSummary), q, total);
      },
    },
    {
      path: '/articles/:id', summary: 'One article with its text, provenance, story and quotes', params: idParams, response: 'Article', lookup: true,
      handler: async ({ params }) => {
        const { id } = params as z.infer<typeof idParams>;
        const article = await app.store.getArticle(id);
        if (!article) throw notFound('article');
        const [analyses, membership] = await Promise.all([app.store.getAnalyses([id]), app.store.getMembership(id)]);
        const analysis = (analyses.get(id) as { quotes?: Array<Record<string, unknown>> } | undefined) ?? null;
        // Analyses stored before quotes carried a confidence answer null for it, as the schema says.
        const quotes = (analysis?.quotes ?? []).map((q) => ({ ...q, confidence: q.confidence ?? null }));
        return { ...articleView(article), story_id: membership?.storyId ?? null, quotes: snakeKeys(quotes) };
      },
    },
    {
      path: '/search', summary: 'Full-text search with highlighted snippets', query: apiSearchQuery, response: 'SearchResults',
      handler: async ({ query }) => {
        const { limit, offset, ...p } = query as z.infer<typeof apiSearchQuery>;
        const r = await runSearch(app, p, { limit, offset }, true);
        return list(r.hits, { limit, offset }, r.total, r.hasMore);
      },
    },
    {
      path: '/outlets', summary: 'Outlets with their article counts', response: 'OutletList',
      handler: async () => {
        const { outlets } = await site.getFacets();
        return list(outlets, { limit: outlets.length, offset: 0 }, outlets.length);
      },
    },
    {
      path: '/outlets/:slug', summary: 'One outlet and the stories it covered', params: slugParams, response: 'Outlet', lookup: true,
      handler: async ({ params }) => {
        const outlet = await site.outletBySlug((params as z.infer<typeof slugParams>).slug);
        if (!outlet) throw notFound('outlet');
        const stories = await app.stories.list({ outlet: outlet.name, limit: OUTLET_STORIES });
        return { ...outlet, stories: stories.map(storySummary) };
      },
    },
    {
      path: '/people', summary: 'People named in the articles, most covered first', query: apiPageQuery, response: 'PersonList',
      handler: async ({ query }) => {
        const q = query as z.infer<typeof apiPageQuery>;
        const rows = await app.store.listEntities({ type: 'PER', limit: q.limit + 1, offset: q.offset });
        return list(rows.slice(0, q.limit), q, null, rows.length > q.limit);
      },
    },
    {
      path: '/people/:slug', summary: 'One person', params: slugParams, response: 'Person', lookup: true,
      handler: async ({ params }) => {
        const person = await app.store.getEntityBySlug('PER', (params as z.infer<typeof slugParams>).slug);
        if (!person) throw notFound('person');
        return person;
      },
    },
    {
      path: '/people/:slug/quotes', summary: "A person's quotes over time", params: slugParams, query: apiPageQuery, response: 'QuoteList', lookup: true,
      handler: async ({ params, query }) => {
        const q = query as z.infer<typeof apiPageQuery>;
        const person = await app.store.getEntityBySlug('PER', (params as z.infer<typeof slugParams>).slug);
        if (!person) throw notFound('person');
        const quotes = await app.store.speakerQuotes(person.key, q);
        return list(snakeKeys(quotes) as unknown[], q, person.quotes);
      },
    },
  ];
}

export function apiRoutes(web: WebContext) {
  return async function plugin(f: FastifyInstance): Promise<void> {
    const endpoints = apiEndpoints(web);
    for (const e of endpoints) {
      f.get(e.path, async (req, reply) => {
        const body = await e.handler({
          params: e.params ? parseInput(e.params, req.params) : {},
          query: e.query ? parseInput(e.query, req.query) : {},
        });
        return body instanceof JsonText ? reply.type('application/json; charset=utf-8').send(body.text) : body;
      });
    }
    const doc = openApiDocument(endpoints, web.publicUrl, web.community ? [web.community.openapi] : []);
    f.get('/openapi.json', async () => doc);
  };
}
