// A test site: the application on a temporary SQLite file, the web server with the accounts plugin, a mail box,
// a movable clock, and a cookie-keeping client for fastify.inject that reads CSRF tokens from forms.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { createApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config/options.ts';
import { buildServer } from '../../src/web/server.ts';
import { ACCOUNTS_MIGRATION } from '../../src/storage/sqlite/accounts.ts';
import { createCommunity, type Community } from '../../src/accounts/setup.ts';
import type { AccountsOptions } from '../../src/accounts/options.ts';
import type { Mailer } from '../../src/accounts/mailer.ts';
import { Clock, MemoryMailer } from './helpers.ts';

export interface TestSite {
  f: FastifyInstance;
  app: App;
  c: Community;
  db: Database.Database;
  clock: Clock;
  mailer: MemoryMailer;
  dir: string;
  close(): Promise<void>;
}

/** The accounts tables' connection: the store's own when it exposes it, else a second connection to the same file. */
function accountsDb(app: App, path: string): Database.Database {
  const shared = (app.store as unknown as { database?: Database.Database }).database;
  const db = shared ?? new Database(path);
  if (!shared) {
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
  }
  if (!db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'users'").get()) db.exec(ACCOUNTS_MIGRATION);
  return db;
}

const PAGE = (title: string, outlet: string, date: string, paragraphs: string[]) => `<!doctype html><html lang="en"><head><title>${title} | ${outlet}</title>
<meta property="og:site_name" content="${outlet}"><meta property="article:published_time" content="${date}"></head>
<body><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article></body></html>`;

/** Two short articles written for these tests. */
export const FIXTURE_PAGES = {
  'geneva.html': PAGE('Diplomats meet in Geneva for security talks', 'Daily Example', '2022-01-10T09:00:00Z', [
    'Senior diplomats met in Geneva on Monday for several hours of talks on security arrangements in Europe, officials said afterwards.',
    'Both delegations described the meeting as businesslike and said they would report to their capitals before the next round of discussions.',
    'A further meeting between the foreign ministers is expected later in the month, according to people familiar with the schedule.',
  ]),
  'vienna.html': PAGE('Vienna meeting ends without agreement', 'Wire Example', '2022-01-14T12:00:00Z', [
    'A meeting of the regional security organisation in Vienna ended on Thursday without a joint statement, delegates said.',
    'Several delegations called for further dialogue and said the positions of the sides remained far apart on the main questions.',
    'The chair said consultations would continue at the level of ambassadors in the coming weeks, with no date yet set for a ministerial session.',
  ]),
};

export async function startSite(opts: { options?: Partial<AccountsOptions>; mailer?: Mailer; articles?: boolean } = {}): Promise<TestSite> {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-accounts-'));
  const path = join(dir, 'store.db');
  const app = await createApp(loadConfig({}, { db: path }));
  if (opts.articles !== false) {
    const files = Object.entries(FIXTURE_PAGES).map(([name, body]) => {
      writeFileSync(join(dir, name), body);
      return join(dir, name);
    });
    await app.ingest.ingest(files);
  }
  const db = accountsDb(app, path);
  const clock = new Clock(new Date().toISOString());
  const mailer = new MemoryMailer();
  const c = createCommunity({ app, db, env: {}, options: { publicUrl: 'http://storyline.test', ...opts.options }, mailer: opts.mailer ?? mailer, now: clock.now });
  const f = buildServer(app, { publicUrl: 'http://storyline.test', accounts: { db, community: c } });
  await f.ready();
  return {
    f, app, c, db, clock, mailer, dir,
    async close() {
      await f.close();
      if (db !== (app.store as unknown as { database?: unknown }).database) db.close();
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Answer {
  status: number;
  body: string;
  headers: Record<string, string | string[] | number | undefined>;
  location: string | undefined;
  json<T = unknown>(): T;
}

/** A browser without JavaScript: keeps cookies, reads the CSRF token from the last page, does not follow redirects. */
export class Browser {
  readonly cookies = new Map<string, string>();
  csrf: string | null = null;

  constructor(private readonly site: TestSite, readonly ip = '198.51.100.7', private readonly extraHeaders: Record<string, string> = {}) {}

  async get(url: string): Promise<Answer> {
    return this.request('GET', url);
  }

  /** Posts a form with the page's CSRF token unless `_csrf` is given (null leaves it out). */
  async post(url: string, fields: Record<string, string | null>): Promise<Answer> {
    const form: Record<string, string> = {};
    if (!('_csrf' in fields) && this.csrf) form._csrf = this.csrf;
    for (const [k, v] of Object.entries(fields)) if (v !== null) form[k] = v;
    return this.request('POST', url, new URLSearchParams(form).toString(), 'application/x-www-form-urlencoded');
  }

  async request(method: 'GET' | 'POST', url: string, payload?: string, contentType?: string): Promise<Answer> {
    const headers: Record<string, string> = { ...this.extraHeaders, 'user-agent': 'test-browser' };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (contentType) headers['content-type'] = contentType;
    const res = await this.site.f.inject({ method, url, payload, headers, remoteAddress: this.ip });
    const set = res.headers['set-cookie'];
    for (const line of set === undefined ? [] : Array.isArray(set) ? set : [set]) {
      const [pair, ...attrs] = String(line).split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body);
    if (token) this.csrf = token[1];
    return {
      status: res.statusCode, body: res.body, headers: res.headers as Answer['headers'], location: res.headers.location as string | undefined,
      json: <T>() => JSON.parse(res.body) as T,
    };
  }

  /** Registers and stays logged in. */
  async register(username: string, password = 'correct horse battery', email = `${username.toLowerCase()}@example.org`): Promise<Answer> {
    await this.get('/register');
    return this.post('/register', { username, email, password });
  }

  async login(login: string, password = 'correct horse battery'): Promise<Answer> {
    await this.get('/login');
    return this.post('/login', { login, password });
  }
}

/** The id of an ingested article by its title. */
export async function articleId(site: TestSite, title: string): Promise<number> {
  const all = await site.app.store.listArticles({});
  const a = all.find((x) => x.title === title);
  if (!a) throw new Error(`no article titled ${title}: ${all.map((x) => x.title).join(', ')}`);
  return a.id;
}
