// The OpenAPI 3.1 document of the JSON API, built from the same endpoint table and zod schemas that serve it.
import { z } from 'zod';
import type { Endpoint } from './routes/api.ts';

type Schema = Record<string, unknown>;

/**
 * Endpoints another plugin serves under /api/v1, documented by that plugin: OpenAPI path items (paths relative to
 * /api/v1), the schemas they name, and how their clients authenticate.
 */
export interface OpenApiPart {
  paths: Record<string, Record<string, Schema>>;
  schemas: Record<string, Schema>;
  securitySchemes?: Record<string, Schema>;
  /** What the part adds, appended to the API's description. */
  description?: string;
}

const str = { type: 'string' };
const nstr = { type: ['string', 'null'] };
const int = { type: 'integer' };
const nint = { type: ['integer', 'null'] };
const nnum = { type: ['number', 'null'] };
const strings = { type: 'array', items: str };
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const obj = (properties: Record<string, unknown>, required: string[] = Object.keys(properties)): Schema => ({ type: 'object', properties, required });
const listOf = (item: string): Schema => obj({
  data: { type: 'array', items: ref(item) }, limit: int, offset: int,
  total: { ...nint, description: 'Number of matching items; null where it is not counted (people; a person browsed past 2,000 articles).' },
  has_more: { type: 'boolean' },
});

const storySummary = obj({ id: int, title: nstr, article_count: int, outlets: strings, languages: strings, first: nstr, last: nstr, updated_at: str });
const entity = obj({ key: str, name: str, role: nstr, articles: int, mentions: int, aliases: strings });

/** Response schemas, named as the endpoints' `response` fields name them. */
const SCHEMAS: Record<string, Schema> = {
  Error: obj({ errors: { type: 'array', minItems: 1, items: obj({ code: { type: 'string', description: 'Stable, for programs: bad_request, not_found, internal.' }, message: str }) } }),
  StorySummary: storySummary,
  StoryList: listOf('StorySummary'),
  Story: obj({
    id: int, title: nstr, first: nstr, last: nstr, outlets: strings,
    timeline: { type: 'array', items: obj({
      date: str, precision: { enum: ['day', 'month', 'year'] }, time: nstr, kind: str, text: str, place: nstr, participants: strings, scheduled: { type: 'boolean' },
      sources: { type: 'array', items: obj({ article: int, sentence: str }) },
    }) },
    who_said_what: { type: 'array', items: obj({
      speaker: obj({ key: nstr, name: str, role: nstr }),
      quotes: { type: 'array', items: obj({ text: str, kind: str, cue: nstr, mention: nstr, confidence: nnum, article: int, outlet: nstr, date: nstr }) },
    }) },
    people: { type: 'array', items: entity }, organizations: { type: 'array', items: entity }, places: { type: 'array', items: entity },
    coverage: { type: 'array', items: obj({ outlet: str, articles: int, first: nstr, last: nstr, speakers: strings }) },
    articles: { type: 'array', items: obj({
      id: int, title: nstr, outlet: nstr, published: nstr, published_inferred: { type: 'boolean' }, duplicate_of: nint, language: nstr, score: { type: 'number' }, reasons: strings,
    }) },
  }),
  ArticleSummary: obj({ id: int, title: nstr, outlet: nstr, published: nstr, language: nstr, duplicate_of: nint, input: str }),
  ArticleList: listOf('ArticleSummary'),
  Article: obj({
    id: int, input: str, url: nstr, canonical_url: nstr, outlet: nstr, outlet_source: nstr, title: nstr, standfirst: nstr,
    published: nstr, published_source: nstr, published_confidence: nnum, published_detail: nstr,
    language: nstr, dateline: nstr, byline: nstr, section: nstr, format: { enum: ['html', 'text'] },
    duplicate_of: nint, duplicate_reason: nstr, fetched_at: str, text: str, story_id: nint,
    quotes: { type: 'array', items: obj({
      text: str, kind: str, cue: nstr, mention: nstr, start: int, end: int, confidence: nnum,
      speaker: { oneOf: [{ type: 'null' }, obj({ key: str, name: str, role: nstr, type: str })] },
    }) },
  }),
  SearchHit: obj({
    id: int, title: nstr, snippet: { type: 'string', description: 'HTML-escaped text; matches wrapped in <mark>…</mark>.' },
    score: { type: 'number' }, outlet: nstr, published: nstr, language: nstr,
  }),
  SearchResults: listOf('SearchHit'),
  Outlet: obj({ name: str, slug: str, articles: int, stories: { type: 'array', items: ref('StorySummary') } }, ['name', 'slug', 'articles']),
  OutletList: listOf('Outlet'),
  Person: obj({ key: str, slug: str, type: str, name: str, role: nstr, articles: int, quotes: int }),
  PersonList: listOf('Person'),
  Quote: obj({
    article_id: int, story_id: nint, speaker_key: str, speaker_name: str, role: nstr, text: str, kind: str, cue: nstr, mention: nstr, date: nstr, outlet: nstr,
  }),
  QuoteList: listOf('Quote'),
};

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: ref('Error') } } });

function parameters(schema: z.ZodObject | undefined, where: 'path' | 'query'): Schema[] {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, Schema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: s,
  }));
}

export function openApiDocument(endpoints: Endpoint[], publicUrl: string, parts: readonly OpenApiPart[] = []): Schema {
  const paths: Record<string, Record<string, Schema>> = {};
  for (const e of endpoints) {
    const path = e.path.replace(/:(\w+)/g, '{$1}');
    paths[path] = {
      get: {
        summary: e.summary,
        operationId: `get${path.replace(/\{(\w+)\}/g, 'By_$1').split(/[/_]/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join('')}`,
        parameters: [...parameters(e.params, 'path'), ...parameters(e.query, 'query')],
        responses: {
          200: { description: 'OK', content: { 'application/json': { schema: ref(e.response) } } },
          400: errorResponse('An input is not valid'),
          ...(e.lookup ? { 404: errorResponse('Nothing with that id or slug') } : {}),
          500: errorResponse('Server error'),
        },
      },
    };
  }
  const schemas = { ...SCHEMAS };
  const securitySchemes: Record<string, Schema> = {};
  for (const part of parts) {
    for (const [path, item] of Object.entries(part.paths)) {
      for (const method of Object.keys(item)) {
        // Two plugins answering the same method and path would make one of them unreachable.
        if (paths[path]?.[method]) throw new Error(`OpenAPI: ${method.toUpperCase()} ${path} is documented twice`);
      }
      paths[path] = { ...paths[path], ...item };
    }
    for (const [name, schema] of Object.entries(part.schemas)) {
      if (schemas[name]) throw new Error(`OpenAPI: schema ${name} is defined twice`);
      schemas[name] = schema;
    }
    Object.assign(securitySchemes, part.securitySchemes);
  }
  const description = ['Stories, articles, search, outlets and people. Every error answers {"errors": [{"code", "message"}]}.', ...parts.flatMap((p) => p.description ?? [])].join(' ');
  return {
    openapi: '3.1.0',
    info: { title: 'Storyline API', version: '1.0.0', description },
    servers: [{ url: `${publicUrl}/api/v1` }],
    paths,
    components: Object.keys(securitySchemes).length ? { schemas, securitySchemes } : { schemas },
  };
}
