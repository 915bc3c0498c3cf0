// The extraction-text evaluation suite reads any zyte-style folder and scores pages it has captures for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/eval/suites/extraction-text.ts';

const BODY = [
  'The city council approved the new budget on Tuesday after a long debate that lasted into the night.',
  'Council members said the plan would fund road repairs and two new libraries over the next three years.',
].join('\n\n');
const CAPTURE = ['Budget approved - Example Times', 'Home', 'Log In', '', 'Budget approved', '', BODY, '', 'Related Articles', 'Another story'].join('\n');

test('extraction-text suite: scores every page with a capture, ignores pages without one', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-text-suite-'));
  try {
    writeFileSync(join(dir, 'ground-truth.json'), JSON.stringify({ a: { articleBody: BODY, url: null }, b: { articleBody: BODY, url: null } }));
    writeFileSync(join(dir, 'text-only-input.json'), JSON.stringify({ a: { articleBody: CAPTURE } }));
    const result = await run(dir);
    assert.equal(result.suite, 'extraction-text');
    assert.equal(result.n, 1);
    assert.deepEqual(result.metrics, { precision: 1, recall: 1, f1: 1 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
