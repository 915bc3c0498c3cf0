// Quality gates: each eval suite over ../shared/eval must stay at or above its pinned floor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runSuite } from '../../src/cli/eval.ts';

interface Gate { dir: string; metrics: Record<string, number>; files?: Record<string, Record<string, number>> }

const EVAL_DIR = join(process.cwd(), '..', 'shared', 'eval');
const FLOORS = JSON.parse(readFileSync(new URL('./floors.json', import.meta.url), 'utf8')) as Record<string, Gate>;

for (const [suite, gate] of Object.entries(FLOORS)) {
  const dir = join(EVAL_DIR, gate.dir);
  const missing = !existsSync(dir);
  if (missing && process.env.CI === 'true') {
    test(`gate ${suite}`, () => assert.fail(`evaluation data missing at ${dir}; CI needs ../shared/eval beside the project`));
    continue;
  }
  test(`gate ${suite} (${gate.dir})`, { skip: missing ? `evaluation data not found at ${dir}` : false, timeout: 15 * 60_000 }, async () => {
    const result = await runSuite(suite, dir);
    const report = JSON.stringify(result.metrics);
    for (const [metric, floor] of Object.entries(gate.metrics)) {
      const value = result.metrics[metric];
      assert.equal(typeof value, 'number', `${suite}: metric ${metric} missing from ${report}`);
      assert.ok(value >= floor, `${suite}: ${metric} ${value} fell below its floor ${floor} (${report})`);
    }
    for (const [file, metrics] of Object.entries(gate.files ?? {})) {
      for (const [metric, floor] of Object.entries(metrics)) {
        const value = result.files?.[file]?.[metric];
        assert.equal(typeof value, 'number', `${suite}: ${file} ${metric} missing`);
        assert.ok((value as number) >= floor, `${suite}: ${file} ${metric} ${value} fell below its floor ${floor}`);
      }
    }
  });
}
