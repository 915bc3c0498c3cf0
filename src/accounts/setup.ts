// Composition of the community: one place that builds the tables, mailer, library and services from their inputs.
import type Database from 'better-sqlite3';
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
 * The SQLite connection behind the application's store, for the accounts tables. Accounts live in SQLite only:
 * with DATABASE_URL (PostgreSQL) there is none, and this says so.
 */
export function sqliteDatabaseOf(app: App): Database.Database {
  const db = (app.store as unknown as { database?: Database.Database }).database;
  if (!db) throw new StorylineError('usage', 'readers\' accounts need the SQLite store (unset DATABASE_URL)');
  return db;
}
