// Request parameters: one zod schema per route input, shared by the pages, the JSON API and the OpenAPI document.
import { z } from 'zod';

/** Results per page of the HTML lists. */
export const PAGE_SIZE = 20;
/** Largest `limit` the API accepts: bounds one response's size. */
export const MAX_LIMIT = 100;
/** Deepest page reachable by `page`/`offset`; beyond it the store would scan for rows nobody reads. */
export const MAX_OFFSET = 100_000;
/** Longest search query accepted; the parser keeps at most 32 items anyway. */
const MAX_QUERY_CHARS = 500;

/** Form fields left empty ("Any") arrive as ''; they mean "not set". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const positiveInt = (max: number) => z.string().regex(/^\d{1,9}$/, 'must be a positive whole number').transform(Number)
  .refine((n) => n >= 1 && n <= max, `must be from 1 to ${max}`);
const nonNegativeInt = (max: number) => z.string().regex(/^\d{1,9}$/, 'must be a whole number').transform(Number)
  .refine((n) => n <= max, `must be at most ${max}`);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD').refine((s) => !Number.isNaN(Date.parse(s)), 'must be a real date');
const language = z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$/, 'must be a language code such as en or fa');
const outlet = z.string().min(1).max(200);
/** A share from 0 to 1 with up to four decimals ("0.5", "1"). */
const share = z.string().regex(/^(?:0(?:\.\d{1,4})?|1(?:\.0{1,4})?|\.\d{1,4})$/, 'must be a number from 0 to 1').transform(Number);
const slug = z.string().regex(/^[\p{L}\p{N}-]{1,100}$/u, 'must be a slug of letters, digits and hyphens');

export const idParams = z.object({ id: positiveInt(2 ** 31 - 1) });
export const slugParams = z.object({ slug });

/** HTML lists page by number. */
const page = optional(positiveInt(MAX_OFFSET / PAGE_SIZE)).default(1);
/** The API pages by limit/offset. */
const limit = optional(positiveInt(MAX_LIMIT)).default(PAGE_SIZE);
const offset = optional(nonNegativeInt(MAX_OFFSET)).default(0);

const storyFilter = { language: optional(language), outlet: optional(outlet) };
const articleFilter = { outlet: optional(outlet), language: optional(language), from: optional(isoDate), to: optional(isoDate) };
const searchFields = {
  q: optional(z.string().max(MAX_QUERY_CHARS)).default(''),
  ...articleFilter,
  person: optional(slug),
  sort: optional(z.enum(['relevance', 'date'])).default('relevance'),
};

export const homeQuery = z.object({ ...storyFilter, page });
/** The home page's order: read only where readers' votes exist (with accounts); elsewhere the parameter is ignored. */
export const homeSortQuery = z.object({ sort: optional(z.enum(['recent', 'hot'])).default('recent') });
export const pageQuery = z.object({ page });
export const searchQuery = z.object({ ...searchFields, page });
export const feedQuery = z.object(searchFields);

export const apiStoriesQuery = z.object({ ...storyFilter, limit, offset });
/** `min_confidence`: leave out quotes whose attribution the quote filter judged less likely than this. */
export const apiStoryQuery = z.object({ min_confidence: optional(share) });
export const apiArticlesQuery = z.object({ ...articleFilter, limit, offset });
export const apiSearchQuery = z.object({ ...searchFields, q: z.string().min(1, 'is required').max(MAX_QUERY_CHARS), limit, offset });
export const apiPageQuery = z.object({ limit, offset });

export type SearchParams = z.infer<typeof feedQuery>;

/** An HTTP error with a stable code; pages and the API render it in their own shape. */
export class HttpError extends Error {
  constructor(readonly status: 400 | 404 | 500, readonly code: string, message: string) {
    super(message);
    this.name = 'HttpError';
  }
}

export const notFound = (what: string) => new HttpError(404, 'not_found', `${what} not found`);

/** Parses one request part with its schema; the first problem becomes a 400 naming the parameter. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const r = schema.safeParse(input ?? {});
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const where = issue.path.length ? `'${issue.path.join('.')}' ` : '';
  throw new HttpError(400, 'bad_request', `${where}${issue.message}`.trim());
}
