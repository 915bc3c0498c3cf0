// Unit tests of the escaping template, snippet sanitising, link safety, quote highlighting, share links and charts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { externalUrl, html, localPath, queryString, snippetHtml, trustedHtml } from '../../src/web/html.ts';
import { highlightParagraphs } from '../../src/web/highlight.ts';
import { shareLinks } from '../../src/web/share.ts';
import { coverageSvg, dayOf, timelineSvg } from '../../src/web/charts.ts';
import { translator } from '../../src/web/i18n/index.ts';
import type { TimelineEntry } from '../../src/pipeline/story/assemble.ts';

test('html escapes every interpolation unless it is SafeHtml', () => {
  const rows: Array<{ got: string; want: string; why: string }> = [
    { got: html`<p>${'<b>x</b>'}</p>`.value, want: '<p>&lt;b&gt;x&lt;/b&gt;</p>', why: 'element content' },
    { got: html`<a title="${'"><img onerror=1>'}">`.value, want: '<a title="&quot;&gt;&lt;img onerror=1&gt;">', why: 'double-quoted attribute breakout' },
    { got: html`<a title='${"' onmouseover='x"}'>`.value, want: "<a title='&#39; onmouseover=&#39;x'>", why: 'single-quoted attribute breakout' },
    { got: html`${'a & b'}`.value, want: 'a &amp; b', why: 'ampersand' },
    { got: html`<ul>${['<1>', html`<li>2</li>`]}</ul>`.value, want: '<ul>&lt;1&gt;<li>2</li></ul>', why: 'arrays: strings escaped, SafeHtml kept' },
    { got: html`${null}${undefined}${false}${true}${0}`.value, want: '0', why: 'null, undefined and booleans render nothing; zero renders' },
    { got: html`${trustedHtml('<mark>x</mark>')}`.value, want: '<mark>x</mark>', why: 'explicitly trusted HTML passes' },
  ];
  for (const r of rows) assert.equal(r.got, r.want, r.why);
});

test('snippetHtml keeps only balanced <mark> tags and re-escapes everything else', () => {
  const rows: Array<{ in: string; want: string; why: string }> = [
    { in: 'the <mark>talks</mark> ended', want: 'the <mark>talks</mark> ended', why: 'plain snippet' },
    { in: 'AT&amp;T &lt;b&gt;', want: 'AT&amp;T &lt;b&gt;', why: 'escaped text stays escaped once (no double escaping)' },
    { in: '<script>alert(1)</script>', want: '&lt;script&gt;alert(1)&lt;/script&gt;', why: 'a raw tag from a broken store is text' },
    { in: '<mark onclick="x">a</mark>', want: '&lt;mark onclick=&quot;x&quot;&gt;a', why: 'a mark with attributes is not a mark; the stray close is dropped' },
    { in: '<mark>open', want: '<mark>open</mark>', why: 'an unclosed mark is closed' },
    { in: '&lt;script&gt;', want: '&lt;script&gt;', why: 'decoded markup is escaped again' },
  ];
  for (const r of rows) assert.equal(snippetHtml(r.in).value, r.want, r.why);
});

test('externalUrl lets only absolute http(s) through', () => {
  const rows: Array<{ in: string | null; want: string | null; why: string }> = [
    { in: 'https://example.org/a?b=1', want: 'https://example.org/a?b=1', why: 'https' },
    { in: 'http://example.org', want: 'http://example.org/', why: 'http, normalised' },
    { in: 'javascript:alert(1)', want: null, why: 'script URL' },
    { in: ' JavaScript:alert(1)', want: null, why: 'script URL with case and space' },
    { in: 'data:text/html,<script>', want: null, why: 'data URL' },
    { in: '/relative', want: null, why: 'relative path is not an original URL' },
    { in: null, want: null, why: 'missing' },
  ];
  for (const r of rows) assert.equal(externalUrl(r.in), r.want, r.why);
});

test('localPath never yields another host', () => {
  const rows: Array<{ in: string; want: string; why: string }> = [
    { in: '/stories/1', want: '/stories/1', why: 'a local path is kept' },
    { in: '//evil.example/x', want: '/evil.example/x', why: 'protocol-relative' },
    { in: '/\\evil.example', want: '/evil.example', why: 'backslash that browsers read as a slash' },
    { in: '/\t/evil.example', want: '/evil.example', why: 'tab that browsers strip' },
    { in: 'https://evil.example', want: '/https://evil.example', why: 'absolute URL becomes a path' },
  ];
  for (const r of rows) assert.equal(localPath(r.in), r.want, r.why);
});

test('queryString drops empty values and encodes the rest', () => {
  assert.equal(queryString({ q: 'a b&c', outlet: '', page: undefined, sort: 'date' }), '?q=a+b%26c&sort=date');
  assert.equal(queryString({ q: '' }), '');
});

test('highlightParagraphs splits on blank lines and marks quote spans by offset', () => {
  const text = 'He said "yes, we will"\n\nand "then\n\nmore" later.';
  const yes = text.indexOf('yes, we will');
  const then = text.indexOf('then');
  const more = text.indexOf('more') + 4;
  const paras = highlightParagraphs(text, [{ start: yes, end: yes + 12 }, { start: then, end: more }, { start: yes + 2, end: yes + 6 }, { start: -1, end: 3 }, { start: 40, end: 999 }]);
  assert.equal(paras.length, 3, 'three paragraphs');
  assert.deepEqual(paras[0], [{ kind: 'text', text: 'He said "' }, { kind: 'quote', text: 'yes, we will', quote: 0, first: true, last: true }, { kind: 'text', text: '"' }],
    'quote 0 marked; quote 2 lies inside it and is dropped; spans outside the text are ignored');
  assert.deepEqual(paras[1].filter((s) => s.kind === 'quote'), [{ kind: 'quote', text: 'then', quote: 1, first: true, last: false }], 'a quote crossing a paragraph break starts here');
  assert.deepEqual(paras[2][0], { kind: 'quote', text: 'more', quote: 1, first: false, last: true }, '...and ends in the next paragraph');
});

test('share links put each value through URL encoding', () => {
  const links = new Map(shareLinks('https://x.example/a?b=1&c=2', 'Talks & "news"').map((l) => [l.id, l.href]));
  assert.equal(links.get('telegram'), 'https://t.me/share/url?url=https%3A%2F%2Fx.example%2Fa%3Fb%3D1%26c%3D2&text=Talks%20%26%20%22news%22');
  assert.equal(links.get('email'), 'mailto:?subject=Talks%20%26%20%22news%22&body=https%3A%2F%2Fx.example%2Fa%3Fb%3D1%26c%3D2');
  assert.ok(links.get('facebook')!.startsWith('https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2F'));
  assert.ok(links.get('vk')!.startsWith('https://vk.com/share.php?url='));
  assert.ok(links.get('x')!.startsWith('https://x.com/intent/tweet?url='));
});

const entry = (date: string, text: string): TimelineEntry => ({
  date, precision: date.length === 10 ? 'day' : 'month', time: null, kind: 'meeting', text, place: null, participants: [], scheduled: false, sources: [{ article: 1, sentence: text }],
});

test('dayOf reads dates at any precision', () => {
  assert.equal(dayOf('1970-01-02'), 1);
  assert.equal(dayOf('1970-02'), 31);
  assert.equal(dayOf('2022-01-10T09:00:00+03:00'), dayOf('2022-01-10'));
  assert.equal(dayOf('soon'), null);
});

test('the timeline runs left to right in LTR pages and right to left in RTL pages', () => {
  const entries = [entry('2022-01-10', 'first <meeting>'), entry('2022-02-10', 'second')];
  const xs = (svg: string) => [...svg.matchAll(/cx="([\d.]+)"/g)].map((m) => Number(m[1]));
  const ltr = timelineSvg(entries, translator('en'), (i) => `#ev-${i}`)!.value;
  const rtl = timelineSvg(entries, translator('fa'), (i) => `#ev-${i}`)!.value;
  assert.ok(xs(ltr)[0] < xs(ltr)[1], 'earlier event on the left');
  assert.ok(xs(rtl)[0] > xs(rtl)[1], 'earlier event on the right');
  assert.ok(ltr.includes('first &lt;meeting&gt;'), 'event text escaped in labels');
  assert.match(ltr, /<title id="timeline-chart-title">/);
  assert.equal(timelineSvg([], translator('en'), String), null, 'no chart without events');
});

test('the coverage chart draws one strip per outlet and a bar per day', () => {
  const svg = coverageSvg([{ outlet: 'A', dates: ['2022-01-10', '2022-01-10', '2022-01-11'] }, { outlet: 'B <b>', dates: ['2022-01-11'] }], translator('en'))!.value;
  assert.equal((svg.match(/<g class="strip">/g) ?? []).length, 2);
  assert.equal((svg.match(/<rect class="bar"/g) ?? []).length, 3, 'A has two days, B one');
  assert.ok(svg.includes('A: 10 January 2022, 2 articles'), 'bar title counts the day');
  assert.ok(svg.includes('B &lt;b&gt;'), 'outlet name escaped');
  assert.equal(coverageSvg([{ outlet: 'A', dates: [] }], translator('en')), null, 'no chart without dates');
});
