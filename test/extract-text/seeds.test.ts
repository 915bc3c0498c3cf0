// Seed captures against their hand annotations: body bounds, chrome left out, title, outlet, dateline and section.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractPlainText } from '../../src/pipeline/extract/text.ts';
import { findDateline } from '../../src/pipeline/metadata/dateline.ts';
import { findOutlet } from '../../src/pipeline/metadata/outlet.ts';

interface SeedGold {
  outlet: string | null;
  title: string | null;
  dateline?: string;
  section?: string;
  body_starts_with: string;
  body_ends_with: string;
  body_must_not_contain?: string[];
}

const GOLD_FILE = join(process.cwd(), '..', 'shared', 'eval', 'seeds-gold.json');
const SEEDS_DIR = join(process.cwd(), 'samples', 'seeds');
const missing = !existsSync(GOLD_FILE);
const articles: Record<string, SeedGold> = missing ? {} : JSON.parse(readFileSync(GOLD_FILE, 'utf8')).articles;

if (missing) {
  test('seed captures', { skip: `seed annotations not found at ${GOLD_FILE}` }, () => {});
}

for (const [file, gold] of Object.entries(articles)) {
  test(`seed ${file}`, () => {
    const source = readFileSync(join(SEEDS_DIR, file), 'utf8');
    const x = extractPlainText(source);
    assert.ok(x.text.startsWith(gold.body_starts_with), `body starts with ${JSON.stringify(x.text.slice(0, 80))}`);
    assert.ok(x.text.endsWith(gold.body_ends_with), `body ends with ${JSON.stringify(x.text.slice(-80))}`);
    for (const chrome of gold.body_must_not_contain ?? []) {
      assert.ok(!x.text.includes(chrome), `body keeps chrome ${JSON.stringify(chrome)}`);
    }
    if (gold.title !== null) assert.equal(x.title, gold.title);
    else assert.ok(x.title, 'a title is derived when the capture has no headline');

    // As the orchestrator does: the body's dateline was stripped, so the capture is read too.
    const dateline = findDateline(x.text) ?? findDateline(source);
    assert.equal(dateline?.city ?? null, gold.dateline ?? null);
    const outlet = findOutlet({ siteName: null, url: null, text: source, dateline });
    assert.equal(outlet?.outlet ?? null, gold.outlet);
    assert.equal(x.section, gold.section ?? null);
  });
}
