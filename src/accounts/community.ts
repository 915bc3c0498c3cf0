// Community use cases: link and text posts, votes with points and ranking, threaded comments, reports and moderation.
import type { AccountsStore } from './store.ts';
import { canonicalUrl } from '../pipeline/dedup/url.ts';
import type {
  Comment, ModerationEntry, Post, Report, ReportTarget, Score, ThreadTarget, User, VoteTarget,
} from './model.ts';
import type { ArticleRef, Library } from './library.ts';
import { AccountError, forbidden, invalid, notFound } from './errors.ts';
import {
  COMMENT_MAX, EDIT_WINDOW_MS, HOT_STORY_EXTRA, HOT_STORY_POOL, POST_BODY_MAX, REPORTS_TO_HIDE, REPORT_REASON_MAX, TITLE_MAX, storyHotness,
} from './policy.ts';
import * as v from './validate.ts';

/** How a comment shows in its thread: its text only when it is neither deleted, removed nor hidden from the viewer. */
export type CommentState = 'visible' | 'deleted' | 'removed' | 'hidden';

export interface CommentNode {
  id: number;
  parentId: number | null;
  /** Null when the comment or its author's account was deleted. */
  author: string | null;
  /** Empty unless the viewer may read it. */
  body: string;
  state: CommentState;
  createdAt: string;
  editedAt: string | null;
  points: number;
  /** The viewer's vote on it. */
  myVote: -1 | 0 | 1;
  /** Whether the viewer may still edit it (author, inside the edit window). */
  canEdit: boolean;
  canDelete: boolean;
  children: CommentNode[];
}

/** One entry of "Hot with readers": a post, or an article readers voted on where it is published. */
export type HotItem =
  | { type: 'post'; post: Post; points: number }
  | { type: 'article'; article: ArticleRef; points: number };

/** A story as the readers' ranking needs it: its id and the dates its age is taken from. */
export interface RankableStory {
  id: number;
  last: string | null;
  updatedAt: string;
}

/** Where the ranking gets its candidate stories: the most recent ones, and given ones (both after the page's filters). */
export interface StorySource<T extends RankableStory> {
  recent(limit: number): Promise<T[]>;
  byIds(ids: number[]): Promise<T[]>;
}

/** Voted articles whose ranking time is filled in per batch when votes from before the ranking migration are found. */
const RANK_BATCH = 500;

export interface SubmitResult {
  post: Post;
  /** The URL had been submitted before: `post` is the earlier submission. */
  existed: boolean;
  /** The page could not be fetched; the link is posted without an article. */
  fetchError: string | null;
}

export class CommunityService {
  /** Set once every voted article has its ranking time (see `rankUnrankedArticles`). */
  private articlesRanked: Promise<void> | null = null;

  constructor(
    private readonly sql: AccountsStore,
    private readonly library: Library,
    private readonly now: () => Date = () => new Date(),
  ) {}

  // ---- posts ----

  /**
   * Submits a link (fetched and ingested, so it joins its story) or a text post. A URL submitted before, under any
   * address form that canonicalises the same, or whose page is stored as a copy of a posted article, returns
   * the earlier post instead of a new one.
   */
  async submit(user: User, input: { title: unknown; url?: unknown; body?: unknown }): Promise<SubmitResult> {
    const title = v.text(input.title, TITLE_MAX, 'title');
    const rawUrl = v.cleanText(input.url);
    const body = v.optionalText(input.body, POST_BODY_MAX, 'body');
    if (!rawUrl) {
      if (!body) throw invalid('error.linkOrText', 'url');
      const { id } = await this.sql.createPost({ userId: user.id, kind: 'text', title, url: null, canonicalUrl: null, articleId: null, body, now: this.iso() });
      return { post: (await this.sql.getPost(id))!, existed: false, fetchError: null };
    }
    const url = v.httpUrl(rawUrl);
    const canonical = canonicalUrl(url);
    const earlier = canonical ? await this.sql.postIdByCanonical(canonical) : null;
    if (earlier !== null) return { post: (await this.sql.getPost(earlier))!, existed: true, fetchError: null };
    let articleId: number | null = null;
    let fetchError: string | null = null;
    const known = canonical ? await this.library.articleByUrl(canonical) : null;
    if (known) articleId = known.id;
    else {
      try {
        articleId = (await this.library.ingestLink(url)).id;
      } catch (err) {
        fetchError = err instanceof Error ? err.message : String(err);
      }
    }
    // The page may be a copy (or the redirect target) of an article someone already posted.
    const sameArticle = articleId !== null ? await this.sql.postIdByArticle(articleId) : null;
    if (sameArticle !== null) return { post: (await this.sql.getPost(sameArticle))!, existed: true, fetchError: null };
    const created = await this.sql.createPost({ userId: user.id, kind: 'link', title, url, canonicalUrl: canonical, articleId, body, now: this.iso() });
    return { post: (await this.sql.getPost(created.id))!, existed: created.existed, fetchError: created.existed ? null : fetchError };
  }

  /** A post as anyone may see it: deleted posts keep their place (for their comments) without their content. */
  async getPost(id: number): Promise<Post> {
    const p = await this.sql.getPost(id);
    if (!p) throw notFound();
    return p.deletedAt ? { ...p, title: '', body: '', url: null } : p;
  }

  async listPosts(sort: 'hot' | 'new', limit: number, offset: number): Promise<{ posts: Post[]; total: number }> {
    const [posts, total] = await Promise.all([this.sql.listPosts(sort, limit, offset), this.sql.countPosts()]);
    return { posts, total };
  }

  postsBy(userId: number, limit = 50): Promise<Post[]> {
    return this.sql.postsByUser(userId, limit);
  }

  async editPost(user: User, id: number, input: { title: unknown; body?: unknown }): Promise<Post> {
    const p = await this.ownPost(user, id);
    const title = v.text(input.title, TITLE_MAX, 'title');
    const body = v.optionalText(input.body, POST_BODY_MAX, 'body');
    if (p.kind === 'text' && !body) throw invalid('error.required', 'body');
    await this.sql.updatePost(id, { title, body }, this.iso());
    return (await this.sql.getPost(id))!;
  }

  async deletePost(user: User, id: number): Promise<void> {
    const p = await this.sql.getPost(id);
    if (!p || p.deletedAt) throw notFound();
    if (user.isAdmin && p.userId !== user.id) {
      await this.sql.deletePost(id, this.iso());
      await this.log(user, 'remove-post', 'post', id, p.title, '');
      return;
    }
    await this.ownPost(user, id);
    await this.sql.deletePost(id, this.iso());
  }

  /** The caller's own live post, inside the edit window. */
  private async ownPost(user: User, id: number): Promise<Post> {
    const p = await this.sql.getPost(id);
    if (!p || p.deletedAt) throw notFound();
    if (p.userId !== user.id) throw forbidden();
    if (!this.inWindow(p.createdAt)) throw new AccountError('edit_window', 'error.editWindow', { vars: { minutes: EDIT_WINDOW_MS / 60_000 } });
    return p;
  }

  canEditPost(user: User | null, p: Post): boolean {
    return !!user && p.userId === user.id && !p.deletedAt && this.inWindow(p.createdAt);
  }

  // ---- votes ----

  /** Sets the reader's vote (+1, -1, or 0 to take it back) on an item that exists; returns the item's new totals. */
  async vote(user: User, type: VoteTarget, id: number, value: unknown): Promise<Score & { points: number; myVote: -1 | 0 | 1 }> {
    const n = typeof value === 'string' ? Number(value) : value;
    if (n !== 1 && n !== -1 && n !== 0) throw invalid('error.invalid', 'value');
    const rankedAt = await this.requireVotable(user, type, id);
    const score = await this.sql.vote(user.id, type, id, n, this.iso(), rankedAt);
    return { ...score, points: score.ups - score.downs, myVote: n };
  }

  /** Checks the item can take this reader's vote; returns the time its age counts from (null: not ranked). */
  private async requireVotable(user: User, type: VoteTarget, id: number): Promise<string | null> {
    if (type === 'article') {
      const article = await this.library.article(id);
      if (!article) throw notFound();
      return article.date;
    }
    const item = type === 'post' ? await this.sql.getPost(id) : await this.sql.getComment(id);
    if (!item || item.deletedAt || ('removedAt' in item && item.removedAt)) throw notFound();
    // Points measure what others think: authors do not vote on their own posts and comments.
    if (item.userId === user.id) throw new AccountError('forbidden', 'error.ownVote');
    return type === 'post' ? item.createdAt : null;
  }

  /** Points of items and the viewer's votes on them. */
  async points(type: VoteTarget, ids: number[], viewer: User | null): Promise<Map<number, { points: number; ups: number; downs: number; myVote: -1 | 0 | 1 }>> {
    const [scores, mine] = await Promise.all([
      this.sql.scoresOf(type, ids),
      viewer ? this.sql.votesOf(viewer.id, type, ids) : new Map<number, -1 | 1>(),
    ]);
    return new Map(ids.map((id) => {
      const s = scores.get(id) ?? { ups: 0, downs: 0 };
      return [id, { ...s, points: s.ups - s.downs, myVote: mine.get(id) ?? 0 }];
    }));
  }

  // ---- the readers' ranking outside /posts ----

  /**
   * "Hot with readers": posts and articles with more up than down votes, hottest first (the one hotness of
   * policy.ts). An article a listed post links to is left to the post, so one link does not show twice.
   */
  async hotWithReaders(limit: number): Promise<HotItem[]> {
    await this.rankUnrankedArticles();
    const posts = await this.sql.hottestPosts(limit);
    const linked = new Set(posts.map((p) => p.articleId));
    const voted = (await this.sql.hottestArticles(limit + posts.length)).filter((a) => !linked.has(a.id));
    const refs = await Promise.all(voted.map((a) => this.library.article(a.id)));
    const items: Array<HotItem & { hotness: number }> = [
      ...posts.map((p) => ({ type: 'post' as const, post: p, points: p.ups - p.downs, hotness: p.hotness })),
      ...voted.flatMap((a, i) => {
        const article = refs[i];
        return article ? [{ type: 'article' as const, article, points: a.ups - a.downs, hotness: a.hotness }] : [];
      }),
    ];
    return items.sort((x, y) => y.hotness - x.hotness).slice(0, limit).map(({ hotness: _, ...item }) => item);
  }

  /**
   * Stories in the readers' order: the most recent ones and those holding the hottest voted items, ranked by
   * `storyHotness` (ties keep the news order). Each comes with its points.
   */
  async rankStories<T extends RankableStory>(source: StorySource<T>): Promise<Array<{ story: T; points: number }>> {
    await this.rankUnrankedArticles();
    const [recent, hot] = await Promise.all([source.recent(HOT_STORY_POOL), this.hotStoryIds(HOT_STORY_EXTRA)]);
    const known = new Set(recent.map((s) => s.id));
    const stories = [...recent, ...(await source.byIds(hot.filter((id) => !known.has(id))))];
    const points = await this.storyPoints(stories.map((s) => s.id));
    return stories
      .map((story, order) => {
        const p = points.get(story.id) ?? 0;
        return { story, points: p, hotness: storyHotness(p, story), order };
      })
      .sort((x, y) => y.hotness - x.hotness || x.order - y.order)
      .map(({ story, points: p }) => ({ story, points: p }));
  }

  /**
   * Net points of stories: their articles' points plus what readers gave them through live link posts, where a
   * reader who voted on both an article and its link post counts once.
   */
  async storyPoints(storyIds: number[]): Promise<Map<number, number>> {
    const members = await this.library.storyArticleIds(storyIds);
    const articleIds = [...members.values()].flat();
    const [articles, posts] = await Promise.all([this.sql.scoresOf('article', articleIds), this.sql.postPointsByArticle(articleIds)]);
    const out = new Map<number, number>();
    for (const [story, ids] of members) {
      let points = 0;
      for (const id of ids) {
        const s = articles.get(id);
        points += (s ? s.ups - s.downs : 0) + (posts.get(id) ?? 0);
      }
      out.set(story, points);
    }
    return out;
  }

  /** Stories of the hottest voted articles and link posts, hottest first, each once. */
  private async hotStoryIds(limit: number): Promise<number[]> {
    const [articles, posts] = await Promise.all([this.sql.hottestArticles(limit), this.sql.hottestPosts(limit)]);
    const articleIds = [
      ...articles.map((a) => a.id),
      ...posts.flatMap((p) => (p.articleId !== null ? [p.articleId] : [])),
    ];
    const stories = await this.library.articleStoryIds(articleIds);
    return [...new Set(articleIds.flatMap((id) => (stories.has(id) ? [stories.get(id)!] : [])))];
  }

  /**
   * Gives voted articles from before the ranking migration their ranking time (from the article store), once per
   * process and in batches; later votes carry it. An article the store no longer has stays unranked.
   */
  private rankUnrankedArticles(): Promise<void> {
    this.articlesRanked ??= (async () => {
      let after = 0;
      for (;;) {
        const ids = await this.sql.unrankedArticles(after, RANK_BATCH);
        for (const id of ids) {
          const article = await this.library.article(id);
          if (article) await this.sql.setRankedAt('article', id, article.date);
        }
        if (ids.length < RANK_BATCH) return;
        after = ids[ids.length - 1];
      }
    })().catch((err: unknown) => {
      this.articlesRanked = null;
      throw err;
    });
    return this.articlesRanked;
  }

  // ---- comments ----

  async comment(user: User, input: { itemType: ThreadTarget; itemId: number; parentId?: unknown; body: unknown }): Promise<Comment> {
    await this.requireThread(input.itemType, input.itemId);
    const body = v.text(input.body, COMMENT_MAX, 'body');
    const parentRaw = v.cleanText(typeof input.parentId === 'number' ? String(input.parentId) : input.parentId);
    const parentId = parentRaw ? v.positiveId(parentRaw, 'parentId') : null;
    const id = await this.sql.addComment({ itemType: input.itemType, itemId: input.itemId, parentId, userId: user.id, body, now: this.iso() });
    if (id === null) throw invalid('error.invalid', 'parentId');
    return (await this.sql.getComment(id))!;
  }

  private async requireThread(type: ThreadTarget, id: number): Promise<void> {
    const post = type === 'post' ? await this.sql.getPost(id) : null;
    const exists = type === 'post' ? !!post && !post.deletedAt
      : type === 'article' ? !!(await this.library.article(id)) : !!(await this.library.story(id));
    if (!exists) throw notFound();
  }

  async getComment(id: number): Promise<Comment> {
    const c = await this.sql.getComment(id);
    if (!c) throw notFound();
    return c;
  }

  /** A thread as a tree, with what the viewer may read and do; replies to deleted comments keep their place. */
  async thread(type: ThreadTarget, id: number, viewer: User | null): Promise<{ comments: CommentNode[]; count: number }> {
    const rows = await this.sql.thread(type, id);
    const mine = viewer ? await this.sql.votesOf(viewer.id, 'comment', rows.map((r) => r.id)) : new Map<number, -1 | 1>();
    const nodes = new Map<number, CommentNode>();
    const roots: CommentNode[] = [];
    let count = 0;
    for (const c of rows) {
      const state = commentState(c);
      if (state === 'visible') count++;
      const own = !!viewer && c.userId === viewer.id;
      const node: CommentNode = {
        id: c.id, parentId: c.parentId, author: state === 'deleted' || state === 'removed' ? null : c.username,
        body: state === 'visible' || (state === 'hidden' && (own || viewer?.isAdmin)) ? c.body : '', state,
        createdAt: c.createdAt, editedAt: c.editedAt, points: c.ups - c.downs, myVote: mine.get(c.id) ?? 0,
        canEdit: own && state === 'visible' && this.inWindow(c.createdAt), canDelete: own && (state === 'visible' || state === 'hidden'),
        children: [],
      };
      nodes.set(c.id, node);
      const parent = c.parentId !== null ? nodes.get(c.parentId) : undefined;
      (parent ? parent.children : roots).push(node);
    }
    return { comments: roots, count };
  }

  commentCounts(type: ThreadTarget, ids: number[]): Promise<Map<number, number>> {
    return this.sql.commentCounts(type, ids);
  }

  commentsBy(userId: number, limit = 50): Promise<Comment[]> {
    return this.sql.commentsByUser(userId, limit);
  }

  async editComment(user: User, id: number, body: unknown): Promise<Comment> {
    const c = await this.sql.getComment(id);
    if (!c || c.deletedAt || c.removedAt) throw notFound();
    if (c.userId !== user.id) throw forbidden();
    if (!this.inWindow(c.createdAt)) throw new AccountError('edit_window', 'error.editWindow', { vars: { minutes: EDIT_WINDOW_MS / 60_000 } });
    await this.sql.editComment(id, v.text(body, COMMENT_MAX, 'body'), this.iso());
    return (await this.sql.getComment(id))!;
  }

  /** Authors may delete their comments at any time; the thread keeps a "[deleted]" in its place. */
  async deleteComment(user: User, id: number): Promise<void> {
    const c = await this.sql.getComment(id);
    if (!c || c.deletedAt || c.removedAt) throw notFound();
    if (c.userId !== user.id) throw forbidden();
    await this.sql.deleteComment(id, this.iso());
  }

  // ---- reports and moderation ----

  /** A reader reports a comment or post; enough distinct reports hide a comment until a moderator looks. */
  async report(user: User, type: ReportTarget, id: number, reason: unknown): Promise<void> {
    const text = v.text(reason, REPORT_REASON_MAX, 'reason');
    const target = type === 'comment' ? await this.sql.getComment(id) : await this.sql.getPost(id);
    if (!target || target.deletedAt) throw notFound();
    if (target.userId === user.id) throw forbidden();
    const reports = await this.sql.report({ targetType: type, targetId: id, reporterId: user.id, reason: text, now: this.iso() });
    if (type === 'comment' && reports >= REPORTS_TO_HIDE && !(target as Comment).hiddenAt) {
      await this.sql.setCommentHidden(id, this.iso());
      await this.log(null, 'auto-hide', 'comment', id, excerpt((target as Comment).body), `${reports} reports`);
    }
  }

  async openReports(admin: User, limit = 100): Promise<Report[]> {
    requireAdmin(admin);
    return this.sql.openReports(limit);
  }

  async hideComment(admin: User, id: number, hidden: boolean, reason: unknown): Promise<void> {
    requireAdmin(admin);
    const c = await this.getComment(id);
    await this.sql.setCommentHidden(id, hidden ? this.iso() : null);
    if (!hidden) await this.sql.resolveReports('comment', id, this.iso());
    await this.log(admin, hidden ? 'hide' : 'unhide', 'comment', id, excerpt(c.body), v.cleanText(reason).slice(0, REPORT_REASON_MAX));
  }

  async removeComment(admin: User, id: number, reason: unknown): Promise<void> {
    requireAdmin(admin);
    const c = await this.getComment(id);
    await this.sql.removeComment(id, this.iso());
    await this.sql.resolveReports('comment', id, this.iso());
    await this.log(admin, 'remove', 'comment', id, excerpt(c.body), v.cleanText(reason).slice(0, REPORT_REASON_MAX));
  }

  /** Closes the open reports on an item without acting on it; returns how many were open (none: nothing is logged). */
  async dismissReports(admin: User, type: ReportTarget, id: number): Promise<number> {
    requireAdmin(admin);
    const closed = await this.sql.resolveReports(type, id, this.iso());
    if (closed > 0) await this.log(admin, 'dismiss-reports', type, id, '', '');
    return closed;
  }

  /** Records a moderation action (also used for bans, which the account service performs). */
  async log(moderator: User | null, action: string, targetType: string, targetId: number | null, label: string, reason: string): Promise<void> {
    await this.sql.logModeration({ moderatorId: moderator?.id ?? null, action, targetType, targetId, targetLabel: label, reason, now: this.iso() });
  }

  moderationLog(limit: number, offset: number): Promise<ModerationEntry[]> {
    return this.sql.moderationLog(limit, offset);
  }

  // ---- helpers ----

  private inWindow(createdAt: string): boolean {
    return this.now().getTime() - Date.parse(createdAt) < EDIT_WINDOW_MS;
  }

  private iso(): string {
    return this.now().toISOString();
  }
}

function commentState(c: Comment): CommentState {
  if (c.removedAt) return 'removed';
  if (c.deletedAt) return 'deleted';
  if (c.hiddenAt) return 'hidden';
  return 'visible';
}

export function requireAdmin(user: User): void {
  if (!user.isAdmin) throw forbidden();
}

/** The start of a text, for log lines. */
function excerpt(text: string): string {
  const s = text.replace(/\s+/g, ' ').trim();
  return s.length > 80 ? `${s.slice(0, 79)}…` : s;
}
