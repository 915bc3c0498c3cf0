// What the accounts services need from a database: one asynchronous interface, met by the SQLite tables
// (storage/sqlite/accounts.ts) and the PostgreSQL ones (storage/postgres/accounts.ts). Each write is one transaction.
import type {
  ApiToken, Collection, CollectionItem, CollectionItemType, Comment, Follow, FollowTarget, ModerationEntry, Post,
  Report, ReportTarget, Score, SessionInfo, ThreadTarget, User, UserWithSecret, VoteTarget,
} from './model.ts';

/** Which unique field of a new user is taken. */
export type Conflict = 'username' | 'email';

/** An item's stored totals next to the totals recounted from its votes. */
export interface ScoreAudit {
  itemType: string;
  itemId: number;
  stored: Score;
  counted: Score;
}

/** A post to store: its fields as the reader gave them, with its author and the time. */
export type NewPost = Pick<Post, 'kind' | 'title' | 'url' | 'canonicalUrl' | 'articleId' | 'body'> & { userId: number; now: string };

export interface AccountsStore {
  // ---- users ----
  /** Inserts a user; returns the id, or which unique field is taken (names and addresses compare without case). */
  createUser(u: { username: string; email: string; passwordHash: string; now: string }): Promise<{ id: number } | { conflict: Conflict }>;
  userById(id: number): Promise<UserWithSecret | null>;
  userByName(username: string): Promise<UserWithSecret | null>;
  userByEmail(email: string): Promise<UserWithSecret | null>;
  listUsers(): Promise<User[]>;
  countUsers(): Promise<number>;
  /** False when another user has the address. */
  setEmail(userId: number, email: string): Promise<boolean>;
  /** Sets a new password hash and ends every session of the user except `keepSessionHash`, and every open reset link. */
  setPassword(userId: number, passwordHash: string, now: string, keepSessionHash: string | null): Promise<void>;
  /** Replaces a stored hash made with older parameters; does nothing if the password changed meanwhile. */
  rehashPassword(userId: number, oldHash: string, newHash: string): Promise<void>;
  /** Bans (ending sessions and API tokens) or lifts a ban. */
  setBanned(userId: number, ban: { at: string; reason: string } | null): Promise<void>;
  setAdmin(userId: number, admin: boolean): Promise<void>;
  /**
   * Deletes a user and their data. Their votes are taken back out of the scores; their comments stay in place as
   * "[deleted]" so threads keep their shape; their posts become deleted posts; everything else they own goes.
   */
  deleteUser(userId: number, now: string): Promise<void>;

  // ---- sessions ----
  createSession(s: { idHash: string; userId: number; now: string; expiresAt: string; userAgent: string | null }): Promise<void>;
  /** The live session with this hash and its user; expired sessions and banned users give null. */
  sessionUser(idHash: string, now: string): Promise<{ session: SessionInfo; user: UserWithSecret } | null>;
  touchSession(idHash: string, seenAt: string, expiresAt: string): Promise<void>;
  deleteSession(idHash: string): Promise<void>;
  /** Ends every session of a user except `keepHash`. */
  deleteSessions(userId: number, keepHash: string | null): Promise<void>;
  listSessions(userId: number): Promise<SessionInfo[]>;
  countSessions(userId: number): Promise<number>;
  /** Deletes expired sessions, used or expired reset links and throttle entries older than `throttleBefore`. */
  prune(now: string, throttleBefore: string): Promise<void>;

  // ---- API tokens ----
  createToken(t: { userId: number; name: string; hint: string; tokenHash: string; now: string }): Promise<ApiToken>;
  tokenUser(tokenHash: string): Promise<{ tokenId: number; lastUsedAt: string | null; user: UserWithSecret } | null>;
  touchToken(tokenId: number, now: string): Promise<void>;
  listTokens(userId: number): Promise<ApiToken[]>;
  /** Deletes one of the user's tokens; false when the user has no token with that id. */
  deleteToken(userId: number, tokenId: number): Promise<boolean>;

  // ---- password resets ----
  createReset(r: { tokenHash: string; userId: number; now: string; expiresAt: string }): Promise<void>;
  /** The user a reset link belongs to while it is unused and unexpired. */
  resetUser(tokenHash: string, now: string): Promise<number | null>;
  /**
   * Uses a reset link: marks it used (only if still unused and unexpired), sets the password, ends every session
   * and every other open link of the user. Returns the user id, or null when the link was not usable.
   */
  consumeReset(tokenHash: string, passwordHash: string, now: string): Promise<number | null>;

  // ---- throttle ----
  hit(bucket: string, key: string, now: string): Promise<void>;
  /** Attempts since `since`, and the oldest of them (when the limit will next allow one more). */
  hits(bucket: string, key: string, since: string): Promise<{ count: number; oldest: string | null }>;
  clearHits(bucket: string, key: string): Promise<void>;

  // ---- server keys ----
  /** The stored value of a server key, created by `make` on first use (so it survives restarts). */
  key(name: string, make: () => string): Promise<string>;

  // ---- feed tokens ----
  setFeedToken(userId: number, tokenHash: string): Promise<void>;
  userByFeedToken(tokenHash: string): Promise<UserWithSecret | null>;
  hasFeedToken(userId: number): Promise<boolean>;

  // ---- posts ----
  /** Inserts a post; a live post with the same canonical URL wins and its id is returned with `existed`. */
  createPost(p: NewPost): Promise<{ id: number; existed: boolean }>;
  postIdByCanonical(canonicalUrl: string): Promise<number | null>;
  postIdByArticle(articleId: number): Promise<number | null>;
  getPost(id: number): Promise<Post | null>;
  /** Live posts by rank ('hot', from the stored hotness) or by time ('new'). */
  listPosts(sort: 'hot' | 'new', limit: number, offset: number): Promise<Post[]>;
  countPosts(): Promise<number>;
  postsByUser(userId: number, limit: number): Promise<Post[]>;
  updatePost(id: number, fields: { title: string; body: string }, now: string): Promise<void>;
  /** Soft-deletes a post: its comments stay reachable, its URL can be submitted again. */
  deletePost(id: number, now: string): Promise<void>;

  // ---- votes ----
  /**
   * Sets one reader's vote on an item (+1, -1, or 0 to take it back) and updates the item's totals in the same
   * transaction; its hotness follows. `rankedAt` is the time the item's age counts from (null for comments, which
   * are not ranked). Returns the new totals.
   */
  vote(userId: number, type: VoteTarget, id: number, value: -1 | 0 | 1, now: string, rankedAt: string | null): Promise<Score>;
  /** The reader's votes on these items. */
  votesOf(userId: number, type: VoteTarget, ids: number[]): Promise<Map<number, -1 | 1>>;
  scoresOf(type: VoteTarget, ids: number[]): Promise<Map<number, Score>>;
  /** Live posts readers voted up (more ups than downs), hottest first. */
  hottestPosts(limit: number): Promise<Post[]>;
  /** Articles readers voted up, hottest first, with their totals. */
  hottestArticles(limit: number): Promise<Array<{ id: number; hotness: number } & Score>>;
  /**
   * Points readers gave articles through their live link posts, by article: one voice per reader and article (the
   * sign of their votes on its posts), none for a reader who also voted on the article itself.
   */
  postPointsByArticle(articleIds: number[]): Promise<Map<number, number>>;
  /** Voted articles whose ranking time is not known yet, by id after `afterId`. */
  unrankedArticles(afterId: number, limit: number): Promise<number[]>;
  /** Sets the time an item's age counts from and recomputes its hotness. */
  setRankedAt(type: VoteTarget, id: number, rankedAt: string): Promise<void>;
  /** Totals recounted from the votes themselves next to the stored totals, for consistency checks. */
  auditScores(): Promise<ScoreAudit[]>;
  countVotes(): Promise<number>;

  // ---- comments ----
  /** Adds a comment; null when the parent is not a comment of the same thread. */
  addComment(c: { itemType: ThreadTarget; itemId: number; parentId: number | null; userId: number; body: string; now: string }): Promise<number | null>;
  getComment(id: number): Promise<Comment | null>;
  /** A thread's comments in posting order (the caller builds the tree from parentId). */
  thread(type: ThreadTarget, id: number): Promise<Comment[]>;
  /** Live comments per item. */
  commentCounts(type: ThreadTarget, ids: number[]): Promise<Map<number, number>>;
  commentsByUser(userId: number, limit: number): Promise<Comment[]>;
  editComment(id: number, body: string, now: string): Promise<void>;
  /** Empties a comment and marks it deleted; the row stays so its replies keep their place. */
  deleteComment(id: number, now: string): Promise<void>;
  setCommentHidden(id: number, at: string | null): Promise<void>;
  removeComment(id: number, now: string): Promise<void>;

  // ---- reports and moderation ----
  /** Records one reader's report (once per reader and target); returns how many readers reported the target. */
  report(r: { targetType: ReportTarget; targetId: number; reporterId: number; reason: string; now: string }): Promise<number>;
  openReports(limit: number): Promise<Report[]>;
  /** Marks a target's open reports resolved; returns how many were open. */
  resolveReports(targetType: ReportTarget, targetId: number, now: string): Promise<number>;
  logModeration(e: { moderatorId: number | null; action: string; targetType: string; targetId: number | null; targetLabel: string; reason: string; now: string }): Promise<void>;
  moderationLog(limit: number, offset: number): Promise<ModerationEntry[]>;

  // ---- collections ----
  /** Creates a collection; null when the user already has one with that name. */
  createCollection(c: { userId: number; name: string; isPublic: boolean; now: string }): Promise<number | null>;
  getCollection(id: number): Promise<Collection | null>;
  collectionsOf(userId: number): Promise<Collection[]>;
  /** Updates name and visibility; false when the new name is taken by another collection of the same user. */
  updateCollection(id: number, fields: { name: string; isPublic: boolean }, now: string): Promise<boolean>;
  deleteCollection(id: number): Promise<void>;
  addToCollection(id: number, type: CollectionItemType, itemId: number, now: string): Promise<void>;
  removeFromCollection(id: number, type: CollectionItemType, itemId: number, now: string): Promise<void>;
  collectionItems(id: number): Promise<CollectionItem[]>;
  /** Ids of the user's collections that hold an item. */
  collectionsHolding(userId: number, type: CollectionItemType, itemId: number): Promise<number[]>;

  // ---- follows ----
  /** Following twice is the same as once. */
  follow(userId: number, type: FollowTarget, key: string, now: string): Promise<void>;
  unfollow(userId: number, type: FollowTarget, key: string): Promise<void>;
  follows(userId: number): Promise<Follow[]>;
  isFollowing(userId: number, type: FollowTarget, key: string): Promise<boolean>;

  // ---- data export ----
  /** Everything stored about a user and by them, except secrets (hashes), as plain rows; flags are 0 or 1. */
  exportUser(userId: number): Promise<Record<string, unknown>>;
}
