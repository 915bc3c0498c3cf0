// The community API's part of the OpenAPI document: every route `api.ts` serves, with its inputs, answers and errors.
// A test holds the two together: each route registered under /api/v1 is documented here, and nothing else is.
import type { OpenApiPart } from '../../web/openapi.ts';
import { ERROR_STATUS, type AccountErrorCode } from '../errors.ts';
import { COLLECTION_ITEMS, FOLLOW_TARGETS, REPORT_TARGETS, THREAD_TARGETS, VOTE_TARGETS } from '../model.ts';
import {
  COLLECTION_NAME_MAX, COMMENT_MAX, EMAIL_MAX, PASSWORD_MAX, PASSWORD_MIN, POST_BODY_MAX, REPORT_REASON_MAX, TITLE_MAX, TOKEN_NAME_MAX, URL_MAX,
} from '../policy.ts';
import { POSTS_PER_PAGE } from './routes-community.ts';

type Schema = Record<string, unknown>;
/** Error codes an API answer can carry (the CSRF check is for form posts only). */
type ApiErrorCode = Exclude<AccountErrorCode, 'csrf'>;

const str = { type: 'string' };
const nstr = { type: ['string', 'null'] };
const int = { type: 'integer' };
const nint = { type: ['integer', 'null'] };
const bool = { type: 'boolean' };
const time = { type: 'string', format: 'date-time' };
const ntime = { type: ['string', 'null'], format: 'date-time' };
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const obj = (properties: Record<string, unknown>, required: string[] = Object.keys(properties)): Schema => ({ type: 'object', properties, required });
const arrayOf = (item: string) => ({ type: 'array', items: ref(item) });
/** The list shape the rest of the API uses; `total` is null where it is not counted (the moderation log). */
const listOf = (item: string): Schema => obj({ data: arrayOf(item), limit: int, offset: int, total: nint, has_more: bool });
const vote = { enum: [-1, 0, 1], description: '1 up, -1 down, 0 none (takes a vote back).' };

const SCHEMAS: Record<string, Schema> = {
  AccountsError: obj({
    errors: {
      type: 'array', minItems: 1, items: obj({
        code: { enum: Object.keys(ERROR_STATUS), description: 'Stable, for programs; it sets the HTTP status.' },
        message: { type: 'string', description: 'English text of the error.' },
        field: { type: 'string', description: 'The input the error concerns, when it is one.' },
      }, ['code', 'message']),
    },
  }),
  Me: obj({ id: int, username: str, email: str, is_admin: bool, created_at: time }),
  NewToken: obj({
    token: { type: 'string', description: 'The secret, shown only in this answer: send it as "Authorization: Bearer <token>".' },
    id: int, name: str, hint: str, created_at: time,
  }),
  Token: obj({ id: int, name: str, hint: { type: 'string', description: 'First characters of the token, to tell tokens apart.' }, created_at: time, last_used_at: ntime }),
  TokenList: listOf('Token'),
  Export: {
    ...obj({
      exported_at: time,
      account: obj({ username: str, email: str, is_admin: bool, created_at: time, banned_at: ntime }),
      sessions: { type: 'array', items: obj({ created_at: time, seen_at: time, expires_at: time, user_agent: nstr }) },
      api_tokens: { type: 'array', items: obj({ name: str, hint: str, created_at: time, last_used_at: ntime }) },
      posts: { type: 'array', items: obj({ id: int, kind: { enum: ['link', 'text'] }, title: str, url: nstr, article_id: nint, body: str, created_at: time, edited_at: ntime, deleted_at: ntime }) },
      comments: {
        type: 'array',
        items: obj({ id: int, item_type: { enum: [...THREAD_TARGETS] }, item_id: int, parent_id: nint, body: str, created_at: time, edited_at: ntime, deleted_at: ntime, hidden_at: ntime, removed_at: ntime }),
      },
      votes: { type: 'array', items: obj({ item_type: { enum: [...VOTE_TARGETS] }, item_id: int, value: { enum: [-1, 1] }, voted_at: time }) },
      reports: { type: 'array', items: obj({ target_type: { enum: [...REPORT_TARGETS] }, target_id: int, reason: str, created_at: time }) },
      collections: {
        type: 'array',
        items: obj({
          id: int, name: str, is_public: bool, created_at: time, updated_at: time,
          items: { type: 'array', items: obj({ item_type: { enum: [...COLLECTION_ITEMS] }, item_id: int, added_at: time }) },
        }),
      },
      follows: { type: 'array', items: obj({ target_type: { enum: [...FOLLOW_TARGETS] }, target_key: str, created_at: time }) },
    }),
    description: 'Everything stored about the reader and by them, without secrets (the same file as the settings page offers).',
  },
  Status: obj({ status: str }),
  Post: obj({
    id: int, kind: { enum: ['link', 'text'] }, title: str, url: nstr, article_id: { ...nint, description: 'The article a link post was ingested as.' },
    body: str, author: { ...nstr, description: 'Null once the author deleted their account.' }, created_at: time, edited_at: ntime, deleted: bool,
    points: int, ups: int, downs: int, comments: int,
  }),
  PostList: listOf('Post'),
  SubmittedPost: {
    allOf: [ref('Post'), obj({
      existed: { type: 'boolean', description: 'The URL had been submitted before: this is the earlier post (status 200).' },
      fetch_error: { ...nstr, description: 'Why the page could not be fetched; the link is posted without an article.' },
    })],
  },
  PublicUser: obj({ username: str, created_at: time, banned: bool, posts: arrayOf('Post') }),
  Points: obj({ points: { type: 'integer', description: 'Up votes minus down votes.' }, ups: int, downs: int, my_vote: { ...vote, description: "The requester's vote; 0 without a token." } }),
  Comment: obj({
    id: int, parent_id: nint, author: nstr,
    body: { type: 'string', description: 'Empty for deleted and removed comments, which keep their place in the thread.' },
    state: { enum: ['visible', 'deleted', 'removed', 'hidden'] }, created_at: time, edited_at: ntime, points: int, my_vote: vote,
    replies: arrayOf('Comment'),
  }),
  Thread: obj({ data: arrayOf('Comment'), count: { type: 'integer', description: 'Comments in the thread, replies included.' } }),
  NewComment: obj({ id: int, parent_id: nint, body: str, created_at: time }),
  EditedComment: obj({ id: int, parent_id: nint, body: str, created_at: time, edited_at: ntime }),
  Report: obj({ target_type: { enum: [...REPORT_TARGETS] }, target_id: int, reports: int, reasons: { type: 'array', items: str }, first_at: time }),
  ReportList: listOf('Report'),
  ModerationEntry: obj({ id: int, moderator: nstr, action: str, target_type: str, target_id: nint, target_label: str, reason: str, created_at: time }),
  ModerationLog: listOf('ModerationEntry'),
  User: obj({ id: int, username: str, email: str, is_admin: bool, banned_at: ntime, ban_reason: nstr, created_at: time }),
  UserList: listOf('User'),
  Collection: obj({ id: int, user_id: int, owner: str, name: str, is_public: bool, created_at: time, updated_at: time, items: { type: 'integer', description: 'Number of items.' } }),
  CollectionList: listOf('Collection'),
  CollectionItem: obj({
    type: { enum: [...COLLECTION_ITEMS] }, id: int, title: nstr, outlet: nstr, url: nstr, date: nstr, added_at: time,
    found: { type: 'boolean', description: 'False when the article or story no longer exists.' },
  }),
  CollectionWithItems: obj({
    id: int, user_id: int, owner: str, name: str, is_public: bool, created_at: time, updated_at: time, items: arrayOf('CollectionItem'),
  }),
  Follow: obj({ target_type: { enum: [...FOLLOW_TARGETS] }, target_key: str, created_at: time }),
  LabelledFollow: obj({ target_type: { enum: [...FOLLOW_TARGETS] }, target_key: str, created_at: time, label: str, path: { type: 'string', description: 'Site path of the followed page.' } }),
  FollowList: listOf('LabelledFollow'),
  FeedEntry: obj({
    kind: { enum: ['article', 'post', 'comment'] }, id: int, title: str, path: str, url: nstr, date: str,
    via: obj({ type: { enum: [...FOLLOW_TARGETS] }, key: str, label: str }), summary: str,
  }),
  Feed: listOf('FeedEntry'),
};

/** When an error code answers, in a reader's words. */
const ERROR_TEXT: Record<ApiErrorCode, string> = {
  invalid_input: 'An input is not valid (`field` names it)',
  unauthorized: "No valid token (a banned account's tokens stop working); for POST /tokens, a wrong name or password",
  forbidden: "Not allowed: not the owner, not an admin, or a vote on one's own item",
  not_found: 'No such item, or one the requester may not see',
  conflict: 'Already taken (a user name or address)',
  edit_window: 'The edit window has closed',
  invalid_link: 'The reset link is invalid, used or expired',
  fetch_failed: 'The linked page could not be fetched',
  rate_limited: 'Too many attempts; Retry-After says when to try again',
  banned: 'The account is banned (log-in refused)',
};

interface Op {
  summary: string;
  /** Who may call: anyone, anyone (a token adds the reader's own state), a reader with a token, an admin's token. */
  auth: 'none' | 'optional' | 'token' | 'admin';
  params?: Array<[name: string, schema: Schema, description: string]>;
  query?: Array<[name: string, schema: Schema, description: string]>;
  body?: Schema;
  /** Status and schema name of the answer; a null schema is an empty answer. */
  ok: [number, string | null] | Array<[number, string | null]>;
  errors?: Array<ApiErrorCode>;
  /** A download rather than JSON. */
  file?: boolean;
}

const idParam = (what: string): [string, Schema, string] => ['id', { type: 'integer', minimum: 1 }, `Id of the ${what}`];
const pageQuery: Op['query'] = [
  ['limit', { type: 'integer', minimum: 1, maximum: 100, default: POSTS_PER_PAGE }, 'Items per page'],
  ['offset', { type: 'integer', minimum: 0, maximum: 100_000, default: 0 }, 'Items to skip'],
];
const text = (max: number, description?: string): Schema => ({ type: 'string', maxLength: max, ...(description ? { description } : {}) });
const PLURAL: Record<string, string> = { post: 'posts', article: 'articles', story: 'stories', comment: 'comments' };

/** Operations by path (relative to /api/v1) and method. */
const OPS: Record<string, Record<string, Op>> = {
  '/users': {
    post: {
      summary: 'Register an account', auth: 'none', ok: [201, 'Me'], errors: ['invalid_input', 'conflict', 'rate_limited'],
      body: obj({ username: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{1,31}$' }, email: text(EMAIL_MAX), password: { type: 'string', minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX } }),
    },
  },
  '/tokens': {
    post: {
      summary: 'Exchange a name (or address) and password for a personal access token; with a token, make another', auth: 'optional',
      ok: [201, 'NewToken'], errors: ['invalid_input', 'unauthorized', 'banned', 'rate_limited'],
      body: obj({ login: { type: 'string', description: 'User name or e-mail address' }, password: str, name: text(TOKEN_NAME_MAX, 'A name to tell the token apart; "API" by default') }, []),
    },
    get: { summary: "The reader's tokens (never their secrets)", auth: 'token', ok: [200, 'TokenList'] },
  },
  '/tokens/{id}': { delete: { summary: 'Revoke a token', auth: 'token', params: [idParam('token')], ok: [204, null], errors: ['not_found'] } },
  '/me': {
    get: { summary: 'The account the token belongs to', auth: 'token', ok: [200, 'Me'] },
    patch: {
      summary: 'Change the e-mail address or the password (the current password is required)', auth: 'token', ok: [200, 'Me'],
      errors: ['invalid_input', 'conflict'],
      body: obj({ current_password: str, email: text(EMAIL_MAX), password: { type: 'string', minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX } }, ['current_password']),
    },
    delete: { summary: 'Delete the account and its data (comments keep their place, without author or text)', auth: 'token', ok: [204, null], errors: ['invalid_input'], body: obj({ current_password: str }) },
  },
  '/me/export': { get: { summary: 'Everything stored about the reader', auth: 'token', ok: [200, 'Export'] } },
  '/password-resets': {
    post: {
      summary: 'Mail a single-use reset link (valid for an hour); the same answer whether or not the address has an account', auth: 'none',
      ok: [202, 'Status'], errors: ['invalid_input', 'rate_limited'], body: obj({ email: text(EMAIL_MAX) }),
    },
  },
  '/password-resets/{token}': {
    post: {
      summary: "Set a new password with a reset link's token; every session of the account ends and no new one starts", auth: 'none',
      params: [['token', { type: 'string' }, 'The token from the mailed link']], ok: [204, null], errors: ['invalid_input', 'invalid_link'],
      body: obj({ password: { type: 'string', minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX } }),
    },
  },
  '/users/{name}': { get: { summary: 'A reader\'s public profile and posts', auth: 'none', params: [['name', str, 'User name']], ok: [200, 'PublicUser'], errors: ['not_found'] } },
  '/users/{name}/ban': {
    put: { summary: 'Ban a reader (admins)', auth: 'admin', params: [['name', str, 'User name']], ok: [204, null], errors: ['invalid_input', 'not_found'], body: obj({ reason: text(REPORT_REASON_MAX) }, []) },
    delete: { summary: 'Lift a ban (admins)', auth: 'admin', params: [['name', str, 'User name']], ok: [204, null], errors: ['not_found'] },
  },

  '/posts': {
    get: {
      summary: 'Posts, ranked by votes and age ("hot") or newest first', auth: 'none', ok: [200, 'PostList'], errors: ['invalid_input'],
      query: [['sort', { enum: ['hot', 'new'], default: 'hot' }, 'Order'], ...pageQuery],
    },
    post: {
      summary: 'Submit a link (fetched and ingested, so it joins its story) or a text post; a URL already submitted answers with the earlier post',
      auth: 'token', ok: [[201, 'SubmittedPost'], [200, 'SubmittedPost']], errors: ['invalid_input', 'fetch_failed'],
      body: obj({ title: text(TITLE_MAX), url: { type: 'string', format: 'uri', maxLength: URL_MAX }, body: text(POST_BODY_MAX) }, ['title']),
    },
  },
  '/posts/{id}': {
    get: { summary: 'One post', auth: 'none', params: [idParam('post')], ok: [200, 'Post'], errors: ['not_found'] },
    patch: {
      summary: 'Edit a post (its author, within the edit window)', auth: 'token', params: [idParam('post')], ok: [200, 'Post'],
      errors: ['invalid_input', 'forbidden', 'not_found', 'edit_window'], body: obj({ title: text(TITLE_MAX), body: text(POST_BODY_MAX) }, []),
    },
    delete: { summary: 'Delete a post (its author, within the edit window)', auth: 'token', params: [idParam('post')], ok: [204, null], errors: ['forbidden', 'not_found', 'edit_window'] },
  },

  '/comments/{id}': {
    patch: {
      summary: 'Edit a comment (its author, within the edit window)', auth: 'token', params: [idParam('comment')], ok: [200, 'EditedComment'],
      errors: ['invalid_input', 'forbidden', 'not_found', 'edit_window'], body: obj({ body: text(COMMENT_MAX) }),
    },
    delete: { summary: 'Delete a comment; its replies keep their place', auth: 'token', params: [idParam('comment')], ok: [204, null], errors: ['forbidden', 'not_found'] },
  },
  '/comments/{id}/hide': {
    post: {
      summary: 'Hide or unhide a comment (admins)', auth: 'admin', params: [idParam('comment')], ok: [204, null], errors: ['not_found'],
      body: obj({ hidden: { type: 'boolean', default: true }, reason: text(REPORT_REASON_MAX) }, []),
    },
  },
  '/comments/{id}/remove': {
    post: { summary: 'Remove a comment (admins); logged', auth: 'admin', params: [idParam('comment')], ok: [204, null], errors: ['not_found'], body: obj({ reason: text(REPORT_REASON_MAX) }, []) },
  },
  '/moderation/reports': { get: { summary: 'Open reports (admins)', auth: 'admin', ok: [200, 'ReportList'] } },
  '/moderation/reports/{type}/{id}/dismiss': {
    post: {
      summary: "Dismiss an item's open reports without acting on it (admins); logged", auth: 'admin', ok: [204, null],
      params: [['type', { enum: [...REPORT_TARGETS] }, 'What was reported'], idParam('comment or post')],
      errors: ['invalid_input', 'not_found'],
    },
  },
  '/moderation/log': { get: { summary: 'The moderation log, newest first', auth: 'token', query: pageQuery, ok: [200, 'ModerationLog'], errors: ['invalid_input'] } },
  '/moderation/users': { get: { summary: 'All accounts (admins)', auth: 'admin', ok: [200, 'UserList'] } },

  '/collections': {
    get: { summary: "The reader's collections", auth: 'token', ok: [200, 'CollectionList'] },
    post: { summary: 'Create a collection', auth: 'token', ok: [201, 'Collection'], errors: ['invalid_input'], body: obj({ name: text(COLLECTION_NAME_MAX), public: { type: 'boolean', default: false } }, ['name']) },
  },
  '/collections/{id}': {
    get: { summary: 'A collection with its items: the reader\'s own, or anyone\'s public one', auth: 'optional', params: [idParam('collection')], ok: [200, 'CollectionWithItems'], errors: ['not_found'] },
    patch: {
      summary: 'Rename a collection or make it public or private', auth: 'token', params: [idParam('collection')], ok: [200, 'Collection'],
      errors: ['invalid_input', 'forbidden', 'not_found'], body: obj({ name: text(COLLECTION_NAME_MAX), public: bool }, []),
    },
    delete: { summary: 'Delete a collection', auth: 'token', params: [idParam('collection')], ok: [204, null], errors: ['forbidden', 'not_found'] },
  },
  '/collections/{id}/items': {
    post: {
      summary: 'Add an article or a story to a collection', auth: 'token', params: [idParam('collection')], ok: [204, null], errors: ['invalid_input', 'forbidden', 'not_found'],
      body: obj({ type: { enum: [...COLLECTION_ITEMS] }, id: { type: 'integer', minimum: 1 } }),
    },
  },
  '/collections/{id}/items/{type}/{item}': {
    delete: {
      summary: 'Take an item out of a collection', auth: 'token', ok: [204, null], errors: ['invalid_input', 'forbidden', 'not_found'],
      params: [idParam('collection'), ['type', { enum: [...COLLECTION_ITEMS] }, 'Item type'], ['item', { type: 'integer', minimum: 1 }, 'Id of the article or story']],
    },
  },
  '/collections/{id}/export': {
    get: {
      summary: 'Download a collection as JSON or CSV', auth: 'optional', params: [idParam('collection')], ok: [200, null], file: true, errors: ['invalid_input', 'not_found'],
      query: [['format', { enum: ['json', 'csv'], default: 'json' }, 'File format']],
    },
  },

  '/follows': {
    get: { summary: 'What the reader follows', auth: 'token', ok: [200, 'FollowList'] },
    post: {
      summary: 'Follow an outlet (by name), a story (by id), a person (by page slug) or a reader (by user name)', auth: 'token', ok: [201, 'Follow'],
      errors: ['invalid_input', 'not_found'], body: obj({ type: { enum: [...FOLLOW_TARGETS] }, key: str }),
    },
  },
  '/follows/{type}/{key}': {
    delete: {
      summary: 'Stop following', auth: 'token', ok: [204, null], errors: ['invalid_input'],
      params: [['type', { enum: [...FOLLOW_TARGETS] }, 'What is followed'], ['key', str, 'Its name, id, slug or user name']],
    },
  },
  '/feed': { get: { summary: 'The newest from everything the reader follows', auth: 'token', ok: [200, 'Feed'] } },
};

// Votes and comment threads have the same routes for each kind of item.
for (const type of VOTE_TARGETS) {
  OPS[`/${PLURAL[type]}/{id}/vote`] = {
    get: { summary: `Points of a ${type}, and the requester's vote`, auth: 'optional', params: [idParam(type)], ok: [200, 'Points'] },
    put: {
      summary: `Vote on a ${type} (one vote per reader, changeable; 0 takes it back)`, auth: 'token', params: [idParam(type)], ok: [200, 'Points'],
      errors: ['invalid_input', 'forbidden', 'not_found'], body: obj({ value: vote }),
    },
  };
}
for (const type of REPORT_TARGETS) {
  OPS[`/${PLURAL[type]}/{id}/report`] = {
    post: {
      summary: `Report a ${type} to the moderators (not one's own)`, auth: 'token', params: [idParam(type)], ok: [202, 'Status'],
      errors: ['invalid_input', 'forbidden', 'not_found'], body: obj({ reason: text(REPORT_REASON_MAX) }),
    },
  };
}
for (const type of THREAD_TARGETS) {
  OPS[`/${PLURAL[type]}/{id}/comments`] = {
    get: { summary: `The comment thread of a ${type}`, auth: 'optional', params: [idParam(type)], ok: [200, 'Thread'] },
    post: {
      summary: `Comment on a ${type}, or reply to one of its comments`, auth: 'token', params: [idParam(type)], ok: [201, 'NewComment'],
      errors: ['invalid_input', 'not_found'], body: obj({ body: text(COMMENT_MAX), parent_id: { type: ['integer', 'null'], minimum: 1 } }, ['body']),
    },
  };
}

const errorAnswer = (description: string) => ({ description, content: { 'application/json': { schema: ref('AccountsError') } } });

function operation(method: string, path: string, op: Op): Schema {
  const errors = new Set<ApiErrorCode>(op.errors ?? []);
  if (op.auth === 'token' || op.auth === 'admin') errors.add('unauthorized');
  if (op.auth === 'admin') errors.add('forbidden');
  const responses: Record<string, unknown> = {};
  for (const [status, schema] of (typeof op.ok[0] === 'number' ? [op.ok] : op.ok) as Array<[number, string | null]>) {
    responses[status] = op.file
      ? { description: 'The file (Content-Disposition names it)', content: { 'application/json': { schema: { type: 'object' } }, 'text/csv': { schema: { type: 'string' } } } }
      : schema ? { description: 'OK', content: { 'application/json': { schema: ref(schema) } } } : { description: 'Done' };
  }
  // Several codes share a status (forbidden and banned are both 403): one answer per status, naming them all.
  const byStatus = new Map<number, ApiErrorCode[]>();
  for (const code of errors) byStatus.set(ERROR_STATUS[code], [...(byStatus.get(ERROR_STATUS[code]) ?? []), code]);
  for (const [status, codes] of [...byStatus].sort((a, b) => a[0] - b[0])) {
    responses[status] = errorAnswer(codes.map((c) => `${c}: ${ERROR_TEXT[c]}`).join('; '));
  }
  responses[500] = errorAnswer('Server error');
  // get /posts/{id}/vote → getPostsByIdVote, as the news endpoints are named.
  const words = path.split(/[/_-]/).filter(Boolean).map((w) => (w.startsWith('{') ? `By${w[1].toUpperCase()}${w.slice(2, -1)}` : w[0].toUpperCase() + w.slice(1)));
  return {
    summary: op.summary,
    operationId: method + words.join(''),
    tags: ['community'],
    ...(op.auth === 'none' ? {} : { security: op.auth === 'optional' ? [{}, { bearerToken: [] }] : [{ bearerToken: [] }] }),
    parameters: [
      ...(op.params ?? []).map(([name, schema, description]) => ({ name, in: 'path', required: true, schema, description })),
      ...(op.query ?? []).map(([name, schema, description]) => ({ name, in: 'query', required: false, schema, description })),
    ],
    ...(op.body ? { requestBody: { required: (op.body.required as string[]).length > 0, content: { 'application/json': { schema: op.body } } } } : {}),
    responses,
  };
}

/** The community's endpoints for /api/v1/openapi.json. */
export const ACCOUNTS_OPENAPI: OpenApiPart = {
  paths: Object.fromEntries(Object.entries(OPS).map(([path, methods]) => [path, Object.fromEntries(Object.entries(methods).map(([m, op]) => [m, operation(m, path, op)]))])),
  schemas: SCHEMAS,
  securitySchemes: {
    bearerToken: {
      type: 'http', scheme: 'bearer',
      description: 'A personal access token from POST /tokens or the settings page. The API reads no cookies, so it needs no CSRF token.',
    },
  },
  description: 'Readers\' accounts and community (posts, votes, comments, collections, follows) need a personal access token where marked; their errors also carry `field` when an input is at fault.',
};
