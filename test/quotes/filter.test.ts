// Candidate filter: its features, logistic-regression training on soft labels, and the model file round trip.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../src/pipeline/quotes/document.ts';
import { extractQuotes } from '../../src/pipeline/quotes/extract.ts';
import { filterScore, readFilter, trainFilter, writeFilter, type Features } from '../../src/pipeline/quotes/filter.ts';

/** The candidates extraction builds for a text, with their features, unfiltered. */
function candidates(text: string): Array<{ cue: string; features: Features }> {
  const out: Array<{ cue: string; features: Features }> = [];
  extractQuotes(text, {
    filter: null,
    onCandidate: (doc, a, features) => out.push({ cue: doc.tokens[a.cue!.from].lower, features }),
  });
  return out;
}

test('features name the cue lemma, its WordNet class, the source kind and how the content opens', () => {
  const [c] = candidates('Lavrov said that the talks would continue.');
  const names = new Set(c.features.map(([k]) => k));
  for (const k of ['bias', 'cue=say', 'sense=verb.communication', 'src=name', 'open=that', 'q=none', 'finite=1']) assert.ok(names.has(k), `${k} in ${[...names]}`);
  const margin = c.features.find(([k]) => k === 'margin')![1];
  assert.ok(margin > 0 && margin <= 4, `margin feature scaled and clipped: ${margin}`);
});

test('features see a quotation and a pronoun source', () => {
  const doc = analyse('“We are ready,” he said.');
  const c = candidates(doc.text).find((x) => x.cue === 'said')!;
  const names = new Set(c.features.map(([k]) => k));
  assert.ok(names.has('q=all') && names.has('src=pro') && names.has('side=before'), [...names].join(' '));
});

test('training learns to tell speech cues from other verbs, on soft labels, and the file round trip keeps scores', () => {
  const speech = candidates('Lavrov said that the talks would continue. Peskov told reporters that Moscow was ready.');
  const other = candidates('The company filed for bankruptcy in 2015. The mayor opened the museum on Saturday.');
  assert.ok(speech.length >= 2, 'speech candidates');
  const examples = [
    ...speech.map((c) => ({ features: c.features, label: 1 })),
    ...other.map((c) => ({ features: c.features, label: 0 })),
  ];
  const model = trainFilter([...examples, ...examples, ...examples], { epochs: 30, rate: 0.1, l2: 1e-5, minCount: 1, seed: 7 });
  for (const c of speech) assert.ok(filterScore(model, c.features) > 0.7, `${c.cue}: ${filterScore(model, c.features)}`);
  for (const c of other) assert.ok(filterScore(model, c.features) < 0.3, `${c.cue}: ${filterScore(model, c.features)}`);
  const back = readFilter(writeFilter(model, { test: true }));
  for (const c of [...speech, ...other]) assert.ok(Math.abs(filterScore(back, c.features) - filterScore(model, c.features)) < 1e-3);
  // Features seen fewer than minCount times get no weight.
  const pruned = trainFilter(examples, { epochs: 5, rate: 0.1, l2: 1e-5, minCount: 1000, seed: 7 });
  assert.equal(pruned.weights.size, 0);
});

test('soft labels pull the probability towards the annotators’ share', () => {
  const [c] = candidates('Lavrov said that the talks would continue.');
  const model = trainFilter(Array.from({ length: 200 }, () => ({ features: c.features, label: 0.5 })), { epochs: 20, rate: 0.05, l2: 0, minCount: 1, seed: 1 });
  assert.ok(Math.abs(filterScore(model, c.features) - 0.5) < 0.05, String(filterScore(model, c.features)));
});

test('the committed filter drops a candidate the recall-leaning tagger offers for a meeting, not a statement', () => {
  const text = 'Diplomats met in Geneva on Monday.\n\nRussia held separate talks with the US and NATO last week.';
  assert.deepEqual(candidates(text).map((c) => c.cue), ['held'], 'the tagger offers the verb');
  assert.deepEqual(extractQuotes(text), [], 'the filter drops it');
});
