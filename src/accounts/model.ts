// Plain types of readers' accounts and community: users, sessions, posts, votes, comments, collections, follows.

/** What can be voted on. */
export const VOTE_TARGETS = ['post', 'article', 'comment'] as const;
export type VoteTarget = (typeof VOTE_TARGETS)[number];

/** What can carry a comment thread. */
export const THREAD_TARGETS = ['post', 'article', 'story'] as const;
export type ThreadTarget = (typeof THREAD_TARGETS)[number];

/** What a collection can hold. */
export const COLLECTION_ITEMS = ['article', 'story'] as const;
export type CollectionItemType = (typeof COLLECTION_ITEMS)[number];

/** What can be followed: an outlet by name, a story by id, a person (entity key) or a reader (username). */
export const FOLLOW_TARGETS = ['outlet', 'story', 'person', 'user'] as const;
export type FollowTarget = (typeof FOLLOW_TARGETS)[number];

/** What can be reported to moderators. */
export const REPORT_TARGETS = ['comment', 'post'] as const;
export type ReportTarget = (typeof REPORT_TARGETS)[number];

export interface User {
  id: number;
  username: string;
  email: string;
  isAdmin: boolean;
  bannedAt: string | null;
  banReason: string | null;
  createdAt: string;
}

/** A user with the secret columns, for the account service only. */
export interface UserWithSecret extends User {
  passwordHash: string;
}

export interface SessionInfo {
  /** SHA-256 of the cookie value; the cookie value itself is never stored. */
  idHash: string;
  userId: number;
  createdAt: string;
  seenAt: string;
  expiresAt: string;
  userAgent: string | null;
}

export interface ApiToken {
  id: number;
  name: string;
  /** First characters of the token, so its owner can tell tokens apart; not enough to use it. */
  hint: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface Post {
  id: number;
  userId: number | null;
  username: string | null;
  kind: 'link' | 'text';
  title: string;
  url: string | null;
  canonicalUrl: string | null;
  articleId: number | null;
  body: string;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  ups: number;
  downs: number;
  hotness: number;
  comments: number;
}

export interface Score {
  ups: number;
  downs: number;
}

export interface Comment {
  id: number;
  itemType: ThreadTarget;
  itemId: number;
  parentId: number | null;
  userId: number | null;
  username: string | null;
  body: string;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  hiddenAt: string | null;
  removedAt: string | null;
  ups: number;
  downs: number;
}

export interface Report {
  targetType: ReportTarget;
  targetId: number;
  reports: number;
  reasons: string[];
  firstAt: string;
}

export interface ModerationEntry {
  id: number;
  moderator: string | null;
  action: string;
  targetType: string;
  targetId: number | null;
  targetLabel: string;
  reason: string;
  createdAt: string;
}

export interface Collection {
  id: number;
  userId: number;
  owner: string;
  name: string;
  isPublic: boolean;
  createdAt: string;
  updatedAt: string;
  items: number;
}

export interface CollectionItem {
  itemType: CollectionItemType;
  itemId: number;
  addedAt: string;
}

export interface Follow {
  targetType: FollowTarget;
  targetKey: string;
  createdAt: string;
}

/** A user without the password hash. */
export function publicUser(u: UserWithSecret): User {
  return { id: u.id, username: u.username, email: u.email, isAdmin: u.isAdmin, bannedAt: u.bannedAt, banReason: u.banReason, createdAt: u.createdAt };
}
