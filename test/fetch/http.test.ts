// fetchUrl against a real local server: redirects, status errors, timeouts, size caps, compression.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { fetchUrl, type FetchOptions } from '../../src/pipeline/fetch/http.ts';
import { StorylineError, type ErrorCode } from '../../src/lib/errors.ts';
import { startServer, send, type TestServer } from './server.ts';

const PAGE = '<html><body><p>Hello</p></body></html>';
let srv: TestServer;
/** A port that was just free: nothing listens there. */
let deadPort = 0;

const redirect = (status: number, location: string) => send('', { location }, status);

before(async () => {
  const dead = await startServer({});
  deadPort = Number(new URL(dead.base).port);
  await dead.close();
  srv = await startServer({
    '/page': send(PAGE),
    '/rel': redirect(302, 'page'),
    '/dir/up': redirect(301, '../page'),
    '/abs': (_req, res) => { res.writeHead(307, { location: `${srv.base}/rel` }); res.end(); },
    '/loop-a': redirect(302, '/loop-b'),
    '/loop-b': redirect(302, '/loop-a'),
    '/chain1': redirect(302, '/chain2'),
    '/chain2': redirect(302, '/chain3'),
    '/chain3': redirect(302, '/page'),
    '/no-location': send('', {}, 302),
    '/ftp': redirect(302, 'ftp://example.org/file'),
    '/missing': send('gone', {}, 404),
    '/boom': send('oops', {}, 500),
    '/slow': () => { /* never answers */ },
    '/drip': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<p>start');
      // Headers arrive at once but the body never finishes: the total deadline must still hold.
    },
    '/big-declared': send(Buffer.alloc(5000, 0x61), { 'content-length': '5000' }),
    '/big-streamed': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      for (let i = 0; i < 10; i++) res.write(Buffer.alloc(1000, 0x61));
      res.end();
    },
    '/gzip': send(gzipSync(Buffer.from(PAGE)), { 'content-encoding': 'gzip' }),
    '/ua': (req, res) => { res.writeHead(200, { 'content-type': 'text/plain' }); res.end(req.headers['user-agent']); },
  });
});
after(() => srv.close());

const okCases: Array<{ reason: string; path: string; finalPath: string; body: string; opts?: FetchOptions }> = [
  { reason: 'plain 200', path: '/page', finalPath: '/page', body: PAGE },
  { reason: 'relative Location resolves against the redirecting URL', path: '/rel', finalPath: '/page', body: PAGE },
  { reason: 'dot-dot relative Location', path: '/dir/up', finalPath: '/page', body: PAGE },
  { reason: 'absolute Location, then a relative one', path: '/abs', finalPath: '/page', body: PAGE },
  { reason: 'a chain of three fits the default of five', path: '/chain1', finalPath: '/page', body: PAGE },
  { reason: 'gzip Content-Encoding is undone', path: '/gzip', finalPath: '/gzip', body: PAGE },
  { reason: 'user agent is sent', path: '/ua', finalPath: '/ua', body: 'test-agent/1', opts: { userAgent: 'test-agent/1' } },
];

for (const c of okCases) {
  test(`fetchUrl ok: ${c.reason}`, async () => {
    const got = await fetchUrl(srv.base + c.path, c.opts);
    assert.equal(got.url, srv.base + c.finalPath);
    assert.equal(got.status, 200);
    assert.equal(got.bytes.toString(), c.body);
  });
}

const errorCases: Array<{ reason: string; url: () => string; code: ErrorCode; message: RegExp; opts?: FetchOptions; maxMs?: number }> = [
  { reason: 'redirect loop stops at the limit', url: () => `${srv.base}/loop-a`, code: 'fetch_failed', message: /too many redirects/ },
  { reason: 'chain longer than maxRedirects', url: () => `${srv.base}/chain1`, code: 'fetch_failed', message: /too many redirects \(more than 2\)/, opts: { maxRedirects: 2 } },
  { reason: 'redirect without Location', url: () => `${srv.base}/no-location`, code: 'fetch_failed', message: /without a Location/ },
  { reason: 'redirect to a non-HTTP scheme', url: () => `${srv.base}/ftp`, code: 'fetch_failed', message: /unsupported URL scheme ftp:/ },
  { reason: '404 names status and text', url: () => `${srv.base}/missing`, code: 'http_status', message: /^HTTP 404 Not Found$/ },
  { reason: '500', url: () => `${srv.base}/boom`, code: 'http_status', message: /^HTTP 500 Internal Server Error$/ },
  { reason: 'server that never answers hits the timeout', url: () => `${srv.base}/slow`, code: 'fetch_failed', message: /timed out after 0.3 s/, opts: { timeoutMs: 300 }, maxMs: 2000 },
  { reason: 'body that never ends hits the same deadline', url: () => `${srv.base}/drip`, code: 'fetch_failed', message: /timed out/, opts: { timeoutMs: 300 }, maxMs: 2000 },
  { reason: 'Content-Length over the cap is refused before reading', url: () => `${srv.base}/big-declared`, code: 'too_large', message: /larger than the 4 KB limit/, opts: { maxBytes: 4096 } },
  { reason: 'streamed body over the cap is cut off', url: () => `${srv.base}/big-streamed`, code: 'too_large', message: /larger than the 4 KB limit/, opts: { maxBytes: 4096 } },
  { reason: 'connection refused names ECONNREFUSED', url: () => `http://127.0.0.1:${deadPort}/`, code: 'fetch_failed', message: /ECONNREFUSED/ },
  { reason: 'not a URL at all', url: () => 'http://', code: 'bad_input', message: /not a valid URL/ },
];

for (const c of errorCases) {
  test(`fetchUrl error: ${c.reason}`, async () => {
    const started = Date.now();
    await assert.rejects(fetchUrl(c.url(), c.opts), (err: unknown) => {
      assert.ok(err instanceof StorylineError, `not a StorylineError: ${err}`);
      assert.equal(err.code, c.code);
      assert.match(err.message, c.message);
      return true;
    });
    if (c.maxMs) assert.ok(Date.now() - started < c.maxMs, `took ${Date.now() - started} ms`);
  });
}
