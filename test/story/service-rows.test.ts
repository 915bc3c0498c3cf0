// StoryService saves the clusterer as rows: a store that kept it whole under the old state key is moved to rows
// once, on first load, and then goes on exactly as a store that always had rows; a failed move leaves the old key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SqliteStore } from '../../src/storage/sqlite/store.ts';
import { IngestService } from '../../src/services/ingest.ts';
import { StoryService } from '../../src/services/stories.ts';
import { StoryClusterer } from '../../src/pipeline/cluster/clusterer.ts';
import type { ClusterInput } from '../../src/pipeline/cluster/clusterer.ts';
import { CEDAR, DEFENCE_A, DEFENCE_B, VALLEY } from '../cluster/fixtures.ts';

const LEGACY_KEY = 'clusterer';

async function openStore(): Promise<SqliteStore> {
  const store = SqliteStore.open(':memory:');
  await store.migrate();
  return store;
}

/** Ingests the articles as plain-text pages through a new service (as a new process would), then flushes. */
async function ingest(store: SqliteStore, articles: ClusterInput[]): Promise<void> {
  const stories = new StoryService(store);
  const ingest = new IngestService(store, stories);
  for (const a of articles) {
    await ingest.ingestOne({ input: `${a.key}.txt`, url: null, bytes: Buffer.from(`${a.title}\n\n${a.text}\n`), contentType: 'text/plain', fetchedAt: '2024-04-01T00:00:00Z' });
  }
  await stories.flush();
}

/** What an earlier version left: the whole state as JSON under the state key, and no rows. */
async function toLegacyLayout(store: SqliteStore): Promise<string> {
  const rows = await store.loadClustererRows();
  assert.ok(rows, 'the first ingest saved rows');
  const json = JSON.stringify(StoryClusterer.fromRows(rows).toJSON());
  await store.saveState(LEGACY_KEY, json);
  store.database.exec('DELETE FROM clusterer_header; DELETE FROM clusterer_stories; DELETE FROM clusterer_terms;');
  return json;
}

async function savedState(store: SqliteStore): Promise<unknown> {
  const rows = await store.loadClustererRows();
  assert.ok(rows, 'rows are saved');
  return StoryClusterer.fromRows(rows).toJSON();
}

const FIRST = [...DEFENCE_A, DEFENCE_B[0], VALLEY[0]];
const SECOND = [...DEFENCE_B.slice(1), ...VALLEY.slice(1), ...CEDAR];

test('a clusterer saved whole under the old key is moved to rows on first load, then goes on as one that always had rows', async () => {
  const [rowsAllAlong, upgraded] = await Promise.all([openStore(), openStore()]);
  try {
    for (const store of [rowsAllAlong, upgraded]) await ingest(store, FIRST);
    const legacy = await toLegacyLayout(upgraded);
    assert.equal(await upgraded.loadClustererRows(), null, 'the upgraded store starts with no rows');

    for (const store of [rowsAllAlong, upgraded]) await ingest(store, SECOND);
    assert.equal(await upgraded.loadState(LEGACY_KEY), null, 'the old key is gone once the rows are written');
    assert.deepEqual(await savedState(upgraded), await savedState(rowsAllAlong), 'the same clusterer state as the store that always had rows');
    assert.notDeepEqual(await savedState(upgraded), JSON.parse(legacy), 'and it went on from the moved state');
    const storyOf = async (store: SqliteStore) => Promise.all((await store.listArticles()).map(async (a) => (await store.getMembership(a.id))?.storyId));
    assert.deepEqual(await storyOf(upgraded), await storyOf(rowsAllAlong), 'every article in the same story');
  } finally {
    await Promise.all([rowsAllAlong.close(), upgraded.close()]);
  }
});

test('a move to rows that fails leaves the old key and no rows, and the next load moves it', async () => {
  const store = await openStore();
  try {
    await ingest(store, FIRST);
    const legacy = await toLegacyLayout(store);
    const save = store.saveClustererRows.bind(store);
    store.saveClustererRows = async (rows) => { await save(rows); throw new Error('disk full'); };
    await assert.rejects(ingest(store, SECOND.slice(0, 1)), /disk full/);
    assert.equal(await store.loadState(LEGACY_KEY), legacy, 'the old key stays');
    assert.equal(await store.loadClustererRows(), null, 'no rows landed');
    store.saveClustererRows = save;
    await ingest(store, SECOND.slice(0, 1));
    assert.equal(await store.loadState(LEGACY_KEY), null);
    assert.ok(await store.loadClustererRows());
  } finally {
    await store.close();
  }
});

test('a flush writes the header, the stories the batch touched and their terms; a flush with nothing new writes nothing', async () => {
  const store = await openStore();
  try {
    await ingest(store, [...DEFENCE_A, ...VALLEY]);
    const before = (await store.loadClustererRows())!;
    const writes: number[] = [];
    const save = store.saveClustererRows.bind(store);
    store.saveClustererRows = async (rows) => { writes.push(rows.stories.length); await save(rows); };
    const stories = new StoryService(store);
    const ingestOne = new IngestService(store, stories);
    const a = CEDAR[0];
    await ingestOne.ingestOne({ input: `${a.key}.txt`, url: null, bytes: Buffer.from(`${a.title}\n\n${a.text}\n`), contentType: 'text/plain', fetchedAt: '2024-04-01T00:00:00Z' });
    await stories.flush();
    await stories.flush();
    assert.deepEqual(writes, [1], `one save, of the one story the article started (of ${before.stories.length + 1})`);
  } finally {
    await store.close();
  }
});

test('two processes saving one store: a save that finds another writer’s rows replaces them with its whole state, never a mix', async () => {
  const store = await openStore();
  try {
    await ingest(store, FIRST);
    // Two services on one store stand for two processes, each with its own clusterer in memory.
    const [a, b] = [new StoryService(store), new StoryService(store)];
    const [ingestA, ingestB] = [new IngestService(store, a), new IngestService(store, b)];
    const page = (x: ClusterInput) => ({ input: `${x.key}.txt`, url: null, bytes: Buffer.from(`${x.title}\n\n${x.text}\n`), contentType: 'text/plain', fetchedAt: '2024-04-01T00:00:00Z' });
    const has = (state: unknown, id: number) => JSON.stringify(state).includes(`"key":"${id}"`);
    const docs = (state: unknown) => (state as { docs: number }).docs;

    // Both load the saved state before either saves; X and Y start or join different stories.
    const x = await ingestA.ingestOne(page(VALLEY[1]));
    const y = await ingestB.ingestOne(page(CEDAR[0]));
    await a.flush();
    assert.ok(has(await savedState(store), x.id), 'A saved X');
    await b.flush();
    let saved = await savedState(store);
    assert.ok(has(saved, y.id) && !has(saved, x.id), 'B saved its own whole state: it never saw X');
    assert.equal(docs(saved), FIRST.length + 1);

    const z = await ingestA.ingestOne(page(DEFENCE_B[1]));
    await a.flush();
    saved = await savedState(store);
    assert.ok(has(saved, x.id) && has(saved, z.id) && !has(saved, y.id), 'A replaced B’s rows with its whole state: no story row of B’s is left');
    assert.equal(docs(saved), FIRST.length + 2);

    // The last writer goes on with changes only.
    const writes: boolean[] = [];
    const save = store.saveClustererRows.bind(store);
    store.saveClustererRows = async (rows, options) => { writes.push(options?.replace ?? false); await save(rows, options); };
    await ingestA.ingestOne(page(DEFENCE_B[2]));
    await a.flush();
    assert.deepEqual(writes, [false]);
  } finally {
    await store.close();
  }
});
