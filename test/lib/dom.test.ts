import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHtml } from '../../src/lib/dom.ts';

const P = '<p>' + 'Article text that is long enough to matter. '.repeat(20) + '</p>';
const CASES: Array<[html: string, reason: string]> = [
  [`<!doctype html><html><head><title>t</title></head><body>${P}</body></html>`, 'a well-formed page'],
  [`<!doctype html><html><head><title>t</title></head><script>var x=1</script><body>${P}</body></html>`, 'a script between </head> and <body>'],
  [`<html><head><title>t</title></head><center>${P}</center></html>`, 'no <body> tag at all'],
  [`<style>body{}</style><!doctype html><html><head><title>t</title></head><body>${P}</body></html>`, 'markup before the doctype'],
];

for (const [html, reason] of CASES) {
  test(`parseHtml keeps the article in <body>: ${reason}`, () => {
    const doc = parseHtml(html);
    assert.ok((doc.body?.textContent ?? '').includes('Article text that is long enough'), 'body holds the text');
    assert.equal(doc.querySelector('title')?.textContent, 't');
  });
}

test('parseHtml gives a usable document for empty and markup-free input', () => {
  assert.equal(parseHtml('').body?.textContent, '');
  assert.equal(parseHtml('just text').body?.textContent, 'just text');
});
