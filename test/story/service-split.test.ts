// StoryService keeps the store in step with the clusterer: when a story is cut in two, the moved articles (and the
// duplicates riding with them) change story in the database, and both stories' rows are recounted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SqliteStore } from '../../src/storage/sqlite/store.ts';
import { IngestService } from '../../src/services/ingest.ts';
import { StoryService } from '../../src/services/stories.ts';
import { DEFENCE_A, DEFENCE_B } from '../cluster/fixtures.ts';

test('a split story moves its split-off articles and their duplicates to the new story, rows recounted', async () => {
  const store = SqliteStore.open(':memory:');
  await store.migrate();
  try {
    const stories = new StoryService(store);
    const ingest = new IngestService(store, stories);
    const ids = new Map<string, number>();
    const add = async (key: string, title: string, text: string) => {
      const a = await ingest.ingestOne({
        input: `${key}.txt`, url: null, bytes: Buffer.from(`${title}\n\n${text}\n`), contentType: 'text/plain', fetchedAt: '2024-04-01T00:00:00Z',
      });
      ids.set(key, a.id);
      return a;
    };
    for (const a of DEFENCE_A) await add(a.key, a.title!, a.text);
    // A wire copy of the second fight's first report: a duplicate, which rides with its original wherever it goes.
    const [first, ...rest] = DEFENCE_B;
    await add(first.key, first.title!, first.text);
    const copy = await add(`${first.key}-copy`, first.title!, first.text + ' ');
    assert.equal(copy.duplicateOf, ids.get(first.key));
    for (const a of rest) await add(a.key, a.title!, a.text);
    await stories.flush();

    const storyOf = async (key: string) => (await store.getMembership(ids.get(key)!))!.storyId;
    const aStories = new Set(await Promise.all(DEFENCE_A.map((a) => storyOf(a.key))));
    const bStories = new Set(await Promise.all([...DEFENCE_B.map((a) => a.key), `${first.key}-copy`].map(storyOf)));
    assert.equal(aStories.size, 1, 'the first fight stays together');
    assert.equal(bStories.size, 1, 'the second fight, its wire copy included, is together');
    const [sa] = aStories, [sb] = bStories;
    assert.notEqual(sa, sb, 'and apart from the first');
    const moved = (await store.getMembership(ids.get(first.key)!))!;
    assert.ok(moved.reasons.some((r) => r === `split from story ${sa}`), `the first report of the second fight joined, then moved: ${moved.reasons.join(' | ')}`);
    // Each row counts its own members.
    const rows = new Map((await stories.list()).map((r) => [r.id, r]));
    assert.equal((await store.storyMembers(sa)).length, DEFENCE_A.length);
    assert.equal((await store.storyMembers(sb)).length, DEFENCE_B.length + 1);
    assert.equal(rows.get(sa)?.articleCount, DEFENCE_A.length);
    assert.equal(rows.get(sb)?.articleCount, DEFENCE_B.length + 1);
  } finally {
    await store.close();
  }
});
