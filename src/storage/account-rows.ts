// Rows of the readers' accounts tables as both SQL backends select them, and their mapping to the accounts model.
import type { Collection, Comment, Post, ThreadTarget, UserWithSecret } from '../accounts/model.ts';

export interface UserRowDb {
  id: number;
  username: string;
  email: string;
  password_hash: string;
  is_admin: number;
  banned_at: string | null;
  ban_reason: string | null;
  created_at: string;
}

export interface PostRowDb {
  id: number;
  user_id: number | null;
  username: string | null;
  kind: 'link' | 'text';
  title: string;
  url: string | null;
  canonical_url: string | null;
  article_id: number | null;
  body: string;
  created_at: string;
  edited_at: string | null;
  deleted_at: string | null;
  ups: number | null;
  downs: number | null;
  hotness: number;
  comments: number;
}

export interface CommentRowDb {
  id: number;
  item_type: ThreadTarget;
  item_id: number;
  parent_id: number | null;
  user_id: number | null;
  username: string | null;
  body: string;
  created_at: string;
  edited_at: string | null;
  deleted_at: string | null;
  hidden_at: string | null;
  removed_at: string | null;
  ups: number | null;
  downs: number | null;
}

export interface CollectionRowDb {
  id: number;
  user_id: number;
  owner: string;
  name: string;
  is_public: number;
  created_at: string;
  updated_at: string;
  items: number;
}

/** The users columns `UserRowDb` reads. */
export const USER_COLUMNS = 'id, username, email, password_hash, is_admin, banned_at, ban_reason, created_at';
/** Comments with their authors' names and totals, as `CommentRowDb`. */
export const COMMENT_SELECT = `SELECT c.id, c.item_type, c.item_id, c.parent_id, c.user_id, u.username, c.body, c.created_at,
  c.edited_at, c.deleted_at, c.hidden_at, c.removed_at, s.ups, s.downs
  FROM comments c LEFT JOIN users u ON u.id = c.user_id LEFT JOIN scores s ON s.item_type = 'comment' AND s.item_id = c.id`;

export function toUser(row: UserRowDb | null | undefined): UserWithSecret | null {
  if (!row) return null;
  return {
    id: row.id, username: row.username, email: row.email, passwordHash: row.password_hash, isAdmin: row.is_admin === 1,
    bannedAt: row.banned_at, banReason: row.ban_reason, createdAt: row.created_at,
  };
}

export function toPost(r: PostRowDb): Post {
  return {
    id: r.id, userId: r.user_id, username: r.username, kind: r.kind, title: r.title, url: r.url, canonicalUrl: r.canonical_url,
    articleId: r.article_id, body: r.body, createdAt: r.created_at, editedAt: r.edited_at, deletedAt: r.deleted_at,
    ups: r.ups ?? 0, downs: r.downs ?? 0, hotness: r.hotness, comments: r.comments,
  };
}

export function toComment(r: CommentRowDb): Comment {
  return {
    id: r.id, itemType: r.item_type, itemId: r.item_id, parentId: r.parent_id, userId: r.user_id, username: r.username, body: r.body,
    createdAt: r.created_at, editedAt: r.edited_at, deletedAt: r.deleted_at, hiddenAt: r.hidden_at, removedAt: r.removed_at,
    ups: r.ups ?? 0, downs: r.downs ?? 0,
  };
}

export function toCollection(r: CollectionRowDb): Collection {
  return {
    id: r.id, userId: r.user_id, owner: r.owner, name: r.name, isPublic: r.is_public === 1, createdAt: r.created_at,
    updatedAt: r.updated_at, items: r.items,
  };
}
