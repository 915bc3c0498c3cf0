// Composition of the community: one place that builds the tables, mailer, library and services from their inputs.
import Database from 'better-sqlite3';
import type { App } from '../app.ts';
import { SqliteAccounts } from '../storage/sqlite/accounts.ts';
import { PostgresStore } from '../storage/postgres/store.ts';
import { StorylineError } from '../lib/errors.ts';
import { AccountService } from './users.ts';
import { CommunityService } from './community.ts';
import { CollectionService } from './collections.ts';
import { FollowService } from './follows.ts';
import { appLibrary, type Library } from './library.ts';
import { createMailer, type Mailer } from './mailer.ts';
import { loadAccountsOptions, type AccountsOptions } from './options.ts';
import { hotness } from './policy.ts';
import type { AccountsStore } from './store.ts';

/** How long a second connection waits for the store's write lock, as the store itself does. */
const BUSY_TIMEOUT_MS = 5000;

export interface CommunityDeps {
  app: App;
  /** The SQLite connection that holds the accounts tables (ACCOUNTS_MIGRATION applied); or give `store`. */
  db?: Database.Database;
  /** The accounts tables of another database (PostgreSQL); used instead of `db`. */
  store?: AccountsStore;
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
  sql: AccountsStore;
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
  const sql = deps.store ?? sqliteAccounts(deps.db);
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

/** The accounts store over a SQLite connection, after checking its tables exist. */
function sqliteAccounts(db: Database.Database | undefined): AccountsStore {
  if (!db) throw new StorylineError('usage', "readers' accounts need their tables: neither a SQLite connection nor an accounts store was given");
  if (!hasAccountTables(db)) {
    throw new StorylineError('storage', 'the accounts tables are missing: ACCOUNTS_MIGRATION has not been applied to this database');
  }
  return new SqliteAccounts(db, hotness);
}

function hasAccountTables(db: Database.Database): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'users'").get() !== undefined;
}

/**
 * The accounts tables of the app's database: in PostgreSQL (DATABASE_URL) the article store's own tables and
 * connections, created by its migrations; in SQLite those of `openAccountsDatabase`.
 */
export function openAccountsStore(app: App): { store: AccountsStore; close: () => void } {
  if (app.store instanceof PostgresStore) return { store: app.store.accounts(hotness), close: () => undefined };
  const { db, close } = openAccountsDatabase(app);
  try {
    return { store: sqliteAccounts(db), close };
  } catch (err) {
    close();
    throw err;
  }
}

/**
 * The SQLite connection for the accounts tables: the store's own connection when it exposes one (`database`),
 * otherwise a connection of this process to the same file. With DATABASE_URL the tables are in PostgreSQL
 * (`openAccountsStore`) and there is no SQLite connection to give.
 */
export function openAccountsDatabase(app: App): { db: Database.Database; close: () => void } {
  const shared = (app.store as unknown as { database?: Database.Database }).database;
  if (shared) return { db: shared, close: () => undefined };
  if (app.config.databaseUrl) throw new StorylineError('usage', "with DATABASE_URL the readers' accounts are in PostgreSQL, not in a SQLite file");
  if (app.config.db === ':memory:') throw new StorylineError('usage', "readers' accounts need a database file, not ':memory:'");
  const db = new Database(app.config.db);
  // As the store's own connection: WAL with NORMAL sync loses at most the last commits on power loss, never consistency.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  return { db, close: () => db.close() };
}
