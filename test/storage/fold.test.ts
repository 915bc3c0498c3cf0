// Unit tables for search folding, query parsing and snippets (no database).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldForSearch, searchWords } from '../../src/lib/fold.ts';
import { highlightSnippet, parseQuery } from '../../src/storage/search-text.ts';
import { ftsMatch } from '../../src/storage/sqlite/query.ts';
import { tsQuery } from '../../src/storage/postgres/query.ts';
import { dateRangeTokens, facetText, outletToken } from '../../src/storage/sqlite/facets.ts';

test('foldForSearch', () => {
  const rows: Array<{ text: string; lang?: string; want: string; why: string }> = [
    { text: 'İstanbul', want: 'istanbul', why: 'dotted capital İ is i, without a stray combining dot' },
    { text: 'ISTANBUL', lang: 'tr', want: 'istanbul', why: 'Turkish I lower-cases to ı, which folds to i' },
    { text: 'ISTANBUL', want: 'istanbul', why: 'same key without a language, so queries match Turkish text' },
    { text: 'ılık', lang: 'tr', want: 'ilik', why: 'dotless ı is i' },
    { text: 'Şişli Çağlayan Gözüm', lang: 'tr', want: 'sisli caglayan gozum', why: 'Turkish letters lose their marks' },
    { text: 'Crème brûlée', want: 'creme brulee', why: 'Latin accents' },
    { text: 'Cafe\u0301', want: 'cafe', why: 'decomposed accent' },
    { text: 'Straße ẞ', want: 'strasse ss', why: 'sharp s as ss' },
    { text: 'Øresund Łódź Đoàn', want: 'oresund lodz doan', why: 'letters without decomposition' },
    { text: 'ﬁnance Ｗｏｒｌｄ', want: 'finance world', why: 'NFKC compatibility forms' },
    { text: 'Ёлка ЙОД', want: 'елка йод', why: 'Cyrillic ё is е, й keeps its breve' },
    { text: 'ΑΘΉΝΑ ΟΔΟΣ', want: 'αθηνα οδοσ', why: 'Greek tonos dropped, final sigma as σ' },
    { text: 'नमस्ते', want: 'नमस्ते', why: 'other scripts keep their marks' },
    { text: 'Plain ASCII, kept.', want: 'plain ascii, kept.', why: 'ASCII fast path only lower-cases' },
  ];
  for (const row of rows) assert.equal(foldForSearch(row.text, row.lang), row.want, row.why);
});

test('searchWords splits like the index and folds each word', () => {
  const rows = [
    { text: "İzmir'den geldi", want: ['izmir', 'den', 'geldi'], why: 'apostrophe splits a Turkish suffix' },
    { text: 'covid-19 U.S. e-mail', want: ['covid', '19', 'u', 's', 'e', 'mail'], why: 'punctuation splits' },
    { text: '½ x²', want: ['1', '2', 'x2'], why: 'one original word can fold to several' },
    { text: '  ', want: [], why: 'no words' },
  ];
  for (const row of rows) assert.deepEqual(searchWords(row.text), row.want, row.why);
});

test('parseQuery and the two engine query texts', () => {
  const rows = [
    { q: 'volcano ash', fts: '("volcano" AND "ash")', ts: "(('volcano') & ('ash'))", why: 'words are ANDed and quoted' },
    { q: '"New York" mayor', fts: '("new york" AND "mayor")', ts: "(('new' <-> 'york') & ('mayor'))", why: 'phrase' },
    { q: 'econom*', fts: '("econom"*)', ts: "(('econom':*))", why: 'prefix' },
    { q: 'a OR b -c', fts: '(("a") OR ("b")) NOT ("c")', ts: "((('a')) | (('b'))) & !(('c'))", why: 'OR and exclusion' },
    { q: 'x* "unterminated', fts: '("x" AND "unterminated")', ts: "(('x') & ('unterminated'))", why: 'one-letter prefix is a word; open quote' },
    { q: 'col:val NEAR(a b) "x""y"', fts: '("col" AND "val" AND "near" AND "a" AND "b" AND "x" AND "y")', ts: null, why: 'engine syntax is text' },
    { q: "O'Brien's", fts: '("o brien s")', ts: "(('o' <-> 'brien' <-> 's'))", why: 'apostrophes inside a word make a phrase' },
    { q: 'OR NOT -', fts: null, ts: null, why: 'no words: nothing to match' },
  ];
  for (const row of rows) {
    const parsed = parseQuery(row.q);
    assert.equal(ftsMatch(parsed), row.fts === null ? null : `{title body} : (${row.fts})`, row.why);
    if (row.ts !== null || row.fts === null) assert.equal(tsQuery(parsed), row.ts, row.why);
  }
});

test('ftsMatch adds facet filters as required alternatives, quoted', () => {
  const q = parseQuery('volcano');
  assert.equal(ftsMatch(q, [['langen'], ['year2016', 'month201701']]),
    '{title body} : (("volcano")) AND facets : ("langen") AND facets : ("year2016" OR "month201701")');
  assert.equal(ftsMatch(q, [[]]), null, 'an empty alternative set matches nothing');
});

test('dateRangeTokens covers exactly the days of the range', () => {
  const rows = [
    { from: '2016-03-05', to: '2016-03-05', want: ['day20160305'], why: 'one day' },
    { from: '2016-01-01', to: '2016-12-31', want: ['year2016'], why: 'a whole year' },
    { from: '2016-02-01', to: '2016-02-29', want: ['month201602'], why: 'a whole leap February' },
    { from: '2015-12-30', to: '2017-02-02', want: ['day20151230', 'day20151231', 'year2016', 'month201701', 'day20170201', 'day20170202'], why: 'ragged edges' },
    { from: '2016-03-02', to: '2016-03-01', want: [], why: 'empty range' },
  ];
  for (const row of rows) assert.deepEqual(dateRangeTokens(row.from, row.to), row.want, row.why);
});

test('facetText', () => {
  assert.equal(facetText({ outlet: null, language: 'pt-BR', published: { value: '2016-03-05T10:00:00+03:00' } }),
    'langptbr outletnone year2016 month201603 day20160305');
  assert.equal(facetText({ outlet: 'A', language: null, published: null }), `langnone ${outletToken('A')} datenone`);
  assert.notEqual(outletToken('Reuters'), outletToken('reuters'), 'outlet filters are exact, as in SQL');
});

test('highlightSnippet', () => {
  const rows = [
    { text: 'Rain in İSTANBUL & Ankara.', q: 'istanbul', want: 'Rain in <mark>İSTANBUL</mark> &amp; Ankara.', why: 'original letters, escaped' },
    { text: 'New ideas in New York.', q: '"new york"', want: 'New ideas in <mark>New York</mark>.', why: 'phrase only where adjacent' },
    { text: 'Economists and the economy.', q: 'econom*', want: '<mark>Economists</mark> and the <mark>economy</mark>.', why: 'prefix' },
    { text: 'Nothing matches here.', q: 'volcano', want: 'Nothing matches here.', why: 'no match: the start of the text' },
    { text: '<b>x</b>', q: 'b', want: '&lt;<mark>b</mark>&gt;x&lt;/<mark>b</mark>&gt;', why: 'markup in text is text' },
    { text: '', q: 'x', want: '', why: 'empty text' },
  ];
  for (const row of rows) assert.equal(highlightSnippet(row.text, parseQuery(row.q)), row.want, row.why);
  const long = `${'lead '.repeat(100)}the volcano erupted ${'tail '.repeat(100)}`.trim();
  assert.equal(highlightSnippet(long, parseQuery('volcano'), null, 10), '…lead lead lead the <mark>volcano</mark> erupted tail tail tail tail…', 'ten words, four of them before the match');
});
