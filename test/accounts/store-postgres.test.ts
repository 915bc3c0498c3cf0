// Runs the accounts contract on PostgreSQL, each case in a fresh schema (all migrations applied) dropped afterwards.
// Skipped with a message when no server answers, except in CI (CI=true), where that is a failure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { hotness } from '../../src/accounts/policy.ts';
import { run as usersCli } from '../../src/accounts/cli.ts';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/options.ts';
import { buildServer } from '../../src/web/server.ts';
import type { Io } from '../../src/cli/common.ts';
import { accountsContract } from './contract.ts';
import { PASSWORD } from './helpers.ts';
import { PG_URL as URL, pgMissing, pgUnreachable, testSchemas } from '../storage/pg-schemas.ts';

const unreachable = await pgUnreachable();
if (unreachable === null) {
  const schemas = testSchemas('storyline_accounts');
  accountsContract('postgres', async () => {
    const store = await schemas.store();
    return { sql: store.accounts(hotness), close: () => store.close() };
  });

  test('with DATABASE_URL the web server and the users command keep readers\' accounts in PostgreSQL', async () => {
    const schema = schemas.name();
    const admin = new pg.Client({ connectionString: URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`).finally(() => admin.end());
    const databaseUrl = `${URL}${URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;

    const app = await createApp(loadConfig({}, { databaseUrl }));
    const site = buildServer(app, { publicUrl: 'http://storyline.test' });
    try {
      const registered = await site.inject({ method: 'POST', url: '/api/v1/users', payload: { username: 'pgreader', email: 'pg@example.org', password: PASSWORD } });
      assert.equal(registered.statusCode, 201, registered.body);
      const issued = await site.inject({ method: 'POST', url: '/api/v1/tokens', payload: { login: 'PGREADER', password: PASSWORD, name: 'test' } });
      assert.equal(issued.statusCode, 201, issued.body);
      const me = await site.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${(issued.json() as { token: string }).token}` } });
      assert.equal((me.json() as { username: string }).username, 'pgreader');
      const page = await site.inject({ method: 'GET', url: '/login' });
      assert.equal(page.statusCode, 200, 'the account pages are served');
    } finally {
      await site.close();
      await app.close();
    }

    const out: string[] = [];
    const err: string[] = [];
    const io: Io = { stdout: (s) => out.push(s), stderr: (s) => err.push(s), stdin: process.stdin, isTTY: false, env: { DATABASE_URL: databaseUrl } };
    assert.equal(await usersCli(['list', '--json'], io), 0, err.join(''));
    assert.deepEqual((JSON.parse(out.join('')) as Array<{ username: string }>).map((u) => u.username), ['pgreader']);
    assert.equal(await usersCli(['make-admin', 'pgreader'], io), 0, err.join(''));
    out.length = 0;
    await usersCli(['list', '--json'], io);
    assert.deepEqual((JSON.parse(out.join('')) as Array<{ admin: boolean }>).map((u) => u.admin), [true]);
  });
} else {
  pgMissing('postgres accounts contract', unreachable);
}
