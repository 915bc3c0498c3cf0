// The serve command: listens, prints its URL, answers, and stops when told.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { serve } from '../../src/cli/serve.ts';
import type { Io } from '../../src/cli/common.ts';
import { fixtureApp } from './fixture.ts';

test('serve prints a reachable URL and stops on abort', async () => {
  const app = await fixtureApp();
  const out: string[] = [];
  const io: Io = { stdout: (s) => out.push(s), stderr: () => {}, stdin: new PassThrough(), isTTY: false, env: {} };
  const stop = new AbortController();
  const running = serve(app, { port: 0, host: '127.0.0.1' }, io, stop.signal);
  try {
    for (let i = 0; i < 100 && !out.length; i++) await new Promise((r) => setTimeout(r, 20));
    const url = /serving at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out.join(''))?.[1];
    assert.ok(url, `URL printed: ${out.join('')}`);
    const res = await fetch(`${url}/stories/1`);
    assert.equal(res.status, 200);
    assert.match(await res.text(), /Ministers meet in Geneva/);
    stop.abort();
    await running;
    await assert.rejects(fetch(`${url}/`), 'closed after abort');
  } finally {
    stop.abort();
    await running.catch(() => {});
    await app.close();
  }
});

test('serve takes the public address from STORYLINE_PUBLIC_URL and refuses one that is not http(s)', async () => {
  const { run } = await import('../../src/cli/serve.ts');
  const io: Io = { stdout: () => {}, stderr: () => {}, stdin: new PassThrough(), isTTY: false, env: { STORYLINE_PUBLIC_URL: 'ftp://news.example' } };
  await assert.rejects(run(['--port', '0'], io), /STORYLINE_PUBLIC_URL must be an http\(s\) URL, got 'ftp:\/\/news\.example'/);
});
