// Part-of-speech tagger training: the CoNLL reader, tag set and dictionary, learning a toy set, and the model file round trip.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { parsePosColumn, type PosSentence } from '../../src/pipeline/pos/conll.ts';
import { FeatureBuffer, tokenFeatures, wordHashes } from '../../src/pipeline/pos/features.ts';
import { PerceptronTrainer, pruned, readModel, WeightTable, writeModel, type PosModel } from '../../src/pipeline/pos/model.ts';
import { tagWords } from '../../src/pipeline/pos/tagger.ts';
import { accuracy, encodeSentences, modelOf, tagDictionary, tagSet, trainEpoch } from '../../src/pipeline/pos/train.ts';

test('parsePosColumn: sentences with their POS column, across -DOCSTART- and blank lines; an ambiguous tag counts as its first', () => {
  const text = [
    '-DOCSTART- -X- -X- O', '',
    'EU NNP B-NP B-ORG', 'rejects VBZ B-VP O', '. . O O', '',
    '-DOCSTART- -X- -X- O', '',
    'Peter NNP B-NP B-PER', 'x NN|SYM I-NP O', '',
  ].join('\n');
  assert.deepEqual(parsePosColumn(text), [
    { words: ['EU', 'rejects', '.'], tags: ['NNP', 'VBZ', '.'] },
    { words: ['Peter', 'x'], tags: ['NNP', 'NN'] },
  ]);
  assert.throws(() => parsePosColumn('lonely\n', 'f.txt'), /f\.txt:1: expected "token POS/);
});

/** A toy treebank: determiners, nouns and verbs whose tag depends on the word before ("the run" / "they run"). */
const TOY: PosSentence[] = [
  ['The cat sat on the mat .', 'DT NN VBD IN DT NN .'],
  ['A dog ran to the park .', 'DT NN VBD TO DT NN .'],
  ['They run in the park .', 'PRP VBP IN DT NN .'],
  ['The run ended in the rain .', 'DT NN VBD IN DT NN .'],
  ['We walk to the shop .', 'PRP VBP TO DT NN .'],
  ['The walk was long .', 'DT NN VBD JJ .'],
  ['The dogs sat in the rain .', 'DT NNS VBD IN DT NN .'],
  ['They sat on the cats .', 'PRP VBD IN DT NNS .'],
].map(([w, t]) => ({ words: w.split(' '), tags: t.split(' ') }));

function trainToy(epochs: number): PosModel {
  const tags = tagSet(TOY);
  const dictionary = tagDictionary(TOY, tags, 7, 1);
  const trainer = new PerceptronTrainer(tags.length);
  const sentences = encodeSentences(TOY, tags);
  for (let e = 0; e < epochs; e++) trainEpoch(trainer, sentences, dictionary);
  return modelOf(trainer, tags, dictionary, 100);
}

test('tagSet and tagDictionary: tags by frequency; only frequent words with one tag go into the dictionary', () => {
  const tags = tagSet(TOY);
  assert.equal(tags[0], 'DT', 'the most frequent tag comes first');
  const dictionary = tagDictionary(TOY, tags, 7, 1);
  assert.deepEqual([...dictionary].map(([w, t]) => [w, tags[t]]).sort(), [['.', '.'], ['the', 'DT']]);
  assert.ok(!tagDictionary(TOY, tags, 3, 0.99).has('run'), 'an ambiguous word never goes in');
});

test('perceptron: learns the toy set and tags a word by its context', () => {
  const model = trainToy(8);
  assert.equal(accuracy(model, TOY), 1, 'the training sentences come back right');
  assert.deepEqual(tagWords(model, ['They', 'walk', 'to', 'the', 'mat', '.']), ['PRP', 'VBP', 'TO', 'DT', 'NN', '.']);
  assert.deepEqual(tagWords(model, ['The', 'run', 'was', 'long', '.']).slice(0, 2), ['DT', 'NN'], '"run" after a determiner is a noun');
});

test('perceptron: an untrained model scores nothing and tags every word alike', () => {
  const model = trainToy(0);
  assert.equal(model.weights.weights.a.length, 0);
  const tags = tagWords(model, ['They', 'walk', 'home']);
  assert.equal(new Set(tags).size, 1, tags.join(' '));
});

test('model file: the model read back tags exactly as the trained one, and keeps its tags and dictionary', () => {
  const model = trainToy(5);
  const read = readModel(writeModel(model, { test: true }));
  assert.deepEqual(read.tags, model.tags);
  assert.deepEqual([...read.dictionary].sort(), [...model.dictionary].sort());
  assert.deepEqual(read.weights.weights, model.weights.weights);
  for (const words of [['The', 'dog', 'sat', '.'], ['We', 'run', 'to', 'the', 'cats', '.'], ['Unseen', 'words', 'here']]) {
    assert.deepEqual(tagWords(read, words), tagWords(model, words), words.join(' '));
  }
  assert.deepEqual(writeModel(trainToy(5), { test: true }), writeModel(model, { test: true }), 'training is deterministic');
});

test('model file: a file of another format or key scheme is refused with its name', () => {
  const bad = gzipSync(JSON.stringify({ format: 9, hash: 'other' }));
  assert.throws(() => readModel(bad, 'm.json.gz'), /m\.json\.gz: unsupported format 9 or key scheme other/);
});

test('pruned: drops small weights and the features left with none', () => {
  const weights = trainToy(5).weights.weights;
  const smallest = Math.min(...Array.from(weights.units, Math.abs));
  const cut = pruned(weights, smallest + 1);
  assert.ok(cut.units.length < weights.units.length && cut.units.every((u) => Math.abs(u) > smallest));
  assert.equal(cut.rowStart[cut.a.length], cut.units.length);
  assert.ok(cut.a.length <= weights.a.length);
  assert.doesNotThrow(() => new WeightTable(cut, 100));
});

test('feature keys: the same context gives the same keys, another word other ones; the second half is odd', () => {
  const keys = (sentence: string, i: number): string[] => {
    const buf = new FeatureBuffer();
    tokenFeatures(sentence.split(' ').map(wordHashes), i, false, buf);
    return Array.from({ length: buf.n }, (_, n) => `${buf.a[n]}:${buf.b[n]}`);
  };
  const a = keys('the cat sat', 1);
  assert.deepEqual(keys('the cat sat', 1), a);
  const b = keys('the dog sat', 1);
  const shared = a.filter((k) => b.includes(k)).length;
  assert.ok(shared > 0 && shared < a.length, `${shared} of ${a.length} shared`);
  for (const k of a) assert.notEqual(Number(k.split(':')[1]) & 1, 0);
});
