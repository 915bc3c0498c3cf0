// Runs the Store contract on SQLite, in memory and in a file (WAL and file-backed paths differ).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { SqliteStore } from '../../src/storage/sqlite/store.ts';
import { storeContract } from './contract.ts';

const dir = mkdtempSync(join(tmpdir(), 'storyline-sqlite-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

async function openStore(path: string): Promise<SqliteStore> {
  const store = SqliteStore.open(path);
  await store.migrate();
  return store;
}

storeContract('sqlite :memory:', () => openStore(':memory:'));
storeContract('sqlite file', () => openStore(join(dir, `nested/store-${++files}.db`)));
