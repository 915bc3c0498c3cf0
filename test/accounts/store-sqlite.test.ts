// Runs the accounts contract on SQLite, each case on a fresh in-memory database.
import { SqliteAccounts } from '../../src/storage/sqlite/accounts.ts';
import { hotness } from '../../src/accounts/policy.ts';
import { accountsContract } from './contract.ts';
import { openAccountsDb } from './helpers.ts';

accountsContract('sqlite', async () => {
  const db = openAccountsDb();
  return { sql: new SqliteAccounts(db, hotness), close: async () => { db.close(); } };
});
