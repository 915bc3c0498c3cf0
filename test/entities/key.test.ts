import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entityKey } from '../../src/pipeline/entities/key.ts';
import type { EntityType } from '../../src/pipeline/entities/types.ts';

const same: Array<{ a: [EntityType, string]; b: [EntityType, string]; reason: string }> = [
  { a: ['PER', 'Sergei Ryabkov'], b: ['PER', 'Sergey Ryabkov'], reason: '-ei/-ey transliterations' },
  { a: ['PER', 'Dmitriy Peskov'], b: ['PER', 'Dmitry Peskov'], reason: '-iy/-y transliterations' },
  { a: ['PER', 'Dmitri Peskov'], b: ['PER', 'Dmitry Peskov'], reason: '-i/-y transliterations' },
  { a: ['PER', 'Aleksei Navalny'], b: ['PER', 'Alexey Navalny'], reason: 'ks/x and -ei/-ey together' },
  { a: ['PER', 'Volodymyr Zelenskyy'], b: ['PER', 'Volodymyr Zelensky'], reason: 'doubled final y' },
  { a: ['PER', 'José  Müller'], b: ['PER', 'jose muller'], reason: 'case, diacritics and spacing' },
  { a: ['LOC', 'U.S.'], b: ['LOC', 'United States'], reason: 'a dotted country alias' },
  { a: ['LOC', 'US'], b: ['LOC', 'the United States'], reason: 'country alias and leading "the"' },
  { a: ['ORG', 'the Kremlin'], b: ['ORG', 'Kremlin'], reason: 'a leading "the"' },
  { a: ['ORG', 'U.N.'], b: ['ORG', 'UN'], reason: 'dotted initialism' },
];

for (const c of same) {
  test(`entityKey merges: ${c.reason}`, () => assert.equal(entityKey(...c.a), entityKey(...c.b)));
}

const different: Array<{ a: [EntityType, string]; b: [EntityType, string]; reason: string }> = [
  { a: ['PER', 'Sergey Lavrov'], b: ['PER', 'Sergey Ryabkov'], reason: 'different surnames' },
  { a: ['LOC', 'Georgia'], b: ['PER', 'Georgia'], reason: 'the type is part of the key' },
  { a: ['LOC', 'Austria'], b: ['LOC', 'Australia'], reason: 'different countries' },
];

for (const c of different) {
  test(`entityKey keeps apart: ${c.reason}`, () => assert.notEqual(entityKey(...c.a), entityKey(...c.b)));
}

test('entityKey has the documented form', () => {
  assert.equal(entityKey('PER', 'Sergey Ryabkov'), 'PER:sergey ryabkov');
});
