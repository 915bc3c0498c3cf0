import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHtml } from '../../src/lib/dom.ts';
import { findPublishedInHtml } from '../../src/pipeline/date/html.ts';

const NOW = new Date('2026-11-23T12:00:00Z');

/** A small page: head markup, then a body with a headline and the given body markup. */
function page(head: string, body: string, lang = 'en-GB'): string {
  return `<!doctype html><html lang="${lang}"><head><title>t</title>${head}</head><body>`
    + `<nav><a href="/">Home</a></nav><h1>Council approves the new city budget</h1>${body}`
    + '<p>The council met for three hours and approved the budget by a wide margin.</p></body></html>';
}

const ld = (obj: unknown) => `<script type="application/ld+json">${JSON.stringify(obj)}</script>`;

interface Case {
  html: string;
  url?: string | null;
  expected: string | null;
  source?: string;
  reason: string;
}

const CASES: Case[] = [
  {
    html: page(ld({ '@type': 'NewsArticle', datePublished: '2020-04-15T10:30:00+02:00', dateModified: '2020-04-16T08:00:00+02:00' }), ''),
    expected: '2020-04-15T10:30:00+02:00', source: 'json-ld', reason: 'JSON-LD NewsArticle datePublished, not dateModified',
  },
  {
    html: page(ld({ '@context': 'https://schema.org', '@graph': [
      { '@type': 'WebSite', name: 'Example' },
      { '@type': 'Person', name: 'A. Writer' },
      { '@type': 'NewsArticle', datePublished: '2021-06-01T09:00:00Z' },
    ] }), ''),
    expected: '2021-06-01T09:00:00Z', source: 'json-ld', reason: 'JSON-LD @graph: the article node',
  },
  {
    html: page(ld([{ '@type': 'Organization', name: 'Example' }, { '@type': ['BlogPosting'], datePublished: '2019-02-03' }]), ''),
    expected: '2019-02-03', source: 'json-ld', reason: 'JSON-LD top-level array with a typed array',
  },
  {
    html: page('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "two\nlines", "datePublished": "2018-07-08"}</script>', ''),
    expected: '2018-07-08', source: 'json-ld', reason: 'JSON-LD with a raw line break inside a string is still read',
  },
  {
    html: page('<meta property="article:modified_time" content="2020-05-02T08:00:00Z"><meta property="article:published_time" content="2020-05-01T20:00:00Z">', ''),
    expected: '2020-05-01T20:00:00Z', source: 'meta', reason: 'published meta wins over a modified meta listed before it',
  },
  {
    html: page('<meta name="DC.date.issued" content="2017-11-30">', ''),
    expected: '2017-11-30', source: 'meta', reason: 'Dublin Core name, any case',
  },
  {
    html: page('<meta itemprop="datePublished" content="2020-10-30T18:28:00+03:00">', ''),
    expected: '2020-10-30T18:28:00+03:00', source: 'meta', reason: 'microdata datePublished on a meta element',
  },
  {
    html: page('<meta name="sailthru.date" content="2020-09-01 9:53:00 -0700">', ''),
    expected: '2020-09-01T09:53:00-07:00', source: 'meta', reason: 'publishing-system meta with a space-separated time',
  },
  {
    html: page('<meta property="og:updated_time" content="2020-03-04T10:00:00Z">', ''),
    expected: '2020-03-04T10:00:00Z', source: 'meta', reason: 'only a modification date: used, as the last structured resort',
  },
  {
    html: page('', '<div class="byline">By A. Writer <time datetime="2020-01-31T10:00:00+01:00" pubdate>31 January</time></div>'),
    expected: '2020-01-31T10:00:00+01:00', source: 'time-element', reason: '<time pubdate datetime>',
  },
  {
    html: page('', '<aside><time datetime="2020-01-02">2 Jan</time></aside><p class="meta"><time datetime="2020-01-31">31 Jan</time></p>'),
    expected: '2020-01-31', source: 'time-element', reason: 'first <time> outside aside chrome',
  },
  {
    html: page('', ''), url: 'https://example.com/news/2019/05/31/budget-approved/',
    expected: '2019-05-31', source: 'url', reason: 'URL path /yyyy/mm/dd/',
  },
  {
    html: page('', ''), url: 'https://example.com/news/20190531/budget-approved',
    expected: '2019-05-31', source: 'url', reason: 'URL path yyyymmdd',
  },
  {
    html: page('', ''), url: 'https://example.com/story/2020-4-15-16-5-0-budget',
    expected: '2020-04-15', source: 'url', reason: 'URL path yyyy-m-d followed by other numbers',
  },
  {
    html: page('', ''), url: 'https://example.com/item?id=20190531',
    expected: null, reason: 'numbers in the query string are ids, not dates',
  },
  {
    html: page('', '<div class="article-date">15 апреля 2020, 10:30</div>', 'ru'),
    expected: '2020-04-15T10:30', source: 'text', reason: 'Russian month name in a date-class element',
  },
  {
    html: page('', '<p>30 Ekim 2020 Cuma 18:28</p>', 'tr'),
    expected: '2020-10-30T18:28', source: 'text', reason: 'Turkish date line under the headline, its time after the weekday',
  },
  {
    html: page('', '<span class="news-date">۲۶ فروردین ۱۳۹۹</span>', 'fa'),
    expected: '2020-04-14', source: 'text', reason: 'Solar Hijri date with Persian digits, converted',
  },
  {
    html: page('', '<span class="date">١٥ أبريل ٢٠٢٠</span>', 'ar'),
    expected: '2020-04-15', source: 'text', reason: 'Arabic month with Arabic-Indic digits',
  },
  {
    html: page('', '<span class="post-date">04/05/2020</span>', 'en-US'),
    expected: '2020-04-05', source: 'text', reason: 'US page reads a/b/yyyy month first',
  },
  {
    html: page('', '<span class="post-date">04/05/2020</span>', 'en-GB'),
    expected: '2020-05-04', source: 'text', reason: 'British page reads a/b/yyyy day first',
  },
  {
    html: page('<meta property="article:published_time" content="2031-01-01T00:00:00Z">', '<time datetime="2020-02-02">2 Feb</time>'),
    expected: '2020-02-02', source: 'time-element', reason: 'a future meta date is rejected and the cascade goes on',
  },
  {
    html: page(ld({ '@type': 'NewsArticle', datePublished: '1970-01-01T00:00:00Z' }), ''),
    expected: null, reason: 'epoch zero is a broken template, not a date',
  },
  {
    html: page('', '<footer><p>© 2020 Example Media. All rights reserved. Updated 01.02.2020</p></footer>'),
    expected: null, reason: 'dates in copyright footers are the site’s',
  },
  {
    html: page('', '<div class="related-stories"><ul><li><a href="/a">Other story</a><span class="date">3 March 2020</span></li></ul></div>'),
    expected: null, reason: 'dates in lists of related stories belong to those stories',
  },
  {
    html: page('', '<figure><img src="x.jpg"><figcaption>Protesters in Paris, January 16, 2020.</figcaption></figure><p>January 18, 2020</p>'),
    expected: '2020-01-18', source: 'text', reason: 'a photo caption’s date is skipped for the date line',
  },
  {
    html: page('', '<p>Nothing here says when.</p>'),
    expected: null, reason: 'no date anywhere: unknown, never the crawl time',
  },
];

for (const c of CASES) {
  test(`findPublishedInHtml: ${c.reason}`, () => {
    const got = findPublishedInHtml(parseHtml(c.html), c.url ?? null, NOW);
    assert.equal(got?.value ?? null, c.expected, got?.detail);
    if (c.source) assert.equal(got?.source, c.source);
    if (got) {
      assert.ok(got.confidence > 0 && got.confidence <= 1);
      assert.ok(got.detail.length > 0);
    }
  });
}

test('findPublishedInHtml: structured data is trusted more than visible text', () => {
  const a = findPublishedInHtml(parseHtml(page(ld({ '@type': 'NewsArticle', datePublished: '2020-04-15' }), '')), null, NOW);
  const b = findPublishedInHtml(parseHtml(page('', '<p>15 April 2020</p>')), null, NOW);
  assert.ok(a && b && a.confidence > b.confidence);
});

test('findPublishedInHtml: the default now rejects dates after the present', () => {
  const next = new Date().getUTCFullYear() + 2;
  const got = findPublishedInHtml(parseHtml(page(`<meta name="date" content="${next}-01-01">`, '')), null);
  assert.equal(got, null);
});

test('findPublishedInHtml: the document is not changed', () => {
  const html = page(ld({ '@type': 'NewsArticle', datePublished: '2020-04-15' }),
    '<figure><figcaption>January 16, 2020</figcaption></figure><div class="date">15 April 2020</div><script>var x = 1;</script>');
  const doc = parseHtml(html);
  const before = doc.documentElement.outerHTML;
  findPublishedInHtml(doc, 'https://example.com/2020/04/15/story', NOW);
  assert.equal(doc.documentElement.outerHTML, before);
});
