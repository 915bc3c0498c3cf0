// extractHtml on small hand-written pages: metadata sources and body cleaning, one reason per row.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DOMParser } from 'linkedom';
import { parseHtml } from '../../src/lib/dom.ts';
import { extractHtml } from '../../src/pipeline/extract/html.ts';
import { page, STORY, STORY_TEXT, type PageParts } from './fixtures.ts';

const URL = 'https://www.lindenfeld-courier.example/news/2021/03/bridge-vote';

function extract(parts: PageParts, url: string | null = URL) {
  return extractHtml(parseHtml(page(parts)), url);
}

function jsonLd(value: unknown): string {
  return `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
}

test('title: site-name segments and kickers are removed, the headline kept', () => {
  const cases: Array<{ head: string; before?: string; url?: string | null; want: string; reason: string }> = [
    { head: '<meta property="og:title" content="Council votes to rebuild bridge | Lindenfeld Courier"><meta property="og:site_name" content="Lindenfeld Courier">', want: 'Council votes to rebuild bridge', reason: 'trailing segment equal to og:site_name' },
    { head: '<title>Council votes to rebuild bridge - Lindenfeld Courier</title>', want: 'Council votes to rebuild bridge', reason: 'trailing segment matching the host name, no site name declared' },
    { head: '<title>Lindenfeld Courier: Council votes to rebuild bridge</title>', want: 'Council votes to rebuild bridge', reason: 'leading segment naming the site' },
    { head: '<title>Council votes to rebuild bridge | Local news | Courier Group</title>', url: null, want: 'Council votes to rebuild bridge', reason: 'trailing pipe segments are furniture even without a site match' },
    { head: '<meta property="og:title" content="Opinion | Why the old bridge had to go">', want: 'Why the old bridge had to go', reason: 'short kicker before a pipe' },
    { head: '<meta property="og:title" content="Flood season: council votes to rebuild bridge"><meta property="og:site_name" content="Courier">', want: 'Flood season: council votes to rebuild bridge', reason: 'a colon inside the headline is not a separator to a site name' },
    { head: '<meta property="og:title" content="Lindenfeld Courier"><meta property="og:site_name" content="Lindenfeld Courier">', before: '<h1>Council votes to rebuild bridge</h1>', want: 'Council votes to rebuild bridge', reason: 'og:title that is only the site name falls through to the h1' },
    { head: jsonLd({ '@type': 'NewsArticle', headline: 'Bridge to be rebuilt' }) + '<title>Other | Site</title>', want: 'Bridge to be rebuilt', reason: 'JSON-LD headline before <title>' },
  ];
  for (const c of cases) {
    assert.equal(extract({ head: c.head, before: c.before }, c.url === undefined ? URL : c.url).title, c.want, c.reason);
  }
});

test('byline: names only, from meta, JSON-LD, rel=author and byline elements', () => {
  const cases: Array<{ parts: PageParts; want: string | null; reason: string }> = [
    { parts: { head: '<meta name="author" content="By Anna Berg">' }, want: 'Anna Berg', reason: 'meta author with "By"' },
    { parts: { head: jsonLd({ '@type': 'NewsArticle', author: [{ '@type': 'Person', name: 'Anna Berg' }, { '@type': 'Person', name: 'Tomas Weil' }] }) }, want: 'Anna Berg, Tomas Weil', reason: 'JSON-LD author list' },
    { parts: { head: jsonLd({ '@type': 'NewsArticle', author: { '@type': 'Person', name: 'Sarah E. Needham' } }) }, want: 'Sarah E. Needham', reason: 'a capital middle initial is not the Portuguese "e" joiner' },
    { parts: { before: '<p class="byline">By ANNA BERG and Tomas Weil, Staff Writers | Updated March 3, 2021</p>' }, want: 'ANNA BERG, Tomas Weil', reason: 'byline element: prefix, joiner, role and date removed' },
    { parts: { before: '<div>Story by <a rel="author" href="/staff/berg">Anna Berg</a></div>' }, want: 'Anna Berg', reason: 'rel=author link text' },
    { parts: { head: '<meta property="article:author" content="https://www.facebook.com/anna.berg">', before: '<span class="author-name">Anna Berg @annaberg</span>' }, want: 'Anna Berg', reason: 'profile URL skipped; handle dropped from the byline element' },
    { parts: { before: '<p class="byline">By Anna Berg Monday, March 1</p>' }, want: 'Anna Berg', reason: 'weekday ends the name' },
    { parts: {}, want: null, reason: 'no byline anywhere' },
  ];
  for (const c of cases) assert.equal(extract(c.parts).byline, c.want, c.reason);
});

test('section: meta, JSON-LD, then breadcrumbs without home or the article itself', () => {
  const cases: Array<{ parts: PageParts; want: string | null; reason: string }> = [
    { parts: { head: '<meta property="article:section" content="Local">' }, want: 'Local', reason: 'article:section meta' },
    { parts: { head: jsonLd({ '@type': 'NewsArticle', articleSection: ['Politics', 'Local'] }) }, want: 'Politics', reason: 'first JSON-LD articleSection' },
    { parts: { head: '<meta property="article:section" content="lindenfeld-courier.example">' }, want: null, reason: 'a host name is no section' },
    { parts: { head: '<meta property="article:section" content="Politics, Local, Bridges">' }, want: 'Politics', reason: 'several sections in one string: the first' },
    {
      parts: { head: jsonLd({ '@type': 'BreadcrumbList', itemListElement: [
        { '@type': 'ListItem', position: 1, item: { '@id': 'https://www.lindenfeld-courier.example/', name: 'Home' } },
        { '@type': 'ListItem', position: 2, item: { '@id': 'https://www.lindenfeld-courier.example/news/', name: 'News' } },
        { '@type': 'ListItem', position: 3, item: { '@id': URL + '/', name: 'A bridge story' } },
      ] }) },
      want: 'News', reason: 'JSON-LD trail whose last entry links to this page',
    },
    { parts: { before: '<nav class="breadcrumb"><a href="/">Home</a> › <a href="/news">News</a> › <a href="/news/local">Local</a> › <span>Council votes</span></nav>' }, want: 'Local', reason: 'DOM breadcrumb: deepest linked entry' },
  ];
  for (const c of cases) assert.equal(extract(c.parts).section, c.want, c.reason);
});

test('site name and declared language', () => {
  const cases: Array<{ parts: PageParts; site: string | null; lang: string | null; reason: string }> = [
    { parts: { htmlAttrs: 'lang="en-US"', head: '<meta property="og:site_name" content="Lindenfeld Courier">' }, site: 'Lindenfeld Courier', lang: 'en', reason: 'og:site_name; region subtag dropped' },
    { parts: { htmlAttrs: 'lang="pt_BR"', head: '<meta name="application-name" content="Courier">' }, site: 'Courier', lang: 'pt', reason: 'application-name; underscore form' },
    { parts: { head: '<meta http-equiv="content-language" content="DE">' + jsonLd({ '@type': 'Article', publisher: { '@type': 'Organization', name: 'Kurier' } }) }, site: 'Kurier', lang: 'de', reason: 'content-language meta; JSON-LD publisher name' },
    { parts: { htmlAttrs: 'lang="iw"' }, site: null, lang: 'he', reason: 'withdrawn ISO 639-1 code mapped' },
    { parts: { htmlAttrs: 'lang="x-default"' }, site: null, lang: null, reason: 'not a language' },
    { parts: { head: '<meta property="og:site_name" content="https://www.lindenfeld-courier.example">' }, site: null, lang: null, reason: 'a URL is not a site name' },
  ];
  for (const c of cases) {
    const x = extract(c.parts);
    assert.equal(x.siteName, c.site, c.reason);
    assert.equal(x.declaredLanguage, c.lang, c.reason);
  }
});

test('standfirst: the description when it reads as prose', () => {
  const prose = 'Engineers warned the stone arches could not carry lorries much longer.';
  const cases: Array<{ head: string; want: string | null; reason: string }> = [
    { head: `<meta name="description" content="${prose}">`, want: prose, reason: 'meta description' },
    { head: `<meta name="description" content="Local news"><meta property="og:description" content="${prose}">`, want: prose, reason: 'a label is skipped for og:description' },
    { head: '<meta name="description" content="news, sport, weather, traffic, bridge, council, Lindenfeld">', want: null, reason: 'keyword list is not prose' },
    { head: `<meta name="description" content="Engineers warned the arches &#039;could not&#039; carry &lt;b&gt;lorries&lt;/b&gt; much longer.">`, want: "Engineers warned the arches 'could not' carry lorries much longer.", reason: 'markup inside the description removed' },
    { head: `<meta name="description" content="Engineers warned the arches &amp;#039;could not&amp;#039; carry &amp;lt;b&amp;gt;lorries&amp;lt;/b&amp;gt; much longer.">`, want: "Engineers warned the arches 'could not' carry lorries much longer.", reason: 'references escaped twice are decoded, then markup removed' },
  ];
  for (const c of cases) assert.equal(extract({ head: c.head }).standfirst, c.want, c.reason);
});

test('body: chrome blocks are removed and the story kept', () => {
  const cases: Array<{ parts: PageParts; gone: string; reason: string }> = [
    { parts: { before: '<figure><img src="a.jpg"><figcaption>The old bridge at dawn. Photo: Courier</figcaption></figure>' }, gone: 'The old bridge at dawn', reason: 'figure caption' },
    { parts: { before: '<h1>Council votes to rebuild bridge</h1><h2>A six-year debate ends</h2>' }, gone: 'Council votes', reason: 'headline block before the first paragraph' },
    { parts: { after: '<p>Related: Flood defences to be raised along the river</p>' }, gone: 'Flood defences', reason: 'cross-link line' },
    { parts: { after: '<h3>More stories</h3><ul><li><a href="/a">Mill reopens as museum</a></li><li><a href="/b">Ferry timetable changes</a></li><li><a href="/c">School wins chess title</a></li></ul>' }, gone: 'Ferry timetable', reason: 'teaser list of three or more links' },
    { parts: { after: '<p>Get the latest updates right in your inbox. Sign up for our newsletters here.</p>' }, gone: 'newsletters', reason: 'newsletter call to action' },
    { parts: { after: '<p>Advertisement</p>' }, gone: 'Advertisement', reason: 'ad slot label' },
    { parts: { before: '<div class="article-meta"><span class="timestamp">Published 10:02 AM, March 2, 2021</span></div>' }, gone: '10:02', reason: 'timestamp element' },
    { parts: { before: '<div class="image-caption">The mayor inspects the arches with two engineers from the regional office</div>' }, gone: 'inspects the arches', reason: 'caption by class name, with no caption wording' },
    { parts: { before: '<div class="story-byline">Anna Berg</div>' }, gone: 'Anna Berg', reason: 'byline element in the article head' },
    { parts: { body: `<p>${STORY[0]} The mayor, <span class="rollover-people"><a href="/people/ruth-haas">Ruth Haas</a><span class="rollover-block">Ruth Haas latest: Mayor opens new library wing</span></span>, agreed.</p>` + STORY.slice(1).map((p) => `<p>${p}</p>`).join('') }, gone: 'new library wing', reason: 'hover card repeating a linked name\'s profile' },
    { parts: { body: STORY.slice(0, 3).map((p) => `<p>${p}</p>`).join('') + '<p><a href="/weather">READ MORE: Storm warnings for the weekend</a></p>' + STORY.slice(3).map((p) => `<p>${p}</p>`).join('') }, gone: 'Storm warnings', reason: 'link-only paragraph inside the story' },
  ];
  for (const c of cases) {
    const x = extract(c.parts);
    assert.ok(!x.text.includes(c.gone), `${c.reason}: "${c.gone}" should be gone`);
    for (const p of STORY) assert.ok(x.text.includes(p), `${c.reason}: story paragraph kept`);
  }
});

test('body: article parts that look like chrome are kept', () => {
  const tweet = 'The old bridge is closed to lorries from today, says the council.';
  const cases: Array<{ parts: PageParts; kept: string; reason: string }> = [
    { parts: { body: STORY.slice(0, 3).map((p) => `<p>${p}</p>`).join('') + `<div class="social-media-embed"><blockquote class="twitter-tweet"><p>${tweet}</p>— Lindenfeld Council (@lindenfeld) March 2, 2021</blockquote></div>` + STORY.slice(3).map((p) => `<p>${p}</p>`).join('') }, kept: tweet, reason: 'embedded tweet is a quotation in the story' },
    { parts: { body: STORY.map((p) => `<p>${p}</p>`).join('') + '<ul><li><a href="https://shop.example/ticket">Buy a bridge festival ticket</a></li></ul><p>The festival marks the opening of the footpath on the old arches next summer.</p>' }, kept: 'Buy a bridge festival ticket', reason: 'a single linked list item is a call to action of the story, not a teaser list' },
    { parts: { body: STORY.map((p) => `<p>${p}</p>`).join('') + '<p><a href="https://plans.example/bridge">https://plans.example/bridge</a></p>' }, kept: 'https://plans.example/bridge', reason: 'a printed URL is text the author chose' },
  ];
  for (const c of cases) assert.ok(extract(c.parts).text.includes(c.kept), c.reason);
});

test('body: paragraphs are separated by blank lines and headings kept as their own paragraphs', () => {
  const body = `<p>${STORY[0]}</p><p>${STORY[1]}</p><h2>What happens next</h2><p>${STORY[2]}</p><p>${STORY[3]}</p><p>${STORY[4]}</p>`;
  assert.equal(extract({ body }).text, [STORY[0], STORY[1], 'What happens next', STORY[2], STORY[3], STORY[4]].join('\n\n'));
  assert.equal(extract({}).text, STORY_TEXT, 'the plain story comes back unchanged');
});

test('empty or contentless pages give empty text', () => {
  const cases: Array<{ html: string; reason: string }> = [
    { html: '<!DOCTYPE html><html><head><title>Nothing</title></head><body></body></html>', reason: 'empty body' },
    { html: '<html><body><nav><a href="/">Home</a><a href="/news">News</a></nav></body></html>', reason: 'navigation only' },
    { html: '<html><body><p>Advertisement</p><p><a href="/a">Read more</a></p></body></html>', reason: 'furniture only' },
  ];
  for (const c of cases) assert.equal(extractHtml(parseHtml(c.html), null).text, '', c.reason);
  // An empty string parses to a document without an <html> element at all.
  const empty = new DOMParser().parseFromString('', 'text/html') as unknown as Document;
  assert.deepEqual(extractHtml(empty, null), { title: null, standfirst: null, byline: null, section: null, siteName: null, declaredLanguage: null, text: '' }, 'document without <html>');
});

test('JSON-LD articleBody rescues a body Readability only saw part of', () => {
  const teaser = STORY[0]!;
  const full = STORY.join('\n');
  const withBody = { head: jsonLd({ '@type': 'NewsArticle', headline: 'Bridge', articleBody: full }), body: `<p>${teaser}</p>` };
  assert.equal(extract(withBody).text, STORY_TEXT, 'articleBody twice as long and repeating the visible text replaces it');
  const unrelated = { head: jsonLd({ '@type': 'NewsArticle', articleBody: 'A completely different report about the regional football league and its new stadium plans for the coming seasons. '.repeat(6) }), body: `<p>${teaser}</p>` };
  assert.equal(extract(unrelated).text, teaser, 'an articleBody that does not repeat the visible text is ignored');
});
