// Trains the part-of-speech tagger (greedy averaged perceptron) on the POS column of CoNLL-2003 and writes the committed model.
//
//   node --import tsx scripts/train-pos.ts [--train DIR] [--dev DIR] [--epochs N] [--out FILE]
//
// Reads ../shared/eval/ner-train by default, reports dev accuracy after every epoch, keeps the best epoch on
// ner-dev and prunes its weights as far as ner-dev allows (see MIN_WEIGHTS). Deterministic: the shuffling
// is seeded and every table is built in a fixed order.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readPosFolder } from '../src/pipeline/pos/conll.ts';
import { PerceptronTrainer, pruned, WeightTable, writeModel, type PosModel } from '../src/pipeline/pos/model.ts';
import { MODEL_PATH } from '../src/pipeline/pos/tagger.ts';
import { accuracy, encodeSentences, modelOf, tagDictionary, tagSet, trainEpoch } from '../src/pipeline/pos/train.ts';
import { seededShuffle } from '../src/lib/feature-keys.ts';

/** Weights are stored as integers of 1/SCALE. */
const SCALE = 100;
/**
 * Pruning levels tried on the best epoch's weights: weights of smaller magnitude are dropped, and the
 * smallest model within ACCURACY_TOLERANCE of the unpruned one's dev accuracy is kept. Once averaged, most
 * features hold a fraction of one update, so the file shrinks far faster than the accuracy falls.
 */
const MIN_WEIGHTS = [0.1, 0.25, 0.5, 1, 2];
/** Dev accuracy a smaller model may give up (0.05 points, about 25 tokens of ner-dev). */
const ACCURACY_TOLERANCE = 0.0005;
/** Tag dictionary: words seen this often in training that take one tag this often are tagged without scoring. */
const DICTIONARY_MIN_COUNT = 20;
const DICTIONARY_MIN_SHARE = 0.97;
const SEED = 20030601;


function percent(x: number): string {
  return `${(x * 100).toFixed(2)}%`;
}

function seconds(t0: number): string {
  return `${((Date.now() - t0) / 1000).toFixed(0)} s`;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      train: { type: 'string', default: '../shared/eval/ner-train' },
      dev: { type: 'string', default: '../shared/eval/ner-dev' },
      epochs: { type: 'string', default: '10' },
      out: { type: 'string', default: MODEL_PATH },
    },
  });
  const t0 = Date.now();
  const train = readPosFolder(values.train);
  const dev = readPosFolder(values.dev);
  const tags = tagSet(train);
  if (tags.length > 255) throw new Error(`${values.train}: ${tags.length} tags, the model file holds at most 255`);
  const dictionary = tagDictionary(train, tags, DICTIONARY_MIN_COUNT, DICTIONARY_MIN_SHARE);
  const sentences = encodeSentences(train, tags);
  const tokens = train.reduce((n, s) => n + s.words.length, 0);
  console.log(`${sentences.length} sentences, ${tokens} tokens, ${tags.length} tags, ${dictionary.size} dictionary words`);
  const trainer = new PerceptronTrainer(tags.length);
  let best: { epoch: number; accuracy: number; model: PosModel } | null = null;
  for (let epoch = 1; epoch <= Number(values.epochs); epoch++) {
    trainEpoch(trainer, seededShuffle(sentences, SEED + epoch), dictionary);
    const model = modelOf(trainer, tags, dictionary, SCALE);
    const acc = accuracy(model, dev);
    console.log(`epoch ${epoch}: dev accuracy ${percent(acc)} (${model.weights.weights.a.length} features, ${seconds(t0)})`);
    if (!best || acc > best.accuracy) best = { epoch, accuracy: acc, model };
  }
  if (!best) throw new Error('--epochs must be at least 1');
  let chosen = { minWeight: 0, accuracy: best.accuracy, model: best.model };
  for (const minWeight of MIN_WEIGHTS) {
    const model: PosModel = { tags, dictionary, weights: new WeightTable(pruned(best.model.weights.weights, Math.round(minWeight * SCALE)), SCALE) };
    const acc = accuracy(model, dev);
    console.log(`weights ≥ ${minWeight}: dev accuracy ${percent(acc)} (${model.weights.weights.a.length} features)`);
    if (acc >= best.accuracy - ACCURACY_TOLERANCE) chosen = { minWeight, accuracy: acc, model };
  }
  const bytes = writeModel(chosen.model, {
    trainedOn: 'CoNLL-2003 English training set (eng.train), POS column',
    chosenOn: 'CoNLL-2003 English validation set (eng.testa)',
    epoch: best.epoch,
    minWeight: chosen.minWeight,
    devAccuracy: Number(chosen.accuracy.toFixed(4)),
    dictionary: { minCount: DICTIONARY_MIN_COUNT, minShare: DICTIONARY_MIN_SHARE },
  });
  writeFileSync(values.out, bytes);
  console.log(`wrote ${values.out} (${(bytes.length / 1e6).toFixed(2)} MB, ${chosen.model.weights.weights.a.length} features): epoch ${best.epoch}, weights ≥ ${chosen.minWeight}, dev accuracy ${percent(chosen.accuracy)}`);
}

main();
