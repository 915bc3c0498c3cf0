// The multilingual fixtures through the real binary: `ingest` into a SQLite file, then read back with `export` and `article`.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { differences, listFixtures, type Observed } from './fixture-lib.ts';

const ROOT = process.cwd();
const work = mkdtempSync(join(tmpdir(), 'storyline-multilingual-'));
const db = join(work, 'store.db');
const inputs = join(work, 'pages');

// A file carries no URL, so fixtures that need one are left to the in-process test.
const fixtures = listFixtures().filter((f) => f.url === null);

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'storyline.js'), ...args, '--db', db], { encoding: 'utf8', cwd: ROOT });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as unknown;
}

interface Row extends Observed {
  id: number;
  input: string;
}

const bySlug = new Map<string, Row>();

before(() => {
  mkdirSync(inputs);
  for (const f of fixtures) copyFileSync(f.input, join(inputs, `${f.slug}${extname(f.input)}`));
  const report = cli(['ingest', inputs, '--json']) as { failed: unknown[]; articles: unknown[] };
  assert.deepEqual(report.failed, []);
  for (const row of cli(['export', '--format', 'json']) as Row[]) {
    bySlug.set(row.input.slice(inputs.length + 1).replace(/\.[a-z]+$/, ''), row);
  }
});

for (const f of fixtures) {
  test(`ingest and export: ${f.slug}`, () => {
    const row = bySlug.get(f.slug);
    assert.ok(row, `${f.slug} was stored`);
    assert.deepEqual(differences(f.expected, row), []);
  });
}

test('article --json shows a stored Persian article as extracted', () => {
  const f = fixtures.find((x) => x.slug.startsWith('fa-') && x.contentType === 'text/plain');
  assert.ok(f, 'a Persian capture among the fixtures');
  const row = bySlug.get(f.slug)!;
  const article = cli(['article', String(row.id), '--json']) as Row;
  assert.deepEqual(differences(f.expected, article), []);
  assert.equal(article.text, row.text);
});
