// Feed recognition and parsing for every supported format, plus malformed input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectFeed, parseFeed, type FeedFormat, type ParsedFeed } from '../../src/pipeline/fetch/feeds.ts';
import { StorylineError } from '../../src/lib/errors.ts';

const BASE = 'https://news.example.org/feeds/main.xml';

const RSS = `<?xml version="1.0" encoding="utf-8"?>
<?xml-stylesheet href="style.xsl"?>
<!-- generated -->
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Example &amp; Co News</title>
  <link>https://news.example.org/</link>
  <atom:link href="https://news.example.org/feeds/main.xml" rel="self" type="application/rss+xml"/>
  <item>
    <title><![CDATA[Talks <b>resume</b> in Geneva]]></title>
    <link>/world/talks-resume</link>
    <pubDate>Tue, 09 Jan 2024 14:10:00 +0100</pubDate>
    <dc:creator>Jane Doe</dc:creator>
    <description>&lt;p&gt;Delegations met&amp;nbsp;again.&lt;/p&gt;</description>
  </item>
  <item>
    <title>Guid only</title>
    <guid isPermaLink="true">https://news.example.org/a/2</guid>
  </item>
  <item>
    <title>Opaque guid</title>
    <guid isPermaLink="false">tag:example,2024:3</guid>
  </item>
</channel>
</rss>`;

const RDF = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.example.org/"><title>RDF Site</title><link>https://rdf.example.org/</link></channel>
  <item rdf:about="https://rdf.example.org/1"><title>First</title><link>https://rdf.example.org/1</link><dc:date>2024-01-09T10:00:00Z</dc:date></item>
</rdf:RDF>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Atom Daily</title>
  <author><name>Desk</name></author>
  <entry>
    <title type="html">Markets &lt;em&gt;rally&lt;/em&gt;</title>
    <link rel="self" href="https://atom.example.org/api/1"/>
    <link rel="alternate" type="application/pdf" href="https://atom.example.org/1.pdf"/>
    <link rel="alternate" type="text/html" href="https://atom.example.org/1"/>
    <id>urn:uuid:1</id>
    <updated>2024-01-10T08:00:00Z</updated>
    <published>2024-01-09T08:00:00Z</published>
    <author><name>Ann Author</name></author>
    <summary>Stocks rose.</summary>
  </entry>
  <entry>
    <title>Id as link, feed author</title>
    <id>https://atom.example.org/2</id>
    <updated>2024-01-11T08:00:00Z</updated>
  </entry>
</feed>`;

const JSON_FEED = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'JSON Wire',
  home_page_url: 'https://json.example.org/',
  items: [
    { id: '1', url: 'https://json.example.org/1', title: 'One', date_published: '2024-01-09T10:00:00+02:00', authors: [{ name: 'A. Writer' }], content_html: '<p>Body <b>one</b></p>' },
    { id: '2', external_url: 'posts/2', title: 'Two', author: { name: 'Old-style author' }, summary: 'Second' },
  ],
});

const SITEMAP = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>https://news.example.org/a/1</loc><lastmod>2024-02-01</lastmod>
    <news:news><news:publication><news:name>Example</news:name><news:language>en</news:language></news:publication>
    <news:publication_date>2024-01-09T10:00:00Z</news:publication_date><news:title>Sitemap story</news:title></news:news>
  </url>
  <url><loc>https://news.example.org/a/2</loc><lastmod>2024-02-01</lastmod></url>
</urlset>`;

const SITEMAP_INDEX = `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://news.example.org/sitemap-1.xml</loc></sitemap>
  <sitemap><loc>/sitemap-2.xml.gz</loc></sitemap>
</sitemapindex>`;

const OPML = `<?xml version="1.0"?>
<opml version="2.0"><head><title>My feeds</title></head><body>
  <outline text="World">
    <outline text="A" type="rss" xmlUrl="https://a.example.org/rss"/>
    <outline text="B" type="rss" xmlUrl="https://b.example.org/atom.xml"/>
  </outline>
  <outline text="Solo" type="rss" xmlUrl="https://c.example.org/feed"/>
  <outline text="Just a note"/>
</body></opml>`;

const detectCases: Array<{ reason: string; text: string; contentType: string | null; format: FeedFormat | null }> = [
  { reason: 'RSS 2.0 after declaration, stylesheet PI and comment', text: RSS, contentType: null, format: 'rss' },
  { reason: 'RSS 1.0 (rdf:RDF root)', text: RDF, contentType: null, format: 'rss' },
  { reason: 'Atom', text: ATOM, contentType: 'application/atom+xml', format: 'atom' },
  { reason: 'JSON Feed by version key', text: JSON_FEED, contentType: 'application/json', format: 'json' },
  { reason: 'JSON without version but served as feed+json', text: '{"items":[]}', contentType: 'application/feed+json', format: 'json' },
  { reason: 'plain JSON is not a feed', text: '{"items":[]}', contentType: 'application/json', format: null },
  { reason: 'urlset sitemap', text: SITEMAP, contentType: null, format: 'sitemap' },
  { reason: 'sitemap index', text: SITEMAP_INDEX, contentType: null, format: 'sitemap' },
  { reason: 'OPML', text: OPML, contentType: 'text/x-opml', format: 'opml' },
  { reason: 'prefixed Atom root', text: '<atom:feed xmlns:atom="http://www.w3.org/2005/Atom"></atom:feed>', contentType: null, format: 'atom' },
  { reason: 'HTML page even when served as XML', text: '<!DOCTYPE html><html><body>x</body></html>', contentType: 'application/xml', format: null },
  { reason: 'BOM before the declaration', text: '\uFEFF<?xml version="1.0"?><rss><channel/></rss>', contentType: null, format: 'rss' },
  { reason: 'plain text', text: 'Talks resume in Geneva', contentType: null, format: null },
];

for (const c of detectCases) {
  test(`detectFeed: ${c.reason}`, () => {
    assert.equal(detectFeed(c.text, c.contentType), c.format);
  });
}

const parseCases: Array<{ reason: string; text: string; expected: Partial<ParsedFeed> }> = [
  {
    reason: 'RSS: CDATA title stripped of tags, relative link against channel link, guid permalink, opaque guid has no URL',
    text: RSS,
    expected: {
      format: 'rss', title: 'Example & Co News', feeds: [],
      items: [
        { url: 'https://news.example.org/world/talks-resume', title: 'Talks resume in Geneva', published: '2024-01-09T13:10:00.000Z', author: 'Jane Doe', summary: 'Delegations met again.' },
        { url: 'https://news.example.org/a/2', title: 'Guid only', published: null, author: null, summary: null },
        { url: null, title: 'Opaque guid', published: null, author: null, summary: null },
      ],
    },
  },
  {
    reason: 'RSS 1.0: items beside the channel, dc:date',
    text: RDF,
    expected: { format: 'rss', title: 'RDF Site', items: [{ url: 'https://rdf.example.org/1', title: 'First', published: '2024-01-09T10:00:00.000Z', author: null, summary: null }] },
  },
  {
    reason: 'Atom: HTML alternate link chosen, html title unescaped, id as link fallback, feed-level author',
    text: ATOM,
    expected: {
      format: 'atom', title: 'Atom Daily',
      items: [
        { url: 'https://atom.example.org/1', title: 'Markets rally', published: '2024-01-09T08:00:00.000Z', author: 'Ann Author', summary: 'Stocks rose.' },
        { url: 'https://atom.example.org/2', title: 'Id as link, feed author', published: '2024-01-11T08:00:00.000Z', author: 'Desk', summary: null },
      ],
    },
  },
  {
    reason: 'JSON Feed 1.1 authors and 1.0 author, external_url resolved against home_page_url',
    text: JSON_FEED,
    expected: {
      format: 'json', title: 'JSON Wire',
      items: [
        { url: 'https://json.example.org/1', title: 'One', published: '2024-01-09T08:00:00.000Z', author: 'A. Writer', summary: 'Body one' },
        { url: 'https://json.example.org/posts/2', title: 'Two', published: null, author: 'Old-style author', summary: 'Second' },
      ],
    },
  },
  {
    reason: 'news sitemap: publication date and title; lastmod is not a publication date',
    text: SITEMAP,
    expected: {
      format: 'sitemap', feeds: [],
      items: [
        { url: 'https://news.example.org/a/1', title: 'Sitemap story', published: '2024-01-09T10:00:00.000Z', author: null, summary: null },
        { url: 'https://news.example.org/a/2', title: null, published: null, author: null, summary: null },
      ],
    },
  },
  {
    reason: 'sitemap index lists child sitemaps, relative ones resolved',
    text: SITEMAP_INDEX,
    expected: { format: 'sitemap', items: [], feeds: ['https://news.example.org/sitemap-1.xml', 'https://news.example.org/sitemap-2.xml.gz'] },
  },
  {
    reason: 'OPML: nested outlines with xmlUrl, notes without one skipped',
    text: OPML,
    expected: { format: 'opml', title: 'My feeds', items: [], feeds: ['https://a.example.org/rss', 'https://b.example.org/atom.xml', 'https://c.example.org/feed'] },
  },
];

for (const c of parseCases) {
  test(`parseFeed: ${c.reason}`, () => {
    const got = parseFeed(c.text, BASE);
    for (const [key, value] of Object.entries(c.expected)) {
      assert.deepEqual(got[key as keyof ParsedFeed], value, `field ${key}`);
    }
  });
}

const badCases: Array<{ reason: string; text: string; message: RegExp }> = [
  { reason: 'unclosed tag', text: '<rss><channel><title>x</channel></rss>', message: /malformed XML at line 1/ },
  { reason: 'truncated document', text: RSS.slice(0, 400), message: /malformed XML/ },
  { reason: 'RSS without a channel', text: '<rss version="2.0"><item><title>x</title></item></rss>', message: /without a <channel>/ },
  { reason: 'broken JSON Feed', text: '{"version":"https://jsonfeed.org/version/1", "items": [', message: /malformed JSON/ },
  { reason: 'JSON Feed without items', text: '{"version":"https://jsonfeed.org/version/1","title":"x"}', message: /without an "items" array/ },
  { reason: 'not a feed at all', text: '<html><body>x</body></html>', message: /not an RSS, Atom/ },
];

for (const c of badCases) {
  test(`parseFeed refuses: ${c.reason}`, () => {
    assert.throws(() => parseFeed(c.text, BASE), (err: unknown) => {
      assert.ok(err instanceof StorylineError);
      assert.equal(err.code, 'bad_feed');
      assert.match(err.message, c.message);
      return true;
    });
  });
}
