// Cue tagger: hashed feature keys, training on a toy set, and the model file round trip.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../src/pipeline/quotes/document.ts';
import { FeatureBuffer, featureContext, historyFeatures, TAG_B, TAG_O, tokenFeatures } from '../../src/pipeline/quotes/features.ts';
import { modelOf, PerceptronTrainer, readModel, tagTokens, writeModel } from '../../src/pipeline/quotes/tagger.ts';

function keys(text: string, i: number): string[] {
  const doc = analyse(text);
  const buf = new FeatureBuffer();
  tokenFeatures(featureContext(doc), i, buf);
  return Array.from({ length: buf.n }, (_, n) => `${buf.a[n]}:${buf.b[n]}`);
}

test('feature keys: the same token in the same context gets the same keys, a different word different ones', () => {
  const a = keys('Lavrov said the talks would continue.', 1);
  assert.deepEqual(keys('Lavrov said the talks would continue.', 1), a);
  const b = keys('Lavrov saw the talks would continue.', 1);
  assert.notDeepEqual(b, a);
  // Context-only features (the neighbours, the agent) are shared; word features are not.
  const shared = a.filter((k) => b.includes(k)).length;
  assert.ok(shared > 0 && shared < a.length, `${shared} of ${a.length} shared`);
  for (const k of a) assert.notEqual(Number(k.split(':')[1]) & 1, 0, 'second half always odd, so 0 marks an empty slot');
});

// A toy training set: "said" and "told" are cues when a clause follows; the same words as nouns or in other roles are not.
const TRAIN: Array<[string, string[]]> = [
  ['Lavrov said the talks would continue.', ['said']],
  ['Peskov told reporters that Moscow was ready.', ['told']],
  ['The minister said that no deal was near.', ['said']],
  ['The talks ended on Friday.', []],
  ['A spokesman told reporters the plan had failed.', ['told']],
  ['The vote was held in March.', []],
];

function train(epochs: number): ReturnType<PerceptronTrainer['averaged']> {
  const trainer = new PerceptronTrainer();
  const buf = new FeatureBuffer();
  const hist = new FeatureBuffer();
  for (let e = 0; e < epochs; e++) {
    for (const [text, cues] of TRAIN) {
      const doc = analyse(text);
      const ctx = featureContext(doc);
      let prev = TAG_O;
      for (let i = 0; i < doc.tokens.length; i++) {
        const gold = cues.includes(doc.tokens[i].lower) ? TAG_B : TAG_O;
        tokenFeatures(ctx, i, buf);
        historyFeatures(ctx, i, prev, hist);
        trainer.update([[buf, buf.n], [hist, hist.n]], gold);
        prev = gold;
      }
    }
  }
  return trainer.averaged(1, 0);
}

test('perceptron: learns the toy cues, and the model read back from its file tags exactly as the trained one', () => {
  const weights = train(5);
  const direct = modelOf(weights, 1000);
  const read = readModel(writeModel(weights, 1000, { test: true }));
  for (const text of ['Ryabkov said the offer was serious.', 'The offer was made in Geneva.']) {
    const doc = analyse(text);
    assert.deepEqual(tagTokens(read, doc), tagTokens(direct, doc), text);
  }
  const tags = tagTokens(read, analyse('Ryabkov said the offer was serious.'));
  assert.equal(tags[1], 'B', `tags: ${tags.join(' ')}`);
  assert.equal(tags.filter((t) => t !== 'O').length, 1, `tags: ${tags.join(' ')}`);
});

test('perceptron: an untrained model tags nothing', () => {
  const weights = train(0);
  const tags = tagTokens(modelOf(weights, 1000), analyse('Lavrov said the talks would continue.'));
  assert.ok(tags.every((t) => t === 'O'));
});
