// The home page with readers' votes over HTTP: "Hot with readers" orders stories and items by points and age
// (votes lift, downvotes sink, freshness counts), the news order stays as it was, and older stories readers
// vote up are found beyond the most recent ones.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { NewArticle } from '../../src/storage/store.ts';
import { startSite, type TestSite } from './server.ts';

let site: TestSite;
/** Story and article ids by name; each story holds one article. */
const ids: Record<string, { story: number; article: number }> = {};
const tokens: string[] = [];

/** One article in a story of its own, written through the Store interface (no pipeline run). */
async function addStory(name: string, storyId: number, outlet: string, published: string): Promise<void> {
  const text = `${name} was reported on ${published}.\n\nOfficials gave no further details about ${name}.`;
  const bytes = Buffer.from(text);
  const { id: rawId } = await site.app.store.saveRaw(
    { input: `ranking/${storyId}.txt`, url: null, bytes, contentType: 'text/plain', fetchedAt: published },
    createHash('sha256').update(bytes).digest('hex'),
  );
  const a: NewArticle = {
    title: name, standfirst: null, byline: null, section: null, outlet, outletSource: 'og:site_name', dateline: null, language: 'en',
    published: { value: published, source: 'meta', confidence: 0.9, detail: 'article:published_time' }, text, format: 'text',
    input: `ranking/${storyId}.txt`, url: null, canonicalUrl: null, contentHash: createHash('sha256').update(text).digest('hex'),
    simhash: storyId.toString(16).padStart(16, '0'), duplicateOf: null, duplicateReason: null, fetchedAt: published,
  };
  const { article } = await site.app.store.insertArticle(rawId, a);
  await site.app.store.setMembership({ articleId: article.id, storyId, score: 1, reasons: ['test'] });
  await site.app.store.upsertStory({ id: storyId, title: name, articleCount: 1, outlets: [outlet], languages: ['en'], first: published, last: published, updatedAt: published });
  ids[name] = { story: storyId, article: article.id };
}

before(async () => {
  site = await startSite({ articles: false });
  // Six hours apart, newest first: Tanker (18:00), Harbour (12:00), Bridge (06:00), Election (00:00).
  await addStory('Tanker runs aground', 4, 'Coast Daily', '2024-03-01T18:00:00Z');
  await addStory('Harbour strike ends', 1, 'Harbour Times', '2024-03-01T12:00:00Z');
  await addStory('Bridge reopens', 2, 'City Wire', '2024-03-01T06:00:00Z');
  await addStory('Election count finishes', 3, 'Vote Post', '2024-03-01T00:00:00Z');
  // Readers act on the morning of the same day; their posts are dated by this clock.
  site.clock.advance(Date.parse('2024-03-01T09:00:00Z') - site.clock.now().getTime());
  for (let i = 0; i < 16; i++) {
    const user = await site.c.accounts.register({ username: `reader${i}`, email: `reader${i}@example.org`, password: 'correct horse battery', ip: `203.0.113.${i + 1}` });
    tokens.push((await site.c.accounts.createApiToken(user, 'ranking test')).token);
  }
});
after(async () => {
  await site.close();
});

/** Readers `from`..`to`-1 vote `value` on an item through the API. */
async function vote(type: 'articles' | 'posts', id: number, value: 1 | -1, from: number, to: number): Promise<void> {
  for (let i = from; i < to; i++) {
    const r = await site.f.inject({ method: 'PUT', url: `/api/v1/${type}/${id}/vote`, headers: { authorization: `Bearer ${tokens[i]}` }, payload: { value } });
    assert.equal(r.statusCode, 200, r.body);
  }
}

async function home(query = ''): Promise<{ status: number; body: string; stories: string[]; points: string[]; hot: string[] }> {
  const r = await site.f.inject({ method: 'GET', url: `/${query}` });
  const names = new Map(Object.entries(ids).map(([name, v]) => [v.story, name]));
  const stories = [...r.body.matchAll(/<li class="story-item">\n<h3><a href="\/stories\/(\d+)"/g)].map((m) => names.get(Number(m[1])) ?? `#${m[1]}`);
  const points = [...r.body.matchAll(/<span class="points">([^<]+)<\/span><\/p>/g)].map((m) => m[1]);
  const box = /<aside class="hot-readers"[\s\S]*?<\/aside>/.exec(r.body)?.[0] ?? '';
  const hot = [...box.matchAll(/<li class="hot-item">[\s\S]*?\n<a href="([^"]+)"/g)].map((m) => m[1]);
  return { status: r.statusCode, body: r.body, stories, points, hot };
}

const NEWS_ORDER = ['Tanker runs aground', 'Harbour strike ends', 'Bridge reopens', 'Election count finishes'];

test('without votes the hot order is the news order, and the page offers both orders but no empty box', async () => {
  const recent = await home();
  assert.equal(recent.status, 200);
  assert.deepEqual(recent.stories, NEWS_ORDER);
  assert.match(recent.body, /<nav class="tabs" aria-label="Sort by"><ul><li><a href="\/" aria-current="page">Most recent<\/a><\/li><li><a href="\/\?sort=hot">Hot with readers<\/a><\/li><\/ul><\/nav>/);
  assert.doesNotMatch(recent.body, /class="hot-readers"/, 'nothing voted up yet: no box');
  assert.deepEqual(recent.points, [], 'the news order shows no points');
  const hot = await home('?sort=hot');
  assert.deepEqual(hot.stories, NEWS_ORDER, 'equal points: age alone decides');
  assert.deepEqual(hot.points, ['0 points', '0 points', '0 points', '0 points']);
  assert.match(hot.body, /ten times the points are worth 22 hours of freshness/);
  assert.equal((await home('?sort=best')).status, 400, 'an unknown order is refused, naming the parameter');
});

test('votes and age order the stories and the "Hot with readers" box; the news order does not move', async () => {
  // 4 points lift a story log10(4) × 22 h = 13.2 h: the election count (00:00) passes the strike (12:00) and the bridge (06:00).
  await vote('articles', ids['Election count finishes'].article, 1, 0, 4);
  let hot = await home('?sort=hot');
  assert.deepEqual(hot.stories, ['Tanker runs aground', 'Election count finishes', 'Harbour strike ends', 'Bridge reopens'], 'an upvoted older story rises');
  assert.deepEqual(hot.points, ['0 points', '4 points', '0 points', '0 points']);

  // 10 points are worth 22 h: the fresher strike, heavily voted up, outranks everything, the upvoted older story included.
  await vote('articles', ids['Harbour strike ends'].article, 1, 0, 10);
  hot = await home('?sort=hot');
  assert.deepEqual(hot.stories, ['Harbour strike ends', 'Tanker runs aground', 'Election count finishes', 'Bridge reopens'], 'a fresh heavily upvoted story leads');

  // Two downvotes cost log10(2) × 22 h = 6.6 h: the newest story (18:00) sinks below the upvoted election count (13:12 effective).
  await vote('articles', ids['Tanker runs aground'].article, -1, 10, 12);
  hot = await home('?sort=hot');
  assert.deepEqual(hot.stories, ['Harbour strike ends', 'Election count finishes', 'Tanker runs aground', 'Bridge reopens'], 'a downvoted story sinks');
  assert.deepEqual(hot.points, ['10 points', '4 points', '-2 points', '0 points']);
  assert.deepEqual((await home()).stories, NEWS_ORDER, 'the news order ignores votes');

  // A text post at 09:00 with 3 points (+10.5 h) ranks between the strike (+22 h from 12:00) and the election count.
  const post = await site.f.inject({ method: 'POST', url: '/api/v1/posts', headers: { authorization: `Bearer ${tokens[15]}` }, payload: { title: 'Ask readers: harbour strike timeline', body: 'Who has the dates?' } });
  assert.equal(post.statusCode, 201);
  await vote('posts', post.json().id, 1, 0, 3);
  const page = await home();
  assert.deepEqual(page.hot, [`/articles/${ids['Harbour strike ends'].article}`, `/posts/${post.json().id}`, `/articles/${ids['Election count finishes'].article}`],
    'posts and articles in one order by points and age; the downvoted and the unvoted are left out');
  assert.match(page.body, /<h2 id="hot-title">Hot with readers<\/h2>/);
  assert.match(page.body, /<span class="points">10 Points<\/span>/, 'with their points');
  const visitor = await site.f.inject({ method: 'GET', url: '/' });
  assert.equal(visitor.headers['set-cookie'], undefined, 'a visitor gets the points without a form, so no form cookie');
  assert.doesNotMatch(String(visitor.headers['cache-control'] ?? ''), /private/, 'and the page stays shareable by caches');
  assert.doesNotMatch((await home('?outlet=City+Wire')).body, /class="hot-readers"/, 'a filtered page is about its filter: no box');
  assert.doesNotMatch((await home('?page=2')).body, /class="hot-readers"/, 'only on the first page');

  // Pages in every language: the box and the orders translated, right to left where the language is.
  const fa = await site.f.inject({ method: 'GET', url: '/fa/?sort=hot' });
  assert.match(fa.body, /<html lang="fa" dir="rtl">/);
  assert.match(fa.body, /aria-current="page">داغ میان خوانندگان<\/a>/);
  assert.match(fa.body, /<h2 id="hot-title">داغ میان خوانندگان<\/h2>/);
  assert.match(fa.body, /۱۰ امتیاز/, 'points in Persian digits');
  const ru = await site.f.inject({ method: 'GET', url: '/ru/' });
  assert.match(ru.body, /<a href="\/ru\/\?sort=hot">Популярное у читателей<\/a>/);
});

test('an older story readers vote up is ranked even when a hundred newer stories come after it; filters hold', async () => {
  // A hundred newer stories (19:00 to 20:39), all unvoted: the four above are no longer among the most recent.
  for (let i = 0; i < 100; i++) {
    await addStory(`Filler ${i}`, 1000 + i, 'Filler Wire', new Date(Date.parse('2024-03-01T19:00:00Z') + i * 60_000).toISOString());
  }
  const recent = await home();
  assert.ok(!recent.stories.includes('Harbour strike ends'), 'the news order has moved on');
  const hot = await home('?sort=hot');
  assert.equal(hot.stories[0], 'Harbour strike ends', 'its votes still put it first (+22 h on 12:00 beats 20:39)');
  assert.match(hot.body, /<span>Page 1 of 6<\/span>/, 'the hot order ranks the 100 recent stories and those of the hottest items');
  const last = await home('?sort=hot&page=6');
  assert.deepEqual(last.stories, ['Filler 0', 'Election count finishes'], 'the upvoted election count comes after the fillers (13:12 effective)');
  assert.ok(!last.body.includes('Tanker runs aground') && !last.body.includes('Bridge reopens'), 'stories with nothing voted up stay beyond the pool');
  assert.match(last.body, /<a rel="prev" href="\/\?sort=hot&amp;page=5">/, 'the pager keeps the order');

  assert.deepEqual((await home('?sort=hot&outlet=Harbour+Times')).stories, ['Harbour strike ends'], 'the outlet filter');
  const fillers = await home('?sort=hot&outlet=Filler+Wire');
  assert.equal(fillers.stories.length, 20);
  assert.ok(fillers.stories.every((s) => s.startsWith('Filler')), 'a story named by its votes is still kept to the filter');
  assert.match(fillers.body, /<input type="hidden" name="sort" value="hot">/, 'the filter form keeps the order');
});
