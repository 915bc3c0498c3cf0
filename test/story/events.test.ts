import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeArticle } from '../../src/pipeline/run.ts';
import { mergeTimeline, type ArticleAnalysis } from '../../src/pipeline/story/assemble.ts';
import { inferDate } from '../../src/pipeline/story/infer-date.ts';

type Row = [text: string, published: string, expected: { date: string; kind: string; place?: string | null; scheduled?: boolean }, reason: string];

const CASES: Row[] = [
  ['The ministers met in Vienna on Monday to discuss the treaty.', '2023-03-08', { date: '2023-03-06', kind: 'meeting', place: 'Vienna' }, 'a past weekday dates the meeting; "in Vienna" is its venue'],
  ['The foreign minister told reporters on Wednesday that the offer stands.', '2023-03-08', { date: '2023-03-08', kind: 'statement' }, 'a reporting verb right before the date dates the statement'],
  ['The talks in Geneva are scheduled for March 14, the spokeswoman said.', '2023-03-08', { date: '2023-03-14', kind: 'meeting', place: 'Geneva', scheduled: true }, 'a scheduled meeting is kept as a future event'],
  ['On February 20, the government submitted its written response to the proposals.', '2023-03-08', { date: '2023-02-20', kind: 'submission' }, 'submission events'],
  ['The ministry published the draft agreement on December 17.', '2023-01-05', { date: '2022-12-17', kind: 'publication' }, 'a month-day after the article date in a past-tense clause belongs to the previous year'],
  ['Earlier on Tuesday, senators introduced a bill that would impose new sanctions.', '2023-03-08', { date: '2023-03-07', kind: 'bill' }, 'a bill introduction'],
];

for (const [text, published, expected, reason] of CASES) {
  test(`events: ${reason}`, () => {
    const events = analyzeArticle(text, published).events;
    const e = events.find((x) => x.date === expected.date);
    assert.ok(e, `an event on ${expected.date} in ${JSON.stringify(events.map((x) => [x.date, x.kind]))}`);
    assert.equal(e.kind, expected.kind);
    if (expected.place !== undefined) assert.equal(e.place, expected.place);
    if (expected.scheduled !== undefined) assert.equal(e.scheduled, expected.scheduled);
  });
}

test('events: a year used as a modifier ("the 1997 borders") is no event', () => {
  const events = analyzeArticle('Moscow demanded a return to the 1997 borders, the minister said on Thursday.', '2023-03-09').events;
  assert.ok(events.every((e) => !e.date.startsWith('1997')));
});

test('events: places named as parties are not venues', () => {
  const [e] = analyzeArticle('On Monday, the US and NATO discussed the response to the proposals.', '2023-03-08').events;
  assert.equal(e.place, null);
});

function item(id: number, text: string, published: string | null): ArticleAnalysis {
  return { article: { id, title: null, outlet: null, published, publishedInferred: false, duplicateOf: null }, ...analyzeArticle(text, published) };
}

test('timeline: the same meeting reported by two articles is one entry with both sources', () => {
  const a = item(1, 'The first round of talks was held in Geneva on January 10, officials said.', '2022-01-11');
  const b = item(2, 'Diplomats met in Geneva on Monday for talks on security guarantees.', '2022-01-12');
  const t = mergeTimeline([a, b]).filter((x) => x.date === '2022-01-10');
  assert.equal(t.length, 1);
  assert.deepEqual(t[0].sources.map((s) => s.article), [1, 2]);
  assert.equal(t[0].place, 'Geneva');
});

test('timeline: different events on one day stay apart (a meeting and a bill)', () => {
  const a = item(1, 'The council met in Brussels on Wednesday. Earlier on Wednesday, senators introduced a sanctions bill.', '2022-01-13');
  const t = mergeTimeline([a]).filter((x) => x.date === '2022-01-12');
  assert.deepEqual(t.map((x) => x.kind).sort(), ['bill', 'meeting']);
});

test('inferDate: an undated article dates from the meeting its weekday refers to, and its lead statement', () => {
  const text = 'The ministry said on Tuesday that the talks had given little reason for optimism.\n\nThe head of the delegation at Monday’s talks briefed allies afterwards. At the Geneva talks, both sides restated their positions.';
  const r = inferDate(text, [{ date: '2022-01-10', place: 'Geneva', article: 7, sources: 2 }]);
  assert.ok(r);
  assert.equal(r.date, '2022-01-11');
  assert.match(r.detail, /article 7/);
});

test('inferDate: no shared event, no date (never a guess)', () => {
  assert.equal(inferDate('The ministry said on Tuesday that talks would continue.', [{ date: '2022-01-10', place: 'Geneva', article: 7, sources: 1 }]), null);
});

test('inferDate: "last week" talks fix the week, the lead statement the day', () => {
  const text = 'The head of the delegation told reporters on Thursday that the results were not very inspiring.\n\n'
    + 'He said a meeting of the foreign ministers on Friday could still bring progress.\n\n'
    + 'Russia held separate talks with NATO and the OSCE in Vienna last week.';
  const known = [
    { date: '2022-01-12', place: 'Brussels', participants: ['NATO'], article: 3, sources: 3 },
    { date: '2022-01-13', place: 'Vienna', participants: [], article: 3, sources: 2 },
    { date: '2021-12-01', place: 'Paris', participants: [], article: 9, sources: 1 },
  ];
  const r = inferDate(text, known);
  assert.ok(r);
  assert.equal(r.date, '2022-01-20');
  assert.match(r.detail, /2022-01-12–2022-01-13/);
});

test('inferDate: "last week" with no dated day of its own stays undated', () => {
  const text = 'Russia held separate talks with NATO and the OSCE in Vienna last week, and more are expected.';
  assert.equal(inferDate(text, [{ date: '2022-01-13', place: 'Vienna', participants: [], article: 3, sources: 2 }]), null);
});
