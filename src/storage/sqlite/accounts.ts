// SQLite tables of readers' accounts and community: users, sessions, tokens, resets, throttles, posts, votes,
// comments, moderation, collections and follows. All their SQL lives here; each write is one transaction.
import type Database from 'better-sqlite3';
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

/**
 * One migration. Secrets (session ids, API tokens, reset tokens, feed tokens) are stored only as SHA-256 hashes.
 * Usernames are ASCII (enforced by the service), so NOCASE makes "Alice" and "alice" one name; e-mail addresses
 * are stored lower-cased. Items of the article store (articles, stories) are referred to by id without foreign
 * keys, so these tables do not depend on the backend that holds articles.
 */
export const ACCOUNTS_MIGRATION = `
  CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE COLLATE NOCASE,
    email TEXT NOT NULL UNIQUE COLLATE NOCASE,
    password_hash TEXT NOT NULL,
    is_admin INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
    banned_at TEXT,
    ban_reason TEXT,
    feed_token_hash TEXT UNIQUE,
    created_at TEXT NOT NULL,
    password_changed_at TEXT NOT NULL
  );
  CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    seen_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    user_agent TEXT
  ) WITHOUT ROWID;
  CREATE INDEX sessions_user ON sessions(user_id);
  CREATE INDEX sessions_expiry ON sessions(expires_at);
  CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    hint TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    last_used_at TEXT
  );
  CREATE INDEX api_tokens_user ON api_tokens(user_id);
  CREATE TABLE password_resets (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
  ) WITHOUT ROWID;
  CREATE INDEX password_resets_user ON password_resets(user_id);
  -- Attempts counted for rate limits (failed log-ins, reset requests, registrations) per bucket and key.
  CREATE TABLE throttle (
    bucket TEXT NOT NULL,
    key TEXT NOT NULL,
    at TEXT NOT NULL
  );
  CREATE INDEX throttle_key ON throttle(bucket, key, at);
  CREATE TABLE account_keys (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE posts (
    id INTEGER PRIMARY KEY,
    user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    kind TEXT NOT NULL CHECK (kind IN ('link', 'text')),
    title TEXT NOT NULL,
    url TEXT,
    canonical_url TEXT,
    article_id INTEGER,
    body TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    edited_at TEXT,
    deleted_at TEXT,
    hotness REAL NOT NULL
  );
  -- A URL is submitted once: a second submission finds the first in this index, atomically.
  CREATE UNIQUE INDEX posts_canonical_url ON posts(canonical_url) WHERE canonical_url IS NOT NULL AND deleted_at IS NULL;
  CREATE INDEX posts_hot ON posts(hotness DESC) WHERE deleted_at IS NULL;
  CREATE INDEX posts_new ON posts(created_at DESC) WHERE deleted_at IS NULL;
  CREATE INDEX posts_user ON posts(user_id);
  CREATE INDEX posts_article ON posts(article_id);

  -- One vote per reader per item, changeable; scores keeps the totals in the same transaction as the vote.
  CREATE TABLE votes (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    item_type TEXT NOT NULL CHECK (item_type IN ('post', 'article', 'comment')),
    item_id INTEGER NOT NULL,
    value INTEGER NOT NULL CHECK (value IN (-1, 1)),
    voted_at TEXT NOT NULL,
    PRIMARY KEY (user_id, item_type, item_id)
  ) WITHOUT ROWID;
  CREATE INDEX votes_item ON votes(item_type, item_id);
  CREATE TABLE scores (
    item_type TEXT NOT NULL,
    item_id INTEGER NOT NULL,
    ups INTEGER NOT NULL DEFAULT 0 CHECK (ups >= 0),
    downs INTEGER NOT NULL DEFAULT 0 CHECK (downs >= 0),
    PRIMARY KEY (item_type, item_id)
  ) WITHOUT ROWID;

  CREATE TABLE comments (
    id INTEGER PRIMARY KEY,
    item_type TEXT NOT NULL CHECK (item_type IN ('post', 'article', 'story')),
    item_id INTEGER NOT NULL,
    parent_id INTEGER REFERENCES comments(id),
    user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    edited_at TEXT,
    deleted_at TEXT,
    hidden_at TEXT,
    removed_at TEXT
  );
  CREATE INDEX comments_item ON comments(item_type, item_id, id);
  CREATE INDEX comments_user ON comments(user_id);
  CREATE INDEX comments_parent ON comments(parent_id);

  CREATE TABLE reports (
    target_type TEXT NOT NULL CHECK (target_type IN ('comment', 'post')),
    target_id INTEGER NOT NULL,
    reporter_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    reason TEXT NOT NULL,
    created_at TEXT NOT NULL,
    resolved_at TEXT,
    PRIMARY KEY (target_type, target_id, reporter_id)
  ) WITHOUT ROWID;
  CREATE INDEX reports_open ON reports(resolved_at, created_at);
  -- Kept when the moderator's account goes: the log names the action, not the person.
  CREATE TABLE moderation_log (
    id INTEGER PRIMARY KEY,
    moderator_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    action TEXT NOT NULL,
    target_type TEXT NOT NULL,
    target_id INTEGER,
    target_label TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
  );

  CREATE TABLE collections (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    is_public INTEGER NOT NULL DEFAULT 0 CHECK (is_public IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (user_id, name)
  );
  CREATE TABLE collection_items (
    collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
    item_type TEXT NOT NULL CHECK (item_type IN ('article', 'story')),
    item_id INTEGER NOT NULL,
    added_at TEXT NOT NULL,
    PRIMARY KEY (collection_id, item_type, item_id)
  ) WITHOUT ROWID;
  CREATE INDEX collection_items_item ON collection_items(item_type, item_id);

  CREATE TABLE follows (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    target_type TEXT NOT NULL CHECK (target_type IN ('outlet', 'story', 'person', 'user')),
    target_key TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (user_id, target_type, target_key)
  ) WITHOUT ROWID;
  CREATE INDEX follows_target ON follows(target_type, target_key);`;

/**
 * The second accounts migration: the readers' ranking outside /posts. Each voted post and article keeps, beside its
 * totals, the time its age counts from (`ranked_at`: a post's submission, an article's publication or fetch) and
 * its hotness, updated in the vote's transaction, so "hot with readers" is a walk down `scores_hot`. Comments are
 * not ranked and keep both null. Posts take theirs from the posts table here; articles live in the article store,
 * so theirs are filled in by the community service (`rankUnrankedArticles`) on first use.
 */
export const ACCOUNTS_RANKING_MIGRATION = `
  ALTER TABLE scores ADD COLUMN ranked_at TEXT;
  ALTER TABLE scores ADD COLUMN hotness REAL;
  UPDATE scores SET ranked_at = p.created_at, hotness = p.hotness FROM posts p WHERE scores.item_type = 'post' AND p.id = scores.item_id;
  CREATE INDEX scores_hot ON scores(item_type, hotness DESC, item_id DESC) WHERE hotness IS NOT NULL;`;

/** How long a writer waits, in milliseconds between looks, for a transaction opened elsewhere on this connection. */
const FOREIGN_TX_POLL_MS = 1;

const POST_SELECT = `SELECT p.id, p.user_id, u.username, p.kind, p.title, p.url, p.canonical_url, p.article_id, p.body,
  p.created_at, p.edited_at, p.deleted_at, s.ups, s.downs, p.hotness,
  (SELECT COUNT(*) FROM comments c WHERE c.item_type = 'post' AND c.item_id = p.id) AS comments
  FROM posts p LEFT JOIN users u ON u.id = p.user_id LEFT JOIN scores s ON s.item_type = 'post' AND s.item_id = p.id`;
const COLLECTION_SELECT = `SELECT c.id, c.user_id, u.username AS owner, c.name, c.is_public, c.created_at, c.updated_at,
  (SELECT COUNT(*) FROM collection_items i WHERE i.collection_id = c.id) AS items
  FROM collections c JOIN users u ON u.id = c.user_id`;

export class SqliteAccounts implements AccountsStore {
  private readonly statements = new Map<string, Database.Statement>();

  /**
   * `hotness` recomputes an item's rank from its points and the time its age counts from when a vote changes it,
   * inside the vote's transaction.
   */
  constructor(private readonly db: Database.Database, private readonly hotness: (points: number, createdAt: string) => number) {}

  // ---- users ----

  /** Inserts a user; returns the id, or which unique field is taken. */
  async createUser(u: { username: string; email: string; passwordHash: string; now: string }): Promise<{ id: number } | { conflict: Conflict }> {
    return this.write(() => {
      if (this.stmt('SELECT 1 FROM users WHERE username = ?').get(u.username)) return { conflict: 'username' as const };
      if (this.stmt('SELECT 1 FROM users WHERE email = ?').get(u.email)) return { conflict: 'email' as const };
      const id = this.stmt(`INSERT INTO users (username, email, password_hash, created_at, password_changed_at)
        VALUES (?, ?, ?, ?, ?) RETURNING id`).pluck().get(u.username, u.email, u.passwordHash, u.now, u.now) as number;
      return { id };
    });
  }

  async userById(id: number): Promise<UserWithSecret | null> {
    return toUser(this.stmt(`SELECT ${USER_COLUMNS} FROM users WHERE id = ?`).get(id) as UserRowDb | undefined);
  }

  async userByName(username: string): Promise<UserWithSecret | null> {
    return toUser(this.stmt(`SELECT ${USER_COLUMNS} FROM users WHERE username = ?`).get(username) as UserRowDb | undefined);
  }

  async userByEmail(email: string): Promise<UserWithSecret | null> {
    return toUser(this.stmt(`SELECT ${USER_COLUMNS} FROM users WHERE email = ?`).get(email) as UserRowDb | undefined);
  }

  async listUsers(): Promise<User[]> {
    return (this.stmt(`SELECT ${USER_COLUMNS} FROM users ORDER BY id`).all() as UserRowDb[]).map((r) => publicUser(toUser(r)!));
  }

  async countUsers(): Promise<number> {
    return this.stmt('SELECT COUNT(*) FROM users').pluck().get() as number;
  }

  async setEmail(userId: number, email: string): Promise<boolean> {
    return this.write(() => {
      if (this.stmt('SELECT 1 FROM users WHERE email = ? AND id <> ?').get(email, userId)) return false;
      this.stmt('UPDATE users SET email = ? WHERE id = ?').run(email, userId);
      return true;
    });
  }

  /** Sets a new password hash and ends every session of the user except `keepSessionHash`, and every open reset link. */
  async setPassword(userId: number, passwordHash: string, now: string, keepSessionHash: string | null): Promise<void> {
    await this.write(() => {
      this.stmt('UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?').run(passwordHash, now, userId);
      this.stmt('DELETE FROM sessions WHERE user_id = ? AND id_hash IS NOT ?').run(userId, keepSessionHash);
      this.stmt('UPDATE password_resets SET used_at = ? WHERE user_id = ? AND used_at IS NULL').run(now, userId);
    });
  }

  /** Replaces a stored hash made with older parameters; does nothing if the password changed meanwhile. */
  async rehashPassword(userId: number, oldHash: string, newHash: string): Promise<void> {
    await this.write(() => this.stmt('UPDATE users SET password_hash = ? WHERE id = ? AND password_hash = ?').run(newHash, userId, oldHash));
  }

  /** Bans (ending sessions and API tokens) or lifts a ban. */
  async setBanned(userId: number, ban: { at: string; reason: string } | null): Promise<void> {
    await this.write(() => {
      this.stmt('UPDATE users SET banned_at = ?, ban_reason = ? WHERE id = ?').run(ban?.at ?? null, ban?.reason ?? null, userId);
      if (ban) {
        this.stmt('DELETE FROM sessions WHERE user_id = ?').run(userId);
        this.stmt('DELETE FROM api_tokens WHERE user_id = ?').run(userId);
      }
    });
  }

  async setAdmin(userId: number, admin: boolean): Promise<void> {
    await this.write(() => this.stmt('UPDATE users SET is_admin = ? WHERE id = ?').run(admin ? 1 : 0, userId));
  }

  /**
   * Deletes a user and their data. Their votes are taken back out of the scores; their comments stay in place as
   * "[deleted]" so threads keep their shape; their posts become deleted posts; everything else they own goes.
   */
  async deleteUser(userId: number, now: string): Promise<void> {
    await this.write(() => {
      const votes = this.stmt('SELECT item_type, item_id, value FROM votes WHERE user_id = ?').all(userId) as Array<{ item_type: VoteTarget; item_id: number; value: number }>;
      this.stmt('DELETE FROM votes WHERE user_id = ?').run(userId);
      for (const v of votes) this.applyScore(v.item_type, v.item_id, v.value, 0, null);
      this.stmt(`UPDATE comments SET body = '', user_id = NULL, deleted_at = COALESCE(deleted_at, ?) WHERE user_id = ?`).run(now, userId);
      this.stmt(`UPDATE posts SET title = '', body = '', url = NULL, canonical_url = NULL, user_id = NULL,
        deleted_at = COALESCE(deleted_at, ?) WHERE user_id = ?`).run(now, userId);
      this.stmt('DELETE FROM follows WHERE target_type = ? AND target_key = (SELECT username FROM users WHERE id = ?)').run('user', userId);
      this.stmt('DELETE FROM users WHERE id = ?').run(userId);
    });
  }

  // ---- sessions ----

  async createSession(s: { idHash: string; userId: number; now: string; expiresAt: string; userAgent: string | null }): Promise<void> {
    await this.write(() => this.stmt(`INSERT INTO sessions (id_hash, user_id, created_at, seen_at, expires_at, user_agent)
      VALUES (?, ?, ?, ?, ?, ?)`).run(s.idHash, s.userId, s.now, s.now, s.expiresAt, s.userAgent));
  }

  /** The live session with this hash and its user; expired sessions and banned users give null. */
  async sessionUser(idHash: string, now: string): Promise<{ session: SessionInfo; user: UserWithSecret } | null> {
    const row = this.stmt(`SELECT s.id_hash, s.user_id, s.created_at AS s_created, s.seen_at, s.expires_at, s.user_agent,
        u.id, u.username, u.email, u.password_hash, u.is_admin, u.banned_at, u.ban_reason, u.created_at
      FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.id_hash = ? AND s.expires_at > ? AND u.banned_at IS NULL`).get(idHash, now) as
      (UserRowDb & { id_hash: string; user_id: number; s_created: string; seen_at: string; expires_at: string; user_agent: string | null }) | undefined;
    if (!row) return null;
    return {
      session: { idHash: row.id_hash, userId: row.user_id, createdAt: row.s_created, seenAt: row.seen_at, expiresAt: row.expires_at, userAgent: row.user_agent },
      user: toUser(row)!,
    };
  }

  async touchSession(idHash: string, seenAt: string, expiresAt: string): Promise<void> {
    await this.write(() => this.stmt('UPDATE sessions SET seen_at = ?, expires_at = ? WHERE id_hash = ?').run(seenAt, expiresAt, idHash));
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.write(() => this.stmt('DELETE FROM sessions WHERE id_hash = ?').run(idHash));
  }

  /** Ends every session of a user except `keepHash`. */
  async deleteSessions(userId: number, keepHash: string | null): Promise<void> {
    await this.write(() => this.stmt('DELETE FROM sessions WHERE user_id = ? AND id_hash IS NOT ?').run(userId, keepHash));
  }

  async listSessions(userId: number): Promise<SessionInfo[]> {
    return (this.stmt(`SELECT id_hash AS idHash, user_id AS userId, created_at AS createdAt, seen_at AS seenAt,
      expires_at AS expiresAt, user_agent AS userAgent FROM sessions WHERE user_id = ? ORDER BY seen_at DESC`).all(userId)) as SessionInfo[];
  }

  async countSessions(userId: number): Promise<number> {
    return this.stmt('SELECT COUNT(*) FROM sessions WHERE user_id = ?').pluck().get(userId) as number;
  }

  /** Deletes expired sessions, used or expired reset links and throttle entries older than `throttleBefore`. */
  async prune(now: string, throttleBefore: string): Promise<void> {
    await this.write(() => {
      this.stmt('DELETE FROM sessions WHERE expires_at <= ?').run(now);
      this.stmt('DELETE FROM password_resets WHERE expires_at <= ? OR used_at IS NOT NULL').run(now);
      this.stmt('DELETE FROM throttle WHERE at < ?').run(throttleBefore);
    });
  }

  // ---- API tokens ----

  async createToken(t: { userId: number; name: string; hint: string; tokenHash: string; now: string }): Promise<ApiToken> {
    return this.write(() => {
      const id = this.stmt('INSERT INTO api_tokens (user_id, name, hint, token_hash, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id')
        .pluck().get(t.userId, t.name, t.hint, t.tokenHash, t.now) as number;
      return { id, name: t.name, hint: t.hint, createdAt: t.now, lastUsedAt: null };
    });
  }

  async tokenUser(tokenHash: string): Promise<{ tokenId: number; lastUsedAt: string | null; user: UserWithSecret } | null> {
    const row = this.stmt(`SELECT t.id AS token_id, t.last_used_at, u.id, u.username, u.email, u.password_hash, u.is_admin,
        u.banned_at, u.ban_reason, u.created_at
      FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ? AND u.banned_at IS NULL`).get(tokenHash) as
      (UserRowDb & { token_id: number; last_used_at: string | null }) | undefined;
    return row ? { tokenId: row.token_id, lastUsedAt: row.last_used_at, user: toUser(row)! } : null;
  }

  async touchToken(tokenId: number, now: string): Promise<void> {
    await this.write(() => this.stmt('UPDATE api_tokens SET last_used_at = ? WHERE id = ?').run(now, tokenId));
  }

  async listTokens(userId: number): Promise<ApiToken[]> {
    return this.stmt(`SELECT id, name, hint, created_at AS createdAt, last_used_at AS lastUsedAt FROM api_tokens
      WHERE user_id = ? ORDER BY id`).all(userId) as ApiToken[];
  }

  /** Deletes one of the user's tokens; false when the user has no token with that id. */
  async deleteToken(userId: number, tokenId: number): Promise<boolean> {
    return this.write(() => this.stmt('DELETE FROM api_tokens WHERE id = ? AND user_id = ?').run(tokenId, userId).changes > 0);
  }

  // ---- password resets ----

  async createReset(r: { tokenHash: string; userId: number; now: string; expiresAt: string }): Promise<void> {
    await this.write(() => this.stmt('INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)')
      .run(r.tokenHash, r.userId, r.now, r.expiresAt));
  }

  /** The user a reset link belongs to while it is unused and unexpired. */
  async resetUser(tokenHash: string, now: string): Promise<number | null> {
    return (this.stmt(`SELECT r.user_id FROM password_resets r JOIN users u ON u.id = r.user_id
      WHERE r.token_hash = ? AND r.used_at IS NULL AND r.expires_at > ? AND u.banned_at IS NULL`).pluck().get(tokenHash, now) as number | undefined) ?? null;
  }

  /**
   * Uses a reset link: marks it used (only if still unused and unexpired), sets the password, ends every session
   * and every other open link of the user. Returns the user id, or null when the link was not usable.
   */
  async consumeReset(tokenHash: string, passwordHash: string, now: string): Promise<number | null> {
    return this.write(() => {
      const userId = this.stmt(`UPDATE password_resets SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?
        AND user_id IN (SELECT id FROM users WHERE banned_at IS NULL) RETURNING user_id`).pluck().get(now, tokenHash, now) as number | undefined;
      if (userId === undefined) return null;
      this.stmt('UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?').run(passwordHash, now, userId);
      this.stmt('DELETE FROM sessions WHERE user_id = ?').run(userId);
      this.stmt('UPDATE password_resets SET used_at = ? WHERE user_id = ? AND used_at IS NULL').run(now, userId);
      return userId;
    });
  }

  // ---- throttle ----

  async hit(bucket: string, key: string, now: string): Promise<void> {
    await this.write(() => this.stmt('INSERT INTO throttle (bucket, key, at) VALUES (?, ?, ?)').run(bucket, key, now));
  }

  /** Attempts since `since`, and the oldest of them (when the limit will next allow one more). */
  async hits(bucket: string, key: string, since: string): Promise<{ count: number; oldest: string | null }> {
    return this.stmt('SELECT COUNT(*) AS count, MIN(at) AS oldest FROM throttle WHERE bucket = ? AND key = ? AND at > ?')
      .get(bucket, key, since) as { count: number; oldest: string | null };
  }

  async clearHits(bucket: string, key: string): Promise<void> {
    await this.write(() => this.stmt('DELETE FROM throttle WHERE bucket = ? AND key = ?').run(bucket, key));
  }

  // ---- server keys ----

  /** The stored value of a server key, created by `make` on first use (so it survives restarts). */
  async key(name: string, make: () => string): Promise<string> {
    return this.write(() => {
      this.stmt('INSERT INTO account_keys (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING').run(name, make());
      return this.stmt('SELECT value FROM account_keys WHERE name = ?').pluck().get(name) as string;
    });
  }

  // ---- feed tokens ----

  async setFeedToken(userId: number, tokenHash: string): Promise<void> {
    await this.write(() => this.stmt('UPDATE users SET feed_token_hash = ? WHERE id = ?').run(tokenHash, userId));
  }

  async userByFeedToken(tokenHash: string): Promise<UserWithSecret | null> {
    return toUser(this.stmt(`SELECT ${USER_COLUMNS} FROM users WHERE feed_token_hash = ? AND banned_at IS NULL`).get(tokenHash) as UserRowDb | undefined);
  }

  async hasFeedToken(userId: number): Promise<boolean> {
    return this.stmt('SELECT feed_token_hash IS NOT NULL FROM users WHERE id = ?').pluck().get(userId) === 1;
  }

  // ---- posts ----

  /** Inserts a post; a live post with the same canonical URL wins and its id is returned with `existed`. */
  async createPost(p: NewPost): Promise<{ id: number; existed: boolean }> {
    return this.write(() => {
      const id = this.stmt(`INSERT INTO posts (user_id, kind, title, url, canonical_url, article_id, body, created_at, hotness)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (canonical_url) WHERE canonical_url IS NOT NULL AND deleted_at IS NULL DO NOTHING RETURNING id`)
        .pluck().get(p.userId, p.kind, p.title, p.url, p.canonicalUrl, p.articleId, p.body, p.now, this.hotness(0, p.now)) as number | undefined;
      if (id !== undefined) return { id, existed: false };
      return { id: this.stmt('SELECT id FROM posts WHERE canonical_url = ? AND deleted_at IS NULL').pluck().get(p.canonicalUrl) as number, existed: true };
    });
  }

  async postIdByCanonical(canonicalUrl: string): Promise<number | null> {
    return (this.stmt('SELECT id FROM posts WHERE canonical_url = ? AND deleted_at IS NULL').pluck().get(canonicalUrl) as number | undefined) ?? null;
  }

  async postIdByArticle(articleId: number): Promise<number | null> {
    return (this.stmt('SELECT id FROM posts WHERE article_id = ? AND deleted_at IS NULL ORDER BY id LIMIT 1').pluck().get(articleId) as number | undefined) ?? null;
  }

  async getPost(id: number): Promise<Post | null> {
    const row = this.stmt(`${POST_SELECT} WHERE p.id = ?`).get(id) as PostRowDb | undefined;
    return row ? toPost(row) : null;
  }

  /** Live posts by rank ('hot', from the stored hotness) or by time ('new'). */
  async listPosts(sort: 'hot' | 'new', limit: number, offset: number): Promise<Post[]> {
    const order = sort === 'hot' ? 'p.hotness DESC, p.id DESC' : 'p.created_at DESC, p.id DESC';
    return (this.stmt(`${POST_SELECT} WHERE p.deleted_at IS NULL ORDER BY ${order} LIMIT ? OFFSET ?`).all(limit, offset) as PostRowDb[]).map(toPost);
  }

  async countPosts(): Promise<number> {
    return this.stmt('SELECT COUNT(*) FROM posts WHERE deleted_at IS NULL').pluck().get() as number;
  }

  async postsByUser(userId: number, limit: number): Promise<Post[]> {
    return (this.stmt(`${POST_SELECT} WHERE p.user_id = ? AND p.deleted_at IS NULL ORDER BY p.id DESC LIMIT ?`).all(userId, limit) as PostRowDb[]).map(toPost);
  }

  async updatePost(id: number, fields: { title: string; body: string }, now: string): Promise<void> {
    await this.write(() => this.stmt('UPDATE posts SET title = ?, body = ?, edited_at = ? WHERE id = ? AND deleted_at IS NULL')
      .run(fields.title, fields.body, now, id));
  }

  /** Soft-deletes a post: its comments stay reachable, its URL can be submitted again. */
  async deletePost(id: number, now: string): Promise<void> {
    await this.write(() => this.stmt(`UPDATE posts SET deleted_at = ?, body = '' WHERE id = ? AND deleted_at IS NULL`).run(now, id));
  }

  // ---- votes ----

  /**
   * Sets one reader's vote on an item (+1, -1, or 0 to take it back) and updates the item's totals in the same
   * transaction; its hotness follows. `rankedAt` is the time the item's age counts from (null for comments, which
   * are not ranked). Returns the new totals.
   */
  async vote(userId: number, type: VoteTarget, id: number, value: -1 | 0 | 1, now: string, rankedAt: string | null): Promise<Score> {
    return this.write(() => {
      const old = (this.stmt('SELECT value FROM votes WHERE user_id = ? AND item_type = ? AND item_id = ?').pluck().get(userId, type, id) as number | undefined) ?? 0;
      if (value === 0) this.stmt('DELETE FROM votes WHERE user_id = ? AND item_type = ? AND item_id = ?').run(userId, type, id);
      else {
        this.stmt(`INSERT INTO votes (user_id, item_type, item_id, value, voted_at) VALUES (?, ?, ?, ?, ?)
          ON CONFLICT (user_id, item_type, item_id) DO UPDATE SET value = excluded.value, voted_at = excluded.voted_at`)
          .run(userId, type, id, value, now);
      }
      return this.applyScore(type, id, old, value, rankedAt);
    });
  }

  /** The reader's votes on these items. */
  async votesOf(userId: number, type: VoteTarget, ids: number[]): Promise<Map<number, -1 | 1>> {
    const rows = this.stmt(`SELECT item_id, value FROM votes WHERE user_id = ? AND item_type = ?
      AND item_id IN (SELECT value FROM json_each(?))`).all(userId, type, JSON.stringify(ids)) as Array<{ item_id: number; value: -1 | 1 }>;
    return new Map(rows.map((r) => [r.item_id, r.value]));
  }

  async scoresOf(type: VoteTarget, ids: number[]): Promise<Map<number, Score>> {
    const rows = this.stmt(`SELECT item_id, ups, downs FROM scores WHERE item_type = ? AND item_id IN (SELECT value FROM json_each(?))`)
      .all(type, JSON.stringify(ids)) as Array<{ item_id: number; ups: number; downs: number }>;
    return new Map(rows.map((r) => [r.item_id, { ups: r.ups, downs: r.downs }]));
  }

  /**
   * Live posts readers voted up (more ups than downs), hottest first: a walk down `scores_hot`, which holds only
   * voted items, so unvoted posts cost nothing however many there are.
   */
  async hottestPosts(limit: number): Promise<Post[]> {
    return (this.stmt(`SELECT p.id, p.user_id, u.username, p.kind, p.title, p.url, p.canonical_url, p.article_id, p.body,
        p.created_at, p.edited_at, p.deleted_at, s.ups, s.downs, p.hotness,
        (SELECT COUNT(*) FROM comments c WHERE c.item_type = 'post' AND c.item_id = p.id) AS comments
      FROM scores s JOIN posts p ON p.id = s.item_id LEFT JOIN users u ON u.id = p.user_id
      WHERE s.item_type = 'post' AND s.hotness IS NOT NULL AND s.ups > s.downs AND p.deleted_at IS NULL
      ORDER BY s.hotness DESC, s.item_id DESC LIMIT ?`).all(limit) as PostRowDb[]).map(toPost);
  }

  /** Articles readers voted up, hottest first, with their totals (the same walk as `hottestPosts`). */
  async hottestArticles(limit: number): Promise<Array<{ id: number; hotness: number } & Score>> {
    return this.stmt(`SELECT item_id AS id, ups, downs, hotness FROM scores
      WHERE item_type = 'article' AND hotness IS NOT NULL AND ups > downs ORDER BY hotness DESC, item_id DESC LIMIT ?`)
      .all(limit) as Array<{ id: number; hotness: number } & Score>;
  }

  /**
   * Points readers gave articles through their live link posts, by article: one voice per reader and article (the
   * sign of their votes on its posts), none for a reader who voted on the article itself, so that nobody counts
   * twice. CROSS JOIN fixes the loop order: from the given ids through `posts_article` and `votes_item`, never
   * across every vote.
   */
  async postPointsByArticle(articleIds: number[]): Promise<Map<number, number>> {
    const rows = this.stmt(`SELECT article_id, SUM(CASE WHEN net > 0 THEN 1 WHEN net < 0 THEN -1 ELSE 0 END) AS points FROM (
        SELECT p.article_id, v.user_id, SUM(v.value) AS net FROM json_each(?) j
        CROSS JOIN posts p ON p.article_id = j.value CROSS JOIN votes v ON v.item_type = 'post' AND v.item_id = p.id
        WHERE p.deleted_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM votes a WHERE a.user_id = v.user_id AND a.item_type = 'article' AND a.item_id = p.article_id)
        GROUP BY p.article_id, v.user_id)
      GROUP BY article_id HAVING points <> 0`)
      .all(JSON.stringify([...new Set(articleIds)])) as Array<{ article_id: number; points: number }>;
    return new Map(rows.map((r) => [r.article_id, r.points]));
  }

  /** Voted articles whose ranking time is not known yet (votes from before the ranking migration), by id after `afterId`. */
  async unrankedArticles(afterId: number, limit: number): Promise<number[]> {
    return this.stmt(`SELECT item_id FROM scores WHERE item_type = 'article' AND ranked_at IS NULL AND item_id > ? ORDER BY item_id LIMIT ?`)
      .pluck().all(afterId, limit) as number[];
  }

  /** Sets the time an item's age counts from and recomputes its hotness. */
  async setRankedAt(type: VoteTarget, id: number, rankedAt: string): Promise<void> {
    await this.write(() => {
      const s = this.stmt('SELECT ups, downs FROM scores WHERE item_type = ? AND item_id = ?').get(type, id) as Score | undefined;
      if (s) this.stmt('UPDATE scores SET ranked_at = ?, hotness = ? WHERE item_type = ? AND item_id = ?').run(rankedAt, this.hotness(s.ups - s.downs, rankedAt), type, id);
    });
  }

  /** Totals recounted from the votes themselves next to the stored totals, for consistency checks. */
  async auditScores(): Promise<ScoreAudit[]> {
    return (this.stmt(`SELECT k.item_type, k.item_id, COALESCE(s.ups, 0) AS s_ups, COALESCE(s.downs, 0) AS s_downs,
        COALESCE(v.ups, 0) AS v_ups, COALESCE(v.downs, 0) AS v_downs
      FROM (SELECT item_type, item_id FROM scores UNION SELECT item_type, item_id FROM votes) k
      LEFT JOIN scores s ON s.item_type = k.item_type AND s.item_id = k.item_id
      LEFT JOIN (SELECT item_type, item_id, SUM(value = 1) AS ups, SUM(value = -1) AS downs FROM votes GROUP BY item_type, item_id) v
        ON v.item_type = k.item_type AND v.item_id = k.item_id`).all() as Array<Record<string, number | string>>)
      .map((r) => ({
        itemType: r.item_type as string, itemId: r.item_id as number,
        stored: { ups: r.s_ups as number, downs: r.s_downs as number }, counted: { ups: r.v_ups as number, downs: r.v_downs as number },
      }));
  }

  async countVotes(): Promise<number> {
    return this.stmt('SELECT COUNT(*) FROM votes').pluck().get() as number;
  }

  /**
   * Moves the totals from an old vote value to a new one and recomputes the hotness (caller holds the transaction).
   * A null `rankedAt` keeps the time stored before (a vote taken back when its reader's account is deleted).
   */
  private applyScore(type: VoteTarget, id: number, oldValue: number, newValue: number, rankedAt: string | null): Score {
    const up = (newValue === 1 ? 1 : 0) - (oldValue === 1 ? 1 : 0);
    const down = (newValue === -1 ? 1 : 0) - (oldValue === -1 ? 1 : 0);
    this.stmt('INSERT INTO scores (item_type, item_id) VALUES (?, ?) ON CONFLICT DO NOTHING').run(type, id);
    const row = this.stmt(`UPDATE scores SET ups = ups + ?, downs = downs + ?, ranked_at = COALESCE(?, ranked_at)
      WHERE item_type = ? AND item_id = ? RETURNING ups, downs, ranked_at`).get(up, down, rankedAt, type, id) as Score & { ranked_at: string | null };
    const result = { ups: row.ups, downs: row.downs };
    if (row.ranked_at !== null) {
      const hot = this.hotness(result.ups - result.downs, row.ranked_at);
      this.stmt('UPDATE scores SET hotness = ? WHERE item_type = ? AND item_id = ?').run(hot, type, id);
      // /posts ranks every live post, voted or not, from the posts table's own column.
      if (type === 'post') this.stmt('UPDATE posts SET hotness = ? WHERE id = ?').run(hot, id);
    }
    return result;
  }

  // ---- comments ----

  async addComment(c: { itemType: ThreadTarget; itemId: number; parentId: number | null; userId: number; body: string; now: string }): Promise<number | null> {
    return this.write(() => {
      // A reply's parent must be a comment of the same thread.
      if (c.parentId !== null && !this.stmt('SELECT 1 FROM comments WHERE id = ? AND item_type = ? AND item_id = ?').get(c.parentId, c.itemType, c.itemId)) return null;
      return this.stmt(`INSERT INTO comments (item_type, item_id, parent_id, user_id, body, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`)
        .pluck().get(c.itemType, c.itemId, c.parentId, c.userId, c.body, c.now) as number;
    });
  }

  async getComment(id: number): Promise<Comment | null> {
    const row = this.stmt(`${COMMENT_SELECT} WHERE c.id = ?`).get(id) as CommentRowDb | undefined;
    return row ? toComment(row) : null;
  }

  /** A thread's comments in posting order (the caller builds the tree from parentId). */
  async thread(type: ThreadTarget, id: number): Promise<Comment[]> {
    return (this.stmt(`${COMMENT_SELECT} WHERE c.item_type = ? AND c.item_id = ? ORDER BY c.id`).all(type, id) as CommentRowDb[]).map(toComment);
  }

  async commentCounts(type: ThreadTarget, ids: number[]): Promise<Map<number, number>> {
    const rows = this.stmt(`SELECT item_id, COUNT(*) AS n FROM comments WHERE item_type = ? AND item_id IN (SELECT value FROM json_each(?))
      AND deleted_at IS NULL AND removed_at IS NULL GROUP BY item_id`).all(type, JSON.stringify(ids)) as Array<{ item_id: number; n: number }>;
    return new Map(rows.map((r) => [r.item_id, r.n]));
  }

  async commentsByUser(userId: number, limit: number): Promise<Comment[]> {
    return (this.stmt(`${COMMENT_SELECT} WHERE c.user_id = ? AND c.deleted_at IS NULL AND c.removed_at IS NULL ORDER BY c.id DESC LIMIT ?`)
      .all(userId, limit) as CommentRowDb[]).map(toComment);
  }

  async editComment(id: number, body: string, now: string): Promise<void> {
    await this.write(() => this.stmt('UPDATE comments SET body = ?, edited_at = ? WHERE id = ? AND deleted_at IS NULL AND removed_at IS NULL').run(body, now, id));
  }

  /** Empties a comment and marks it deleted; the row stays so its replies keep their place. */
  async deleteComment(id: number, now: string): Promise<void> {
    await this.write(() => this.stmt(`UPDATE comments SET body = '', deleted_at = ? WHERE id = ? AND deleted_at IS NULL`).run(now, id));
  }

  async setCommentHidden(id: number, at: string | null): Promise<void> {
    await this.write(() => this.stmt('UPDATE comments SET hidden_at = ? WHERE id = ?').run(at, id));
  }

  async removeComment(id: number, now: string): Promise<void> {
    await this.write(() => this.stmt(`UPDATE comments SET body = '', removed_at = COALESCE(removed_at, ?) WHERE id = ?`).run(now, id));
  }

  // ---- reports and moderation ----

  /** Records one reader's report (once per reader and target); returns how many readers reported the target. */
  async report(r: { targetType: ReportTarget; targetId: number; reporterId: number; reason: string; now: string }): Promise<number> {
    return this.write(() => {
      this.stmt(`INSERT INTO reports (target_type, target_id, reporter_id, reason, created_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT DO NOTHING`).run(r.targetType, r.targetId, r.reporterId, r.reason, r.now);
      return this.stmt('SELECT COUNT(*) FROM reports WHERE target_type = ? AND target_id = ? AND resolved_at IS NULL')
        .pluck().get(r.targetType, r.targetId) as number;
    });
  }

  async openReports(limit: number): Promise<Report[]> {
    const rows = this.stmt(`SELECT target_type, target_id, COUNT(*) AS n, json_group_array(reason) AS reasons, MIN(created_at) AS first_at
      FROM reports WHERE resolved_at IS NULL GROUP BY target_type, target_id ORDER BY n DESC, first_at LIMIT ?`).all(limit) as
      Array<{ target_type: ReportTarget; target_id: number; n: number; reasons: string; first_at: string }>;
    return rows.map((r) => ({ targetType: r.target_type, targetId: r.target_id, reports: r.n, reasons: JSON.parse(r.reasons) as string[], firstAt: r.first_at }));
  }

  /** Marks a target's open reports resolved; returns how many were open. */
  async resolveReports(targetType: ReportTarget, targetId: number, now: string): Promise<number> {
    return this.write(() => this.stmt('UPDATE reports SET resolved_at = ? WHERE target_type = ? AND target_id = ? AND resolved_at IS NULL')
      .run(now, targetType, targetId).changes);
  }

  async logModeration(e: { moderatorId: number | null; action: string; targetType: string; targetId: number | null; targetLabel: string; reason: string; now: string }): Promise<void> {
    await this.write(() => this.stmt(`INSERT INTO moderation_log (moderator_id, action, target_type, target_id, target_label, reason, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?)`).run(e.moderatorId, e.action, e.targetType, e.targetId, e.targetLabel, e.reason, e.now));
  }

  async moderationLog(limit: number, offset: number): Promise<ModerationEntry[]> {
    return this.stmt(`SELECT m.id, u.username AS moderator, m.action, m.target_type AS targetType, m.target_id AS targetId,
      m.target_label AS targetLabel, m.reason, m.created_at AS createdAt
      FROM moderation_log m LEFT JOIN users u ON u.id = m.moderator_id ORDER BY m.id DESC LIMIT ? OFFSET ?`).all(limit, offset) as ModerationEntry[];
  }

  // ---- collections ----

  /** Creates a collection; null when the user already has one with that name. */
  async createCollection(c: { userId: number; name: string; isPublic: boolean; now: string }): Promise<number | null> {
    return this.write(() => (this.stmt(`INSERT INTO collections (user_id, name, is_public, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (user_id, name) DO NOTHING RETURNING id`).pluck().get(c.userId, c.name, c.isPublic ? 1 : 0, c.now, c.now) as number | undefined) ?? null);
  }

  async getCollection(id: number): Promise<Collection | null> {
    const row = this.stmt(`${COLLECTION_SELECT} WHERE c.id = ?`).get(id) as CollectionRowDb | undefined;
    return row ? toCollection(row) : null;
  }

  async collectionsOf(userId: number): Promise<Collection[]> {
    return (this.stmt(`${COLLECTION_SELECT} WHERE c.user_id = ? ORDER BY c.updated_at DESC, c.id DESC`).all(userId) as CollectionRowDb[]).map(toCollection);
  }

  /** Updates name and visibility; false when the new name is taken by another collection of the same user. */
  async updateCollection(id: number, fields: { name: string; isPublic: boolean }, now: string): Promise<boolean> {
    return this.write(() => {
      const c = this.stmt('SELECT user_id FROM collections WHERE id = ?').pluck().get(id) as number | undefined;
      if (c === undefined) return false;
      if (this.stmt('SELECT 1 FROM collections WHERE user_id = ? AND name = ? AND id <> ?').get(c, fields.name, id)) return false;
      this.stmt('UPDATE collections SET name = ?, is_public = ?, updated_at = ? WHERE id = ?').run(fields.name, fields.isPublic ? 1 : 0, now, id);
      return true;
    });
  }

  async deleteCollection(id: number): Promise<void> {
    await this.write(() => this.stmt('DELETE FROM collections WHERE id = ?').run(id));
  }

  async addToCollection(id: number, type: CollectionItemType, itemId: number, now: string): Promise<void> {
    await this.write(() => {
      this.stmt('INSERT INTO collection_items (collection_id, item_type, item_id, added_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING')
        .run(id, type, itemId, now);
      this.stmt('UPDATE collections SET updated_at = ? WHERE id = ?').run(now, id);
    });
  }

  async removeFromCollection(id: number, type: CollectionItemType, itemId: number, now: string): Promise<void> {
    await this.write(() => {
      this.stmt('DELETE FROM collection_items WHERE collection_id = ? AND item_type = ? AND item_id = ?').run(id, type, itemId);
      this.stmt('UPDATE collections SET updated_at = ? WHERE id = ?').run(now, id);
    });
  }

  async collectionItems(id: number): Promise<CollectionItem[]> {
    return this.stmt(`SELECT item_type AS itemType, item_id AS itemId, added_at AS addedAt FROM collection_items
      WHERE collection_id = ? ORDER BY added_at DESC, item_type, item_id`).all(id) as CollectionItem[];
  }

  /** Ids of the user's collections that hold an item. */
  async collectionsHolding(userId: number, type: CollectionItemType, itemId: number): Promise<number[]> {
    return this.stmt(`SELECT c.id FROM collections c JOIN collection_items i ON i.collection_id = c.id
      WHERE c.user_id = ? AND i.item_type = ? AND i.item_id = ?`).pluck().all(userId, type, itemId) as number[];
  }

  // ---- follows ----

  async follow(userId: number, type: FollowTarget, key: string, now: string): Promise<void> {
    await this.write(() => this.stmt('INSERT INTO follows (user_id, target_type, target_key, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING')
      .run(userId, type, key, now));
  }

  async unfollow(userId: number, type: FollowTarget, key: string): Promise<void> {
    await this.write(() => this.stmt('DELETE FROM follows WHERE user_id = ? AND target_type = ? AND target_key = ?').run(userId, type, key));
  }

  async follows(userId: number): Promise<Follow[]> {
    return this.stmt(`SELECT target_type AS targetType, target_key AS targetKey, created_at AS createdAt FROM follows
      WHERE user_id = ? ORDER BY created_at DESC, target_type, target_key`).all(userId) as Follow[];
  }

  async isFollowing(userId: number, type: FollowTarget, key: string): Promise<boolean> {
    return this.stmt('SELECT 1 FROM follows WHERE user_id = ? AND target_type = ? AND target_key = ?').get(userId, type, key) !== undefined;
  }

  // ---- data export ----

  /** Everything stored about a user and by them, except secrets (hashes), as plain rows. */
  async exportUser(userId: number): Promise<Record<string, unknown>> {
    const all = (sql: string) => this.stmt(sql).all(userId);
    const collections = this.stmt('SELECT id, name, is_public, created_at, updated_at FROM collections WHERE user_id = ? ORDER BY id').all(userId) as Array<{ id: number }>;
    const items = await Promise.all(collections.map((c) => this.collectionItems(c.id)));
    return {
      sessions: all('SELECT created_at, seen_at, expires_at, user_agent FROM sessions WHERE user_id = ? ORDER BY created_at'),
      apiTokens: all('SELECT name, hint, created_at, last_used_at FROM api_tokens WHERE user_id = ? ORDER BY id'),
      posts: all('SELECT id, kind, title, url, article_id, body, created_at, edited_at, deleted_at FROM posts WHERE user_id = ? ORDER BY id'),
      comments: all('SELECT id, item_type, item_id, parent_id, body, created_at, edited_at, deleted_at, hidden_at, removed_at FROM comments WHERE user_id = ? ORDER BY id'),
      votes: all('SELECT item_type, item_id, value, voted_at FROM votes WHERE user_id = ? ORDER BY voted_at'),
      reports: all('SELECT target_type, target_id, reason, created_at FROM reports WHERE reporter_id = ? ORDER BY created_at'),
      collections: collections.map((c, i) => ({ ...c, items: items[i] })),
      follows: await this.follows(userId),
    };
  }

  // ---- plumbing ----

  /**
   * Runs `fn` as one immediate transaction. The connection may be shared with the article store, whose
   * transactions can span awaits; a write waits until such a transaction has ended rather than joining it.
   */
  private async write<T>(fn: () => T): Promise<T> {
    while (this.db.inTransaction) await new Promise((r) => setTimeout(r, FOREIGN_TX_POLL_MS));
    return this.db.transaction(fn).immediate();
  }

  private stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }
}
