// Story clusterer: same-event articles join, same-kind events stay apart, time window, weekdays, entities, merges, splits, determinism, persistence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StoryClusterer, RETIRE_DAYS, SWEEP_EVERY, WEEKDAY_FLOOR, type Assignment, type ClusterInput } from '../../src/pipeline/cluster/clusterer.ts';
import { StorylineError } from '../../src/lib/errors.ts';
import { VALLEY, CEDAR, RATES, PORT, DEFENCE_A, DEFENCE_B } from './fixtures.ts';

function feed(stream: ClusterInput[], c = new StoryClusterer()): { c: StoryClusterer; out: Assignment[]; stories: number[] } {
  const out = stream.map((a) => c.add(a));
  return { c, out, stories: out.map((a) => c.resolve(a.story)) };
}

/** The same story for the listed positions, and different stories across groups. */
function assertGroups(stories: number[], groups: number[][], reason: string): void {
  for (const g of groups) for (const i of g) assert.equal(stories[i], stories[g[0]], `${reason}: article ${i} should share a story with article ${g[0]}`);
  for (let x = 0; x < groups.length; x++) {
    for (let y = x + 1; y < groups.length; y++) assert.notEqual(stories[groups[x][0]], stories[groups[y][0]], `${reason}: groups ${x} and ${y} should be apart`);
  }
}

const undated = (xs: ClusterInput[]) => xs.map((a) => ({ ...a, date: null }));
const on = (date: string, xs: ClusterInput[]) => xs.map((a) => ({ ...a, date }));

const GROUPING_CASES: Array<{ reason: string; stream: ClusterInput[]; groups: number[][] }> = [
  { reason: 'three outlets on one wildfire join; an unrelated rate decision and a later fire elsewhere stay apart', stream: [...VALLEY, ...RATES, ...CEDAR], groups: [[0, 1, 2], [3], [4, 5]] },
  { reason: 'two wildfires on the same days stay apart: places, people and figures differ, not the kind of event', stream: [...on('2023-08-14', VALLEY), ...on('2023-08-14', CEDAR)], groups: [[0, 1, 2], [3, 4]] },
  { reason: 'without dates the names and figures alone keep the two wildfires apart', stream: undated([...VALLEY, ...CEDAR]), groups: [[0, 1, 2], [3, 4]] },
  { reason: 'interleaved arrival does not change the grouping', stream: undated([VALLEY[0], CEDAR[0], VALLEY[1], RATES[0], CEDAR[1], VALLEY[2]]), groups: [[0, 2, 5], [1, 4], [3]] },
];

for (const { reason, stream, groups } of GROUPING_CASES) {
  test(`grouping: ${reason}`, () => {
    const { stories } = feed(stream);
    assertGroups(stories, groups, reason);
  });
}

test('reasons: a join names the shared names and terms; a new story says why it was not joined', () => {
  const { out } = feed([...VALLEY, ...CEDAR]);
  const join = out[1];
  assert.equal(join.created, false, 'the second Paradise Valley article joins');
  assert.ok(join.score > 0 && join.reasons[0].startsWith('similarity'), `score leads the reasons: ${join.reasons[0]}`);
  assert.ok(join.reasons.some((r) => r.startsWith('shared names and figures:') && r.includes('paradise')), `the place is a shared name: ${join.reasons.join(' | ')}`);
  const fresh = out[3];
  assert.equal(fresh.created, true, 'the Cedar Ridge fire starts a story');
  assert.match(fresh.reasons[0], /^closest story \d+ scored [\d.]+, below /, 'a new story names the closest one and the bar it missed');
  assert.ok(fresh.reasons.some((r) => r.includes('cedar')), `what did not match is shown: ${fresh.reasons.join(' | ')}`);
});

const TIME_CASES: Array<{ reason: string; dates: [string, string]; joins: boolean }> = [
  { reason: 'a republication the next day joins', dates: ['2023-08-14', '2023-08-15'], joins: true },
  { reason: 'ten days on is still inside the window', dates: ['2023-08-14', '2023-08-24'], joins: true },
  { reason: 'four months later the same words are a new story (an anniversary piece, a repeat event)', dates: ['2023-08-14', '2023-12-14'], joins: false },
  { reason: 'an article dated before the story by four months does not join either', dates: ['2023-12-14', '2023-08-14'], joins: false },
];

for (const { reason, dates, joins } of TIME_CASES) {
  test(`time window: ${reason}`, () => {
    const { out } = feed([{ ...VALLEY[0], date: dates[0] }, { ...VALLEY[1], date: dates[1] }]);
    assert.equal(!out[1].created, joins, reason);
  });
}

test('time window: stories out of reach are retired from the index, and articles still resolve', () => {
  const c = new StoryClusterer();
  const first = c.add({ ...VALLEY[0], date: '2023-01-01' });
  // Enough later filler articles to trigger a sweep, all dated past the retirement horizon.
  const later = new Date(Date.UTC(2023, 0, 2 + RETIRE_DAYS)).toISOString().slice(0, 10);
  for (let i = 0; i < SWEEP_EVERY; i++) c.add({ key: `f${i}`, title: `Filler ${i}`, text: `Item number ${i} of the list.`, language: 'en', date: later });
  assert.equal(c.resolve(first.story), first.story, 'a retired story still resolves to itself');
  const again = c.add({ ...VALLEY[1], date: later });
  assert.equal(again.created, true, 'a matching article after retirement starts a new story');
  assert.ok(c.stats().live < c.stats().stories, 'retired stories leave the live set');
});

test('weekdays: with no dates, reports naming only other weekdays score lower; with dates, weekdays are ignored', () => {
  // The same two reports, the second moved from Monday to Thursday: dates, when given, are the better evidence.
  const [a, b] = [VALLEY[0], { ...VALLEY[1], text: VALLEY[1].text.replaceAll('Monday', 'Thursday') }];
  const undatedPair = feed(undated([a, b])).out[1], datedPair = feed(on('2023-08-14', [a, b])).out[1];
  assert.ok(Math.abs(undatedPair.score - WEEKDAY_FLOOR * datedPair.score) < 1e-9, `undated ${undatedPair.score} is ${WEEKDAY_FLOOR} of dated ${datedPair.score}`);
  assert.ok(undatedPair.reasons.some((r) => r.startsWith('weekdays named: thursday against monday')), `the weekdays are shown: ${undatedPair.reasons.join(' | ')}`);
  assert.ok(!datedPair.reasons.some((r) => r.startsWith('weekdays named')), 'dated reports do not compare weekdays');
  const sameDay = feed(undated([a, VALLEY[1]])).out[1];
  assert.ok(!sameDay.reasons.some((r) => r.startsWith('weekdays named')), 'reports naming the same weekday are not damped');
});

test('entities: resolved entity keys pull together articles that share few words', () => {
  const keys = ['ORG:velm port authority', 'LOC:velm', 'ORG:dockworkers union of velm'];
  const plain = feed(PORT);
  assert.notEqual(plain.stories[0], plain.stories[1], 'two differently worded strike reports without names stay apart');
  const withKeys = feed(PORT.map((a) => ({ ...a, entities: keys })));
  assert.equal(withKeys.stories[0], withKeys.stories[1], 'the same resolved entities make them one story');
  assert.ok(withKeys.out[1].reasons.some((r) => r.includes('loc:velm')), `entity keys appear among the reasons: ${withKeys.out[1].reasons.join(' | ')}`);
});

test('merge: a story that comes to resemble another is folded into the older one, with reasons', () => {
  // Sentence subsets of the Paradise Valley reports: the second article shares too little with the first to
  // join it and starts a story, the third joins that one, the fourth joins the first and bridges the two.
  const sentences = VALLEY.flatMap((a) => a.text.split(/(?<=\.) /));
  const parts = [[3], [10, 1, 6], [2, 4], [4, 0]];
  const stream = parts.map((idx, i) => ({ key: `part-${i}`, title: null, text: idx.map((j) => sentences[j]).join(' '), language: 'en', date: null }));
  const { c, out } = feed(stream);
  assert.equal(out[1].created, true, 'the second article starts its own story');
  assert.equal(out[2].created, false, 'the third joins it');
  const merge = out[3].merges[0];
  assert.ok(merge, 'the bridging article triggers a merge');
  assert.ok(merge.into < merge.from, 'the older story is kept');
  assert.ok(merge.score > 0 && merge.reasons[0].startsWith('similarity'), `the merge has a score and reasons: ${merge.reasons.join(' | ')}`);
  assert.ok(merge.reasons.some((r) => r.startsWith('shared names and figures:')), 'the merge names what the stories share');
  assert.equal(c.resolve(out[1].story), c.resolve(out[0].story), 'articles of the folded story resolve to the kept one');
  assert.equal(out[3].story, merge.into, 'the bridging article reports the kept story');
  assert.equal(c.storyCount(), 1, 'one story is left');
});

test('split: two same-kind events that met in one story part when each shows its own names, with reasons', () => {
  const { c, out, stories } = feed([...DEFENCE_A, ...DEFENCE_B]);
  const n = DEFENCE_A.length;
  assert.equal(out[n].created, false, 'the first report of the second fight joins the first fight (same champion, same belts)');
  const at = out.findIndex((a) => a.splits.length > 0);
  assert.ok(at > n, 'a later report of the second fight splits the story');
  const split = out[at].splits[0];
  assert.deepEqual(split.keys, DEFENCE_B.slice(0, at - n + 1).map((a) => a.key), 'the reports of the second fight move, the first fight\'s stay');
  assert.equal(split.from, out[0].story, 'the story keeps the first fight, which it began with');
  assert.equal(out[at].story, split.into, 'the report that split the story names the new one');
  assert.match(split.reasons[0], /^split in groups of 5 and \d articles: similarity [\d.]+ across against [\d.]+ within/, 'the split gives its scores');
  assert.ok(split.reasons.some((r) => r.includes('delgado')) && split.reasons.some((r) => r.includes('okoye')), `the split names each side's own terms: ${split.reasons.join(' | ')}`);
  // Follow the moved articles as a caller must: a split, unlike a merge, is not found through resolve().
  const placed = stories.map((s, i) => (split.keys.includes(DEFENCE_B[i - n]?.key) ? split.into : s));
  assertGroups(placed.map((s) => c.resolve(s)), [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]], 'each fight is one story');
});

test('split: dated stories do not split (their dates keep same-kind events apart, and a long story\'s phases together)', () => {
  const { out } = feed(on('2023-06-03', [...DEFENCE_A, ...DEFENCE_B]));
  assert.equal(out.flatMap((a) => a.splits).length, 0, 'no split');
  const yearApart = feed([...on('2023-06-03', DEFENCE_A), ...on('2024-06-01', DEFENCE_B)]);
  assertGroups(yearApart.stories, [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]], 'a year apart, the time window keeps the fights apart from the first report');
});

test('determinism: the same stream gives the same assignments and the same state', () => {
  const stream = [...VALLEY, ...RATES, ...CEDAR, ...PORT];
  const a = feed(stream), b = feed(stream);
  assert.deepEqual(a.out, b.out, 'assignments, scores and reasons are identical');
  assert.deepEqual(a.c.toJSON(), b.c.toJSON(), 'states are identical');
});

test('persistence: a clusterer restored from JSON continues exactly as the original', () => {
  const head = [...VALLEY.slice(0, 2), RATES[0], CEDAR[0]];
  const tail = [VALLEY[2], CEDAR[1], ...PORT];
  const original = feed(head).c;
  const restored = StoryClusterer.fromJSON(JSON.parse(JSON.stringify(original.toJSON())));
  assert.deepEqual(restored.toJSON(), original.toJSON(), 'the round trip keeps the state');
  assert.deepEqual(feed(tail, restored).out, feed(tail, original).out, 'later articles are placed the same way');
  assert.deepEqual(restored.toJSON(), original.toJSON(), 'and the states stay equal');
});

test('persistence: the members an undated story keeps for splitting survive the round trip', () => {
  const original = feed([...DEFENCE_A, DEFENCE_B[0]]).c;
  const restored = StoryClusterer.fromJSON(JSON.parse(JSON.stringify(original.toJSON())));
  const tail = DEFENCE_B.slice(1);
  const [fromRestored, fromOriginal] = [feed(tail, restored).out, feed(tail, original).out];
  assert.ok(fromOriginal.some((a) => a.splits.length > 0), 'the tail splits the story');
  assert.deepEqual(fromRestored, fromOriginal, 'the restored clusterer splits it the same way');
  assert.deepEqual(restored.toJSON(), original.toJSON(), 'and the states stay equal');
});

const BAD_STATES: Array<{ reason: string; state: (good: Record<string, unknown>) => unknown }> = [
  { reason: 'a foreign format', state: () => ({ format: 'something else' }) },
  { reason: 'not an object at all', state: () => 'stories' },
  { reason: 'a story out of place', state: (good) => ({ ...good, stories: [{ id: 3, size: 1, first: null, last: null }] }) },
  { reason: 'a merge into a story that does not exist', state: (good) => ({ ...good, stories: [{ id: 0, size: 1, first: null, last: null, mergedInto: 7 }] }) },
];

for (const { reason, state } of BAD_STATES) {
  test(`persistence: refuses ${reason}`, () => {
    const good = feed(VALLEY).c.toJSON() as Record<string, unknown>;
    assert.throws(() => StoryClusterer.fromJSON(state(good)), (e: unknown) => e instanceof StorylineError && e.code === 'bad_input', reason);
  });
}

test('robustness: words that are also object property names get ordinary weights', () => {
  const text = 'The constructor of the bridge, Hasanov Build, blamed the prototype design and its toString valuation.';
  const { out } = feed([{ key: 'p1', title: null, text, language: 'en', date: null }, { key: 'p2', title: null, text: `${text} Hasanov Build denied it.`, language: 'en', date: null }]);
  assert.ok(out[1].score > 0 && out[1].score <= 1, `score is a similarity between 0 and 1: ${out[1].score}`);
  assert.equal(out[1].created, false, 'the near copy joins');
});
