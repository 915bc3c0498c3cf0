// Shared test plumbing: an in-memory database with the accounts schema, a fake library, a mail box and a clock.
import Database from 'better-sqlite3';
import { ACCOUNTS_MIGRATION, ACCOUNTS_RANKING_MIGRATION, SqliteAccounts } from '../../src/storage/sqlite/accounts.ts';
import { hotness } from '../../src/accounts/policy.ts';
import { AccountService } from '../../src/accounts/users.ts';
import { CommunityService } from '../../src/accounts/community.ts';
import { CollectionService } from '../../src/accounts/collections.ts';
import { FollowService } from '../../src/accounts/follows.ts';
import { loadAccountsOptions, type AccountsOptions } from '../../src/accounts/options.ts';
import type { MailMessage, Mailer } from '../../src/accounts/mailer.ts';
import type { ArticleRef, Library, StoryRef } from '../../src/accounts/library.ts';
import type { User } from '../../src/accounts/model.ts';
import type { AccountsStore } from '../../src/accounts/store.ts';

export class MemoryMailer implements Mailer {
  readonly destination = 'memory';
  readonly sent: MailMessage[] = [];
  async send(m: MailMessage): Promise<void> {
    this.sent.push(m);
  }
}

/** A clock tests move by hand. */
export class Clock {
  private t: number;
  constructor(start = '2024-03-01T10:00:00.000Z') {
    this.t = Date.parse(start);
  }
  now = (): Date => new Date(this.t);
  advance(ms: number): void {
    this.t += ms;
  }
}

/** A library of a few fixed articles, stories and people; links are "ingested" into new articles. */
export class FakeLibrary implements Library {
  articles = new Map<number, ArticleRef & { canonical: string | null; story: number | null }>([
    [1, { id: 1, title: 'Talks in Geneva', url: 'https://news.example/geneva', canonical: 'https://news.example/geneva', outlet: 'Daily Example', date: '2022-01-10', story: 1 }],
    [2, { id: 2, title: 'Ministers meet', url: 'https://wire.example/ministers', canonical: 'https://wire.example/ministers', outlet: 'Wire Example', date: '2022-01-12', story: 1 }],
  ]);
  stories = new Map<number, StoryRef>([[1, { id: 1, title: 'Security talks', last: '2022-01-12' }]]);
  people = new Map<string, { name: string; articles: number[] }>([['jane-doe', { name: 'Jane Doe', articles: [2] }]]);
  ingested: string[] = [];
  failLinks = false;

  async article(id: number) { return this.articles.get(id) ?? null; }
  async story(id: number) { return this.stories.get(id) ?? null; }
  async articleStory(id: number) {
    const story = this.articles.get(id)?.story;
    return story ? this.stories.get(story) ?? null : null;
  }
  async articleByUrl(canonical: string) { return [...this.articles.values()].find((a) => a.canonical === canonical) ?? null; }
  async ingestLink(url: string) {
    if (this.failLinks) throw new Error('HTTP 404');
    this.ingested.push(url);
    const id = this.articles.size + 1;
    const a = { id, title: `Page ${id}`, url, canonical: url, outlet: 'Linked Example', date: '2024-03-01', story: null };
    this.articles.set(id, a);
    return a;
  }
  async outletArticles(outlet: string, limit: number) { return [...this.articles.values()].filter((a) => a.outlet === outlet).slice(0, limit); }
  async storyArticles(id: number, limit: number) { return [...this.articles.values()].filter((a) => a.story === id).slice(0, limit); }
  async storyArticleIds(ids: number[]) {
    return new Map(ids.map((id) => [id, [...this.articles.values()].filter((a) => a.story === id).map((a) => a.id)]));
  }
  async articleStoryIds(ids: number[]) {
    return new Map(ids.flatMap((id) => {
      const story = this.articles.get(id)?.story;
      return story ? [[id, story] as [number, number]] : [];
    }));
  }
  async personArticles(slug: string, limit: number) {
    return (this.people.get(slug)?.articles ?? []).map((id) => this.articles.get(id)!).slice(0, limit);
  }
  async personName(slug: string) { return this.people.get(slug)?.name ?? null; }
}

export function openAccountsDb(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  db.exec(ACCOUNTS_MIGRATION);
  db.exec(ACCOUNTS_RANKING_MIGRATION);
  return db;
}

/** The services over one accounts store, with the fakes they talk to. */
export interface Services {
  sql: AccountsStore;
  accounts: AccountService;
  community: CommunityService;
  collections: CollectionService;
  follows: FollowService;
  mailer: MemoryMailer;
  clock: Clock;
  library: FakeLibrary;
  options: AccountsOptions;
}

export interface Community extends Services {
  db: Database.Database;
  sql: SqliteAccounts;
}

export function makeCommunity(overrides: Partial<AccountsOptions> = {}): Community {
  const db = openAccountsDb();
  return { ...servicesOver(new SqliteAccounts(db, hotness), overrides), db };
}

/** The services over any accounts store (SQLite or PostgreSQL), each with its own clock, mail box and library. */
export function servicesOver<S extends AccountsStore>(sql: S, overrides: Partial<AccountsOptions> = {}): Services & { sql: S } {
  const mailer = new MemoryMailer();
  const clock = new Clock();
  const library = new FakeLibrary();
  const options = loadAccountsOptions({}, { publicUrl: 'https://storyline.test', ...overrides });
  return {
    sql, mailer, clock, library, options,
    accounts: new AccountService(sql, mailer, options, clock.now),
    community: new CommunityService(sql, library, clock.now),
    collections: new CollectionService(sql, library, clock.now),
    follows: new FollowService(sql, library, clock.now),
  };
}

export const PASSWORD = 'correct horse battery';
let ip = 0;

/** Registers a user from a fresh address (so registration limits do not interfere). */
export async function addUser(c: Services, username: string, password = PASSWORD): Promise<User> {
  return c.accounts.register({ username, email: `${username.toLowerCase()}@example.org`, password, ip: `10.0.0.${++ip % 250}` });
}

/** Waits until background work (mail sending) has run. */
export function settle(): Promise<void> {
  return new Promise((r) => setImmediate(r));
}

/** The text body of a single-part mail as sent by nodemailer: base64, quoted-printable or plain. */
export function mailText(raw: string): string {
  const split = raw.search(/\r?\n\r?\n/);
  const headers = raw.slice(0, split);
  const body = raw.slice(split).trim();
  const encoding = /^Content-Transfer-Encoding:\s*(\S+)/im.exec(headers)?.[1].toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}
