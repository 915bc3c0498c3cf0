// Composition of the community: one place that builds the tables, mailer, library and services from their inputs.
import Database from 'better-sqlite3';
import type { App } from '../app.ts';
import { SqliteAccounts } from '../storage/sqlite/accounts.ts';
import { StorylineError } from '../lib/errors.ts';
import { AccountService } from './users.ts';
import { CommunityService } from './community.ts';
import { CollectionService } from './collections.ts';
import { FollowService } from './follows.ts';
import { appLibrary, type Library } from './library.ts';
import { createMailer, type Mailer } from './mailer.ts';
import { loadAccountsOptions, type AccountsOptions } from './options.ts';
import { hotness } from './policy.ts';

/** How long a second connection waits for the store's write lock, as the store itself does. */
const BUSY_TIMEOUT_MS = 5000;

export interface CommunityDeps {
  app: App;
  /** The SQLite connection that holds the accounts tables (ACCOUNTS_MIGRATION applied). */
  db: Database.Database;
  /** Options over the environment's (STORYLINE_PUBLIC_URL, SMTP_URL...). */
  options?: Partial<AccountsOptions>;
  env?: NodeJS.ProcessEnv;
  mailer?: Mailer;
  library?: Library;
  now?: () => Date;
  /** Told about mail that could not be sent. */
  onMailError?: (err: unknown) => void;
}

export interface Community {
  options: AccountsOptions;
  sql: SqliteAccounts;
  mailer: Mailer;
  library: Library;
  accounts: AccountService;
  community: CommunityService;
  collections: CollectionService;
  follows: FollowService;
  now: () => Date;
}

export function createCommunity(deps: CommunityDeps): Community {
  const options = loadAccountsOptions(deps.env ?? process.env, deps.options ?? {});
  const now = deps.now ?? (() => new Date());
  if (!hasAccountTables(deps.db)) {
    throw new StorylineError('storage', 'the accounts tables are missing: ACCOUNTS_MIGRATION has not been applied to this database');
  }
  const sql = new SqliteAccounts(deps.db, hotness);
  const mailer = deps.mailer ?? createMailer(options);
  const library = deps.library ?? appLibrary(deps.app, { allowPrivate: options.allowPrivateLinks });
  return {
    options, sql, mailer, library, now,
    accounts: new AccountService(sql, mailer, options, now, deps.onMailError),
    community: new CommunityService(sql, library, now),
    collections: new CollectionService(sql, library, now),
    follows: new FollowService(sql, library, now),
  };
}

function hasAccountTables(db: Database.Database): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'users'").get() !== undefined;
}

/**
 * The SQLite connection for the accounts tables: the store's own connection when it exposes one (`database`),
 * otherwise a connection of this process to the same file. Accounts live in SQLite only: with DATABASE_URL
 * (PostgreSQL) there is none, and this says so.
 */
export function openAccountsDatabase(app: App): { db: Database.Database; close: () => void } {
  const shared = (app.store as unknown as { database?: Database.Database }).database;
  if (shared) return { db: shared, close: () => undefined };
  if (app.config.databaseUrl) throw new StorylineError('usage', "readers' accounts need the SQLite store (unset DATABASE_URL)");
  if (app.config.db === ':memory:') throw new StorylineError('usage', "readers' accounts need a database file, not ':memory:'");
  const db = new Database(app.config.db);
  // As the store's own connection: WAL with NORMAL sync loses at most the last commits on power loss, never consistency.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  return { db, close: () => db.close() };
}
