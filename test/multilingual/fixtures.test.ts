// Every multilingual fixture page through the real pipeline, compared with its reviewed expected.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { differences, listFixtures, observedOf, runPipeline } from './fixture-lib.ts';

const fixtures = listFixtures();

test('fixtures: every folder says what it exercises and which chrome it must drop', () => {
  assert.ok(fixtures.length > 0, 'no fixture folders found');
  for (const f of fixtures) {
    assert.ok(f.reason.trim().length > 0, `${f.slug}: reason`);
    assert.ok((f.expected.bodyMustNotContain ?? []).length > 0, `${f.slug}: no chrome listed to check the body against`);
  }
});

for (const f of fixtures) {
  test(`fixture ${f.slug}: ${f.reason}`, () => {
    const got = observedOf(runPipeline(f.input, f.contentType, f.url));
    assert.deepEqual(differences(f.expected, got), []);
  });
}
