// Quote scoring: overlap thresholds, one-to-one matching, speaker overlap, and the BRAT reader.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAnn } from '../../src/pipeline/quotes/brat.ts';
import { scoreFolder, scoreText } from '../../src/eval/suites/quotes.ts';
import type { QuoteMention } from '../../src/pipeline/quotes/types.ts';

function mention(parts: Array<[number, number]>, speaker: [number, number] | null = null): QuoteMention {
  return {
    start: parts[0][0], end: parts[parts.length - 1][1], text: '', kind: 'direct',
    parts: parts.map(([start, end]) => ({ start, end })), cue: null, cueSpan: null,
    speaker: speaker ? { start: speaker[0], end: speaker[1], text: '' } : null, speakerAntecedent: null, confidence: null,
  };
}

const ANN = [
  'T1\tSource 0 7\tCaddell',
  'T2\tCue 8 12\tsaid',
  'T3\tContent 20 60;70 110\tfirst part second part',
  'T4\tAttribution 8 12\tsaid',
  'E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3',
  'T5\tCue 200 212\taccording to',
  'T6\tContent 150 199\tno source here',
  'E2\tAttribution:T5 Cue:T5 Content:T6',
  '#1\tAnnotatorNotes T3\ta note the reader must skip',
].join('\n');

test('parseAnn: discontinuous content and attributions without a source', () => {
  const gold = parseAnn(ANN);
  assert.equal(gold.length, 2);
  assert.deepEqual(gold[0].content, [{ start: 20, end: 60 }, { start: 70, end: 110 }]);
  assert.deepEqual(gold[0].source, [{ start: 0, end: 7 }]);
  assert.equal(gold[1].source, null);
});

const gold = parseAnn(ANN);
const rows: Array<{ pred: QuoteMention[]; expect: Partial<ReturnType<typeof scoreText>>; reason: string }> = [
  { pred: [mention([[20, 60], [70, 110]], [0, 7])], expect: { matched: 1, matchedStrict: 1, speakerRight: 1, withSource: 1 }, reason: 'both parts found and the speaker overlaps the source' },
  { pred: [mention([[20, 60]], [0, 3])], expect: { matched: 1, matchedStrict: 0, speakerRight: 1 }, reason: 'half the content passes 0.3 but not 0.8' },
  { pred: [mention([[20, 40]])], expect: { matched: 0 }, reason: 'a quarter of the content is below 0.3' },
  { pred: [mention([[20, 110]], [8, 12])], expect: { matched: 1, speakerRight: 0 }, reason: 'a speaker span on the cue does not overlap the source' },
  { pred: [mention([[20, 110]]), mention([[20, 110]])], expect: { matched: 1, predicted: 2 }, reason: 'one gold content matches one prediction only' },
  { pred: [mention([[150, 199]], [0, 7])], expect: { matched: 1, withSource: 0, speakerRight: 0 }, reason: 'a gold attribution without a source does not count for speaker accuracy' },
];

for (const r of rows) {
  test(`scoreText: ${r.reason}`, () => {
    const counts = scoreText(r.pred, gold);
    for (const [k, v] of Object.entries(r.expect)) assert.equal(counts[k as keyof typeof counts], v, `${k} in ${JSON.stringify(counts)}`);
  });
}

test('scoreFolder: annotators of one text are scored against each other, beside the system on those texts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'quotes-suite-'));
  try {
    mkdirSync(join(dir, 'text'));
    mkdirSync(join(dir, 'attributions'));
    writeFileSync(join(dir, 'text', 'two.txt'), 'x'.repeat(220));
    writeFileSync(join(dir, 'text', 'one.txt'), 'x'.repeat(220));
    writeFileSync(join(dir, 'attributions', 'two_a.ann'), ANN);
    // Annotator b marks only the first attribution, with the same source.
    writeFileSync(join(dir, 'attributions', 'two_b.ann'), ANN.split('\n').slice(0, 5).join('\n'));
    writeFileSync(join(dir, 'attributions', 'one_a.ann'), ANN);
    const { metrics } = scoreFolder(dir, (text) => (text.length === 220 ? [mention([[20, 60], [70, 110]], [0, 7])] : []));
    assert.equal(metrics.agreement_texts, 1, 'only the text with two annotators');
    // a against b: 2 predicted, 1 gold, 1 matched; b against a: 1, 2, 1; each direction weighs a half.
    assert.equal(metrics.agreement_quote_f1, 0.6667);
    assert.equal(metrics.agreement_speaker_accuracy, 1);
    // The system finds the first attribution: against a (P 1, R 1/2) and b (P 1, R 1), averaged: 1 of 1 predicted, 1 of 1.5 gold.
    assert.equal(metrics.quote_f1_on_agreement_texts, 0.8);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
