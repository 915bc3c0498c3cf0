import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalUrl } from '../../src/pipeline/dedup/url.ts';

const CASES: Array<[input: string | null, expected: string | null, reason: string]> = [
  ['https://tass.com/politics/1386463', 'https://tass.com/politics/1386463', 'already canonical'],
  ['http://www.Tass.com/politics/1386463/', 'https://tass.com/politics/1386463', 'scheme, www, host case and trailing slash do not change the page'],
  ['https://rt.com/news/546342-talks/?utm_source=tw&utm_medium=social', 'https://rt.com/news/546342-talks', 'utm parameters only track the click'],
  ['https://example.com/a?fbclid=XYZ&id=7&gclid=1', 'https://example.com/a?id=7', 'click ids dropped, real parameters kept'],
  ['https://example.com/a?b=2&a=1', 'https://example.com/a?a=1&b=2', 'parameter order does not matter'],
  ['https://example.com/a#comments', 'https://example.com/a', 'fragments never reach the server'],
  ['https://example.com:443/a', 'https://example.com/a', 'default port'],
  ['https://example.com:8443/a', 'https://example.com:8443/a', 'non-default port is part of the address'],
  ['https://example.com/news/story/amp/', 'https://example.com/news/story', 'AMP variant of the same article'],
  ['https://m.example.com/news/story', 'https://example.com/news/story', 'mobile host serves the same article'],
  ['https://example.com/', 'https://example.com/', 'root path keeps its slash'],
  ['ftp://example.com/file', null, 'only web pages have canonical URLs'],
  ['not a url', null, 'garbage is not a URL'],
  [null, null, 'missing URL'],
];

for (const [input, expected, reason] of CASES) {
  test(`canonicalUrl: ${reason}`, () => assert.equal(canonicalUrl(input), expected));
}
