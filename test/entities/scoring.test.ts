// The tagger's fast scoring (features looked up by parts, per-word sums) against scoring by feature names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentFeatures } from '../../src/pipeline/entities/features.ts';
import { emissionScores, readModel, tagDocument, TAGS, viterbi, type TaggerWeights } from '../../src/pipeline/entities/perceptron.ts';
import { MODEL_PATH } from '../../src/pipeline/entities/recognize.ts';

/** Tags by the plain definition: every feature's name built, its weights looked up by name. */
function tagByNames(weights: TaggerWeights, sentences: string[][]): string[][] {
  return documentFeatures(sentences).map((f) => viterbi(emissionScores(weights, f), f.length, weights.start, weights.trans).map((t) => TAGS[t]));
}

/** A hand-made model: each feature pushes one tag, so the expected tags can be read off the table. */
function handModel(features: Record<string, [number, number]>): TaggerWeights {
  const emission = new Map<string, number[]>(Object.entries(features).map(([name, [tag, w]]) => [name, [tag, w]]));
  return { start: new Float64Array(TAGS.length), trans: new Float64Array(TAGS.length * TAGS.length), emission };
}

const B_PER = TAGS.indexOf('B-PER');
const B_LOC = TAGS.indexOf('B-LOC');
const B_ORG = TAGS.indexOf('B-ORG');

const handCases: Array<{ features: Record<string, [number, number]>; sentences: string[][]; expect: string[][]; reason: string }> = [
  {
    features: { 'w=smith': [B_PER, 5] },
    sentences: [['Mr', 'Smith', 'left'], ['Smith', 'stayed']],
    expect: [['O', 'B-PER', 'O'], ['B-PER', 'O']],
    reason: 'a one-value feature fires at every occurrence of the word (the per-word sum is reused)',
  },
  {
    features: { 'w-1|w=in|paris': [B_LOC, 5] },
    sentences: [['born', 'in', 'Paris'], ['Paris', 'in', 'spring']],
    expect: [['O', 'O', 'B-LOC'], ['O', 'O', 'O']],
    reason: 'a two-value feature fires only for its exact pair of words',
  },
  {
    features: { 'w|w+1=a|b|c': [B_ORG, 5] },
    sentences: [['a|b', 'c'], ['a', 'b|c'], ['a', 'b', 'c']],
    expect: [['B-ORG', 'O'], ['B-ORG', 'O'], ['O', 'O', 'O']],
    reason: "a value holding '|' is found under either way of splitting the name, and only there",
  },
  {
    features: { 'sh-1|sh|sh+1=<s>|Xx|x': [B_PER, 5], 'w+2=</s>': [B_LOC, 1] },
    sentences: [['Anna', 'said', 'so']],
    expect: [['B-PER', 'B-LOC', 'B-LOC']],
    reason: 'sentence boundaries are values like any word',
  },
  {
    features: { 'first|w=reuters': [B_ORG, 5], 'up|w=moscow': [B_LOC, 5] },
    sentences: [['Reuters', 'said'], ['said', 'Reuters'], ['MOSCOW', 'REPORTS']],
    expect: [['B-ORG', 'O'], ['O', 'O'], ['B-LOC', 'O']],
    reason: 'position features fire only in their position (first token, capitalised sentence)',
  },
];

for (const c of handCases) {
  test(`fast scoring: ${c.reason}`, () => {
    const weights = handModel(c.features);
    assert.deepEqual(tagDocument(weights, c.sentences), c.expect);
    assert.deepEqual(tagByNames(weights, c.sentences), c.expect, 'the plain definition agrees');
  });
}

const realCases: Array<{ sentences: string[][]; reason: string }> = [
  {
    sentences: [
      ['Foreign', 'Minister', 'Sergei', 'Lavrov', 'met', 'Antony', 'Blinken', 'in', 'Geneva', '.'],
      ['Lavrov', 'said', 'the', 'talks', 'were', '"', 'useful', '"', '.'],
    ],
    reason: 'names repeated across sentences (cached word sums) and quotes',
  },
  {
    sentences: [['GENEVA', '(', 'Reuters', ')', '-', 'THE', 'UNITED', 'NATIONS', 'SAID', 'ON', 'MONDAY']],
    reason: 'a dateline and a headline in capitals',
  },
  {
    sentences: [['The', 'Bank', 'of', 'England', 'raised', 'rates', 'to', '5.25', '%', 'on', 'Thursday', ',', 'Aug.', '3', '.']],
    reason: 'organisation run, numbers, calendar words and abbreviations',
  },
];

for (const c of realCases) {
  test(`the committed model tags alike by both scorings: ${c.reason}`, () => {
    const weights = readModel(MODEL_PATH);
    assert.deepEqual(tagDocument(weights, c.sentences), tagByNames(weights, c.sentences));
  });
}
