// Part-of-speech tagging with the committed model: Treebank forms of news tokens, tags of sentences, one tag per token.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { defaultModel, MODEL_PATH, tagSentence, tagSentences, treebankForms } from '../../src/pipeline/pos/tagger.ts';

const FORMS: Array<{ words: string[]; forms: string[]; reason: string }> = [
  { words: ['“', 'Yes', ',', '”', 'he', 'said'], forms: ['"', 'Yes', ',', '"', 'he', 'said'], reason: 'curly double quotes are written as the Treebank\'s "' },
  { words: ['‘', 'no', '’'], forms: ['"', 'no', "'"], reason: 'an opening single quote is a quotation mark; a lone closing one may be a possessive' },
  { words: ['Russia’s', 'plan'], forms: ['Russia', "'s", 'plan'], reason: 'a possessive is split off with a plain apostrophe' },
  { words: ['don’t', 'can\'t', 'won’t'], forms: ['do', "n't", 'ca', "n't", 'wo', "n't"], reason: "n't is split as the Treebank splits it" },
  { words: ['they’re', "we'll", 'I’ve'], forms: ['they', "'re", 'we', "'ll", 'I', "'ve"], reason: 'contracted auxiliaries are split' },
  { words: ['O’Brien’s', 'O’Neill'], forms: ["O'Brien", "'s", "O'Neill"], reason: 'an apostrophe inside a name is no clitic' },
  { words: ['he', '’s'], forms: ['he', "'s"], reason: 'a clitic the tokenizer already split stays one form' },
  { words: ['—', 'war', '–', '…', '1990–95'], forms: ['--', 'war', '--', '...', '1990-95'], reason: 'dashes and the ellipsis as the Treebank writes them' },
  { words: ["'s", "n't", 'is'], forms: ["'s", "n't", 'is'], reason: 'a bare clitic is not split again' },
];

for (const c of FORMS) {
  test(`treebankForms: ${c.reason}`, () => {
    const { forms, host } = treebankForms(c.words);
    assert.deepEqual(forms, c.forms);
    assert.equal(host.length, c.words.length);
  });
}

test('the committed model file loads, with the Treebank tag set and a dictionary', () => {
  assert.ok(existsSync(MODEL_PATH));
  const model = defaultModel();
  for (const tag of ['NNP', 'NN', 'VBD', 'VBZ', 'IN', 'DT', 'POS', '"', "''", ':']) assert.ok(model.tags.includes(tag), tag);
  assert.ok(model.weights.weights.a.length > 10_000, 'a trained model has many features');
  assert.equal(model.dictionary.get('the'), model.tags.indexOf('DT'));
});

const SENTENCES: Array<{ text: string; tags: string; reason: string }> = [
  {
    text: 'The European Commission said on Thursday it disagreed with German advice .',
    tags: 'DT NNP NNP VBD IN NNP PRP VBD IN JJ NN .',
    reason: 'a plain news sentence',
  },
  {
    text: '“ We are ready , ” Ryabkov told reporters .',
    tags: '" PRP VBP JJ , " NNP VBD NNS .',
    reason: 'curly quotation marks are tagged as quotation marks',
  },
  {
    text: 'Ryabkov’s remarks came after Moscow said it wasn’t ready .',
    tags: 'NNP NNS VBD IN NNP VBD PRP VBD JJ .',
    reason: 'a word with a clitic takes its host\'s tag',
  },
  {
    text: 'They don’t want talks , but the talks can’t wait .',
    tags: 'PRP VBP VB NNS , CC DT NNS MD VB .',
    reason: 'the verb after a negated auxiliary is a base form',
  },
  {
    text: 'The Russians ’ demands were rejected .',
    tags: 'DT NNPS POS NNS VBD VBN .',
    reason: 'a lone apostrophe after a plural is a possessive',
  },
];

for (const c of SENTENCES) {
  test(`tagSentence: ${c.reason}`, () => {
    const words = c.text.split(' ');
    assert.deepEqual(tagSentence(words).join(' '), c.tags);
  });
}

test('tagSentence: curly and straight forms of a sentence get the same tags', () => {
  const curly = '“ It’s the Kremlin’s decision , ” Peskov said , ‘ and they won’t change it ’ .'.split(' ');
  const straight = '" It\'s the Kremlin\'s decision , " Peskov said , " and they won\'t change it \' .'.split(' ');
  assert.deepEqual(tagSentence(curly), tagSentence(straight));
});

test('tagSentence: nothing in, nothing out; odd tokens still get a tag each', () => {
  assert.deepEqual(tagSentence([]), []);
  const odd = ['', '€', '\u200b', 'x'.repeat(500), '𝔘𝔫𝔦𝔠𝔬𝔡𝔢'];
  const tags = tagSentence(odd);
  assert.equal(tags.length, odd.length);
  for (const t of tags) assert.ok(defaultModel().tags.includes(t), t);
});

test('tagSentences: one tag per token, sentence by sentence, as the sentences tagged alone', () => {
  const text = 'Peskov said the talks were useful . “ We will see , ” he added .';
  const tokens = text.split(' ').map((t) => ({ text: t }));
  const sentences = [{ from: 0, to: 7 }, { from: 7, to: tokens.length }];
  const tags = tagSentences(tokens, sentences);
  assert.equal(tags.length, tokens.length);
  assert.deepEqual(tags, sentences.flatMap((s) => tagSentence(tokens.slice(s.from, s.to).map((t) => t.text))));
  assert.throws(() => tagSentences(tokens, [{ from: 0, to: 7 }]), /sentences end at token 7, before the last of 16/);
  assert.throws(() => tagSentences(tokens, [{ from: 0, to: 7 }, { from: 8, to: 16 }]), /sentence \[8, 16\) does not continue at token 7/);
});
