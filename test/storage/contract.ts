// The Store contract: one suite every backend must pass, so services can rely on the same behaviour from each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { RawDocument } from '../../src/domain/article.ts';
import type { NewArticle, Store, StoryRow } from '../../src/storage/store.ts';

/** Registers the contract tests; `open` must return a new, empty, migrated store each time. */
export function storeContract(name: string, open: () => Promise<Store>): void {
  const it = (title: string, body: (store: Store) => Promise<void>) =>
    test(`${name}: ${title}`, async () => {
      const store = await open();
      try {
        await body(store);
      } finally {
        await store.close();
      }
    });

  it('migrate can run again on a migrated store', async (store) => {
    await store.migrate();
    await store.migrate();
    assert.equal(await store.countArticles(), 0);
  });

  it('saveRaw keeps one row per input and bytes, and round-trips every field', async (store) => {
    const raw = rawDoc('feeds/a.html', 'hello', {
      feed: { feedUrl: 'https://example.org/feed', feedTitle: 'Example', itemTitle: 'Item', itemPublished: '2024-03-01', itemAuthor: null, itemSummary: null },
    });
    const first = await store.saveRaw(raw, sha(raw));
    const again = await store.saveRaw({ ...raw, fetchedAt: '2024-05-05T00:00:00Z' }, sha(raw));
    assert.deepEqual(again, { id: first.id, existed: true }, 'same input and bytes: the kept row');
    assert.equal(first.existed, false);
    const changed = rawDoc('feeds/a.html', 'hello, edited');
    const otherInput = rawDoc('feeds/b.html', 'hello');
    const rows = [
      { raw: changed, existed: false, why: 'same input with new bytes is a new version' },
      { raw: otherInput, existed: false, why: 'same bytes under another input is another document' },
    ];
    const ids = [first.id];
    for (const row of rows) {
      const saved = await store.saveRaw(row.raw, sha(row.raw));
      assert.equal(saved.existed, row.existed, row.why);
      assert.ok(!ids.includes(saved.id), row.why);
      ids.push(saved.id);
    }
    assert.deepEqual(await store.listRawIds(), ids, 'insertion order');
    const stored = await store.getRaw(first.id);
    assert.ok(stored);
    assert.deepEqual({ ...stored, bytes: stored.bytes.toString('utf8') }, {
      id: first.id, input: raw.input, url: raw.url, contentType: raw.contentType, fetchedAt: raw.fetchedAt,
      sha256: sha(raw), bytes: 'hello', feed: raw.feed,
    });
    assert.equal((await store.getRaw(ids[1]))?.feed, null, 'no feed is null');
    assert.equal(await store.getRaw(999_999), null);
  });

  it('insertArticle stores every field, and returns the stored article with existed=true on re-insert', async (store) => {
    const rawId = (await store.saveRaw(rawDoc('a.txt', 'a'), sha(rawDoc('a.txt', 'a')))).id;
    const fields = article({
      title: 'Talks resume', standfirst: 'A short standfirst.', byline: 'By A. Writer', section: 'World',
      outlet: 'Example Times', outletSource: 'og:site_name', dateline: 'GENEVA', language: 'en',
      published: { value: '2024-03-01T10:00:00Z', source: 'json-ld', confidence: 0.9, detail: 'datePublished' },
      url: 'https://example.org/a?utm=1', canonicalUrl: 'https://example.org/a',
    });
    const first = await store.insertArticle(rawId, fields);
    assert.equal(first.existed, false);
    assert.equal(first.article.rawId, rawId);
    const { id: _id, rawId: _rawId, ...rest } = first.article;
    assert.deepEqual(rest, fields, 'returned article carries exactly the given fields');
    assert.deepEqual(await store.getArticle(first.article.id), first.article, 'read back equals what insert returned');
    assert.deepEqual(await store.getArticleByRawId(rawId), first.article);
    const again = await store.insertArticle(rawId, article({ title: 'Something else' }));
    assert.equal(again.existed, true, 'one article per raw document');
    assert.deepEqual(again.article, first.article, 'the stored article, not the new fields');
    assert.equal(await store.countArticles(), 1);
    assert.equal(await store.getArticle(999_999), null);
    assert.equal(await store.getArticleByRawId(999_999), null);
  });

  it('updateArticle replaces fields and the search index', async (store) => {
    const a = await add(store, { title: 'Glacier retreats', text: words('The glacier lost mass again this year.') });
    const updated = await store.updateArticle(a.id, article({ title: 'Volcano erupts', text: words('Lava reached the coast.'), language: 'en' }));
    assert.equal(updated.id, a.id);
    assert.equal(updated.rawId, a.rawId);
    assert.equal(updated.title, 'Volcano erupts');
    assert.deepEqual(await store.getArticle(a.id), updated);
    assert.deepEqual(ids(await store.search('glacier')), [], 'old words are gone from the index');
    assert.deepEqual(ids(await store.search('volcano')), [a.id]);
    assert.deepEqual(ids(await store.search('lava')), [a.id]);
    await assert.rejects(store.updateArticle(999_999, article({})), /not found/);
  });

  it('transaction: a failure leaves nothing half-written', async (store) => {
    const raw = rawDoc('t.txt', 'rolled back');
    await assert.rejects(store.transaction(async () => {
      const { id } = await store.saveRaw(raw, sha(raw));
      await store.insertArticle(id, article({ title: 'Phantom article', text: words('Nobody should find this.') }));
      await store.addLines('dir:t', id, ['l1']);
      throw new Error('boom');
    }), /boom/);
    assert.deepEqual(await store.listRawIds(), []);
    assert.equal(await store.countArticles(), 0);
    assert.deepEqual(await store.search('phantom'), [], 'no index row left behind');
    assert.equal(await store.sourceDocuments('dir:t'), 0);
    // The same document can then be stored for real.
    const value = await store.transaction(async () => {
      const { id } = await store.saveRaw(raw, sha(raw));
      await store.insertArticle(id, article({ title: 'Phantom article' }));
      return 'done';
    });
    assert.equal(value, 'done', 'the function result is returned');
    assert.equal(await store.countArticles(), 1);
    assert.equal((await store.search('phantom')).length, 1);
  });

  it('transaction: a caught failure of a nested transaction undoes only the inner work', async (store) => {
    await store.transaction(async () => {
      await add(store, { title: 'Outer article' });
      await assert.rejects(store.transaction(async () => {
        await add(store, { title: 'Inner article' });
        throw new Error('inner');
      }));
      await store.transaction(async () => { await add(store, { title: 'Second inner article' }); });
    });
    const titles = (await store.listArticles()).map((a) => a.title);
    assert.deepEqual(titles, ['Outer article', 'Second inner article']);
  });

  it('transaction: concurrent transactions do not see or join each other', async (store) => {
    let releaseFirst!: () => void;
    const gate = new Promise<void>((r) => { releaseFirst = r; });
    const failing = store.transaction(async () => {
      await add(store, { title: 'Failing article' });
      await gate;
      throw new Error('first fails');
    });
    const succeeding = store.transaction(async () => add(store, { title: 'Committed article' }));
    const listed = store.listArticles();
    releaseFirst();
    await assert.rejects(failing, /first fails/);
    await succeeding;
    const seen = (await listed).map((a) => a.title);
    assert.ok(!seen.includes('Failing article'), 'a read from outside never sees the uncommitted row of another transaction');
    assert.deepEqual((await store.listArticles()).map((a) => a.title), ['Committed article']);
  });

  it('listArticles and countArticles filter by outlet, language and inclusive dates, in id order', async (store) => {
    const a = await add(store, { title: 'A', outlet: 'Alpha', language: 'en', published: date('2024-03-01') });
    const b = await add(store, { title: 'B', outlet: 'Beta', language: 'tr', published: date('2024-03-02T23:30:00+03:00') });
    const c = await add(store, { title: 'C', outlet: 'Alpha', language: 'tr', published: date('2024-03-03') });
    const d = await add(store, { title: 'D', outlet: null, language: null, published: null });
    const rows = [
      { filter: {}, want: [a, b, c, d], why: 'no filter: all, oldest first' },
      { filter: { outlet: 'Alpha' }, want: [a, c], why: 'outlet' },
      { filter: { language: 'tr' }, want: [b, c], why: 'language' },
      { filter: { from: '2024-03-02' }, want: [b, c], why: 'from is inclusive; no date never matches a date filter' },
      { filter: { to: '2024-03-02' }, want: [a, b], why: 'to is inclusive of the whole day, datetimes included' },
      { filter: { from: '2024-03-02', to: '2024-03-02' }, want: [b], why: 'one day' },
      { filter: { outlet: 'Alpha', language: 'tr' }, want: [c], why: 'filters combine' },
      { filter: { limit: 2 }, want: [a, b], why: 'limit' },
      { filter: { limit: 2, offset: 2 }, want: [c, d], why: 'offset' },
      { filter: { outlet: 'Nobody' }, want: [], why: 'no match' },
    ];
    for (const row of rows) {
      assert.deepEqual((await store.listArticles(row.filter)).map((x) => x.id), row.want.map((x) => x.id), row.why);
      if (row.filter.limit === undefined) assert.equal(await store.countArticles(row.filter), row.want.length, row.why);
    }
    await assert.rejects(store.listArticles({ from: 'March 2024' }), /YYYY-MM-DD/, 'a malformed date is refused, not ignored');
  });

  it('findByCanonicalUrl and findByContentHash return the earliest non-duplicate', async (store) => {
    const url = 'https://example.org/story';
    const dup = await add(store, { title: 'Dup first', canonicalUrl: url, contentHash: 'h1', duplicateOf: null });
    const original = await add(store, { title: 'Original', canonicalUrl: url, contentHash: 'h1' });
    await store.updateArticle(dup.id, article({ title: 'Dup first', canonicalUrl: url, contentHash: 'h1', duplicateOf: original.id, duplicateReason: 'url' }));
    await add(store, { title: 'Later copy', canonicalUrl: url, contentHash: 'h1' });
    assert.equal((await store.findByCanonicalUrl(url))?.id, original.id, 'duplicates are skipped; earliest wins');
    assert.equal((await store.findByContentHash('h1'))?.id, original.id);
    assert.equal(await store.findByCanonicalUrl('https://example.org/other'), null);
    assert.equal(await store.findByContentHash('h2'), null);
  });

  it('findSimhashCandidates returns non-duplicates sharing a 16-bit band', async (store) => {
    const base = await add(store, { simhash: '0123456789abcdef' });
    const band3 = await add(store, { simhash: 'ffffffffffffcdef' });
    const band0 = await add(store, { simhash: '0123ffffffffffff' });
    await add(store, { simhash: 'fffeffffffffffff' });
    const dup = await add(store, { simhash: '0123456789abcdef', duplicateOf: base.id, duplicateReason: 'near' });
    const found = await store.findSimhashCandidates('0123456789abcdef');
    assert.deepEqual(found.map((c) => c.id).sort((x, y) => x - y), [base.id, band3.id, band0.id]);
    assert.ok(!found.some((c) => c.id === dup.id), 'duplicates are not candidates');
    assert.equal(found.find((c) => c.id === band3.id)?.simhash, 'ffffffffffffcdef');
    assert.equal((await store.findSimhashCandidates('0123456789abcdef', 1)).length, 1, 'limit');
    assert.deepEqual(await store.findSimhashCandidates('aaaabbbbccccdddd'), []);
  });

  it('search ranks a title match above a body match', async (store) => {
    // Two body mentions against one title mention: only the title weight puts the title match first.
    const body = await add(store, { title: 'Weather report', text: words('Officials said the volcano was quiet; a volcano watch stayed on.') });
    const title = await add(store, { title: 'Volcano erupts near town', text: words('Ash fell on the town overnight.') });
    const none = await add(store, { title: 'Market news', text: words('Shares rose.') });
    const hits = await store.search('volcano');
    assert.deepEqual(ids(hits), [title.id, body.id]);
    assert.ok(hits[0].score > hits[1].score, 'higher score is better');
    assert.ok(!ids(hits).includes(none.id));
    assert.equal(hits[0].title, 'Volcano erupts near town');
  });

  it('search filters, sorts by date, and pages', async (store) => {
    const text = words('The summit on climate finance ended without a deal.');
    const a = await add(store, { title: 'Summit ends', text, outlet: 'Alpha', language: 'en', published: date('2024-01-10') });
    const b = await add(store, { title: 'Climate summit', text, outlet: 'Beta', language: 'en', published: date('2024-02-10T08:00:00Z') });
    const c = await add(store, { title: 'Zirve sona erdi', text: 'İklim zirvesi (summit) anlaşma olmadan bitti.', outlet: 'Alpha', language: 'tr', published: date('2024-03-10') });
    const d = await add(store, { title: 'Undated', text, outlet: 'Gamma', language: 'en', published: null });
    const rows = [
      { options: { outlet: 'Alpha' }, want: [a, c], why: 'outlet', sorted: true },
      { options: { language: 'tr' }, want: [c], why: 'language', sorted: false },
      { options: { from: '2024-02-10', to: '2024-02-10' }, want: [b], why: 'inclusive day with a datetime', sorted: false },
      { options: { from: '2024-02-01' }, want: [b, c], why: 'from', sorted: true },
      { options: { sort: 'date' as const }, want: [c, b, a, d], why: 'newest first, undated last', sorted: false },
      { options: { sort: 'date' as const, limit: 2, offset: 1 }, want: [b, a], why: 'paging', sorted: false },
      { options: { outlet: 'Nobody' }, want: [], why: 'no match', sorted: false },
    ];
    for (const row of rows) {
      const got = ids(await store.search('summit', row.options));
      const want = row.want.map((x) => x.id);
      assert.deepEqual(row.sorted ? got.sort((x, y) => x - y) : got, want, row.why);
    }
    const hit = (await store.search('summit', { language: 'tr' }))[0];
    assert.deepEqual({ outlet: hit.outlet, language: hit.language, published: hit.published }, { outlet: 'Alpha', language: 'tr', published: '2024-03-10' });
    assert.equal((await store.search('summit', { limit: 1 })).length, 1);
  });

  it('getArticles reads many articles at once, in the order asked', async (store) => {
    const [a, b, c] = [await add(store, { title: 'A' }), await add(store, { title: 'B' }), await add(store, { title: 'C' })];
    const rows = [
      { ids: [c.id, a.id, b.id], want: [c.id, a.id, b.id], why: 'the order asked, not id order' },
      { ids: [b.id, 999_999, a.id], want: [b.id, a.id], why: 'unknown ids are left out' },
      { ids: [a.id, a.id], want: [a.id], why: 'a repeated id once' },
      { ids: [], want: [], why: 'nothing asked' },
    ];
    for (const row of rows) assert.deepEqual((await store.getArticles(row.ids)).map((x) => x.id), row.want, row.why);
    assert.deepEqual((await store.getArticles([b.id]))[0], await store.getArticle(b.id), 'the same article getArticle reads');
  });

  it('countSearch counts what search finds, with the same filters, whatever the page', async (store) => {
    const text = words('The summit on climate finance ended without a deal.');
    await add(store, { title: 'Summit ends', text, outlet: 'Alpha', language: 'en', published: date('2024-01-10') });
    await add(store, { title: 'Climate summit', text, outlet: 'Beta', language: 'en', published: date('2024-02-10T08:00:00Z') });
    await add(store, { title: 'Zirve', text: 'İklim zirvesi (summit) bitti.', outlet: 'Alpha', language: 'tr', published: date('2024-03-10') });
    await add(store, { title: 'Undated', text, outlet: 'Gamma', language: 'en', published: null });
    await add(store, { title: 'Market news', text: words('Shares rose.'), outlet: 'Alpha', published: date('2024-01-11') });
    const rows = [
      { query: 'summit', options: {}, want: 4, why: 'every match' },
      { query: 'summit', options: { outlet: 'Alpha' }, want: 2, why: 'outlet' },
      { query: 'summit', options: { language: 'tr' }, want: 1, why: 'language' },
      { query: 'summit', options: { from: '2024-02-01' }, want: 2, why: 'open-ended dates' },
      { query: 'summit', options: { limit: 1, offset: 2, sort: 'date' as const }, want: 4, why: 'paging does not change the count' },
      { query: 'summit -climate', options: {}, want: 1, why: 'exclusions' },
      { query: 'volcano', options: {}, want: 0, why: 'no match' },
      { query: '   ', options: {}, want: 0, why: 'an empty query matches nothing' },
    ];
    for (const row of rows) {
      assert.equal(await store.countSearch(row.query, row.options), row.want, row.why);
      const all = await store.search(row.query, { ...row.options, limit: 100, offset: 0 });
      assert.equal(all.length, row.want, `${row.why}: search agrees`);
    }
  });

  it('search and countSearch filter by a person mentioned in the analysis', async (store) => {
    const text = words('The summit on climate finance ended without a deal.');
    const a = await add(store, { title: 'Summit ends', text, published: date('2024-01-10') });
    const b = await add(store, { title: 'Climate summit', text, published: date('2024-02-10') });
    const c = await add(store, { title: 'Summit again', text, published: null });
    await add(store, { title: 'Summit, no analysis', text, published: date('2024-03-10') });
    const smith = { key: 'PER:john smith', type: 'PER' as const, name: 'John Smith', role: null };
    const jones = { key: 'PER:ann jones', type: 'PER' as const, name: 'Ann Jones', role: null };
    await store.saveAnalysis(a.id, {}, { entities: [smith], quotes: [] });
    await store.saveAnalysis(b.id, {}, { entities: [jones], quotes: [] });
    await store.saveAnalysis(c.id, {}, { entities: [smith, jones], quotes: [] });
    const rows = [
      { options: { person: smith.key }, want: [a.id, c.id], why: 'only articles mentioning the person', sorted: true },
      { options: { person: smith.key, sort: 'date' as const }, want: [a.id, c.id], why: 'by date, undated last', sorted: false },
      { options: { person: jones.key, from: '2024-02-01' }, want: [b.id], why: 'with a date filter', sorted: false },
      { options: { person: 'PER:nobody' }, want: [], why: 'an unknown person matches nothing', sorted: false },
    ];
    for (const row of rows) {
      const got = ids(await store.search('summit', row.options));
      assert.deepEqual(row.sorted ? got.sort((x, y) => x - y) : got, row.want, row.why);
      assert.equal(await store.countSearch('summit', row.options), row.want.length, row.why);
    }
  });

  it('search snippets show the original text, HTML-escaped, with matches marked', async (store) => {
    await add(store, { title: 'Escaping', text: 'Before <script>alert("x")</script> & the volcano\'s <b>ash</b> fell.' });
    const [hit] = await store.search('volcano');
    assert.equal(hit.snippet, 'Before &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; the <mark>volcano</mark>&#39;s &lt;b&gt;ash&lt;/b&gt; fell.');
    await add(store, { title: 'Türkçe', language: 'tr', text: 'Dün akşam İSTANBUL ve Ankara\'da yağmur yağdı.' });
    const [tr] = await store.search('istanbul');
    assert.match(tr.snippet, /<mark>İSTANBUL<\/mark>/, 'the reader sees the original letters');
    const long = Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ') + ' the glacier melted. ' + Array.from({ length: 200 }, (_, i) => `tail${i}`).join(' ');
    await add(store, { title: 'Long', text: long });
    const [g] = await store.search('glacier');
    assert.match(g.snippet, /^….*<mark>glacier<\/mark> melted\..*…$/, 'a window around the match, cut with ellipses');
    assert.ok(g.snippet.length < 400, 'bounded length');
    await add(store, { title: 'Phrase', text: 'They met in New York last week; new ideas came from York.' });
    const [p] = await store.search('"new york"');
    assert.match(p.snippet, /<mark>New York<\/mark> last week; new ideas came from York\./, 'a phrase is marked where it occurs as a phrase');
  });

  it('search folds case, Turkish dotted and dotless i, and diacritics alike in text and query', async (store) => {
    const tr = await add(store, { title: 'İstanbul\'da seçim', language: 'tr', text: 'Işık Ağaç ve arkadaşları İzmir\'den geldi.' });
    const caps = await add(store, { title: 'ISTANBUL BORSASI', language: 'tr', text: 'Borsa güne yükselişle başladı.' });
    const fr = await add(store, { title: 'Le café', language: 'fr', text: 'Une soirée à Zürich, très naïve.' });
    const de = await add(store, { title: 'Straße', language: 'de', text: 'Die Hauptstraße ist gesperrt.' });
    const ru = await add(store, { title: 'Ёлка на площади', language: 'ru', text: 'ЙОД и Αθήνα в тексте.' });
    const rows = [
      { q: 'istanbul', want: [tr, caps], why: 'plain i finds İ and I in Turkish text' },
      { q: 'İSTANBUL', want: [tr, caps], why: 'capital dotted İ in the query' },
      { q: 'ISTANBUL', want: [tr, caps], why: 'capital I in the query (language unknown)' },
      { q: 'ıstanbul', want: [tr, caps], why: 'dotless ı folds with i' },
      { q: 'isik', want: [tr], why: 'ı and ş typed on any keyboard' },
      { q: 'IŞIK', want: [tr], why: 'Turkish capitals in the query' },
      { q: 'izmir', want: [tr], why: "apostrophe suffix splits the word (İzmir'den)" },
      { q: 'cafe', want: [fr], why: 'accents are ignored' },
      { q: 'ZURICH', want: [fr], why: 'umlaut and case' },
      { q: 'naive', want: [fr], why: 'diaeresis' },
      { q: 'strasse', want: [de], why: 'ß as ss' },
      { q: 'Straße', want: [de], why: 'ß in the query' },
      { q: 'елка', want: [ru], why: 'Cyrillic ё as е, and case' },
      { q: 'йод', want: [ru], why: 'Cyrillic й keeps its breve: matched as itself' },
      { q: 'иод', want: [], why: 'й is not и' },
      { q: 'ΑΘΗΝΑ', want: [ru], why: 'Greek tonos and case' },
      { q: 'ğüşöç', want: [], why: 'folded letters still have to match a word' },
    ];
    for (const row of rows) {
      assert.deepEqual(ids(await store.search(row.q)).sort((x, y) => x - y), row.want.map((x) => x.id), row.why);
    }
  });

  it('search supports phrases, prefixes, OR and exclusions', async (store) => {
    const ny = await add(store, { title: 'Report', text: words('The mayor of New York spoke about housing.') });
    const york = await add(store, { title: 'Report', text: words('A new bridge opened in York on Monday.') });
    const econ = await add(store, { title: 'Economy', text: words('Economists expect economic growth to slow.') });
    const rows = [
      { q: '"new york"', want: [ny], why: 'phrase: words adjacent and in order' },
      { q: 'new york', want: [ny, york], why: 'words: all present anywhere' },
      { q: 'econom*', want: [econ], why: 'prefix' },
      { q: '"new yor"*', want: [ny], why: 'prefix phrase' },
      { q: 'housing OR bridge', want: [ny, york], why: 'OR' },
      { q: 'york -bridge', want: [ny], why: 'minus excludes' },
      { q: 'york NOT housing', want: [york], why: 'NOT excludes' },
      { q: '-york', want: [], why: 'only exclusions match nothing' },
    ];
    for (const row of rows) {
      assert.deepEqual(ids(await store.search(row.q)).sort((x, y) => x - y), row.want.map((x) => x.id), row.why);
    }
  });

  it('search treats query syntax characters as text and never throws', async (store) => {
    const a = await add(store, { title: 'Volcano erupts', text: words('Lava and ash, the NEAR-term outlook.') });
    const rows = [
      { q: 'volcano"', found: true, why: 'unterminated quote' },
      { q: '"volcano', found: true, why: 'unterminated quote at the start' },
      { q: 'title:volcano', found: false, why: 'column filter syntax is two words; "title" is not in the text' },
      { q: 'volcano AND (lava', found: true, why: 'parentheses' },
      { q: 'NEAR(volcano lava)', found: true, why: 'NEAR group is plain words' },
      { q: 'volcano^2 ~lava', found: false, why: 'boost and fuzzy syntax: "2" is a word' },
      { q: '*', found: false, why: 'lone star' },
      { q: 'v*', found: false, why: 'one-letter prefix matches as a whole word' },
      { q: "'; DROP TABLE articles; --", found: false, why: 'SQL in the query' },
      { q: 'OR AND NOT', found: false, why: 'only operators' },
      { q: '{lava}:* & !ash | <->', found: true, why: 'tsquery syntax' },
      { q: '', found: false, why: 'empty' },
      { q: '\u0000\u0301\uFFFF', found: false, why: 'control and combining characters only' },
      { q: 'near-term', found: true, why: 'hyphenated word is a phrase' },
    ];
    for (const row of rows) {
      const hits = await store.search(row.q);
      assert.equal(hits.some((h) => h.id === a.id), row.found, `${row.why}: ${JSON.stringify(row.q)}`);
    }
  });

  it('lineCounts counts distinct documents per source; addLines is idempotent per raw id', async (store) => {
    const r1 = (await add(store, {})).rawId;
    const r2 = (await add(store, {})).rawId;
    await store.addLines('host:a.org', r1, ['menu', 'footer', 'menu']);
    await store.addLines('host:a.org', r1, ['menu', 'footer', 'extra']);
    await store.addLines('host:a.org', r2, ['menu']);
    await store.addLines('host:b.org', r2, ['footer']);
    await store.addLines('host:c.org', r1, []);
    const counts = await store.lineCounts('host:a.org', ['menu', 'footer', 'extra', 'unseen']);
    assert.deepEqual(Object.fromEntries(counts), { menu: 2, footer: 1 }, 'second call for r1 changed nothing; unseen lines are absent');
    assert.equal(await store.sourceDocuments('host:a.org'), 2);
    assert.equal(await store.sourceDocuments('host:b.org'), 1);
    assert.equal(await store.sourceDocuments('host:c.org'), 1, 'a document with no lines still counts');
    assert.equal(await store.sourceDocuments('host:none.org'), 0);
    assert.deepEqual(Object.fromEntries(await store.lineCounts('host:a.org', [])), {});
  });

  it('stats counts articles, duplicates, raw documents, outlets and languages', async (store) => {
    const a = await add(store, { outlet: 'Alpha', language: 'en' });
    await add(store, { outlet: 'Alpha', language: 'tr', duplicateOf: a.id, duplicateReason: 'hash' });
    await add(store, { outlet: null, language: 'en' });
    await store.saveRaw(rawDoc('orphan.bin', 'x'), sha(rawDoc('orphan.bin', 'x')));
    assert.deepEqual(await store.stats(), {
      articles: 3, duplicates: 1, raw: 4,
      outlets: [{ outlet: 'Alpha', articles: 2 }, { outlet: null, articles: 1 }],
      languages: [{ language: 'en', articles: 2 }, { language: 'tr', articles: 1 }],
    });
  });

  it('saveAnalysis keeps the analysis as written, replaces it, and indexes entities and quotes', async (store) => {
    const a = await add(store, { published: date('2024-03-02') });
    const b = await add(store, { published: date('2024-03-01') });
    const c = await add(store, { published: null });
    const analysis = { zeta: 1, alpha: ['x', { nested: true }], text: 'İstanbul “quoted”' };
    const smith = { key: 'PER:john smith', type: 'PER' as const, name: 'John Smith', role: 'minister' };
    const otherSmith = { key: 'PER:john smith (2)', type: 'PER' as const, name: 'John Smith', role: null };
    const quote = { speakerKey: 'PER:john smith', speakerName: 'John Smith', role: 'minister', text: 'We will act.', kind: 'direct', cue: 'said', mention: 'Smith' };
    await store.saveAnalysis(a.id, analysis, { entities: [smith, otherSmith], quotes: [quote] });
    await store.saveAnalysis(b.id, { v: 2 }, { entities: [smith], quotes: [{ ...quote, text: 'Later words.' }] });
    await store.saveAnalysis(c.id, { v: 3 }, { entities: [smith], quotes: [{ ...quote, text: 'Undated words.' }] });
    const got = await store.getAnalyses([c.id, a.id, 999_999]);
    assert.deepEqual([...got.keys()], [c.id, a.id], 'in the order asked; missing ids left out');
    assert.equal(JSON.stringify(got.get(a.id)), JSON.stringify(analysis), 'keys in the order written');
    const first = await store.getEntityBySlug('PER', 'john-smith');
    const second = await store.getEntityBySlug('PER', 'john-smith-2');
    assert.deepEqual(first, { key: smith.key, slug: 'john-smith', type: 'PER', name: 'John Smith', role: 'minister', articles: 3, quotes: 3 });
    assert.equal(second?.key, otherSmith.key, 'same name, other entity: the next free slug');
    assert.deepEqual(await store.entityArticles(smith.key), [a.id, b.id, c.id], 'newest first, undated last');
    assert.deepEqual(await store.entityArticles(smith.key, { limit: 1, offset: 1 }), [b.id]);
    await store.setMembership({ articleId: b.id, storyId: 7, score: 0.5, reasons: ['shared: smith'] });
    const quotes = await store.speakerQuotes(smith.key);
    assert.deepEqual(quotes.map((q) => [q.text, q.date, q.storyId]), [
      ['Later words.', '2024-03-01', 7], ['We will act.', '2024-03-02', null], ['Undated words.', null, null],
    ], 'oldest first, undated last, with the story of the article');
    assert.deepEqual(quotes[0], {
      articleId: b.id, storyId: 7, speakerKey: smith.key, speakerName: 'John Smith', role: 'minister', text: 'Later words.',
      kind: 'direct', cue: 'said', mention: 'Smith', date: '2024-03-01', outlet: null,
    });
    // Re-analysing drops what the new analysis no longer holds, and the counts follow.
    await store.saveAnalysis(a.id, { v: 4 }, { entities: [], quotes: [] });
    assert.deepEqual(await store.getAnalyses([a.id]), new Map([[a.id, { v: 4 }]]));
    assert.equal((await store.getEntityBySlug('PER', 'john-smith'))?.articles, 2);
    assert.equal((await store.getEntityBySlug('PER', 'john-smith'))?.quotes, 2);
    // Saving the same analysis again changes no count; an entity listed twice in one article counts once.
    await store.saveAnalysis(b.id, { v: 2 }, { entities: [smith, smith], quotes: [{ ...quote, text: 'Later words.' }] });
    const again = await store.getEntityBySlug('PER', 'john-smith');
    assert.deepEqual([again?.articles, again?.quotes], [2, 2]);
    assert.deepEqual((await store.listEntities({ type: 'PER' })).map((e) => e.key), [smith.key], 'entities with nothing left are not listed');
    assert.deepEqual(await store.listEntities({ type: 'ORG' }), []);
    assert.equal(await store.getEntityBySlug('PER', 'nobody'), null);
  });

  it('story membership and story rows', async (store) => {
    const [a, b, c] = [await add(store, {}), await add(store, {}), await add(store, {})];
    const story = (id: number, fields: Partial<StoryRow>): StoryRow => ({
      id, title: `Story ${id}`, articleCount: 1, outlets: ['Alpha'], languages: ['en'], first: '2024-03-01', last: '2024-03-01',
      updatedAt: '2024-04-01T00:00:00Z', ...fields,
    });
    await store.upsertStory(story(1, { last: '2024-03-05', articleCount: 2, outlets: ['Alpha', 'Beta'] }));
    await store.upsertStory(story(2, { last: '2024-03-09', languages: ['tr', 'en'] }));
    await store.upsertStory(story(3, { last: null, first: null, outlets: [] }));
    await store.upsertStory(story(4, { last: '2024-03-05', articleCount: 5 }));
    await store.upsertStory(story(1, { last: '2024-03-05', articleCount: 3, title: 'Renamed', outlets: ['Alpha', 'Beta'] }));
    assert.deepEqual(await store.getStory(1), story(1, { last: '2024-03-05', articleCount: 3, title: 'Renamed', outlets: ['Alpha', 'Beta'] }), 'upsert replaces');
    assert.equal(await store.getStory(99), null);
    const rows = [
      { filter: {}, want: [2, 4, 1, 3], why: 'latest activity first, then size; undated last' },
      { filter: { outlet: 'Beta' }, want: [1], why: 'outlet' },
      { filter: { language: 'tr' }, want: [2], why: 'language' },
      { filter: { limit: 2, offset: 1 }, want: [4, 1], why: 'paging' },
    ];
    for (const row of rows) {
      assert.deepEqual((await store.listStories(row.filter)).map((s) => s.id), row.want, row.why);
      if (row.filter.limit === undefined) assert.equal(await store.countStories(row.filter), row.want.length, row.why);
    }
    await store.setMembership({ articleId: a.id, storyId: 1, score: 0.9, reasons: ['shared terms: volcano, ash'] });
    await store.setMembership({ articleId: b.id, storyId: 4, score: 0.4, reasons: [] });
    await store.setMembership({ articleId: c.id, storyId: 4, score: 0.3, reasons: ['duplicate of #1'] });
    await store.setMembership({ articleId: b.id, storyId: 4, score: 0.6, reasons: ['moved'] });
    assert.deepEqual(await store.getMembership(b.id), { articleId: b.id, storyId: 4, score: 0.6, reasons: ['moved'] }, 'replaced');
    assert.equal(await store.getMembership(999_999), null);
    await store.moveMembers(4, 1);
    assert.deepEqual((await store.storyMembers(1)).map((m) => m.articleId), [a.id, b.id, c.id], 'moved, in article order');
    assert.deepEqual(await store.storyMembers(4), []);
    assert.equal(await store.getStory(4), null, 'the emptied story row is gone');
    await store.moveMembers(1, 1);
    assert.equal((await store.storyMembers(1)).length, 3, 'moving into itself changes nothing');
  });

  it('getEntitiesByKeys reads many entities at once, in the order asked', async (store) => {
    const a = await add(store, {});
    const smith = { key: 'PER:john smith', type: 'PER' as const, name: 'John Smith', role: 'minister' };
    const acme = { key: 'ORG:acme', type: 'ORG' as const, name: 'Acme', role: null };
    await store.saveAnalysis(a.id, {}, { entities: [smith, acme], quotes: [] });
    const got = await store.getEntitiesByKeys([acme.key, 'PER:nobody', smith.key, acme.key]);
    assert.deepEqual(got.map((e) => e.key), [acme.key, smith.key], 'the order asked; unknown and repeated keys left out');
    assert.deepEqual(got[1], await store.getEntityBySlug('PER', 'john-smith'), 'the same summary the slug lookup gives');
    assert.deepEqual(await store.getEntitiesByKeys([]), []);
  });

  it('summarizeStory computes a story row from its members without their text', async (store) => {
    const dup = (of: number): Partial<NewArticle> => ({ duplicateOf: of, duplicateReason: 'near' });
    const a = await add(store, { title: 'Later original', outlet: 'Beta', language: 'en', published: date('2024-03-05') });
    const b = await add(store, { title: 'Earliest original', outlet: 'alpha', language: 'tr', published: date('2024-03-02T10:00:00Z') });
    const c = await add(store, { title: 'Duplicate, earlier still', outlet: 'Beta', language: 'en', published: date('2024-03-01'), ...dup(b.id) });
    const d = await add(store, { title: '', outlet: '', language: null, published: null });
    const e = await add(store, { title: 'Elsewhere', outlet: 'Gamma', published: date('2024-01-01') });
    for (const x of [a, b, c, d]) await store.setMembership({ articleId: x.id, storyId: 1, score: 1, reasons: [] });
    await store.setMembership({ articleId: e.id, storyId: 2, score: 1, reasons: [] });
    assert.deepEqual(await store.summarizeStory(1), {
      title: 'Earliest original', articleCount: 4, outlets: ['Beta', 'alpha'], languages: ['en', 'tr'],
      first: '2024-03-01', last: '2024-03-05',
    }, 'earliest titled original; code-unit order; empty values left out; duplicates count in dates');
    // Only duplicates: the earliest titled one names the story.
    const f = await add(store, { title: 'Copy one', published: date('2024-05-02'), ...dup(e.id) });
    const g = await add(store, { title: 'Copy two', published: null, ...dup(e.id) });
    for (const x of [g, f]) await store.setMembership({ articleId: x.id, storyId: 3, score: 1, reasons: [] });
    assert.equal((await store.summarizeStory(3)).title, 'Copy one', 'dated before undated');
    // Originals exist but none is titled: no title, even with a titled duplicate.
    const h = await add(store, { title: null });
    for (const x of [h, f]) await store.setMembership({ articleId: x.id, storyId: 4, score: 1, reasons: [] });
    assert.equal((await store.summarizeStory(4)).title, null, 'a duplicate does not name a story that has an original');
    assert.deepEqual(await store.summarizeStory(99), { title: null, articleCount: 0, outlets: [], languages: [], first: null, last: null }, 'empty story');
  });

  it('saveState and loadState keep one value per key', async (store) => {
    assert.equal(await store.loadState('clusterer'), null);
    await store.saveState('clusterer', '{"v":1}');
    await store.saveState('clusterer', '{"v":2}');
    await store.saveState('other', 'x');
    assert.equal(await store.loadState('clusterer'), '{"v":2}');
    assert.equal(await store.loadState('other'), 'x');
    await store.deleteState('clusterer');
    await store.deleteState('never saved');
    assert.equal(await store.loadState('clusterer'), null, 'deleted');
    assert.equal(await store.loadState('other'), 'x', 'other keys stay');
  });

  it('clusterer rows: none before the first save; a save replaces the rows it names and leaves the others', async (store) => {
    assert.equal(await store.loadClustererRows(), null, 'nothing saved yet');
    // JSON text is kept as given: escapes, quotes, non-ASCII and astral characters included.
    const odd = JSON.stringify({ id: 1, key: 'a "quoted" \\ back\\slash, ü, 北京, 🙂, \u0000' });
    await store.saveClustererRows({
      header: '{"docs":3}',
      stories: [{ id: 0, state: '{"id":0,"v":1}' }, { id: 1, state: odd }],
      df: [['alpha', 2], ['münchen', 1], ['北京', 3]],
    });
    const first = await store.loadClustererRows();
    assert.ok(first);
    assert.deepEqual({ ...first, df: sortedDf(first.df) }, {
      header: '{"docs":3}',
      writer: '',
      stories: [{ id: 0, state: '{"id":0,"v":1}' }, { id: 1, state: odd }],
      df: [['alpha', 2], ['münchen', 1], ['北京', 3]],
    });
    await store.saveClustererRows({
      header: '{"docs":5}',
      stories: [{ id: 2, state: '{"id":2}' }, { id: 0, state: '{"id":0,"v":2}' }],
      df: [['alpha', 0], ['münchen', 4], ['new', 1], ['never held', 0]],
    });
    const second = await store.loadClustererRows();
    assert.ok(second);
    assert.deepEqual({ ...second, df: sortedDf(second.df) }, {
      header: '{"docs":5}',
      writer: '',
      stories: [{ id: 0, state: '{"id":0,"v":2}' }, { id: 1, state: odd }, { id: 2, state: '{"id":2}' }],
      df: [['münchen', 4], ['new', 1], ['北京', 3]],
    }, 'stories by id; a count of 0 deletes the term (a term never held is no error); rows not named stay');
    await store.saveClustererRows({ header: '{"docs":6}', stories: [], df: [] });
    assert.equal((await store.loadClustererRows())?.header, '{"docs":6}', 'a save with no story or term changes the header');
  });

  it('clusterer rows: each save names its writer; a replacing save leaves only the rows it gives', async (store) => {
    assert.equal(await store.clustererWriter(), null, 'no writer before the first save');
    await store.saveClustererRows({ header: '{"docs":2}', writer: 'w1', stories: [{ id: 0, state: '{"id":0}' }, { id: 1, state: '{"id":1}' }], df: [['a', 1], ['b', 2]] });
    assert.equal(await store.clustererWriter(), 'w1');
    await store.saveClustererRows({ header: '{"docs":3}', writer: 'w2', stories: [{ id: 0, state: '{"id":0,"v":2}' }], df: [['c', 1]] }, { replace: true });
    const rows = await store.loadClustererRows();
    assert.deepEqual(rows && { ...rows, df: sortedDf(rows.df) }, {
      header: '{"docs":3}', writer: 'w2', stories: [{ id: 0, state: '{"id":0,"v":2}' }], df: [['c', 1]],
    });
  });

  it('clusterer rows: a save lands whole or not at all, and joins the caller\'s transaction', async (store) => {
    await store.saveClustererRows({ header: '{"docs":1}', stories: [{ id: 0, state: '{"v":1}' }], df: [['kept', 1]] });
    const before = await store.loadClustererRows();
    // A negative count is refused by the table, after the header and the story were written in the same call.
    await assert.rejects(store.saveClustererRows({ header: '{"docs":2}', stories: [{ id: 0, state: '{"v":2}' }], df: [['bad', -1]] }));
    assert.deepEqual(await store.loadClustererRows(), before, 'the failed save left nothing behind');
    // Moving a whole saved state to rows: the rows and the dropped key land together, or neither does.
    await store.saveState('clusterer', '{"whole":true}');
    await assert.rejects(store.transaction(async () => {
      await store.saveClustererRows({ header: '{"docs":9}', stories: [{ id: 1, state: '{"v":9}' }], df: [] });
      await store.deleteState('clusterer');
      throw new Error('interrupted');
    }), /interrupted/);
    assert.deepEqual(await store.loadClustererRows(), before, 'rolled back with the caller');
    assert.equal(await store.loadState('clusterer'), '{"whole":true}', 'and the key is still there');
    await store.transaction(async () => {
      await store.saveClustererRows({ header: '{"docs":9}', stories: [{ id: 1, state: '{"v":9}' }], df: [] });
      await store.deleteState('clusterer');
    });
    assert.equal((await store.loadClustererRows())?.stories.length, 2);
    assert.equal(await store.loadState('clusterer'), null);
  });
}

/** Terms in code-unit order: stores return them in no set order. */
function sortedDf(df: Array<[string, number]>): Array<[string, number]> {
  return [...df].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

let counter = 0;

function rawDoc(input: string, text: string, extra: Partial<RawDocument> = {}): RawDocument {
  return {
    input, url: `https://example.org/${input}`, bytes: Buffer.from(text), contentType: 'text/plain',
    fetchedAt: '2024-04-01T12:00:00.000Z', ...extra,
  };
}

function sha(raw: RawDocument): string {
  return createHash('sha256').update(raw.bytes).digest('hex');
}

function article(fields: Partial<NewArticle>): NewArticle {
  return {
    title: 'Untitled', standfirst: null, byline: null, section: null, outlet: null, outletSource: null, dateline: null,
    language: 'en', published: null, text: 'Body text.', format: 'text', input: 'input', url: null,
    canonicalUrl: null, contentHash: 'hash', simhash: '0000000000000000', duplicateOf: null, duplicateReason: null,
    fetchedAt: '2024-04-01T12:00:00.000Z', ...fields,
  };
}

/** Stores a raw document and its article; unique input so each call adds a row. */
async function add(store: Store, fields: Partial<NewArticle>) {
  counter++;
  const raw = rawDoc(`doc-${counter}.txt`, `document ${counter}`);
  const { id } = await store.saveRaw(raw, sha(raw));
  const { article: a } = await store.insertArticle(id, article({ input: raw.input, contentHash: `hash-${counter}`, ...fields }));
  return a;
}

function date(value: string): NewArticle['published'] {
  return { value, source: 'meta', confidence: 0.8, detail: 'article:published_time' };
}

/** A body long enough to read like an article paragraph. */
function words(sentence: string): string {
  return `${sentence} The report was published on the website of the agency.`;
}

function ids(hits: Array<{ id: number }>): number[] {
  return hits.map((h) => h.id);
}
