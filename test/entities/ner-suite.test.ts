import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { run, scoreDocuments } from '../../src/eval/suites/ner.ts';
import { parseConll } from '../../src/pipeline/entities/conll.ts';

const FIXTURE = fileURLToPath(new URL('./fixtures/ner/', import.meta.url));

test('parseConll splits documents and converts IOB1 to BIO2', () => {
  const docs = parseConll('-DOCSTART- -X- -X- O\n\nA NNP B-NP I-PER\nB NNP I-NP I-PER\nC NNP I-NP B-PER\nx VB O O\n');
  assert.equal(docs.length, 1);
  assert.deepEqual(docs[0].sentences[0].tags, ['B-PER', 'I-PER', 'B-PER', 'O']);
});

const scoreCases: Array<{ gold: string[]; predicted: string[]; f1: number; reason: string }> = [
  { gold: ['B-PER', 'I-PER', 'O'], predicted: ['B-PER', 'I-PER', 'O'], f1: 1, reason: 'the same span scores 1' },
  { gold: ['B-PER', 'I-PER', 'O'], predicted: ['B-PER', 'O', 'O'], f1: 0, reason: 'a shorter span is wrong (exact match)' },
  { gold: ['B-PER', 'I-PER', 'O'], predicted: ['B-ORG', 'I-ORG', 'O'], f1: 0, reason: 'a wrong type is wrong' },
  { gold: ['B-LOC', 'O', 'B-ORG'], predicted: ['B-LOC', 'O', 'O'], f1: 2 / 3, reason: 'one of two found: P 1, R 1/2' },
  { gold: ['B-MISC', 'O', 'B-LOC'], predicted: ['O', 'O', 'B-LOC'], f1: 1, reason: 'MISC is not scored' },
];

for (const c of scoreCases) {
  test(`scoreDocuments: ${c.reason}`, () => {
    const s = scoreDocuments([{ gold: [c.gold], predicted: [c.predicted] }]);
    assert.ok(Math.abs(s.f1 - c.f1) < 1e-9, `f1 ${s.f1}`);
  });
}

test('run reads every *.txt of a folder, rebuilds raw text and scores it', async () => {
  const r = await run(FIXTURE);
  assert.equal(r.suite, 'ner');
  assert.equal(r.n, 2, 'two documents');
  assert.equal(r.metrics.sentences, 3);
  for (const k of ['f1', 'precision', 'recall', 'per', 'loc', 'org']) {
    assert.ok(r.metrics[k] >= 0 && r.metrics[k] <= 1, `${k} in [0, 1]`);
  }
  assert.ok(r.metrics.f1 >= 0.75, `these plain sentences are easy: f1 ${r.metrics.f1}`);
});
