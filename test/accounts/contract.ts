// The accounts services' behaviour on one accounts store, run on SQLite and on PostgreSQL alike: the same calls give
// the same answers whichever database holds the tables, concurrent writers included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AccountError } from '../../src/accounts/errors.ts';
import { LOGIN_ACCOUNT_LIMIT, REPORTS_TO_HIDE, hotness } from '../../src/accounts/policy.ts';
import type { AccountsStore } from '../../src/accounts/store.ts';
import type { User } from '../../src/accounts/model.ts';
import { PASSWORD, addUser, servicesOver, type Services } from './helpers.ts';

/** A fresh, empty accounts store, and how to let it go. */
export type OpenAccounts = () => Promise<{ sql: AccountsStore; close: () => Promise<void> }>;

const HOUR = 3_600_000;

async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    if (err instanceof AccountError) return `${err.code}:${err.key}`;
    throw err;
  }
}

export function accountsContract(name: string, open: OpenAccounts): void {
  /** Runs `fn` on the services over a fresh store. */
  function on(title: string, fn: (c: Services) => Promise<void>): void {
    test(`${name}: ${title}`, async () => {
      const { sql, close } = await open();
      try {
        await fn(servicesOver(sql));
      } finally {
        await close();
      }
    });
  }

  async function admin(c: Services, username: string): Promise<User> {
    const u = await addUser(c, username);
    await c.accounts.setAdmin(u, true);
    return (await c.accounts.byName(username))!;
  }

  on('register, log in by name or address in any case, sessions resolve, idle out and end at log-out', async (c) => {
    const alice = await c.accounts.register({ username: 'Alice', email: 'Alice@Example.ORG', password: PASSWORD, ip: '10.9.0.1' });
    assert.equal(alice.email, 'alice@example.org');
    assert.equal(await failure(c.accounts.register({ username: 'ALICE', email: 'x@example.org', password: PASSWORD, ip: '10.9.0.2' })), 'invalid_input:error.usernameTaken');
    assert.equal(await failure(c.accounts.register({ username: 'alice2', email: 'alice@EXAMPLE.org', password: PASSWORD, ip: '10.9.0.3' })), 'invalid_input:error.emailTaken');
    assert.equal(await c.sql.countUsers(), 1);

    const byName = await c.accounts.login({ login: 'alice', password: PASSWORD, ip: '10.9.0.4', userAgent: 'Firefox' });
    const byMail = await c.accounts.login({ login: 'ALICE@example.org', password: PASSWORD, ip: '10.9.0.4', userAgent: null });
    assert.notEqual(byName.sessionToken, byMail.sessionToken, 'a new session each time');
    assert.equal((await c.accounts.resolveSession(byName.sessionToken))?.user.username, 'Alice');
    assert.deepEqual((await c.accounts.listSessions(alice.id)).map((s) => s.userAgent).sort(), ['Firefox', null].sort());
    assert.equal(await c.sql.countSessions(alice.id), 2);

    await c.accounts.logout(byMail.sessionToken);
    assert.equal(await c.accounts.resolveSession(byMail.sessionToken), null, 'logged out');
    c.clock.advance(c.options.sessionIdleMinutes * 60_000 + 1);
    assert.equal(await c.accounts.resolveSession(byName.sessionToken), null, 'idle past the limit');
    await c.accounts.prune();
    assert.equal(await c.sql.countSessions(alice.id), 0, 'pruned');
    assert.equal(await c.accounts.byName('nobody'), null);
    assert.equal((await c.accounts.byLogin(' ALICE '))?.id, alice.id, 'a login is trimmed and names are case-blind');
  });

  on('failed log-ins count per account until the limit, then even the right password waits', async (c) => {
    await addUser(c, 'bob');
    for (let i = 0; i < LOGIN_ACCOUNT_LIMIT.max; i++) {
      assert.equal(await failure(c.accounts.login({ login: 'bob', password: 'wrong password here', ip: `10.8.0.${i}`, userAgent: null })), 'unauthorized:error.badLogin');
    }
    assert.equal(await failure(c.accounts.login({ login: 'bob', password: PASSWORD, ip: '10.8.1.1', userAgent: null })), 'rate_limited:error.tooManyLogins');
    c.clock.advance(LOGIN_ACCOUNT_LIMIT.windowMs + 1);
    assert.equal(await failure(c.accounts.login({ login: 'bob', password: PASSWORD, ip: '10.8.1.1', userAgent: null })), 'ok');
  });

  on('a reset link works once, ends every session; API tokens resolve until revoked; feed tokens rotate', async (c) => {
    const carol = await addUser(c, 'carol');
    const { sessionToken } = await c.accounts.login({ login: 'carol', password: PASSWORD, ip: '10.7.0.1', userAgent: null });
    const token = (await c.accounts.resetLink(carol.id)).split('/reset-password/')[1];
    assert.ok(await c.accounts.resetIsValid(token));
    const done = await c.accounts.completeReset({ token, password: 'a brand new passphrase', userAgent: null });
    assert.equal(done.user.id, carol.id);
    assert.equal(await c.accounts.resolveSession(sessionToken), null, 'the old session ended');
    assert.equal(await c.accounts.resetIsValid(token), false, 'used');
    assert.equal(await failure(c.accounts.completeReset({ token, password: 'another new passphrase', userAgent: null })), 'invalid_link:reset.invalid');

    const api = await c.accounts.createApiToken(carol, 'script');
    assert.equal((await c.accounts.resolveApiToken(api.token))?.id, carol.id);
    assert.deepEqual((await c.accounts.listApiTokens(carol.id)).map((t) => [t.name, t.hint]), [['script', api.hint]]);
    await c.accounts.revokeApiToken(carol.id, api.id);
    assert.equal(await c.accounts.resolveApiToken(api.token), null);
    assert.equal(await failure(c.accounts.revokeApiToken(carol.id, api.id)), 'not_found:error.notFound');

    assert.equal(await c.sql.hasFeedToken(carol.id), false);
    const feed = await c.accounts.rotateFeedToken(carol.id);
    assert.equal((await c.accounts.userByFeedToken(feed))?.id, carol.id);
    await c.accounts.rotateFeedToken(carol.id);
    assert.equal(await c.accounts.userByFeedToken(feed), null, 'the old feed address stops working');
    assert.equal(await c.sql.hasFeedToken(carol.id), true);
  });

  on('votes: once per reader, changeable, taken back; authors cannot vote on their own; totals match the votes', async (c) => {
    const [author, v1, v2] = await Promise.all(['author', 'v1', 'v2'].map((n) => addUser(c, n)));
    const post = (await c.community.submit(author, { title: 'A text post', body: 'Text' })).post;
    const rows: Array<[string, User, -1 | 0 | 1, { ups: number; downs: number }]> = [
      ['an up vote', v1, 1, { ups: 1, downs: 0 }],
      ['the same vote again changes nothing', v1, 1, { ups: 1, downs: 0 }],
      ['another reader', v2, 1, { ups: 2, downs: 0 }],
      ['a vote turned down', v1, -1, { ups: 1, downs: 1 }],
      ['a vote taken back', v2, 0, { ups: 0, downs: 1 }],
      ['taking back twice changes nothing', v2, 0, { ups: 0, downs: 1 }],
    ];
    for (const [reason, who, value, want] of rows) {
      const got = await c.community.vote(who, 'post', post.id, value);
      assert.deepEqual({ ups: got.ups, downs: got.downs }, want, reason);
    }
    assert.equal(await failure(c.community.vote(author, 'post', post.id, 1)), 'forbidden:error.ownVote');
    assert.equal(await failure(c.community.vote(v1, 'article', 999, 1)), 'not_found:error.notFound');
    const points = await c.community.points('post', [post.id], v1);
    assert.deepEqual(points.get(post.id), { ups: 0, downs: 1, points: -1, myVote: -1 });
    assert.equal(await c.sql.countVotes(), 1);
    assert.equal((await c.sql.getPost(post.id))!.hotness, hotness(-1, post.createdAt), 'the post is ranked by its points and age');
    assert.deepEqual((await c.sql.auditScores()).filter((a) => a.stored.ups !== a.counted.ups || a.stored.downs !== a.counted.downs), []);
  });

  on('concurrent votes on one item all count, and one reader voting at once from two places counts once', async (c) => {
    const author = await addUser(c, 'author');
    const voters = await Promise.all(Array.from({ length: 8 }, (_, i) => addUser(c, `cv${i}`)));
    const post = (await c.community.submit(author, { title: 'Busy post', body: 'x' })).post;
    await Promise.all(voters.map((v) => c.community.vote(v, 'post', post.id, 1)));
    await Promise.all([1, -1, 1, -1, 0, 1].map((value) => c.community.vote(voters[0], 'post', post.id, value)));
    const final = (await c.sql.votesOf(voters[0].id, 'post', [post.id])).get(post.id);
    const score = (await c.sql.scoresOf('post', [post.id])).get(post.id)!;
    assert.deepEqual(score, { ups: 7 + (final === 1 ? 1 : 0), downs: final === -1 ? 1 : 0 });
    assert.deepEqual((await c.sql.auditScores()).filter((a) => a.stored.ups !== a.counted.ups || a.stored.downs !== a.counted.downs), []);
  });

  on('two registrations of one name at once: one account, the other told the name is taken', async (c) => {
    const results = await Promise.all(['Dora', 'dora'].map((username, i) =>
      failure(c.accounts.register({ username, email: `dora${i}@example.org`, password: PASSWORD, ip: `10.6.0.${i}` }))));
    assert.deepEqual(results.sort(), ['invalid_input:error.usernameTaken', 'ok']);
    assert.equal(await c.sql.countUsers(), 1);
  });

  on('comments: replies nest under their parent, a reply elsewhere is refused, deleted ones keep their place', async (c) => {
    const [ann, ben] = await Promise.all(['ann', 'ben'].map((n) => addUser(c, n)));
    const top = await c.community.comment(ann, { itemType: 'article', itemId: 1, body: 'First' });
    const reply = await c.community.comment(ben, { itemType: 'article', itemId: 1, parentId: top.id, body: 'A reply' });
    await c.community.comment(ann, { itemType: 'article', itemId: 1, parentId: String(reply.id), body: 'A reply to the reply' });
    await c.community.comment(ben, { itemType: 'story', itemId: 1, body: 'On the story' });
    assert.equal(await failure(c.community.comment(ben, { itemType: 'story', itemId: 1, parentId: top.id, body: 'Misplaced' })), 'invalid_input:error.invalid');
    assert.equal(await failure(c.community.comment(ben, { itemType: 'article', itemId: 99, body: 'Nowhere' })), 'not_found:error.notFound');
    await c.community.deleteComment(ann, top.id);
    const t = await c.community.thread('article', 1, ben);
    assert.equal(t.count, 2);
    assert.deepEqual(t.comments.map((n) => [n.state, n.author, n.body]), [['deleted', null, '']]);
    assert.deepEqual(t.comments[0].children.map((n) => [n.author, n.body, n.canEdit]), [['ben', 'A reply', true]]);
    assert.equal(t.comments[0].children[0].children[0].body, 'A reply to the reply');
    assert.deepEqual([...(await c.community.commentCounts('article', [1, 2]))], [[1, 2]]);
    await c.community.editComment(ben, reply.id, 'An edited reply');
    assert.equal((await c.community.getComment(reply.id)).body, 'An edited reply');
    assert.deepEqual((await c.community.commentsBy(ben.id)).map((x) => x.body), ['On the story', 'An edited reply']);
  });

  on('link posts: fetched once, found again under another form of the URL, free again after deletion', async (c) => {
    const [ann, ben] = await Promise.all(['ann', 'ben'].map((n) => addUser(c, n)));
    const first = await c.community.submit(ann, { title: 'A link', url: 'https://example.com/news/a?utm_source=x' });
    assert.equal(first.existed, false);
    assert.equal(first.post.kind, 'link');
    assert.deepEqual(c.library.ingested, ['https://example.com/news/a?utm_source=x']);
    const again = await c.community.submit(ben, { title: 'Same link', url: 'https://EXAMPLE.com/news/a' });
    assert.deepEqual([again.existed, again.post.id], [true, first.post.id]);
    const known = await c.community.submit(ben, { title: 'An article we have', url: 'https://news.example/geneva' });
    assert.equal(known.post.articleId, 1);
    assert.equal(await c.sql.postIdByArticle(1), known.post.id);
    assert.equal(c.library.ingested.length, 1, 'a stored article is not fetched again');
    await c.community.deletePost(ann, first.post.id);
    assert.equal((await c.community.getPost(first.post.id)).title, '', 'a deleted post keeps its place without its content');
    const fresh = await c.community.submit(ben, { title: 'Posted again', url: 'https://example.com/news/a' });
    assert.equal(fresh.existed, false);
    assert.notEqual(fresh.post.id, first.post.id);
    const { posts, total } = await c.community.listPosts('new', 10, 0);
    assert.deepEqual([posts.map((p) => p.title), total], [['Posted again', 'An article we have'], 2]);
    assert.deepEqual((await c.community.postsBy(ben.id)).map((p) => p.title), ['Posted again', 'An article we have']);
  });

  on('ranking: /posts by hotness and by time, "hot with readers" mixing posts and articles, story points', async (c) => {
    const author = await addUser(c, 'author');
    const voters = await Promise.all(Array.from({ length: 4 }, (_, i) => addUser(c, `rv${i}`)));
    const older = (await c.community.submit(author, { title: 'Older, liked', body: 'x' })).post;
    for (const v of voters) await c.community.vote(v, 'post', older.id, 1);
    c.clock.advance(HOUR);
    const newer = (await c.community.submit(author, { title: 'Newer, quiet', body: 'x' })).post;
    c.clock.advance(HOUR);
    const linked = (await c.community.submit(author, { title: 'Geneva', url: 'https://news.example/geneva' })).post;
    for (const v of voters.slice(0, 2)) await c.community.vote(v, 'post', linked.id, 1);
    for (const v of voters.slice(0, 3)) await c.community.vote(v, 'article', 2, 1);
    await c.community.vote(voters[3], 'article', 2, -1);
    const ids = async (sort: 'hot' | 'new') => (await c.community.listPosts(sort, 10, 0)).posts.map((p) => p.id);
    assert.deepEqual(await ids('hot'), [older.id, linked.id, newer.id], 'log10(4) = 0.6 windows beat two hours; log10(2) + 2/22 beats the quiet one');
    assert.deepEqual(await ids('new'), [linked.id, newer.id, older.id]);
    const hot = (await c.community.hotWithReaders(5)).map((i) => (i.type === 'post' ? `post ${i.post.title}: ${i.points}` : `article ${i.article.id}: ${i.points}`));
    assert.deepEqual(hot, ['post Older, liked: 4', 'post Geneva: 2', 'article 2: 2'], 'articles of 2022 rank below the posts of 2024');
    assert.deepEqual([...(await c.community.storyPoints([1]))], [[1, 4]], 'article 2 (2) and the link post of article 1 (2)');
    assert.deepEqual((await c.sql.hottestArticles(5)).map((a) => [a.id, a.ups, a.downs, a.hotness]), [[2, 3, 1, hotness(2, '2022-01-12')]]);
    assert.deepEqual(await c.sql.unrankedArticles(0, 10), [], 'a vote carries its article\'s ranking time');
    await c.sql.setRankedAt('article', 2, '2022-01-13');
    assert.deepEqual((await c.sql.hottestArticles(5)).map((a) => a.hotness), [hotness(2, '2022-01-13')], 'a new ranking time moves the hotness');
    assert.deepEqual([...(await c.sql.postPointsByArticle([1, 1, 2]))], [[1, 2]], 'an id given twice counts once');
    await c.community.vote(voters[0], 'article', 1, 1);
    assert.deepEqual([...(await c.sql.postPointsByArticle([1]))], [[1, 1]], 'a reader who voted on the article is not counted again through its link post');
    assert.deepEqual([...(await c.community.storyPoints([1]))], [[1, 4]], 'article 2 (2), article 1 (1) and the link post of article 1 (1): each reader once');
  });

  on('reports: once per reader, enough of them hide a comment; moderators remove, dismiss, and the log keeps it all', async (c) => {
    const troll = await addUser(c, 'troll');
    const readers = await Promise.all(Array.from({ length: REPORTS_TO_HIDE }, (_, i) => addUser(c, `r${i}`)));
    const mod = await admin(c, 'moderator');
    const bad = await c.community.comment(troll, { itemType: 'article', itemId: 1, body: 'Something abusive' });
    const post = (await c.community.submit(troll, { title: 'Spam', body: 'Buy now' })).post;
    await c.community.report(readers[0], 'comment', bad.id, 'Abuse');
    await c.community.report(readers[0], 'comment', bad.id, 'Abuse again');
    assert.equal((await c.community.thread('article', 1, null)).comments[0].state, 'visible', 'one reader reporting twice counts once');
    for (const r of readers.slice(1)) {
      c.clock.advance(1000);
      await c.community.report(r, 'comment', bad.id, `Report by ${r.username}`);
    }
    await c.community.report(readers[1], 'post', post.id, 'Spam');
    assert.equal(await failure(c.community.report(troll, 'comment', bad.id, 'Mine')), 'forbidden:error.forbidden');
    assert.equal((await c.community.thread('article', 1, null)).comments[0].state, 'hidden');
    assert.equal((await c.community.thread('article', 1, troll)).comments[0].body, 'Something abusive', 'its author still reads it');
    const open = await c.community.openReports(mod);
    assert.deepEqual(open.map((r) => [r.targetType, r.reports, r.reasons]), [
      ['comment', 3, ['Abuse', 'Report by r1', 'Report by r2']],
      ['post', 1, ['Spam']],
    ]);
    assert.equal(await failure(c.community.openReports(troll)), 'forbidden:error.forbidden');
    await c.community.removeComment(mod, bad.id, 'Abusive');
    assert.equal(await c.community.dismissReports(mod, 'post', post.id), 1);
    assert.equal(await c.community.dismissReports(mod, 'post', post.id), 0, 'nothing left to dismiss');
    assert.deepEqual(await c.community.openReports(mod), []);
    assert.equal((await c.community.thread('article', 1, mod)).comments[0].state, 'removed');
    assert.deepEqual((await c.community.moderationLog(10, 0)).map((e) => [e.action, e.moderator, e.targetType, e.targetId === null ? null : typeof e.targetId]),
      [['dismiss-reports', 'moderator', 'post', 'number'], ['remove', 'moderator', 'comment', 'number'], ['auto-hide', null, 'comment', 'number']]);
    await c.accounts.setBanned(troll, { reason: 'spam' });
    assert.equal(await failure(c.accounts.login({ login: 'troll', password: PASSWORD, ip: '10.5.0.1', userAgent: null })), 'banned:error.banned');
  });

  on('collections: names unique per reader, items once each, private ones invisible to others, export in JSON', async (c) => {
    const [alice, bob] = await Promise.all(['alice', 'bob'].map((n) => addUser(c, n)));
    const reading = await c.collections.create(alice, { name: 'Reading list' });
    assert.equal(await failure(c.collections.create(alice, { name: 'Reading list' })), 'invalid_input:error.collectionExists');
    assert.equal(await failure(c.collections.create(bob, { name: 'Reading list' })), 'ok', 'names are per reader');
    await c.collections.add(alice, reading.id, 'article', 1);
    await c.collections.add(alice, reading.id, 'article', '1');
    c.clock.advance(1000);
    await c.collections.add(alice, reading.id, 'story', 1);
    assert.equal((await c.collections.get(alice, reading.id)).items, 2);
    assert.equal(await failure(c.collections.get(bob, reading.id)), 'not_found:error.notFound');
    const other = await c.collections.create(alice, { name: 'Other', isPublic: true });
    assert.equal(await failure(c.collections.update(alice, other.id, { name: 'Reading list' })), 'invalid_input:error.collectionExists');
    assert.equal((await c.collections.get(null, other.id)).name, 'Other', 'public: anyone may read');
    assert.deepEqual((await c.collections.list(alice)).map((x) => x.name), ['Other', 'Reading list']);
    assert.deepEqual(await c.collections.holding(alice, 'article', 1), [reading.id]);
    const again = await c.collections.addToNew(alice, { name: 'reading LIST' }, 'article', 2);
    assert.equal(again.id, reading.id, 'found by name whatever its case');
    await c.collections.remove(alice, reading.id, 'article', 1);
    assert.deepEqual((await c.collections.items(alice, reading.id)).map((i) => [i.type, i.id, i.found]), [['article', 2, true], ['story', 1, true]]);
    const json = JSON.parse((await c.collections.export(alice, reading.id, 'json', 'https://s.test')).body) as { public: boolean; items: unknown[] };
    assert.deepEqual([json.public, json.items.length], [false, 2]);
    await c.collections.delete(alice, reading.id);
    assert.equal(await failure(c.collections.get(alice, reading.id)), 'not_found:error.notFound');
  });

  on('follows: once each, checked targets, a feed of followed readers and outlets newest first', async (c) => {
    const [ann, ben] = await Promise.all(['ann', 'ben'].map((n) => addUser(c, n)));
    await c.follows.follow(ann, 'user', 'BEN');
    await c.follows.follow(ann, 'user', 'ben');
    await c.follows.follow(ann, 'outlet', 'Daily Example');
    await c.follows.follow(ann, 'story', '1');
    assert.equal(await failure(c.follows.follow(ann, 'user', 'ann')), 'forbidden:error.forbidden');
    assert.equal(await failure(c.follows.follow(ann, 'person', 'nobody')), 'not_found:error.notFound');
    assert.equal(await c.follows.isFollowing(ann, 'user', 'ben'), true);
    assert.equal(await c.follows.isFollowing(null, 'user', 'ben'), false);
    assert.deepEqual((await c.follows.list(ann)).map((f) => [f.targetType, f.targetKey, f.label]).sort(),
      [['outlet', 'Daily Example', 'Daily Example'], ['story', '1', 'Security talks'], ['user', 'ben', 'ben']]);
    await c.community.submit(ben, { title: 'Ben posts', body: 'Text' });
    c.clock.advance(1000);
    await c.community.comment(ben, { itemType: 'article', itemId: 2, body: 'Ben comments' });
    const feed = await c.follows.feed(ann);
    assert.deepEqual(feed.map((e) => `${e.kind} ${e.id} ${e.via.type}`), ['comment 1 user', 'post 1 user', 'article 2 story', 'article 1 outlet']);
    await c.follows.unfollow(ann, 'user', 'ben');
    assert.equal(await c.follows.isFollowing(ann, 'user', 'ben'), false);
  });

  on('deleting an account takes its votes out of the totals, keeps its comments as "[deleted]", drops its follows', async (c) => {
    const [ann, ben, cat] = await Promise.all(['ann', 'ben', 'cat'].map((n) => addUser(c, n)));
    const post = (await c.community.submit(ann, { title: 'Ann posts', body: 'x' })).post;
    await c.community.vote(ben, 'post', post.id, 1);
    await c.community.vote(cat, 'post', post.id, 1);
    await c.community.vote(ben, 'article', 1, -1);
    const said = await c.community.comment(ben, { itemType: 'post', itemId: post.id, body: 'Ben was here' });
    await c.follows.follow(cat, 'user', 'ben');
    await c.collections.create(ben, { name: 'Ben reads' });
    const exported = await c.accounts.exportData(ben);
    assert.deepEqual(Object.keys(exported).sort(), ['account', 'apiTokens', 'collections', 'comments', 'exportedAt', 'follows', 'posts', 'reports', 'sessions', 'votes']);
    assert.deepEqual((exported.collections as Array<{ name: string; is_public: boolean; items: unknown[] }>).map((x) => [x.name, x.is_public, x.items]), [['Ben reads', false, []]]);
    assert.deepEqual((exported.votes as Array<{ item_type: string; value: number }>).map((v) => [v.item_type, v.value]).sort(), [['article', -1], ['post', 1]]);

    assert.equal(await failure(c.accounts.deleteAccount(ben, 'not the password')), 'invalid_input:error.currentPassword');
    await c.accounts.deleteAccount(ben, PASSWORD);
    assert.equal(await c.accounts.byName('ben'), null);
    assert.deepEqual((await c.sql.scoresOf('post', [post.id])).get(post.id), { ups: 1, downs: 0 });
    assert.deepEqual((await c.sql.scoresOf('article', [1])).get(1), { ups: 0, downs: 0 });
    assert.equal((await c.sql.getPost(post.id))!.hotness, hotness(1, post.createdAt));
    const kept = (await c.community.getComment(said.id));
    assert.deepEqual([kept.body, kept.userId, kept.deletedAt !== null], ['', null, true]);
    assert.deepEqual(await c.sql.follows(cat.id), []);
    assert.deepEqual((await c.sql.auditScores()).filter((a) => a.stored.ups !== a.counted.ups || a.stored.downs !== a.counted.downs), []);
  });

  on('the server key is made once and kept', async (c) => {
    const first = await c.sql.key('csrf', () => 'first value');
    const again = await Promise.all([c.sql.key('csrf', () => 'second value'), c.sql.key('csrf', () => 'third value')]);
    assert.deepEqual([first, ...again], ['first value', 'first value', 'first value']);
  });
}
