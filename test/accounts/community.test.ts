// Community services on in-memory SQLite: posts and resubmission, votes and ranking, threads, moderation, deletion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { AccountError } from '../../src/accounts/errors.ts';
import { CommunityService } from '../../src/accounts/community.ts';
import { ACCOUNTS_MIGRATION, ACCOUNTS_RANKING_MIGRATION } from '../../src/storage/sqlite/accounts.ts';
import { EDIT_WINDOW_MS, HOTNESS_WINDOW_SECONDS, REPORTS_TO_HIDE, hotness } from '../../src/accounts/policy.ts';
import { addUser, makeCommunity } from './helpers.ts';

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    if (err instanceof AccountError) return err.key === 'error.url' ? 'error.url' : err.code;
    throw err;
  }
}

test('hotness: ten times the points is worth one window of age; negative points sink', () => {
  const t0 = '2024-03-01T00:00:00.000Z';
  const later = new Date(Date.parse(t0) + HOTNESS_WINDOW_SECONDS * 1000).toISOString();
  const rows: Array<[string, number, number]> = [
    ['10 points now equal 1 point one window later', hotness(10, t0), hotness(1, later)],
    ['100 points now equal 10 points one window later', hotness(100, t0), hotness(10, later)],
    ['0 and 1 point rank the same (log of 1 is 0)', hotness(0, t0), hotness(1, t0)],
  ];
  for (const [reason, a, b] of rows) assert.ok(Math.abs(a - b) < 1e-9, reason);
  assert.ok(hotness(-10, t0) < hotness(0, t0), 'downvoted below neutral');
  assert.ok(hotness(5, later) > hotness(5, t0), 'newer wins at equal points');
});

test('the community front page ranks by the formula: points against age, one window per tenfold points', async () => {
  const c = makeCommunity();
  const authors = await Promise.all(['ann', 'ben'].map((n) => addUser(c, n)));
  const voters = await Promise.all(Array.from({ length: 9 }, (_, i) => addUser(c, `voter${i}`)));
  const hour = 3_600_000;
  const at = (hours: number) => c.clock.advance(hours * hour);
  const popular = (await c.community.submit(authors[0], { title: 'Popular, early', body: 'x' })).post;
  for (const v of voters) await c.community.vote(v, 'post', popular.id, 1);
  at(1);
  const quiet = (await c.community.submit(authors[1], { title: 'Quiet, an hour later', body: 'x' })).post;
  at(22);
  const fresh = (await c.community.submit(authors[0], { title: 'Fresh, a window later', body: 'x' })).post;
  at(0.1);
  const disliked = (await c.community.submit(authors[1], { title: 'Disliked, as fresh', body: 'x' })).post;
  for (const v of voters.slice(0, 3)) await c.community.vote(v, 'post', disliked.id, -1);
  // Hotness relative to `popular`'s creation, in windows: popular log10(9) = 0.95; quiet 1/22 = 0.05;
  // fresh 23/22 = 1.05; disliked -log10(3) + 23.1/22 = 0.57.
  const rows: Array<[string, 'hot' | 'new', number[]]> = [
    ['hot: a window of age outweighs nine points; three down votes sink a fresh post below nine up votes', 'hot', [fresh.id, popular.id, disliked.id, quiet.id]],
    ['new: newest first, votes aside', 'new', [disliked.id, fresh.id, quiet.id, popular.id]],
  ];
  for (const [reason, sort, ids] of rows) assert.deepEqual((await c.community.listPosts(sort, 10, 0)).posts.map((p) => p.id), ids, reason);
  assert.deepEqual((await c.community.listPosts('hot', 2, 1)).posts.map((p) => p.id), [popular.id, disliked.id], 'pages of the ranking');
  assert.equal((await c.community.listPosts('hot', 2, 0)).total, 4);
  await c.community.deletePost(authors[0], fresh.id);
  assert.ok(!(await c.community.listPosts('hot', 10, 0)).posts.some((p) => p.id === fresh.id), 'deleted posts leave the ranking');
});

test('a text post needs text; a link post is fetched and ingested once; resubmissions find the first post', async () => {
  const c = makeCommunity();
  const alice = await addUser(c, 'alice');
  const bob = await addUser(c, 'bob');
  assert.equal(await code(c.community.submit(alice, { title: 'Empty', url: '', body: '' })), 'invalid_input');
  const text = await c.community.submit(alice, { title: 'What do we know?', body: 'A question for readers.' });
  assert.equal(text.post.kind, 'text');

  const first = await c.community.submit(alice, { title: 'New page', url: 'https://www.example.net/story?id=7&utm_source=x' });
  assert.equal(first.existed, false);
  assert.equal(c.library.ingested.length, 1, 'fetched and ingested through the pipeline');
  assert.ok(first.post.articleId);
  const rows: Array<[string, string]> = [
    ['the same URL', 'https://www.example.net/story?id=7&utm_source=x'],
    ['without www and tracking, over http', 'http://example.net/story?id=7'],
    ['with a fragment', 'https://example.net/story?id=7#comments'],
  ];
  for (const [reason, url] of rows) {
    const again = await c.community.submit(bob, { title: 'Same again', url });
    assert.equal(again.existed, true, reason);
    assert.equal(again.post.id, first.post.id, reason);
  }
  assert.equal(c.library.ingested.length, 1, 'resubmissions fetch nothing');

  const known = await c.community.submit(bob, { title: 'Stored already', url: 'https://news.example/geneva' });
  assert.equal(known.post.articleId, 1, 'a URL of a stored article points to it without fetching');
  assert.equal(c.library.ingested.length, 1);
});

test('only http(s) links are accepted: no scripts, files or local paths reach the fetcher', async () => {
  const c = makeCommunity();
  const alice = await addUser(c, 'alice');
  for (const url of ['javascript:alert(1)', 'file:///etc/passwd', '/etc/passwd', 'data:text/html,<script>x</script>', 'ftp://example.org/a', 'https://user:pass@example.org/']) {
    assert.equal(await code(c.community.submit(alice, { title: 'Bad', url })), 'error.url', url);
  }
  assert.equal(c.library.ingested.length, 0);
});

test('a link that cannot be fetched is posted without an article', async () => {
  const c = makeCommunity();
  const alice = await addUser(c, 'alice');
  c.library.failLinks = true;
  const r = await c.community.submit(alice, { title: 'Gone page', url: 'https://gone.example/page' });
  assert.equal(r.post.articleId, null);
  assert.match(r.fetchError!, /404/);
});

test('authors edit and delete their posts within the window; others cannot; admins remove and it is logged', async () => {
  const c = makeCommunity();
  const alice = await addUser(c, 'alice');
  const bob = await addUser(c, 'bob');
  const { post } = await c.community.submit(alice, { title: 'Draft', body: 'First version' });
  assert.equal(await code(c.community.editPost(bob, post.id, { title: 'Mine now', body: 'x' })), 'forbidden');
  assert.equal(await code(c.community.deletePost(bob, post.id)), 'forbidden');
  const edited = await c.community.editPost(alice, post.id, { title: 'Final', body: 'Second version' });
  assert.equal(edited.title, 'Final');
  assert.ok(edited.editedAt);
  c.clock.advance(EDIT_WINDOW_MS);
  assert.equal(await code(c.community.editPost(alice, post.id, { title: 'Too late', body: 'x' })), 'edit_window');
  assert.equal(await code(c.community.deletePost(alice, post.id)), 'edit_window');
  await c.accounts.setAdmin(bob, true);
  await c.community.deletePost({ ...bob, isAdmin: true }, post.id);
  assert.equal((await c.community.getPost(post.id)).title, '', 'a deleted post keeps its place without its content');
  assert.equal((await c.community.moderationLog(10, 0))[0].action, 'remove-post');
});

test('one vote per reader per item, changeable, counted in the same transaction', async () => {
  const c = makeCommunity();
  const alice = await addUser(c, 'alice');
  const bob = await addUser(c, 'bob');
  const carol = await addUser(c, 'carol');
  const { post } = await c.community.submit(alice, { title: 'Vote on me', body: 'Text' });
  assert.equal(await code(c.community.vote(alice, 'post', post.id, 1)), 'forbidden', 'no voting on your own post');
  assert.equal((await c.community.vote(bob, 'post', post.id, 1)).points, 1);
  assert.equal((await c.community.vote(bob, 'post', post.id, 1)).points, 1, 'voting twice is one vote');
  assert.equal((await c.community.vote(carol, 'post', post.id, -1)).points, 0);
  assert.deepEqual(await c.community.vote(bob, 'post', post.id, -1), { ups: 0, downs: 2, points: -2, myVote: -1 });
  assert.deepEqual(await c.community.vote(bob, 'post', post.id, 0), { ups: 0, downs: 1, points: -1, myVote: 0 });
  assert.equal((await c.community.vote(bob, 'article', 1, '1')).points, 1, 'articles take votes; form values are strings');
  for (const [reason, p] of [
    ['an unknown article', c.community.vote(bob, 'article', 999, 1)],
    ['a vote of 2', c.community.vote(bob, 'article', 1, 2)],
    ['a vote of "1; DROP TABLE votes"', c.community.vote(bob, 'article', 1, '1; DROP TABLE votes')],
  ] as const) assert.notEqual(await code(p), 'ok', reason);
  assert.throws(() => c.db.prepare("INSERT INTO votes (user_id, item_type, item_id, value, voted_at) VALUES (?, 'article', 1, 1, 'now')").run(bob.id), /UNIQUE|PRIMARY KEY/);
  assert.deepEqual((await c.sql.auditScores()).filter((a) => a.stored.ups !== a.counted.ups || a.stored.downs !== a.counted.downs), []);
  const comment = await c.community.comment(alice, { itemType: 'article', itemId: 1, body: 'Vote on this comment' });
  assert.equal(await code(c.community.vote(alice, 'comment', comment.id, 1)), 'forbidden', 'no voting on your own comment');
  assert.equal((await c.community.vote(bob, 'comment', comment.id, 1)).points, 1, 'comments take votes');
  assert.equal((await c.community.vote(carol, 'comment', comment.id, -1)).points, 0);
  assert.equal((await c.community.thread('article', 1, bob)).comments[0].myVote, 1, 'the thread shows the reader their vote');
  await c.community.deleteComment(alice, comment.id);
  assert.equal(await code(c.community.vote(carol, 'comment', comment.id, 1)), 'not_found', 'a deleted comment takes no more votes');
  const hot = (await c.sql.getPost(post.id))!.hotness;
  assert.equal(hot, hotness(-1, post.createdAt), 'hotness follows the vote');
});

test('threads: replies nest, deleted comments keep their place, edits close after the window', async () => {
  const c = makeCommunity();
  const alice = await addUser(c, 'alice');
  const bob = await addUser(c, 'bob');
  const top = await c.community.comment(alice, { itemType: 'article', itemId: 1, body: 'First!' });
  const reply = await c.community.comment(bob, { itemType: 'article', itemId: 1, parentId: String(top.id), body: 'A reply' });
  await c.community.comment(alice, { itemType: 'article', itemId: 1, parentId: reply.id, body: 'A reply to the reply' });
  const elsewhere = await c.community.comment(alice, { itemType: 'story', itemId: 1, body: 'On the story' });
  assert.equal(await code(c.community.comment(bob, { itemType: 'article', itemId: 1, parentId: elsewhere.id, body: 'Cross-thread' })), 'invalid_input');
  assert.equal(await code(c.community.comment(bob, { itemType: 'article', itemId: 404, body: 'Nowhere' })), 'not_found');
  assert.equal(await code(c.community.comment(bob, { itemType: 'article', itemId: 1, body: '   ' })), 'invalid_input');

  assert.equal(await code(c.community.deleteComment(bob, top.id)), 'forbidden');
  await c.community.deleteComment(alice, top.id);
  const t = await c.community.thread('article', 1, bob);
  assert.equal(t.comments.length, 1);
  assert.equal(t.comments[0].state, 'deleted');
  assert.equal(t.comments[0].body, '');
  assert.equal(t.comments[0].author, null);
  assert.equal(t.comments[0].children[0].body, 'A reply', 'the reply keeps its place under "[deleted]"');
  assert.equal(t.comments[0].children[0].children[0].body, 'A reply to the reply');
  assert.equal(t.count, 2);

  assert.equal(t.comments[0].children[0].canEdit, true);
  c.clock.advance(EDIT_WINDOW_MS);
  assert.equal(await code(c.community.editComment(bob, reply.id, 'Changed')), 'edit_window');
  assert.equal((await c.community.thread('article', 1, bob)).comments[0].children[0].canEdit, false);
});

test(`${REPORTS_TO_HIDE} reports hide a comment; an admin removes it; the log keeps both`, async () => {
  const c = makeCommunity();
  const troll = await addUser(c, 'troll');
  const readers = await Promise.all(['r1', 'r2', 'r3'].map((n) => addUser(c, n)));
  const bad = await c.community.comment(troll, { itemType: 'article', itemId: 1, body: 'Something abusive' });
  assert.equal(await code(c.community.report(troll, 'comment', bad.id, 'myself')), 'forbidden');
  await c.community.report(readers[0], 'comment', bad.id, 'abuse');
  await c.community.report(readers[0], 'comment', bad.id, 'abuse again');
  assert.equal((await c.community.thread('article', 1, null)).comments[0].state, 'visible', 'one reader reporting twice counts once');
  await c.community.report(readers[1], 'comment', bad.id, 'abuse');
  await c.community.report(readers[2], 'comment', bad.id, 'spam');
  const hidden = (await c.community.thread('article', 1, readers[0])).comments[0];
  assert.equal(hidden.state, 'hidden');
  assert.equal(hidden.body, '', 'readers do not see a hidden comment');
  assert.equal((await c.community.thread('article', 1, troll)).comments[0].body, 'Something abusive', 'its author still does');

  assert.equal(await code(c.community.removeComment(readers[0], bad.id, 'no')), 'forbidden', 'only admins remove');
  await c.accounts.setAdmin(readers[1], true);
  const admin = { ...readers[1], isAdmin: true };
  assert.equal((await c.community.openReports(admin))[0].reports, 3);
  await c.community.removeComment(admin, bad.id, 'abusive');
  assert.equal((await c.community.thread('article', 1, admin)).comments[0].state, 'removed');
  assert.deepEqual((await c.community.moderationLog(10, 0)).map((e) => [e.action, e.moderator]), [['remove', 'r2'], ['auto-hide', null]]);
  assert.deepEqual(await c.community.openReports(admin), []);
});

test('deleting an account removes its votes from the points and leaves "[deleted]" comments in the threads', async () => {
  const c = makeCommunity();
  const alice = await addUser(c, 'alice');
  const bob = await addUser(c, 'bob');
  const { post } = await c.community.submit(alice, { title: 'Post', body: 'Body' });
  await c.community.vote(bob, 'post', post.id, 1);
  await c.community.vote(bob, 'article', 1, -1);
  const top = await c.community.comment(bob, { itemType: 'post', itemId: post.id, body: 'Bob was here' });
  await c.community.comment(alice, { itemType: 'post', itemId: post.id, parentId: top.id, body: 'Alice answers' });
  await c.collections.create(bob, { name: 'Reading' });
  await c.follows.follow(bob, 'outlet', 'Daily Example');
  await c.accounts.deleteAccount(bob, 'correct horse battery');
  assert.equal((await c.community.points('post', [post.id], null)).get(post.id)!.points, 0);
  assert.equal((await c.community.points('article', [1], null)).get(1)!.points, 0);
  const t = await c.community.thread('post', post.id, null);
  assert.equal(t.comments[0].state, 'deleted');
  assert.equal(t.comments[0].children[0].body, 'Alice answers');
  for (const table of ['votes', 'collections', 'follows', 'sessions']) {
    assert.equal(c.db.prepare(`SELECT COUNT(*) FROM ${table} WHERE user_id = ?`).pluck().get(bob.id), 0, table);
  }
  assert.equal(c.db.prepare("SELECT COUNT(*) FROM comments WHERE body LIKE '%Bob was here%'").pluck().get(), 0, 'the text is gone');
});

test('a write waits for a transaction another part of the program has open on the shared connection, and survives its rollback', async () => {
  const c = makeCommunity();
  const bob = await addUser(c, 'bob');
  c.db.exec('BEGIN');
  const pending = c.community.vote(bob, 'article', 1, 1);
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(c.db.prepare('SELECT COUNT(*) FROM votes').pluck().get(), 0, 'not written inside the foreign transaction');
  c.db.exec('ROLLBACK');
  await pending;
  assert.equal(c.db.prepare('SELECT COUNT(*) FROM votes').pluck().get(), 1, 'written after it, and kept');
});

test('hot with readers: posts and articles in one order by hotness; votes from before the ranking migration are ranked on first use', async () => {
  const c = makeCommunity();
  const author = await addUser(c, 'author');
  const voters = await Promise.all(Array.from({ length: 4 }, (_, i) => addUser(c, `hv${i}`)));
  // Article 1 is dated 2022-01-10, article 2 two days later: at equal points the later one is hotter.
  for (const v of voters) await c.community.vote(v, 'article', 1, 1);
  for (const v of voters.slice(0, 2)) await c.community.vote(v, 'article', 2, 1);
  const post = (await c.community.submit(author, { title: 'Readers discuss', body: 'x' })).post;
  for (const v of voters.slice(0, 3)) await c.community.vote(v, 'post', post.id, 1);
  const order = async (svc = c.community) => (await svc.hotWithReaders(5)).map((i) => (i.type === 'post' ? `post ${i.post.id}: ${i.points}` : `article ${i.article.id}: ${i.points}`));
  // The post (2024, 3 points) is far newer; article 2 (2 points, 48 h later) beats article 1 (4 points: +13 h only).
  assert.deepEqual(await order(), [`post ${post.id}: 3`, 'article 2: 2', 'article 1: 4']);
  assert.equal(c.db.prepare("SELECT hotness FROM scores WHERE item_type = 'post' AND item_id = ?").pluck().get(post.id), (await c.sql.getPost(post.id))!.hotness,
    'the posts table and the index agree');

  // Votes taken back below zero leave the box; comments are never ranked.
  for (const v of voters) await c.community.vote(v, 'article', 2, -1);
  assert.deepEqual(await order(), [`post ${post.id}: 3`, 'article 1: 4']);
  const comment = await c.community.comment(author, { itemType: 'article', itemId: 1, body: 'A comment' });
  await c.community.vote(voters[0], 'comment', comment.id, 1);
  assert.equal(c.db.prepare("SELECT hotness FROM scores WHERE item_type = 'comment'").pluck().get(), null);

  // As after the migration on a site with older votes: articles' ranking times unknown until the service fills them in.
  c.db.prepare("UPDATE scores SET ranked_at = NULL, hotness = NULL WHERE item_type = 'article'").run();
  assert.deepEqual(await c.sql.hottestArticles(5), [], 'unranked articles are not in the index');
  assert.deepEqual(await order(new CommunityService(c.sql, c.library, c.clock.now)), [`post ${post.id}: 3`, 'article 1: 4'], 'ranked again on first use');
  assert.equal(c.db.prepare("SELECT ranked_at FROM scores WHERE item_type = 'article' AND item_id = 1").pluck().get(), '2022-01-10');

  // A deleted account's votes come out of the points and the hotness follows.
  await c.accounts.deleteAccount(voters[0], 'correct horse battery');
  await c.accounts.deleteAccount(voters[1], 'correct horse battery');
  assert.equal(c.db.prepare("SELECT hotness FROM scores WHERE item_type = 'post' AND item_id = ?").pluck().get(post.id), hotness(1, post.createdAt));
});

test('the ranking migration gives voted posts the hotness they already have', () => {
  const db = new Database(':memory:');
  db.exec(ACCOUNTS_MIGRATION);
  db.exec(`INSERT INTO users (id, username, email, password_hash, created_at, password_changed_at) VALUES (1, 'a', 'a@x', 'h', '2024-01-01', '2024-01-01');
    INSERT INTO posts (id, user_id, kind, title, created_at, hotness) VALUES (7, 1, 'text', 'T', '2024-01-02T00:00:00.000Z', 12.5);
    INSERT INTO scores (item_type, item_id, ups, downs) VALUES ('post', 7, 3, 0), ('article', 4, 2, 0), ('comment', 9, 1, 0);`);
  db.exec(ACCOUNTS_RANKING_MIGRATION);
  assert.deepEqual(db.prepare('SELECT item_type, ranked_at, hotness FROM scores ORDER BY item_type').all(), [
    { item_type: 'article', ranked_at: null, hotness: null },
    { item_type: 'comment', ranked_at: null, hotness: null },
    { item_type: 'post', ranked_at: '2024-01-02T00:00:00.000Z', hotness: 12.5 },
  ]);
  db.close();
});

test('the ranking reads votes by index: the box walks scores_hot, a story\'s points are read by key, never a scan of the votes', () => {
  const c = makeCommunity();
  /** The query plan of the one statement `run` prepares, as the accounts store prepares it. */
  const planOf = (run: () => unknown): string[] => {
    const seen: string[] = [];
    const prepare = c.db.prepare.bind(c.db);
    c.db.prepare = ((sql: string) => { seen.push(sql); return prepare(sql); }) as typeof c.db.prepare;
    try {
      run();
    } finally {
      c.db.prepare = prepare;
    }
    assert.equal(seen.length, 1);
    return (c.db.prepare(`EXPLAIN QUERY PLAN ${seen[0]}`).all(...(seen[0].match(/\?/g) ?? []).map(() => null)) as Array<{ detail: string }>).map((p) => p.detail);
  };
  const rows: Array<[string, () => unknown, RegExp[]]> = [
    ['the box\'s posts: down scores_hot, each post by key', () => c.sql.hottestPosts(5), [/SEARCH s USING INDEX scores_hot/, /SEARCH p USING INTEGER PRIMARY KEY/]],
    ['the box\'s articles: down scores_hot', () => c.sql.hottestArticles(5), [/SEARCH scores USING INDEX scores_hot/]],
    ['a story\'s articles\' points: by key', () => c.sql.scoresOf('article', [1, 2]), [/SEARCH scores USING PRIMARY KEY \(item_type=\? AND item_id=\?\)/]],
    ['its link posts\' points: posts by article, their votes by item, a reader\'s own article vote by key', () => c.sql.postPointsByArticle([1, 2]),
      [/SEARCH p USING INDEX posts_article/, /SEARCH v USING INDEX votes_item \(item_type=\? AND item_id=\?\)/, /SEARCH a USING PRIMARY KEY \(user_id=\? AND item_type=\? AND item_id=\?\)/]],
  ];
  for (const [reason, run, want] of rows) {
    const plan = planOf(run);
    for (const re of want) assert.ok(plan.some((d) => re.test(d)), `${reason}: ${plan.join('; ')}`);
    assert.ok(!plan.some((d) => /ORDER BY/.test(d)), `${reason}: no sort: ${plan.join('; ')}`);
  }
});
