// Runs the Store contract on PostgreSQL, each store in a fresh schema dropped afterwards.
// Skipped with a message when no server answers, except in CI (CI=true), where that is a failure.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PostgresStore } from '../../src/storage/postgres/store.ts';
import { storeContract } from './contract.ts';

const URL = process.env.STORYLINE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const RUN = `storyline_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;

const unreachable = await reachable(URL);
if (unreachable === null) {
  const schemas: string[] = [];
  after(async () => {
    const client = new pg.Client({ connectionString: URL });
    await client.connect();
    try {
      for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
    } finally {
      await client.end();
    }
  });
  storeContract('postgres', async () => {
    const schema = `${RUN}_${schemas.length}`;
    schemas.push(schema);
    const store = await PostgresStore.connect(URL, { schema });
    await store.migrate();
    return store;
  });
} else if (process.env.CI === 'true') {
  test('PostgreSQL is reachable in CI', () => {
    assert.fail(`PostgreSQL not reachable at ${URL}: ${unreachable}; CI must run the PostgreSQL contract`);
  });
} else {
  test('postgres contract', { skip: `PostgreSQL not reachable at ${URL}: skipping; CI runs it (${unreachable})` }, () => {});
}

/** Null when the server answers, else why not. */
async function reachable(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  } finally {
    await client.end().catch(() => {});
  }
}
