// Story clusterer state as rows: saving after each batch writes what the batch changed, and the rows restore a clusterer that continues exactly as the saved one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StoryClusterer, RETIRE_DAYS, SPLIT_IDLE_ARRIVALS, SWEEP_EVERY, type Assignment, type ClusterInput, type ClustererRows } from '../../src/pipeline/cluster/clusterer.ts';
import { extractFeatures } from '../../src/pipeline/cluster/features.ts';
import { StorylineError } from '../../src/lib/errors.ts';
import { VALLEY, CEDAR, RATES, PORT, DEFENCE_A, DEFENCE_B } from './fixtures.ts';

/** Rows as a store keeps them: each change replaces the header and the rows it names; a count of 0 drops a term. */
class SavedRows {
  header = '';
  readonly stories = new Map<number, string>();
  readonly df = new Map<string, number>();
  /** Rows written, per save. */
  readonly writes: Array<{ stories: number; df: number; dropped: number }> = [];

  apply(changes: ClustererRows): void {
    this.header = changes.header;
    for (const s of changes.stories) this.stories.set(s.id, s.state);
    for (const [t, n] of changes.df) {
      if (n === 0) this.df.delete(t);
      else this.df.set(t, n);
    }
    this.writes.push({ stories: changes.stories.length, df: changes.df.length, dropped: changes.df.filter(([, n]) => n === 0).length });
  }

  /** As a store reads them back: stories by id, terms in another order than written. */
  rows(): ClustererRows {
    return {
      header: this.header,
      stories: [...this.stories].sort((a, b) => a[0] - b[0]).map(([id, state]) => ({ id, state })),
      df: [...this.df].reverse(),
    };
  }
}

const undated = (xs: ClusterInput[]) => xs.map((a) => ({ ...a, date: null }));
const dated = (date: string, xs: ClusterInput[]) => xs.map((a) => ({ ...a, date }));
const dayAfter = (date: string, days: number) => new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);
const fillers = (from: number, n: number, date: string): ClusterInput[] =>
  Array.from({ length: n }, (_, i) => ({ key: `f${from + i}`, title: `Filler ${from + i}`, text: `Item number ${from + i} of the list.`, language: 'en', date }));

/** Sentence subsets of the Paradise Valley reports that start two stories and then merge them (as in the merge test). */
function mergingParts(): ClusterInput[] {
  const sentences = VALLEY.flatMap((a) => a.text.split(/(?<=\.) /));
  return [[3], [10, 1, 6], [2, 4], [4, 0]].map((idx, i) => ({ key: `part-${i}`, title: null, text: idx.map((j) => sentences[j]).join(' '), language: 'en', date: null }));
}

/**
 * Batches that between them create, grow, merge, split and retire stories, drop the members of an idle story and
 * drop document frequencies: every way a saved row changes.
 */
function batches(): ClusterInput[][] {
  const start = '2023-01-01', later = dayAfter(start, RETIRE_DAYS + 1);
  // The bridging article comes in a batch of its own, so the story it folds away is touched by nothing else there.
  const parts = mergingParts();
  const out: ClusterInput[][] = [parts.slice(0, 3), parts.slice(3), undated(DEFENCE_A), undated(DEFENCE_B), dated(start, [...VALLEY, ...RATES])];
  // Enough later arrivals for sweeps to retire the dated stories and to drop the idle undated stories' members.
  const filler = SPLIT_IDLE_ARRIVALS + SWEEP_EVERY;
  for (let i = 0; i < filler; i += 1_500) out.push(fillers(i, Math.min(1_500, filler - i), later));
  return out;
}

const restoredFromJSON = (c: StoryClusterer) => StoryClusterer.fromJSON(JSON.parse(JSON.stringify(c.toJSON())));

test('rows: saved after every batch, they restore the same clusterer as the whole JSON, through merges, splits and retirements', () => {
  const c = new StoryClusterer();
  const saved = new SavedRows();
  const out: Assignment[] = [];
  for (const batch of batches()) {
    for (const a of batch) out.push(c.add(a));
    saved.apply(c.takeChanges());
    assert.equal(c.hasChanges(), false, 'nothing is left to save right after a save');
    const fromRows = StoryClusterer.fromRows(saved.rows());
    assert.deepEqual(fromRows.toJSON(), c.toJSON(), `after ${out.length} articles the rows hold the whole state`);
    assert.deepEqual(fromRows.toJSON(), restoredFromJSON(c).toJSON(), 'the same state as restored from the whole JSON');
  }
  // The stream did what it is meant to exercise.
  assert.ok(out.some((a) => a.merges.length > 0), 'stories merged');
  assert.ok(out.some((a) => a.splits.length > 0), 'a story split');
  assert.ok(c.stats().live < c.stats().stories, 'stories were retired');
  const states = [...saved.stories.values()].map((s) => JSON.parse(s) as { mergedInto?: number; retired?: boolean; members?: unknown });
  assert.ok(states.some((s) => s.mergedInto !== undefined) && states.some((s) => s.retired), 'merged and retired stories are saved as such');
  assert.ok(!states.some((s) => Array.isArray(s.members)), 'idle undated stories dropped their members, and their rows say so');
  assert.ok(saved.writes.some((w) => w.dropped > 0), 'document frequencies were dropped from the rows');

  // Both continue exactly as the original: the same placements, reasons and state.
  const tail = dated(dayAfter('2023-01-01', 2 * RETIRE_DAYS), [...VALLEY, ...CEDAR, ...PORT, ...DEFENCE_B]);
  const fromRows = StoryClusterer.fromRows(saved.rows()), fromJSON = restoredFromJSON(c);
  const expected = tail.map((a) => c.add(a));
  assert.deepEqual(tail.map((a) => fromRows.add(a)), expected, 'restored from rows, later articles are placed the same way');
  assert.deepEqual(tail.map((a) => fromJSON.add(a)), expected, 'as they are restored from the whole JSON');
  assert.deepEqual(fromRows.toJSON(), c.toJSON(), 'and the states stay equal');
});

test('rows: a save after a batch writes the stories the batch touched and the terms its articles hold, not the whole state', () => {
  const c = new StoryClusterer();
  // Many small stories first, so "all" and "touched" are far apart.
  for (const [i, a] of fillers(0, 400, '2023-03-01').entries()) c.add({ ...a, title: `Unrelated notice ${i}`, text: `Notice ${i} concerns the parcel ${i * 7 + 3} and the ward ${i * 13 + 5}.` });
  c.takeChanges();
  const batch = [...undated(DEFENCE_A), ...undated(DEFENCE_B)];
  const out = batch.map((a) => c.add(a));
  assert.ok(out.some((a) => a.splits.length > 0), 'the batch splits a story');
  const touched = new Set(out.flatMap((a) => [a.story, ...a.merges.flatMap((m) => [m.from, m.into]), ...a.splits.flatMap((x) => [x.from, x.into])]));
  const terms = new Set(batch.flatMap((a) => [...extractFeatures(a.title, a.text, a.language).terms.keys()]));
  const changes = c.takeChanges();
  assert.deepEqual(new Set(changes.stories.map((s) => s.id)), touched, 'one row per story created, grown, split or merged');
  assert.ok(changes.stories.length < c.stats().stories / 10, `${changes.stories.length} of ${c.stats().stories} stories written`);
  assert.deepEqual(new Set(changes.df.map(([t]) => t)), terms, 'one row per term of the batch\'s articles');
  assert.deepEqual(JSON.parse(changes.header), { format: 'storyline-clusterer/1', docs: 400 + batch.length, today: Date.parse('2023-03-01') / 86_400_000 }, 'the header: articles seen, newest day');
  const again = c.takeChanges();
  assert.deepEqual([again.stories.length, again.df.length], [0, 0], 'with no new article, no story or term is written again');
});

test('rows: a failed write handed back is written again, with the values of the next save', () => {
  const c = new StoryClusterer();
  const saved = new SavedRows();
  for (const a of VALLEY) c.add(a);
  const lost = c.takeChanges();
  c.keepUnsaved(lost);
  assert.equal(c.hasChanges(), true, 'the handed-back rows count as unsaved');
  for (const a of CEDAR) c.add(a);
  saved.apply(c.takeChanges());
  assert.deepEqual(StoryClusterer.fromRows(saved.rows()).toJSON(), c.toJSON(), 'the next save carries the rows the failed one lost');
});

test('rows: a clusterer restored from the whole JSON has every row to write', () => {
  const original = new StoryClusterer();
  for (const a of [...VALLEY, ...DEFENCE_A]) original.add(a);
  const saved = new SavedRows();
  saved.apply(restoredFromJSON(original).takeChanges());
  assert.deepEqual(StoryClusterer.fromRows(saved.rows()).toJSON(), original.toJSON());
  const fromRows = StoryClusterer.fromRows(saved.rows());
  assert.equal(fromRows.hasChanges(), false, 'restored from rows, nothing is unsaved');
});

const BAD_ROWS: Array<{ reason: string; rows: (good: ClustererRows) => ClustererRows }> = [
  { reason: 'a header that is not JSON', rows: (good) => ({ ...good, header: '{"format":' }) },
  { reason: 'a header of another format', rows: (good) => ({ ...good, header: JSON.stringify({ format: 'other', docs: 1, today: null }) }) },
  { reason: 'a story row holding another story', rows: (good) => ({ ...good, stories: good.stories.map((s, i) => (i === 0 ? { ...s, id: 5 } : s)) }) },
  { reason: 'a missing story row', rows: (good) => ({ ...good, stories: good.stories.slice(1) }) },
  { reason: 'a story row that is not a story', rows: (good) => ({ ...good, stories: [{ id: 0, state: '{"id":0}' }, ...good.stories.slice(1)] }) },
  { reason: 'a document frequency below one', rows: (good) => ({ ...good, df: [['valley', 0], ...good.df] }) },
];

for (const { reason, rows } of BAD_ROWS) {
  test(`rows: refuses ${reason}`, () => {
    const c = new StoryClusterer();
    for (const a of [...VALLEY, ...CEDAR]) c.add(a);
    const good = c.takeChanges();
    assert.ok(good.stories.length >= 2, 'two stories to work with');
    assert.throws(() => StoryClusterer.fromRows(rows(good)), (e: unknown) => e instanceof StorylineError && e.code === 'bad_input', reason);
  });
}
