import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences, tokenize } from '../../src/pipeline/entities/tokenize.ts';

const cases: Array<{ text: string; tokens: string[]; reason: string }> = [
  { text: "Russia's demands", tokens: ['Russia', "'s", 'demands'], reason: 'possessive clitic is a token of its own, as in CoNLL' },
  { text: 'Russia’s demands', tokens: ['Russia', '’s', 'demands'], reason: 'typographic apostrophe splits the same way' },
  { text: "We don't agree.", tokens: ['We', 'do', "n't", 'agree', '.'], reason: "n't splits Treebank style; final period splits" },
  { text: 'the U.S. capital', tokens: ['the', 'U.S.', 'capital'], reason: 'a dotted initialism keeps its periods' },
  { text: 'Mr. Smith of Acme Corp.', tokens: ['Mr.', 'Smith', 'of', 'Acme', 'Corp.'], reason: 'known abbreviations keep their period' },
  { text: '“open, comprehensive and direct,” he', tokens: ['“', 'open', ',', 'comprehensive', 'and', 'direct', ',', '”', 'he'], reason: 'quotes and commas split off' },
  { text: 'paid $1,000.50 on 1996-08-22', tokens: ['paid', '$1,000.50', 'on', '1996-08-22'], reason: 'numbers keep inner commas, periods and hyphens' },
  { text: 'Russia-NATO talks (in Brussels)', tokens: ['Russia-NATO', 'talks', '(', 'in', 'Brussels', ')'], reason: 'hyphenated names stay one token; brackets split' },
  { text: 'Washington—on Monday—said', tokens: ['Washington', '—', 'on', 'Monday', '—', 'said'], reason: 'em dashes split words they join' },
];

for (const c of cases) {
  test(`tokenize: ${c.reason}`, () => {
    const toks = tokenize(c.text);
    assert.deepEqual(toks.map((t) => t.text), c.tokens);
    for (const t of toks) assert.equal(c.text.slice(t.start, t.end), t.text, 'offsets point at the token text');
  });
}

const sentenceCases: Array<{ text: string; sentences: number; reason: string }> = [
  { text: 'Talks ended. Ryabkov left.', sentences: 2, reason: 'a period before a capital ends a sentence' },
  { text: 'Mr. Ryabkov met Dr. Smith in the U.S. on Monday.', sentences: 1, reason: 'abbreviation periods do not end sentences' },
  { text: '"We are ready." He left.', sentences: 2, reason: 'a closing quote stays with its sentence' },
  { text: 'Headline without a period\nBody text starts here.', sentences: 2, reason: 'a line break always starts a sentence' },
];

for (const c of sentenceCases) {
  test(`splitSentences: ${c.reason}`, () => {
    assert.equal(splitSentences(tokenize(c.text)).length, c.sentences);
  });
}

test('splitSentences keeps the closing quote in the first sentence', () => {
  const s = splitSentences(tokenize('"We are ready." He left.'));
  assert.equal(s[0][s[0].length - 1].text, '"');
});
