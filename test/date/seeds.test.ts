import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { findPublishedInText } from '../../src/pipeline/date/text.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEEDS = join(ROOT, 'samples', 'seeds');
/** The hand annotations live beside the project, as the quality gates read them. */
const GOLD = join(ROOT, '..', 'shared', 'eval', 'seeds-gold.json');
const NOW = new Date('2026-11-23');

interface SeedGold {
  articles: Record<string, { published: { date: string | null; time?: string; stretch?: boolean } }>;
}

const gold: SeedGold | null = existsSync(GOLD) ? (JSON.parse(readFileSync(GOLD, 'utf8')) as SeedGold) : null;

for (const file of existsSync(SEEDS) ? readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort() : []) {
  const expected = gold?.articles[file]?.published;
  test(`seed ${file}: published date`, { skip: !expected && 'no gold annotation' }, () => {
    const got = findPublishedInText(readFileSync(join(SEEDS, file), 'utf8'), { dateLine: null, url: null, now: NOW });
    const day = got?.value.slice(0, 10) ?? null;
    if (expected!.stretch) {
      // Stretch facts need other documents; from this capture alone the answer is unknown or right, never wrong.
      assert.ok(day === null || day === expected!.date, `got ${got?.value} (${got?.detail})`);
      return;
    }
    assert.equal(day, expected!.date, got?.detail);
    if (expected!.time) assert.equal(got!.value.slice(11, 16), expected!.time, got!.detail);
  });
}
