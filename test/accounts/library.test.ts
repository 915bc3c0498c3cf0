// Collections and follows on in-memory SQLite: ownership and privacy, export (JSON, CSV), the personal feed and Atom.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser } from 'fast-xml-parser';
import { AccountError } from '../../src/accounts/errors.ts';
import { atomFeed } from '../../src/accounts/follows.ts';
import { csvRow } from '../../src/accounts/collections.ts';
import { addUser, makeCommunity } from './helpers.ts';

async function code(p: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof p === 'function' ? p() : p);
    return 'ok';
  } catch (err) {
    if (err instanceof AccountError) return err.code;
    throw err;
  }
}

test('collections: names unique per reader, items once each, private ones invisible to others', async () => {
  const c = makeCommunity();
  const alice = await addUser(c, 'alice');
  const bob = await addUser(c, 'bob');
  assert.deepEqual(await c.collections.list(alice), [], 'the empty state');
  const reading = await c.collections.create(alice, { name: 'Reading list' });
  assert.equal(reading.isPublic, false, 'private unless asked');
  assert.equal(await code(c.collections.create(alice, { name: 'Reading list' })), 'invalid_input');
  assert.equal((await c.collections.create(bob, { name: 'Reading list' })).owner, 'bob', 'another reader may use the name');
  await c.collections.add(alice, reading.id, 'article', 1);
  await c.collections.add(alice, reading.id, 'article', '1');
  await c.collections.add(alice, reading.id, 'story', 1);
  assert.equal((await c.collections.get(alice, reading.id)).items, 2);
  assert.equal(await code(c.collections.add(alice, reading.id, 'article', 999)), 'not_found');
  assert.equal(await code(c.collections.add(alice, reading.id, 'comment', 1)), 'invalid_input');

  const rows: Array<[string, () => unknown]> = [
    ['see', () => c.collections.get(bob, reading.id)],
    ['see anonymously', () => c.collections.get(null, reading.id)],
    ['list items', () => c.collections.items(bob, reading.id)],
    ['rename', () => c.collections.update(bob, reading.id, { name: 'Mine' })],
    ['delete', () => c.collections.delete(bob, reading.id)],
    ['add to', () => c.collections.add(bob, reading.id, 'article', 2)],
    ['export', () => c.collections.export(bob, reading.id, 'json', 'https://s.test')],
  ];
  for (const [reason, fn] of rows) assert.equal(await code(fn), 'not_found', `another reader cannot ${reason} a private collection`);

  await c.collections.update(alice, reading.id, { isPublic: 'on' });
  assert.equal((await c.collections.get(null, reading.id)).name, 'Reading list', 'public: anyone may read');
  assert.equal(await code(c.collections.update(bob, reading.id, { name: 'Mine' })), 'forbidden', 'but not change');
  assert.equal(await code(c.collections.delete(bob, reading.id)), 'forbidden');
  await c.collections.remove(alice, reading.id, 'story', 1);
  assert.deepEqual((await c.collections.items(null, reading.id)).map((i) => i.type), ['article']);
  await c.collections.delete(alice, reading.id);
  assert.equal(await code(() => c.collections.get(alice, reading.id)), 'not_found');
});

test('"Add to Collection" with a new name creates it once and adds the item', async () => {
  const c = makeCommunity();
  const alice = await addUser(c, 'alice');
  const a = await c.collections.addToNew(alice, { name: 'Geneva' }, 'article', 1);
  const b = await c.collections.addToNew(alice, { name: 'geneva' }, 'article', 2);
  assert.equal(a.id, b.id, 'the same name (any case) finds the collection');
  assert.equal(b.items, 2);
  assert.deepEqual(await c.collections.holding(alice, 'article', 2), [a.id]);
});

test('export: JSON keeps every field; CSV quotes properly and defuses spreadsheet formulas', async () => {
  const c = makeCommunity();
  const alice = await addUser(c, 'alice');
  c.library.articles.get(1)!.title = '=HYPERLINK("http://evil.example","click")';
  const col = await c.collections.create(alice, { name: '+cmd|calc', isPublic: true });
  await c.collections.add(alice, col.id, 'article', 1);
  const json = await c.collections.export(null, col.id, 'json', 'https://s.test');
  const doc = JSON.parse(json.body);
  assert.equal(doc.name, '+cmd|calc');
  assert.equal(doc.items[0].link, 'https://s.test/articles/1');
  assert.equal(json.filename, `collection-${col.id}.json`);
  const csv = await c.collections.export(null, col.id, 'csv', 'https://s.test');
  const lines = csv.body.trim().split('\r\n');
  assert.equal(lines[0], 'type,id,title,outlet,date,url,link,added_at');
  assert.ok(lines[1].startsWith(`article,1,"'=HYPERLINK(""http://evil.example"",""click"")"`), lines[1]);
  const rows: Array<[string, Array<string | number | null>, string]> = [
    ['plain cells stay as they are', ['a', 1, null], 'a,1,'],
    ['commas and quotes are quoted', ['a,b', 'say "hi"'], '"a,b","say ""hi"""'],
    ['a leading minus is a formula to a spreadsheet', ['-2+3'], "'-2+3"],
    ['a leading @ too', ['@SUM(A1)'], "'@SUM(A1)"],
    ['numbers are not touched', [-5], '-5'],
    ['line breaks are quoted', ['two\nlines'], '"two\nlines"'],
  ];
  for (const [reason, cells, expected] of rows) assert.equal(csvRow(cells), expected, reason);
});

test('follows: targets must exist; the feed merges outlets, stories, people and readers, newest first', async () => {
  const c = makeCommunity();
  const alice = await addUser(c, 'alice');
  const bob = await addUser(c, 'bob');
  const rows: Array<[string, string, string]> = [
    ['an outlet with no stored articles', 'outlet', 'Nowhere Times'],
    ['a story that does not exist', 'story', '77'],
    ['a story id that is not a number', 'story', '1 OR 1=1'],
    ['an unknown person', 'person', 'nobody-at-all'],
    ['an unknown reader', 'user', 'ghost'],
    ['oneself', 'user', 'alice'],
    ['an unknown kind of target', 'planet', 'Mars'],
  ];
  for (const [reason, type, key] of rows) assert.notEqual(await code(c.follows.follow(alice, type, key)), 'ok', reason);

  await c.follows.follow(alice, 'outlet', 'Daily Example');
  await c.follows.follow(alice, 'person', 'jane-doe');
  await c.follows.follow(alice, 'user', 'BOB');
  await c.follows.follow(alice, 'outlet', 'Daily Example');
  assert.deepEqual((await c.follows.list(alice)).map((f) => [f.targetType, f.targetKey, f.label]).sort(), [
    ['outlet', 'Daily Example', 'Daily Example'], ['person', 'jane-doe', 'Jane Doe'], ['user', 'bob', 'bob'],
  ]);
  c.clock.advance(60_000);
  await c.community.submit(bob, { title: 'Bob posts', body: 'Hello' });
  const feed = await c.follows.feed(alice);
  assert.deepEqual(feed.map((e) => `${e.kind}:${e.id}`), ['post:1', 'article:2', 'article:1']);
  assert.equal(feed[1].via.label, 'Jane Doe');
  await c.follows.unfollow(alice, 'user', 'bob');
  assert.deepEqual((await c.follows.feed(alice)).map((e) => e.kind), ['article', 'article']);
});

test('the Atom feed is well-formed XML with every text escaped', () => {
  const xml = atomFeed([
    { kind: 'article', id: 1, title: 'Tom & Jerry <b>"live"</b>', path: '/articles/1', url: 'https://x.example/?a=1&b=2', date: '2022-01-10', via: { type: 'outlet', key: 'X', label: 'X & Co' }, summary: 'bad \u0001 control' },
  ], { siteUrl: 'https://s.test', selfUrl: 'https://s.test/feed/abc.atom', title: 'Storyline: alice', user: 'alice', updated: '2024-03-01T00:00:00Z' });
  const doc = new XMLParser({ ignoreAttributes: false }).parse(xml);
  assert.equal(doc.feed.entry.title, 'Tom & Jerry <b>"live"</b>');
  assert.equal(doc.feed.entry.updated, '2022-01-10T00:00:00Z');
  assert.equal(doc.feed.entry.summary, 'bad  control');
  assert.ok(!xml.includes('<b>'), 'markup in titles is text, not elements');
});
