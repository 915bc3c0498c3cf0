// PostgreSQL tables of readers' accounts and community: the same tables, rules and answers as the SQLite ones
// (storage/sqlite/accounts.ts). All their SQL lives here; a write of several statements is one transaction.
import type pg from 'pg';
import {
  publicUser, type ApiToken, type Collection, type CollectionItem, type CollectionItemType, type Comment, type Follow,
  type FollowTarget, type ModerationEntry, type Post, type Report, type ReportTarget, type Score, type SessionInfo,
  type ThreadTarget, type User, type UserWithSecret, type VoteTarget,
} from '../../accounts/model.ts';
import type { AccountsStore, Conflict, NewPost, ScoreAudit } from '../../accounts/store.ts';
import {
  COMMENT_SELECT, USER_COLUMNS, toCollection, toComment, toPost, toUser,
  type CollectionRowDb, type CommentRowDb, type PostRowDb, type UserRowDb,
} from '../account-rows.ts';
import { StorylineError } from '../../lib/errors.ts';

/**
 * One migration, the SQLite schema after both of its accounts migrations. Every text column uses the C collation,
 * so ISO times and keys sort and compare byte by byte, as SQLite's do, whatever the database locale. Names and
 * addresses are unique without case through indexes on lower(), which under C folds ASCII only, as SQLite's NOCASE.
 * Flags stay 0 or 1, so both stores export the same rows.
 */
export const PG_ACCOUNTS_MIGRATION = `
  CREATE TABLE users (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username text COLLATE "C" NOT NULL,
    email text COLLATE "C" NOT NULL,
    password_hash text COLLATE "C" NOT NULL,
    is_admin integer NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
    banned_at text COLLATE "C",
    ban_reason text,
    feed_token_hash text COLLATE "C" UNIQUE,
    created_at text COLLATE "C" NOT NULL,
    password_changed_at text COLLATE "C" NOT NULL
  );
  CREATE UNIQUE INDEX users_username ON users (lower(username));
  CREATE UNIQUE INDEX users_email ON users (lower(email));
  CREATE TABLE sessions (
    id_hash text COLLATE "C" PRIMARY KEY,
    user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at text COLLATE "C" NOT NULL,
    seen_at text COLLATE "C" NOT NULL,
    expires_at text COLLATE "C" NOT NULL,
    user_agent text
  );
  CREATE INDEX sessions_user ON sessions (user_id);
  CREATE INDEX sessions_expiry ON sessions (expires_at);
  CREATE TABLE api_tokens (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name text NOT NULL,
    hint text NOT NULL,
    token_hash text COLLATE "C" NOT NULL UNIQUE,
    created_at text COLLATE "C" NOT NULL,
    last_used_at text COLLATE "C"
  );
  CREATE INDEX api_tokens_user ON api_tokens (user_id);
  CREATE TABLE password_resets (
    token_hash text COLLATE "C" PRIMARY KEY,
    user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at text COLLATE "C" NOT NULL,
    expires_at text COLLATE "C" NOT NULL,
    used_at text COLLATE "C"
  );
  CREATE INDEX password_resets_user ON password_resets (user_id);
  CREATE TABLE throttle (
    bucket text COLLATE "C" NOT NULL,
    key text COLLATE "C" NOT NULL,
    at text COLLATE "C" NOT NULL
  );
  CREATE INDEX throttle_key ON throttle (bucket, key, at);
  CREATE TABLE account_keys (
    name text COLLATE "C" PRIMARY KEY,
    value text NOT NULL
  );

  CREATE TABLE posts (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id integer REFERENCES users(id) ON DELETE SET NULL,
    kind text COLLATE "C" NOT NULL CHECK (kind IN ('link', 'text')),
    title text NOT NULL,
    url text,
    canonical_url text COLLATE "C",
    article_id integer,
    body text NOT NULL DEFAULT '',
    created_at text COLLATE "C" NOT NULL,
    edited_at text COLLATE "C",
    deleted_at text COLLATE "C",
    hotness double precision NOT NULL
  );
  CREATE UNIQUE INDEX posts_canonical_url ON posts (canonical_url) WHERE canonical_url IS NOT NULL AND deleted_at IS NULL;
  CREATE INDEX posts_hot ON posts (hotness DESC) WHERE deleted_at IS NULL;
  CREATE INDEX posts_new ON posts (created_at DESC) WHERE deleted_at IS NULL;
  CREATE INDEX posts_user ON posts (user_id);
  CREATE INDEX posts_article ON posts (article_id);

  CREATE TABLE votes (
    user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    item_type text COLLATE "C" NOT NULL CHECK (item_type IN ('post', 'article', 'comment')),
    item_id integer NOT NULL,
    value integer NOT NULL CHECK (value IN (-1, 1)),
    voted_at text COLLATE "C" NOT NULL,
    PRIMARY KEY (user_id, item_type, item_id)
  );
  CREATE INDEX votes_item ON votes (item_type, item_id);
  CREATE TABLE scores (
    item_type text COLLATE "C" NOT NULL,
    item_id integer NOT NULL,
    ups integer NOT NULL DEFAULT 0 CHECK (ups >= 0),
    downs integer NOT NULL DEFAULT 0 CHECK (downs >= 0),
    ranked_at text COLLATE "C",
    hotness double precision,
    PRIMARY KEY (item_type, item_id)
  );
  CREATE INDEX scores_hot ON scores (item_type, hotness DESC, item_id DESC) WHERE hotness IS NOT NULL;

  CREATE TABLE comments (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    item_type text COLLATE "C" NOT NULL CHECK (item_type IN ('post', 'article', 'story')),
    item_id integer NOT NULL,
    parent_id integer REFERENCES comments(id),
    user_id integer REFERENCES users(id) ON DELETE SET NULL,
    body text NOT NULL,
    created_at text COLLATE "C" NOT NULL,
    edited_at text COLLATE "C",
    deleted_at text COLLATE "C",
    hidden_at text COLLATE "C",
    removed_at text COLLATE "C"
  );
  CREATE INDEX comments_item ON comments (item_type, item_id, id);
  CREATE INDEX comments_user ON comments (user_id);
  CREATE INDEX comments_parent ON comments (parent_id);

  CREATE TABLE reports (
    target_type text COLLATE "C" NOT NULL CHECK (target_type IN ('comment', 'post')),
    target_id integer NOT NULL,
    reporter_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    reason text NOT NULL,
    created_at text COLLATE "C" NOT NULL,
    resolved_at text COLLATE "C",
    PRIMARY KEY (target_type, target_id, reporter_id)
  );
  CREATE INDEX reports_open ON reports (resolved_at, created_at);
  CREATE TABLE moderation_log (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    moderator_id integer REFERENCES users(id) ON DELETE SET NULL,
    action text COLLATE "C" NOT NULL,
    target_type text COLLATE "C" NOT NULL,
    target_id integer,
    target_label text NOT NULL,
    reason text NOT NULL DEFAULT '',
    created_at text COLLATE "C" NOT NULL
  );

  CREATE TABLE collections (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name text COLLATE "C" NOT NULL,
    is_public integer NOT NULL DEFAULT 0 CHECK (is_public IN (0, 1)),
    created_at text COLLATE "C" NOT NULL,
    updated_at text COLLATE "C" NOT NULL,
    UNIQUE (user_id, name)
  );
  CREATE TABLE collection_items (
    collection_id integer NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
    item_type text COLLATE "C" NOT NULL CHECK (item_type IN ('article', 'story')),
    item_id integer NOT NULL,
    added_at text COLLATE "C" NOT NULL,
    PRIMARY KEY (collection_id, item_type, item_id)
  );
  CREATE INDEX collection_items_item ON collection_items (item_type, item_id);

  CREATE TABLE follows (
    user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    target_type text COLLATE "C" NOT NULL CHECK (target_type IN ('outlet', 'story', 'person', 'user')),
    target_key text COLLATE "C" NOT NULL,
    created_at text COLLATE "C" NOT NULL,
    PRIMARY KEY (user_id, target_type, target_key)
  );
  CREATE INDEX follows_target ON follows (target_type, target_key);`;

/** SQLSTATE of a unique violation: a concurrent writer took the name first. */
const UNIQUE_VIOLATION = '23505';

/** Runs `sql` with ? placeholders; the rows and how many rows the statement touched. */
type Query = <R extends pg.QueryResultRow = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<{ rows: R[]; count: number }>;

/** A name or address compared as SQLite's NOCASE does (ASCII letters only), so the lower() indexes serve it. */
const SAME_USERNAME = 'lower(username) = lower(?::text COLLATE "C")';
const SAME_EMAIL = 'lower(email) = lower(?::text COLLATE "C")';
const POST_SELECT = `SELECT p.id, p.user_id, u.username, p.kind, p.title, p.url, p.canonical_url, p.article_id, p.body,
  p.created_at, p.edited_at, p.deleted_at, s.ups, s.downs, p.hotness,
  (SELECT COUNT(*)::int FROM comments c WHERE c.item_type = 'post' AND c.item_id = p.id) AS comments
  FROM posts p LEFT JOIN users u ON u.id = p.user_id LEFT JOIN scores s ON s.item_type = 'post' AND s.item_id = p.id`;
const COLLECTION_SELECT = `SELECT c.id, c.user_id, u.username AS owner, c.name, c.is_public, c.created_at, c.updated_at,
  (SELECT COUNT(*)::int FROM collection_items i WHERE i.collection_id = c.id) AS items
  FROM collections c JOIN users u ON u.id = c.user_id`;

export class PostgresAccounts implements AccountsStore {
  /** Statements outside a transaction run on any connection of the pool. */
  private readonly q: Query;

  /**
   * `hotness` recomputes an item's rank from its points and the time its age counts from when a vote changes it,
   * inside the vote's transaction.
   */
  constructor(private readonly pool: pg.Pool, private readonly hotness: (points: number, createdAt: string) => number) {
    this.q = queryOn(pool);
  }

  // ---- users ----

  async createUser(u: { username: string; email: string; passwordHash: string; now: string }): Promise<{ id: number } | { conflict: Conflict }> {
    try {
      return await this.transaction(async (q) => {
        if ((await q(`SELECT 1 FROM users WHERE ${SAME_USERNAME}`, [u.username])).count) return { conflict: 'username' as const };
        if ((await q(`SELECT 1 FROM users WHERE ${SAME_EMAIL}`, [u.email])).count) return { conflict: 'email' as const };
        const { rows } = await q<{ id: number }>(`INSERT INTO users (username, email, password_hash, created_at, password_changed_at)
          VALUES (?, ?, ?, ?, ?) RETURNING id`, [u.username, u.email, u.passwordHash, u.now, u.now]);
        return { id: rows[0].id };
      });
    } catch (err) {
      // Two registrations of one name at once: the index lets one in, the other hears the name is taken.
      if (uniqueViolation(err, 'users_username')) return { conflict: 'username' };
      if (uniqueViolation(err, 'users_email')) return { conflict: 'email' };
      throw err;
    }
  }

  async userById(id: number): Promise<UserWithSecret | null> {
    return toUser(await this.one<UserRowDb>(`SELECT ${USER_COLUMNS} FROM users WHERE id = ?`, [id]));
  }

  async userByName(username: string): Promise<UserWithSecret | null> {
    return toUser(await this.one<UserRowDb>(`SELECT ${USER_COLUMNS} FROM users WHERE ${SAME_USERNAME}`, [username]));
  }

  async userByEmail(email: string): Promise<UserWithSecret | null> {
    return toUser(await this.one<UserRowDb>(`SELECT ${USER_COLUMNS} FROM users WHERE ${SAME_EMAIL}`, [email]));
  }

  async listUsers(): Promise<User[]> {
    return (await this.q<UserRowDb>(`SELECT ${USER_COLUMNS} FROM users ORDER BY id`)).rows.map((r) => publicUser(toUser(r)!));
  }

  async countUsers(): Promise<number> {
    return (await this.one<{ n: number }>('SELECT COUNT(*)::int AS n FROM users'))!.n;
  }

  async setEmail(userId: number, email: string): Promise<boolean> {
    try {
      return await this.transaction(async (q) => {
        if ((await q(`SELECT 1 FROM users WHERE ${SAME_EMAIL} AND id <> ?`, [email, userId])).count) return false;
        await q('UPDATE users SET email = ? WHERE id = ?', [email, userId]);
        return true;
      });
    } catch (err) {
      if (uniqueViolation(err, 'users_email')) return false;
      throw err;
    }
  }

  async setPassword(userId: number, passwordHash: string, now: string, keepSessionHash: string | null): Promise<void> {
    await this.transaction(async (q) => {
      await q('UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?', [passwordHash, now, userId]);
      await q('DELETE FROM sessions WHERE user_id = ? AND id_hash IS DISTINCT FROM ?', [userId, keepSessionHash]);
      await q('UPDATE password_resets SET used_at = ? WHERE user_id = ? AND used_at IS NULL', [now, userId]);
    });
  }

  async rehashPassword(userId: number, oldHash: string, newHash: string): Promise<void> {
    await this.q('UPDATE users SET password_hash = ? WHERE id = ? AND password_hash = ?', [newHash, userId, oldHash]);
  }

  async setBanned(userId: number, ban: { at: string; reason: string } | null): Promise<void> {
    await this.transaction(async (q) => {
      await q('UPDATE users SET banned_at = ?, ban_reason = ? WHERE id = ?', [ban?.at ?? null, ban?.reason ?? null, userId]);
      if (ban) {
        await q('DELETE FROM sessions WHERE user_id = ?', [userId]);
        await q('DELETE FROM api_tokens WHERE user_id = ?', [userId]);
      }
    });
  }

  async setAdmin(userId: number, admin: boolean): Promise<void> {
    await this.q('UPDATE users SET is_admin = ? WHERE id = ?', [admin ? 1 : 0, userId]);
  }

  async deleteUser(userId: number, now: string): Promise<void> {
    await this.transaction(async (q) => {
      // The totals the votes are taken out of are locked first, in key order, as a vote locks its one total:
      // a vote cast meanwhile waits instead of deadlocking.
      await q(`SELECT 1 FROM scores s JOIN votes v ON v.item_type = s.item_type AND v.item_id = s.item_id
        WHERE v.user_id = ? ORDER BY s.item_type, s.item_id FOR UPDATE OF s`, [userId]);
      const { rows: votes } = await q<{ item_type: VoteTarget; item_id: number; value: number }>(
        'DELETE FROM votes WHERE user_id = ? RETURNING item_type, item_id, value', [userId]);
      for (const v of votes) await this.applyScore(q, v.item_type, v.item_id, v.value, 0, null);
      await q(`UPDATE comments SET body = '', user_id = NULL, deleted_at = COALESCE(deleted_at, ?) WHERE user_id = ?`, [now, userId]);
      await q(`UPDATE posts SET title = '', body = '', url = NULL, canonical_url = NULL, user_id = NULL,
        deleted_at = COALESCE(deleted_at, ?) WHERE user_id = ?`, [now, userId]);
      await q(`DELETE FROM follows WHERE target_type = 'user' AND target_key = (SELECT username FROM users WHERE id = ?)`, [userId]);
      await q('DELETE FROM users WHERE id = ?', [userId]);
    });
  }

  // ---- sessions ----

  async createSession(s: { idHash: string; userId: number; now: string; expiresAt: string; userAgent: string | null }): Promise<void> {
    await this.q(`INSERT INTO sessions (id_hash, user_id, created_at, seen_at, expires_at, user_agent) VALUES (?, ?, ?, ?, ?, ?)`,
      [s.idHash, s.userId, s.now, s.now, s.expiresAt, s.userAgent]);
  }

  async sessionUser(idHash: string, now: string): Promise<{ session: SessionInfo; user: UserWithSecret } | null> {
    const row = await this.one<UserRowDb & { id_hash: string; user_id: number; s_created: string; seen_at: string; expires_at: string; user_agent: string | null }>(
      `SELECT s.id_hash, s.user_id, s.created_at AS s_created, s.seen_at, s.expires_at, s.user_agent,
        u.id, u.username, u.email, u.password_hash, u.is_admin, u.banned_at, u.ban_reason, u.created_at
      FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.id_hash = ? AND s.expires_at > ? AND u.banned_at IS NULL`, [idHash, now]);
    if (!row) return null;
    return {
      session: { idHash: row.id_hash, userId: row.user_id, createdAt: row.s_created, seenAt: row.seen_at, expiresAt: row.expires_at, userAgent: row.user_agent },
      user: toUser(row)!,
    };
  }

  async touchSession(idHash: string, seenAt: string, expiresAt: string): Promise<void> {
    await this.q('UPDATE sessions SET seen_at = ?, expires_at = ? WHERE id_hash = ?', [seenAt, expiresAt, idHash]);
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.q('DELETE FROM sessions WHERE id_hash = ?', [idHash]);
  }

  async deleteSessions(userId: number, keepHash: string | null): Promise<void> {
    await this.q('DELETE FROM sessions WHERE user_id = ? AND id_hash IS DISTINCT FROM ?', [userId, keepHash]);
  }

  async listSessions(userId: number): Promise<SessionInfo[]> {
    return (await this.q<SessionInfo>(`SELECT id_hash AS "idHash", user_id AS "userId", created_at AS "createdAt", seen_at AS "seenAt",
      expires_at AS "expiresAt", user_agent AS "userAgent" FROM sessions WHERE user_id = ? ORDER BY seen_at DESC`, [userId])).rows;
  }

  async countSessions(userId: number): Promise<number> {
    return (await this.one<{ n: number }>('SELECT COUNT(*)::int AS n FROM sessions WHERE user_id = ?', [userId]))!.n;
  }

  async prune(now: string, throttleBefore: string): Promise<void> {
    await this.transaction(async (q) => {
      await q('DELETE FROM sessions WHERE expires_at <= ?', [now]);
      await q('DELETE FROM password_resets WHERE expires_at <= ? OR used_at IS NOT NULL', [now]);
      await q('DELETE FROM throttle WHERE at < ?', [throttleBefore]);
    });
  }

  // ---- API tokens ----

  async createToken(t: { userId: number; name: string; hint: string; tokenHash: string; now: string }): Promise<ApiToken> {
    const row = await this.one<{ id: number }>('INSERT INTO api_tokens (user_id, name, hint, token_hash, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id',
      [t.userId, t.name, t.hint, t.tokenHash, t.now]);
    return { id: row!.id, name: t.name, hint: t.hint, createdAt: t.now, lastUsedAt: null };
  }

  async tokenUser(tokenHash: string): Promise<{ tokenId: number; lastUsedAt: string | null; user: UserWithSecret } | null> {
    const row = await this.one<UserRowDb & { token_id: number; last_used_at: string | null }>(`SELECT t.id AS token_id, t.last_used_at,
        u.id, u.username, u.email, u.password_hash, u.is_admin, u.banned_at, u.ban_reason, u.created_at
      FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ? AND u.banned_at IS NULL`, [tokenHash]);
    return row ? { tokenId: row.token_id, lastUsedAt: row.last_used_at, user: toUser(row)! } : null;
  }

  async touchToken(tokenId: number, now: string): Promise<void> {
    await this.q('UPDATE api_tokens SET last_used_at = ? WHERE id = ?', [now, tokenId]);
  }

  async listTokens(userId: number): Promise<ApiToken[]> {
    return (await this.q<ApiToken>(`SELECT id, name, hint, created_at AS "createdAt", last_used_at AS "lastUsedAt" FROM api_tokens
      WHERE user_id = ? ORDER BY id`, [userId])).rows;
  }

  async deleteToken(userId: number, tokenId: number): Promise<boolean> {
    return (await this.q('DELETE FROM api_tokens WHERE id = ? AND user_id = ?', [tokenId, userId])).count > 0;
  }

  // ---- password resets ----

  async createReset(r: { tokenHash: string; userId: number; now: string; expiresAt: string }): Promise<void> {
    await this.q('INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)', [r.tokenHash, r.userId, r.now, r.expiresAt]);
  }

  async resetUser(tokenHash: string, now: string): Promise<number | null> {
    return (await this.one<{ user_id: number }>(`SELECT r.user_id FROM password_resets r JOIN users u ON u.id = r.user_id
      WHERE r.token_hash = ? AND r.used_at IS NULL AND r.expires_at > ? AND u.banned_at IS NULL`, [tokenHash, now]))?.user_id ?? null;
  }

  async consumeReset(tokenHash: string, passwordHash: string, now: string): Promise<number | null> {
    return this.transaction(async (q) => {
      // The row lock makes a second use of the same link wait, then find it used.
      const { rows } = await q<{ user_id: number }>(`UPDATE password_resets SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?
        AND user_id IN (SELECT id FROM users WHERE banned_at IS NULL) RETURNING user_id`, [now, tokenHash, now]);
      if (!rows.length) return null;
      const userId = rows[0].user_id;
      await q('UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?', [passwordHash, now, userId]);
      await q('DELETE FROM sessions WHERE user_id = ?', [userId]);
      await q('UPDATE password_resets SET used_at = ? WHERE user_id = ? AND used_at IS NULL', [now, userId]);
      return userId;
    });
  }

  // ---- throttle ----

  async hit(bucket: string, key: string, now: string): Promise<void> {
    await this.q('INSERT INTO throttle (bucket, key, at) VALUES (?, ?, ?)', [bucket, key, now]);
  }

  async hits(bucket: string, key: string, since: string): Promise<{ count: number; oldest: string | null }> {
    return (await this.one<{ count: number; oldest: string | null }>(
      'SELECT COUNT(*)::int AS count, MIN(at) AS oldest FROM throttle WHERE bucket = ? AND key = ? AND at > ?', [bucket, key, since]))!;
  }

  async clearHits(bucket: string, key: string): Promise<void> {
    await this.q('DELETE FROM throttle WHERE bucket = ? AND key = ?', [bucket, key]);
  }

  // ---- server keys ----

  async key(name: string, make: () => string): Promise<string> {
    // Processes starting together each offer a value; the first one stored is the one every process reads.
    await this.q('INSERT INTO account_keys (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING', [name, make()]);
    return (await this.one<{ value: string }>('SELECT value FROM account_keys WHERE name = ?', [name]))!.value;
  }

  // ---- feed tokens ----

  async setFeedToken(userId: number, tokenHash: string): Promise<void> {
    await this.q('UPDATE users SET feed_token_hash = ? WHERE id = ?', [tokenHash, userId]);
  }

  async userByFeedToken(tokenHash: string): Promise<UserWithSecret | null> {
    return toUser(await this.one<UserRowDb>(`SELECT ${USER_COLUMNS} FROM users WHERE feed_token_hash = ? AND banned_at IS NULL`, [tokenHash]));
  }

  async hasFeedToken(userId: number): Promise<boolean> {
    return (await this.one<{ has: boolean }>('SELECT feed_token_hash IS NOT NULL AS has FROM users WHERE id = ?', [userId]))?.has === true;
  }

  // ---- posts ----

  async createPost(p: NewPost): Promise<{ id: number; existed: boolean }> {
    const inserted = await this.one<{ id: number }>(`INSERT INTO posts (user_id, kind, title, url, canonical_url, article_id, body, created_at, hotness)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (canonical_url) WHERE canonical_url IS NOT NULL AND deleted_at IS NULL DO NOTHING RETURNING id`,
    [p.userId, p.kind, p.title, p.url, p.canonicalUrl, p.articleId, p.body, p.now, this.hotness(0, p.now)]);
    if (inserted) return { id: inserted.id, existed: false };
    const earlier = await this.postIdByCanonical(p.canonicalUrl!);
    // The post that held the URL was deleted between the insert and this look: the URL is free again.
    if (earlier === null) throw new StorylineError('storage', `post of '${p.canonicalUrl}' neither inserted nor found: the earlier post was deleted meanwhile`);
    return { id: earlier, existed: true };
  }

  async postIdByCanonical(canonicalUrl: string): Promise<number | null> {
    return (await this.one<{ id: number }>('SELECT id FROM posts WHERE canonical_url = ? AND deleted_at IS NULL', [canonicalUrl]))?.id ?? null;
  }

  async postIdByArticle(articleId: number): Promise<number | null> {
    return (await this.one<{ id: number }>('SELECT id FROM posts WHERE article_id = ? AND deleted_at IS NULL ORDER BY id LIMIT 1', [articleId]))?.id ?? null;
  }

  async getPost(id: number): Promise<Post | null> {
    const row = await this.one<PostRowDb>(`${POST_SELECT} WHERE p.id = ?`, [id]);
    return row ? toPost(row) : null;
  }

  async listPosts(sort: 'hot' | 'new', limit: number, offset: number): Promise<Post[]> {
    const order = sort === 'hot' ? 'p.hotness DESC, p.id DESC' : 'p.created_at DESC, p.id DESC';
    return (await this.q<PostRowDb>(`${POST_SELECT} WHERE p.deleted_at IS NULL ORDER BY ${order} LIMIT ? OFFSET ?`, [limit, offset])).rows.map(toPost);
  }

  async countPosts(): Promise<number> {
    return (await this.one<{ n: number }>('SELECT COUNT(*)::int AS n FROM posts WHERE deleted_at IS NULL'))!.n;
  }

  async postsByUser(userId: number, limit: number): Promise<Post[]> {
    return (await this.q<PostRowDb>(`${POST_SELECT} WHERE p.user_id = ? AND p.deleted_at IS NULL ORDER BY p.id DESC LIMIT ?`, [userId, limit])).rows.map(toPost);
  }

  async updatePost(id: number, fields: { title: string; body: string }, now: string): Promise<void> {
    await this.q('UPDATE posts SET title = ?, body = ?, edited_at = ? WHERE id = ? AND deleted_at IS NULL', [fields.title, fields.body, now, id]);
  }

  async deletePost(id: number, now: string): Promise<void> {
    await this.q(`UPDATE posts SET deleted_at = ?, body = '' WHERE id = ? AND deleted_at IS NULL`, [now, id]);
  }

  // ---- votes ----

  async vote(userId: number, type: VoteTarget, id: number, value: -1 | 0 | 1, now: string, rankedAt: string | null): Promise<Score> {
    return this.transaction(async (q) => {
      // The item's totals row is created if need be, locked and read in one statement (an upsert locks the row it
      // meets): votes on one item take turns, so two at once cannot both count from the same old value.
      const { rows: [totals] } = await q<Score & { ranked_at: string | null }>(`INSERT INTO scores (item_type, item_id) VALUES (?, ?)
        ON CONFLICT (item_type, item_id) DO UPDATE SET ups = scores.ups RETURNING ups, downs, ranked_at`, [type, id]);
      // The reader's old vote, read from the statement's snapshot as the new one replaces it.
      const { rows } = value === 0
        ? await q<{ value: number }>('DELETE FROM votes WHERE user_id = ? AND item_type = ? AND item_id = ? RETURNING value', [userId, type, id])
        : await q<{ value: number }>(`WITH old AS (SELECT value FROM votes WHERE user_id = ? AND item_type = ? AND item_id = ?),
            put AS (INSERT INTO votes (user_id, item_type, item_id, value, voted_at) VALUES (?, ?, ?, ?, ?)
              ON CONFLICT (user_id, item_type, item_id) DO UPDATE SET value = excluded.value, voted_at = excluded.voted_at)
            SELECT value FROM old`, [userId, type, id, userId, type, id, value, now]);
      const old = rows[0]?.value ?? 0;
      const score = {
        ups: totals.ups + (value === 1 ? 1 : 0) - (old === 1 ? 1 : 0),
        downs: totals.downs + (value === -1 ? 1 : 0) - (old === -1 ? 1 : 0),
      };
      const ranked = rankedAt ?? totals.ranked_at;
      const hot = ranked !== null ? this.hotness(score.ups - score.downs, ranked) : null;
      await q('UPDATE scores SET ups = ?, downs = ?, ranked_at = ?, hotness = COALESCE(?, hotness) WHERE item_type = ? AND item_id = ?',
        [score.ups, score.downs, ranked, hot, type, id]);
      // /posts ranks every live post, voted or not, from the posts table's own column.
      if (type === 'post' && hot !== null) await q('UPDATE posts SET hotness = ? WHERE id = ?', [hot, id]);
      return score;
    });
  }

  async votesOf(userId: number, type: VoteTarget, ids: number[]): Promise<Map<number, -1 | 1>> {
    const { rows } = await this.q<{ item_id: number; value: -1 | 1 }>('SELECT item_id, value FROM votes WHERE user_id = ? AND item_type = ? AND item_id = ANY(?::int[])',
      [userId, type, ids]);
    return new Map(rows.map((r) => [r.item_id, r.value]));
  }

  async scoresOf(type: VoteTarget, ids: number[]): Promise<Map<number, Score>> {
    const { rows } = await this.q<{ item_id: number; ups: number; downs: number }>('SELECT item_id, ups, downs FROM scores WHERE item_type = ? AND item_id = ANY(?::int[])',
      [type, ids]);
    return new Map(rows.map((r) => [r.item_id, { ups: r.ups, downs: r.downs }]));
  }

  async hottestPosts(limit: number): Promise<Post[]> {
    return (await this.q<PostRowDb>(`SELECT p.id, p.user_id, u.username, p.kind, p.title, p.url, p.canonical_url, p.article_id, p.body,
        p.created_at, p.edited_at, p.deleted_at, s.ups, s.downs, p.hotness,
        (SELECT COUNT(*)::int FROM comments c WHERE c.item_type = 'post' AND c.item_id = p.id) AS comments
      FROM scores s JOIN posts p ON p.id = s.item_id LEFT JOIN users u ON u.id = p.user_id
      WHERE s.item_type = 'post' AND s.hotness IS NOT NULL AND s.ups > s.downs AND p.deleted_at IS NULL
      ORDER BY s.hotness DESC, s.item_id DESC LIMIT ?`, [limit])).rows.map(toPost);
  }

  async hottestArticles(limit: number): Promise<Array<{ id: number; hotness: number } & Score>> {
    return (await this.q<{ id: number; hotness: number } & Score>(`SELECT item_id AS id, ups, downs, hotness FROM scores
      WHERE item_type = 'article' AND hotness IS NOT NULL AND ups > downs ORDER BY hotness DESC, item_id DESC LIMIT ?`, [limit])).rows;
  }

  async postPointsByArticle(articleIds: number[]): Promise<Map<number, number>> {
    // As SQLite's: one voice per reader and article through its live link posts, none for a reader who voted on it.
    const { rows } = await this.q<{ article_id: number; points: number }>(`SELECT article_id, SUM(CASE WHEN net > 0 THEN 1 WHEN net < 0 THEN -1 ELSE 0 END)::int AS points FROM (
        SELECT p.article_id, v.user_id, SUM(v.value) AS net
        FROM unnest(?::int[]) AS j(value) JOIN posts p ON p.article_id = j.value JOIN votes v ON v.item_type = 'post' AND v.item_id = p.id
        WHERE p.deleted_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM votes a WHERE a.user_id = v.user_id AND a.item_type = 'article' AND a.item_id = p.article_id)
        GROUP BY p.article_id, v.user_id) AS per_reader
      GROUP BY article_id HAVING SUM(CASE WHEN net > 0 THEN 1 WHEN net < 0 THEN -1 ELSE 0 END) <> 0`, [[...new Set(articleIds)]]);
    return new Map(rows.map((r) => [r.article_id, r.points]));
  }

  async unrankedArticles(afterId: number, limit: number): Promise<number[]> {
    return (await this.q<{ item_id: number }>(`SELECT item_id FROM scores WHERE item_type = 'article' AND ranked_at IS NULL AND item_id > ?
      ORDER BY item_id LIMIT ?`, [afterId, limit])).rows.map((r) => r.item_id);
  }

  async setRankedAt(type: VoteTarget, id: number, rankedAt: string): Promise<void> {
    await this.transaction(async (q) => {
      const { rows } = await q<Score>('SELECT ups, downs FROM scores WHERE item_type = ? AND item_id = ? FOR UPDATE', [type, id]);
      if (rows.length) {
        await q('UPDATE scores SET ranked_at = ?, hotness = ? WHERE item_type = ? AND item_id = ?',
          [rankedAt, this.hotness(rows[0].ups - rows[0].downs, rankedAt), type, id]);
      }
    });
  }

  async auditScores(): Promise<ScoreAudit[]> {
    const { rows } = await this.q<{ item_type: string; item_id: number; s_ups: number; s_downs: number; v_ups: number; v_downs: number }>(
      `SELECT k.item_type, k.item_id, COALESCE(s.ups, 0) AS s_ups, COALESCE(s.downs, 0) AS s_downs,
        COALESCE(v.ups, 0) AS v_ups, COALESCE(v.downs, 0) AS v_downs
      FROM (SELECT item_type, item_id FROM scores UNION SELECT item_type, item_id FROM votes) k
      LEFT JOIN scores s ON s.item_type = k.item_type AND s.item_id = k.item_id
      LEFT JOIN (SELECT item_type, item_id, (COUNT(*) FILTER (WHERE value = 1))::int AS ups, (COUNT(*) FILTER (WHERE value = -1))::int AS downs
        FROM votes GROUP BY item_type, item_id) v ON v.item_type = k.item_type AND v.item_id = k.item_id
      ORDER BY k.item_type, k.item_id`);
    return rows.map((r) => ({
      itemType: r.item_type, itemId: r.item_id, stored: { ups: r.s_ups, downs: r.s_downs }, counted: { ups: r.v_ups, downs: r.v_downs },
    }));
  }

  async countVotes(): Promise<number> {
    return (await this.one<{ n: number }>('SELECT COUNT(*)::int AS n FROM votes'))!.n;
  }

  /**
   * Moves the totals from an old vote value to a new one and recomputes the hotness (caller holds the transaction
   * and the row lock). A null `rankedAt` keeps the time stored before (a vote taken back when its reader's account
   * is deleted).
   */
  private async applyScore(q: Query, type: VoteTarget, id: number, oldValue: number, newValue: number, rankedAt: string | null): Promise<Score> {
    const up = (newValue === 1 ? 1 : 0) - (oldValue === 1 ? 1 : 0);
    const down = (newValue === -1 ? 1 : 0) - (oldValue === -1 ? 1 : 0);
    await q('INSERT INTO scores (item_type, item_id) VALUES (?, ?) ON CONFLICT DO NOTHING', [type, id]);
    const { rows } = await q<Score & { ranked_at: string | null }>(`UPDATE scores SET ups = ups + ?, downs = downs + ?, ranked_at = COALESCE(?, ranked_at)
      WHERE item_type = ? AND item_id = ? RETURNING ups, downs, ranked_at`, [up, down, rankedAt, type, id]);
    const row = rows[0];
    const result = { ups: row.ups, downs: row.downs };
    if (row.ranked_at !== null) {
      const hot = this.hotness(result.ups - result.downs, row.ranked_at);
      await q('UPDATE scores SET hotness = ? WHERE item_type = ? AND item_id = ?', [hot, type, id]);
      // /posts ranks every live post, voted or not, from the posts table's own column.
      if (type === 'post') await q('UPDATE posts SET hotness = ? WHERE id = ?', [hot, id]);
    }
    return result;
  }

  // ---- comments ----

  async addComment(c: { itemType: ThreadTarget; itemId: number; parentId: number | null; userId: number; body: string; now: string }): Promise<number | null> {
    return this.transaction(async (q) => {
      // A reply's parent must be a comment of the same thread.
      if (c.parentId !== null && !(await q('SELECT 1 FROM comments WHERE id = ? AND item_type = ? AND item_id = ?', [c.parentId, c.itemType, c.itemId])).count) return null;
      const { rows } = await q<{ id: number }>('INSERT INTO comments (item_type, item_id, parent_id, user_id, body, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id',
        [c.itemType, c.itemId, c.parentId, c.userId, c.body, c.now]);
      return rows[0].id;
    });
  }

  async getComment(id: number): Promise<Comment | null> {
    const row = await this.one<CommentRowDb>(`${COMMENT_SELECT} WHERE c.id = ?`, [id]);
    return row ? toComment(row) : null;
  }

  async thread(type: ThreadTarget, id: number): Promise<Comment[]> {
    return (await this.q<CommentRowDb>(`${COMMENT_SELECT} WHERE c.item_type = ? AND c.item_id = ? ORDER BY c.id`, [type, id])).rows.map(toComment);
  }

  async commentCounts(type: ThreadTarget, ids: number[]): Promise<Map<number, number>> {
    const { rows } = await this.q<{ item_id: number; n: number }>(`SELECT item_id, COUNT(*)::int AS n FROM comments WHERE item_type = ? AND item_id = ANY(?::int[])
      AND deleted_at IS NULL AND removed_at IS NULL GROUP BY item_id`, [type, ids]);
    return new Map(rows.map((r) => [r.item_id, r.n]));
  }

  async commentsByUser(userId: number, limit: number): Promise<Comment[]> {
    return (await this.q<CommentRowDb>(`${COMMENT_SELECT} WHERE c.user_id = ? AND c.deleted_at IS NULL AND c.removed_at IS NULL ORDER BY c.id DESC LIMIT ?`,
      [userId, limit])).rows.map(toComment);
  }

  async editComment(id: number, body: string, now: string): Promise<void> {
    await this.q('UPDATE comments SET body = ?, edited_at = ? WHERE id = ? AND deleted_at IS NULL AND removed_at IS NULL', [body, now, id]);
  }

  async deleteComment(id: number, now: string): Promise<void> {
    await this.q(`UPDATE comments SET body = '', deleted_at = ? WHERE id = ? AND deleted_at IS NULL`, [now, id]);
  }

  async setCommentHidden(id: number, at: string | null): Promise<void> {
    await this.q('UPDATE comments SET hidden_at = ? WHERE id = ?', [at, id]);
  }

  async removeComment(id: number, now: string): Promise<void> {
    await this.q(`UPDATE comments SET body = '', removed_at = COALESCE(removed_at, ?) WHERE id = ?`, [now, id]);
  }

  // ---- reports and moderation ----

  async report(r: { targetType: ReportTarget; targetId: number; reporterId: number; reason: string; now: string }): Promise<number> {
    return this.transaction(async (q) => {
      await q('INSERT INTO reports (target_type, target_id, reporter_id, reason, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
        [r.targetType, r.targetId, r.reporterId, r.reason, r.now]);
      const { rows } = await q<{ n: number }>('SELECT COUNT(*)::int AS n FROM reports WHERE target_type = ? AND target_id = ? AND resolved_at IS NULL',
        [r.targetType, r.targetId]);
      return rows[0].n;
    });
  }

  async openReports(limit: number): Promise<Report[]> {
    const { rows } = await this.q<{ target_type: ReportTarget; target_id: number; n: number; reasons: string[]; first_at: string }>(
      `SELECT target_type, target_id, COUNT(*)::int AS n, array_agg(reason ORDER BY created_at, reporter_id) AS reasons, MIN(created_at) AS first_at
      FROM reports WHERE resolved_at IS NULL GROUP BY target_type, target_id ORDER BY n DESC, first_at LIMIT ?`, [limit]);
    return rows.map((r) => ({ targetType: r.target_type, targetId: r.target_id, reports: r.n, reasons: r.reasons, firstAt: r.first_at }));
  }

  async resolveReports(targetType: ReportTarget, targetId: number, now: string): Promise<number> {
    return (await this.q('UPDATE reports SET resolved_at = ? WHERE target_type = ? AND target_id = ? AND resolved_at IS NULL', [now, targetType, targetId])).count;
  }

  async logModeration(e: { moderatorId: number | null; action: string; targetType: string; targetId: number | null; targetLabel: string; reason: string; now: string }): Promise<void> {
    await this.q(`INSERT INTO moderation_log (moderator_id, action, target_type, target_id, target_label, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [e.moderatorId, e.action, e.targetType, e.targetId, e.targetLabel, e.reason, e.now]);
  }

  async moderationLog(limit: number, offset: number): Promise<ModerationEntry[]> {
    return (await this.q<ModerationEntry>(`SELECT m.id, u.username AS moderator, m.action, m.target_type AS "targetType", m.target_id AS "targetId",
      m.target_label AS "targetLabel", m.reason, m.created_at AS "createdAt"
      FROM moderation_log m LEFT JOIN users u ON u.id = m.moderator_id ORDER BY m.id DESC LIMIT ? OFFSET ?`, [limit, offset])).rows;
  }

  // ---- collections ----

  async createCollection(c: { userId: number; name: string; isPublic: boolean; now: string }): Promise<number | null> {
    return (await this.one<{ id: number }>(`INSERT INTO collections (user_id, name, is_public, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (user_id, name) DO NOTHING RETURNING id`, [c.userId, c.name, c.isPublic ? 1 : 0, c.now, c.now]))?.id ?? null;
  }

  async getCollection(id: number): Promise<Collection | null> {
    const row = await this.one<CollectionRowDb>(`${COLLECTION_SELECT} WHERE c.id = ?`, [id]);
    return row ? toCollection(row) : null;
  }

  async collectionsOf(userId: number): Promise<Collection[]> {
    return (await this.q<CollectionRowDb>(`${COLLECTION_SELECT} WHERE c.user_id = ? ORDER BY c.updated_at DESC, c.id DESC`, [userId])).rows.map(toCollection);
  }

  async updateCollection(id: number, fields: { name: string; isPublic: boolean }, now: string): Promise<boolean> {
    try {
      return await this.transaction(async (q) => {
        const { rows } = await q<{ user_id: number }>('SELECT user_id FROM collections WHERE id = ?', [id]);
        if (!rows.length) return false;
        if ((await q('SELECT 1 FROM collections WHERE user_id = ? AND name = ? AND id <> ?', [rows[0].user_id, fields.name, id])).count) return false;
        await q('UPDATE collections SET name = ?, is_public = ?, updated_at = ? WHERE id = ?', [fields.name, fields.isPublic ? 1 : 0, now, id]);
        return true;
      });
    } catch (err) {
      if (uniqueViolation(err, 'collections_user_id_name_key')) return false;
      throw err;
    }
  }

  async deleteCollection(id: number): Promise<void> {
    await this.q('DELETE FROM collections WHERE id = ?', [id]);
  }

  async addToCollection(id: number, type: CollectionItemType, itemId: number, now: string): Promise<void> {
    await this.transaction(async (q) => {
      await q('INSERT INTO collection_items (collection_id, item_type, item_id, added_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING', [id, type, itemId, now]);
      await q('UPDATE collections SET updated_at = ? WHERE id = ?', [now, id]);
    });
  }

  async removeFromCollection(id: number, type: CollectionItemType, itemId: number, now: string): Promise<void> {
    await this.transaction(async (q) => {
      await q('DELETE FROM collection_items WHERE collection_id = ? AND item_type = ? AND item_id = ?', [id, type, itemId]);
      await q('UPDATE collections SET updated_at = ? WHERE id = ?', [now, id]);
    });
  }

  async collectionItems(id: number): Promise<CollectionItem[]> {
    return (await this.q<CollectionItem>(`SELECT item_type AS "itemType", item_id AS "itemId", added_at AS "addedAt" FROM collection_items
      WHERE collection_id = ? ORDER BY added_at DESC, item_type, item_id`, [id])).rows;
  }

  async collectionsHolding(userId: number, type: CollectionItemType, itemId: number): Promise<number[]> {
    return (await this.q<{ id: number }>(`SELECT c.id FROM collections c JOIN collection_items i ON i.collection_id = c.id
      WHERE c.user_id = ? AND i.item_type = ? AND i.item_id = ?`, [userId, type, itemId])).rows.map((r) => r.id);
  }

  // ---- follows ----

  async follow(userId: number, type: FollowTarget, key: string, now: string): Promise<void> {
    await this.q('INSERT INTO follows (user_id, target_type, target_key, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING', [userId, type, key, now]);
  }

  async unfollow(userId: number, type: FollowTarget, key: string): Promise<void> {
    await this.q('DELETE FROM follows WHERE user_id = ? AND target_type = ? AND target_key = ?', [userId, type, key]);
  }

  async follows(userId: number): Promise<Follow[]> {
    return (await this.q<Follow>(`SELECT target_type AS "targetType", target_key AS "targetKey", created_at AS "createdAt" FROM follows
      WHERE user_id = ? ORDER BY created_at DESC, target_type, target_key`, [userId])).rows;
  }

  async isFollowing(userId: number, type: FollowTarget, key: string): Promise<boolean> {
    return (await this.q('SELECT 1 FROM follows WHERE user_id = ? AND target_type = ? AND target_key = ?', [userId, type, key])).count > 0;
  }

  // ---- data export ----

  async exportUser(userId: number): Promise<Record<string, unknown>> {
    // One snapshot for the whole export, as SQLite reads it in one go.
    return this.transaction(async (q) => {
      const all = async (sql: string) => (await q(sql, [userId])).rows;
      const collections = await all('SELECT id, name, is_public, created_at, updated_at FROM collections WHERE user_id = ? ORDER BY id') as Array<{ id: number }>;
      const items: CollectionItem[][] = [];
      for (const c of collections) {
        items.push((await q<CollectionItem>(`SELECT item_type AS "itemType", item_id AS "itemId", added_at AS "addedAt" FROM collection_items
          WHERE collection_id = ? ORDER BY added_at DESC, item_type, item_id`, [c.id])).rows);
      }
      return {
        sessions: await all('SELECT created_at, seen_at, expires_at, user_agent FROM sessions WHERE user_id = ? ORDER BY created_at'),
        apiTokens: await all('SELECT name, hint, created_at, last_used_at FROM api_tokens WHERE user_id = ? ORDER BY id'),
        posts: await all('SELECT id, kind, title, url, article_id, body, created_at, edited_at, deleted_at FROM posts WHERE user_id = ? ORDER BY id'),
        comments: await all('SELECT id, item_type, item_id, parent_id, body, created_at, edited_at, deleted_at, hidden_at, removed_at FROM comments WHERE user_id = ? ORDER BY id'),
        votes: await all('SELECT item_type, item_id, value, voted_at FROM votes WHERE user_id = ? ORDER BY voted_at'),
        reports: await all('SELECT target_type, target_id, reason, created_at FROM reports WHERE reporter_id = ? ORDER BY created_at'),
        collections: collections.map((c, i) => ({ ...c, items: items[i] })),
        follows: (await q<Follow>(`SELECT target_type AS "targetType", target_key AS "targetKey", created_at AS "createdAt" FROM follows
          WHERE user_id = ? ORDER BY created_at DESC, target_type, target_key`, [userId])).rows,
      };
    }, 'REPEATABLE READ READ ONLY');
  }

  // ---- plumbing ----

  /** Runs `fn` as one transaction on one connection of the pool; any failure rolls all of it back. */
  private async transaction<T>(fn: (q: Query) => Promise<T>, mode = ''): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query(mode ? `BEGIN ISOLATION LEVEL ${mode}` : 'BEGIN');
      try {
        const result = await fn(queryOn(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      }
    } finally {
      client.release();
    }
  }

  private async one<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R | null> {
    return (await this.q<R>(sql, params)).rows[0] ?? null;
  }
}

function queryOn(db: pg.Pool | pg.PoolClient): Query {
  return async <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => {
    let n = 0;
    const res = await db.query<R>(sql.replace(/\?/g, () => `$${++n}`), params);
    return { rows: res.rows, count: res.rowCount ?? 0 };
  };
}

function uniqueViolation(err: unknown, constraint: string): boolean {
  const e = err as { code?: string; constraint?: string };
  return e.code === UNIQUE_VIOLATION && e.constraint === constraint;
}
