// Follows (an outlet, a story, a person, a reader) and the personal feed they make, as a page and as Atom.
import type { AccountsStore } from './store.ts';
import { FOLLOW_TARGETS, type Follow, type FollowTarget, type User } from './model.ts';
import type { ArticleRef, Library } from './library.ts';
import { forbidden, invalid, notFound } from './errors.ts';
import * as v from './validate.ts';

/** Articles taken from each followed source when building the feed; the merged feed is cut to FEED_LENGTH. */
const PER_SOURCE = 30;
export const FEED_LENGTH = 50;
const OUTLET_MAX = 200;

export interface FeedEntry {
  kind: 'article' | 'post' | 'comment';
  id: number;
  title: string;
  /** Site path of the entry's page. */
  path: string;
  /** External address (articles and link posts). */
  url: string | null;
  date: string;
  /** Why it is in the feed: the followed outlet, story, person or reader. */
  via: { type: FollowTarget; key: string; label: string };
  summary: string;
}

export interface LabelledFollow extends Follow {
  label: string;
  path: string;
}

export class FollowService {
  constructor(private readonly sql: AccountsStore, private readonly library: Library, private readonly now: () => Date = () => new Date()) {}

  /** Follows a target that exists; following twice is the same as once. */
  async follow(user: User, type: unknown, key: unknown): Promise<Follow> {
    const t = v.oneOf(type, FOLLOW_TARGETS, 'type');
    const k = await this.checkTarget(user, t, key);
    await this.sql.follow(user.id, t, k, this.iso());
    return { targetType: t, targetKey: k, createdAt: this.iso() };
  }

  async unfollow(user: User, type: unknown, key: unknown): Promise<void> {
    const t = v.oneOf(type, FOLLOW_TARGETS, 'type');
    await this.sql.unfollow(user.id, t, v.cleanText(key));
  }

  async isFollowing(user: User | null, type: FollowTarget, key: string): Promise<boolean> {
    return !!user && (await this.sql.isFollowing(user.id, type, key));
  }

  async list(user: User): Promise<LabelledFollow[]> {
    return Promise.all((await this.sql.follows(user.id)).map(async (f) => ({ ...f, ...(await this.describe(f.targetType, f.targetKey)) })));
  }

  /** The newest items from everything the user follows, newest first. */
  async feed(user: User, limit = FEED_LENGTH): Promise<FeedEntry[]> {
    const entries: FeedEntry[] = [];
    const seen = new Set<string>();
    for (const f of await this.sql.follows(user.id)) {
      const { label } = await this.describe(f.targetType, f.targetKey);
      const via = { type: f.targetType, key: f.targetKey, label };
      if (f.targetType === 'user') {
        const author = await this.sql.userByName(f.targetKey);
        if (!author) continue;
        for (const p of await this.sql.postsByUser(author.id, PER_SOURCE)) {
          push({ kind: 'post', id: p.id, title: p.title, path: `/posts/${p.id}`, url: p.url, date: p.createdAt, via, summary: p.body });
        }
        for (const c of await this.sql.commentsByUser(author.id, PER_SOURCE)) {
          push({ kind: 'comment', id: c.id, title: `${author.username}`, path: `${threadPath(c.itemType, c.itemId)}#c${c.id}`, url: null, date: c.createdAt, via, summary: c.body });
        }
        continue;
      }
      const articles: ArticleRef[] = f.targetType === 'outlet' ? await this.library.outletArticles(f.targetKey, PER_SOURCE)
        : f.targetType === 'story' ? await this.library.storyArticles(Number(f.targetKey), PER_SOURCE)
          : await this.library.personArticles(f.targetKey, PER_SOURCE);
      for (const a of articles) {
        push({ kind: 'article', id: a.id, title: a.title ?? '', path: `/articles/${a.id}`, url: a.url, date: a.date, via, summary: a.outlet ?? '' });
      }
    }
    return entries.sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id).slice(0, limit);

    function push(e: FeedEntry): void {
      const k = `${e.kind}:${e.id}`;
      if (!seen.has(k)) {
        seen.add(k);
        entries.push(e);
      }
    }
  }

  /** The canonical key of a target, after checking it exists. */
  private async checkTarget(user: User, type: FollowTarget, key: unknown): Promise<string> {
    const k = v.text(key, OUTLET_MAX, 'key');
    if (type === 'story') {
      const id = v.positiveId(k, 'key');
      if (!(await this.library.story(id))) throw notFound();
      return String(id);
    }
    if (type === 'person') {
      if (!(await this.library.personName(k))) throw notFound();
      return k;
    }
    if (type === 'user') {
      const u = await this.sql.userByName(k);
      if (!u || u.bannedAt) throw notFound();
      if (u.id === user.id) throw forbidden();
      return u.username;
    }
    if ((await this.library.outletArticles(k, 1)).length === 0) throw invalid('error.unknownOutlet', 'key');
    return k;
  }

  private async describe(type: FollowTarget, key: string): Promise<{ label: string; path: string }> {
    if (type === 'story') {
      const s = await this.library.story(Number(key));
      return { label: s?.title ?? `#${key}`, path: `/stories/${key}` };
    }
    if (type === 'person') return { label: (await this.library.personName(key)) ?? key, path: `/people/${encodeURIComponent(key)}` };
    if (type === 'user') return { label: key, path: `/users/${encodeURIComponent(key)}` };
    return { label: key, path: `/outlets/${encodeURIComponent(key)}` };
  }

  private iso(): string {
    return this.now().toISOString();
  }
}

export function threadPath(type: string, id: number): string {
  return type === 'post' ? `/posts/${id}` : type === 'story' ? `/stories/${id}` : `/articles/${id}`;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
/** Characters XML 1.0 does not allow at all (escaping cannot carry them). */
const XML_INVALID = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function xml(s: string): string {
  return s.replace(XML_INVALID, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);
}

/** The personal feed as an Atom 1.0 document (RFC 4287). */
export function atomFeed(entries: FeedEntry[], opts: { siteUrl: string; selfUrl: string; title: string; user: string; updated: string }): string {
  const abs = (path: string) => opts.siteUrl + path;
  const items = entries.map((e) => `  <entry>
    <id>${xml(abs(e.path))}</id>
    <title>${xml(e.title || e.summary.slice(0, 80))}</title>
    <link rel="alternate" href="${xml(abs(e.path))}"/>${e.url ? `\n    <link rel="related" href="${xml(e.url)}"/>` : ''}
    <updated>${xml(toAtomDate(e.date))}</updated>
    <category term="${xml(e.via.type)}" label="${xml(e.via.label)}"/>
    <summary>${xml(e.summary.slice(0, 1000))}</summary>
  </entry>`).join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${xml(opts.selfUrl)}</id>
  <title>${xml(opts.title)}</title>
  <author><name>${xml(opts.user)}</name></author>
  <link rel="self" href="${xml(opts.selfUrl)}"/>
  <updated>${xml(toAtomDate(entries[0]?.date ?? opts.updated))}</updated>
${items}
</feed>
`;
}

/** Atom wants a full RFC 3339 date-time; stored dates may be a day only. */
function toAtomDate(date: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return `${date}T00:00:00Z`;
  const d = new Date(date);
  return Number.isNaN(d.getTime()) ? new Date(0).toISOString() : d.toISOString();
}
