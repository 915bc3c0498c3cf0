// The pure helpers behind extractHtml: byline cleaning, title stripping, language tags, prose test, text blocks, rescues.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHtml } from '../../src/lib/dom.ts';
import { cleanByline, isProse, sectionFromCrumbs, stripSiteName } from '../../src/pipeline/extract/html-metadata.ts';
import { normaliseLanguage } from '../../src/pipeline/extract/html-language.ts';
import { joinBlocks, textBlocks } from '../../src/pipeline/extract/html-text.ts';
import { agreement, baselineText, jsonLdBodyText } from '../../src/pipeline/extract/html-rescue.ts';

test('cleanByline keeps names only', () => {
  const cases: Array<[string, string | null, string]> = [
    ['By Jane Doe', 'Jane Doe', '"By" prefix'],
    ['by: Jane Doe', 'Jane Doe', 'prefix with colon, lower case'],
    ['Written by Jane Doe and John Roe', 'Jane Doe, John Roe', 'two names joined with "and"'],
    ['Jane Doe, Associated Press Writer', 'Jane Doe', 'role after a comma'],
    ['Jane Doe - 11/18/19 11:04 PM EST', 'Jane Doe', 'date after a dash'],
    ['Jane Doe | Updated 3 May 2021', 'Jane Doe', 'update stamp after a pipe'],
    ['Jane Doe jane.doe@example.com', 'Jane Doe', 'email address'],
    ['Por María Pérez y José Ruiz', 'María Pérez, José Ruiz', 'Spanish prefix and joiner'],
    ['Luigi Di Maio', 'Luigi Di Maio', '"Di" is a surname, not a prefix'],
    ['humans.txt', null, 'a file name is not a name'],
    ['/christopherwood', null, 'a profile path is not a name'],
    ['20 Nov 2019 08:00 GMT', null, 'a timestamp is not a name'],
    ['Staff Writer', null, 'a role alone is no name'],
  ];
  for (const [raw, want, reason] of cases) assert.equal(cleanByline(raw), want, reason);
});

test('stripSiteName removes only site furniture', () => {
  const cases: Array<[string, string | null, string | null, string, string]> = [
    ['Bridge vote | Courier', 'Courier', null, 'Bridge vote', 'pipe + site name'],
    ['Bridge vote - The Daily Courier', null, 'https://www.dailycourier.example/x', 'Bridge vote', 'dash + host label'],
    ['BBC News - Bridge vote', null, 'https://www.bbc.co.uk/news/1', 'Bridge vote', 'two-part public suffix'],
    ['Bridge vote - what happens next', 'Courier', null, 'Bridge vote - what happens next', 'dash segment that names no site stays'],
    ['Courier', 'Courier', null, 'Courier', 'never strips everything'],
  ];
  for (const [title, site, url, want, reason] of cases) assert.equal(stripSiteName(title, site, url), want, reason);
});

test('normaliseLanguage maps declared tags to ISO 639-1', () => {
  const cases: Array<[string | null, string | null, string]> = [
    ['en-US', 'en', 'region subtag'],
    ['EN', 'en', 'upper case'],
    ['pt_BR', 'pt', 'underscore separator'],
    ['deu', 'de', 'ISO 639-2/T'],
    ['ger', 'de', 'ISO 639-2/B'],
    ['in', 'id', 'withdrawn Indonesian code'],
    ['zh-Hant-TW', 'zh', 'script and region subtags'],
    ['und', null, 'undetermined'],
    ['x-default', null, 'private-use placeholder'],
    ['fr, en', 'fr', 'Content-Language list: first entry'],
    ['', null, 'empty'],
    [null, null, 'absent'],
  ];
  for (const [tag, want, reason] of cases) assert.equal(normaliseLanguage(tag), want, reason);
});

test('isProse tells a standfirst from labels and keyword lists', () => {
  const cases: Array<[string, boolean, string]> = [
    ['The council voted to rebuild the old river bridge on Tuesday.', true, 'a sentence'],
    ['Local news', false, 'a label'],
    ['NEWS SPORT WEATHER TRAFFIC FROM LINDENFELD TODAY', false, 'no lower case: a banner'],
    ['bridge, council, vote, river, Lindenfeld, news, local, town', false, 'keyword list'],
  ];
  for (const [text, want, reason] of cases) assert.equal(isProse(text, null), want, reason);
  assert.equal(isProse('The council voted to rebuild the bridge', 'The council voted to rebuild the bridge'), false, 'the headline again');
});

test('sectionFromCrumbs picks the deepest section', () => {
  const crumbs = (...names: string[]) => names.map((name) => ({ name, url: null }));
  const cases: Array<[ReturnType<typeof crumbs>, string | null, string | null, string]> = [
    [crumbs('Home', 'News', 'Local'), null, 'Local', 'deepest entry'],
    [crumbs('Home', 'News', 'Council votes to rebuild bridge'), 'Council votes to rebuild bridge', 'News', 'last entry is the headline'],
    [crumbs('Home', 'News', 'Council votes to rebuild'), 'Council votes to rebuild bridge after six years', 'News', 'truncated headline'],
    [crumbs('Home'), null, null, 'home only'],
  ];
  for (const [trail, title, want, reason] of cases) assert.equal(sectionFromCrumbs(trail, title, null), want, reason);
});

test('textBlocks splits on blocks and measures links', () => {
  const doc = parseHtml('<div id="r"><p>One <b>bold</b> line<br>after break</p><ul><li><a href="/x">All link</a></li></ul><table><tr><td>a</td><td>b</td></tr></table>tail</div>');
  const blocks = textBlocks(doc.getElementById('r')!);
  assert.deepEqual(blocks.map((b) => b.text), ['One bold line', 'after break', 'All link', 'a b', 'tail'], 'blocks in order; cells share their row');
  assert.deepEqual(blocks.map((b) => b.tag), ['p', 'p', 'li', 'tr', 'div'], 'text after a nested block belongs to the enclosing block');
  assert.equal(blocks[2]!.linkChars, 'All link'.length, 'link characters counted');
  assert.equal(joinBlocks(blocks.slice(0, 2)), 'One bold line\n\nafter break');
});

test('rescue helpers: JSON-LD body text, agreement, baseline', () => {
  assert.equal(jsonLdBodyText('First paragraph.\nSecond   paragraph.'), 'First paragraph.\n\nSecond paragraph.', 'plain text: lines are paragraphs');
  assert.equal(jsonLdBodyText('<p>First &amp; only.</p><p>Second.</p>'), 'First & only.\n\nSecond.', 'markup parsed, entities decoded');
  assert.equal(agreement('a b c d e f', 'b c d e'), 1, 'contained text agrees fully');
  assert.equal(agreement('a b c d e f', 'x y z w'), 0, 'unrelated text does not agree');
  assert.equal(agreement('anything', ''), 1, 'nothing extracted: nothing contradicts');

  const doc = parseHtml(`<body>
    <p>Short label</p>
    <p>The first real paragraph of the page tells what happened at the council meeting on Tuesday night.</p>
    <p><a href="/more">A teaser headline linking somewhere else entirely on this website today</a></p>
    <blockquote><p>A quoted paragraph from the mayor, who said the bridge would be finished within two years.</p></blockquote>
  </body>`);
  const paragraphs = Array.from(doc.querySelectorAll('p, pre, blockquote'));
  assert.equal(
    baselineText(paragraphs, null),
    'The first real paragraph of the page tells what happened at the council meeting on Tuesday night.\n\n' +
      'A quoted paragraph from the mayor, who said the bridge would be finished within two years.',
    'short labels and link-only paragraphs dropped; nested picks not repeated',
  );
});
