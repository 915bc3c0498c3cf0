// The timex eval suite's TimeML reader and TempEval-3 scoring, on a small hand-written document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseTimeMl, run, scoreDocument } from '../../src/eval/suites/timex.ts';

const TML = `<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2022-01-11" temporalFunction="false" functionInDocument="CREATION_TIME">2022-01-11</TIMEX3></DCT>
<TEXT>
The Kremlin <EVENT eid="e1">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="2022-01-11">Tuesday</TIMEX3> that talks &amp; meetings held <TIMEX3 tid="t2" type="DATE" value="2022-W01">last week</TIMEX3> gave little hope.
</TEXT>
</TimeML>`;

test('parseTimeMl: creation time, tag-free text with decoded entities, gold offsets', () => {
  const doc = parseTimeMl(TML);
  assert.equal(doc.dct, '2022-01-11');
  assert.ok(doc.text.includes('talks & meetings'), 'entities decoded');
  assert.equal(doc.timexes.length, 2, 'the creation time outside <TEXT> is not a target');
  assert.deepEqual(doc.timexes.map((t) => doc.text.slice(t.start, t.end)), ['Tuesday', 'last week']);
});

test('scoreDocument: strict needs the exact span, relaxed any overlap, value the same string', () => {
  const gold = [{ start: 0, end: 9, value: '2022-W01' }, { start: 20, end: 27, value: '2022-01-11' }];
  const predicted = [{ start: 0, end: 9, value: '2022-W02' }, { start: 18, end: 27, value: '2022-01-11' }, { start: 40, end: 44, value: '1997' }];
  assert.deepEqual(scoreDocument(gold, predicted), { gold: 2, predicted: 3, strict: 1, relaxed: 2, value: 1 });
});

test('run: reads every .tml under the folder, recursively', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'timex-eval-'));
  try {
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'doc.tml'), TML);
    writeFileSync(join(dir, 'notes.txt'), 'not TimeML');
    const r = await run(dir);
    assert.equal(r.suite, 'timex');
    assert.equal(r.n, 1);
    // Tuesday resolves to the creation day; "last week" is ISO week 1 of 2022 as gold says.
    assert.equal(r.metrics.value_f1, 1);
    assert.equal(r.metrics.strict_f1, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
