// PostgreSQL for the tests that need a server: whether one answers, fresh schemas dropped after the file's tests,
// and the skip (or, under CI=true, the failure) when none answers.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PostgresStore, pgUnreachable as serverUnreachable } from '../../src/storage/postgres/store.ts';

export const PG_URL = process.env.STORYLINE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Null when the test server answers, else why not. */
export function pgUnreachable(url = PG_URL): Promise<string | null> {
  return serverUnreachable(url);
}

/** Schema names unique to this run (`prefix_<run>_<n>`), all dropped once the file's tests are over. */
export function testSchemas(prefix: string): { name: () => string; store: () => Promise<PostgresStore> } {
  const run = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const schemas: string[] = [];
  after(async () => {
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    try {
      for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
    } finally {
      await client.end();
    }
  });
  const name = (): string => {
    const schema = `${run}_${schemas.length}`;
    schemas.push(schema);
    return schema;
  };
  return {
    name,
    /** A store in a fresh schema with every migration applied. */
    store: async () => {
      const store = await PostgresStore.connect(PG_URL, { schema: name() });
      await store.migrate();
      return store;
    },
  };
}

/** The test that stands in for a suite when no server answers: skipped, except under CI=true, where it fails. */
export function pgMissing(suite: string, why: string): void {
  if (process.env.CI === 'true') {
    test('PostgreSQL is reachable in CI', () => {
      assert.fail(`PostgreSQL not reachable at ${PG_URL}: ${why}; CI must run the ${suite}`);
    });
  } else {
    test(suite, { skip: `PostgreSQL not reachable at ${PG_URL}: skipping; CI runs it (${why})` }, () => {});
  }
}
