// End-to-end CLI tests: the real binary, a real SQLite file, real files on disk.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, copyFileSync, readdirSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = process.cwd();
const SEEDS = join(ROOT, 'samples', 'seeds');
const work = mkdtempSync(join(tmpdir(), 'storyline-cli-'));
const db = join(work, 'store.db');

function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'storyline.js'), ...args, '--db', db], { encoding: 'utf8', input, cwd: ROOT });
  return { code: r.status, out: r.stdout, err: r.stderr, json: () => JSON.parse(r.stdout) };
}

before(() => {
  const r = cli(['ingest', SEEDS, '--json']);
  assert.equal(r.code, 0, r.err);
});

test('ingest reports every seed with an id and no failures', () => {
  const again = cli(['ingest', SEEDS, '--json']);
  assert.equal(again.code, 0, again.err);
  const report = again.json();
  assert.equal(report.failed.length, 0);
  assert.equal(report.articles.length, readdirSync(SEEDS).length);
  for (const a of report.articles) assert.ok(Number.isInteger(a.id) && 'duplicate_of' in a && a.input.includes('seeds'));
});

test('re-ingesting the same inputs is idempotent: same ids, no new rows', () => {
  const before = cli(['stats', '--json']).json();
  const ids1 = cli(['ingest', SEEDS, '--json']).json().articles.map((a: { id: number }) => a.id);
  const ids2 = cli(['ingest', SEEDS, '--json']).json().articles.map((a: { id: number }) => a.id);
  assert.deepEqual(ids1, ids2);
  assert.deepEqual(cli(['stats', '--json']).json().articles, before.articles);
});

test('article --json has the documented fields with the extracted values', () => {
  const list = cli(['articles', '--json']).json() as Array<{ id: number; title: string }>;
  const tass = list.find((a) => a.title?.startsWith('Russia is ready for security talks'));
  assert.ok(tass, 'seed 001 listed');
  const a = cli(['article', String(tass.id), '--json']).json();
  for (const k of ['id', 'input', 'url', 'outlet', 'title', 'published', 'published_source', 'published_confidence', 'language', 'dateline', 'byline', 'section', 'text', 'duplicate_of']) {
    assert.ok(k in a, `field ${k}`);
  }
  assert.equal(a.outlet, 'TASS');
  assert.equal(a.published.slice(0, 10), '2022-02-16');
  assert.equal(a.language, 'en');
  assert.ok(!a.text.includes('Share on Facebook'));
});

test('search ranks, highlights and filters', () => {
  const hits = cli(['search', 'Ryabkov', '--json']).json() as Array<{ id: number; title: string; snippet: string; score: number }>;
  assert.ok(hits.length >= 2);
  assert.ok(hits.every((h) => typeof h.score === 'number' && h.snippet.includes('<mark>')));
  const fna = cli(['search', 'Ryabkov', '--outlet', 'FNA', '--json']).json() as Array<{ title: string }>;
  assert.equal(fna.length, 1);
  const dated = cli(['search', 'talks', '--from', '2022-02-01', '--json']).json() as Array<{ title: string }>;
  assert.ok(dated.every((h) => h.title.startsWith('Russia is ready')));
});

test('a copy of an article under another name is linked as a duplicate, not dropped', () => {
  const dir = join(work, 'copies');
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(SEEDS, '002_d4b6dfff29d5a7c7.txt'), join(dir, 'reprint.txt'));
  const r = cli(['ingest', join(dir, 'reprint.txt'), '--json']).json();
  assert.equal(r.duplicates, 1);
  assert.ok(r.articles[0].duplicate_of > 0);
});

const BAD: Array<[name: string, bytes: Buffer, reason: RegExp, why: string]> = [
  ['empty.txt', Buffer.alloc(0), /empty/i, 'an empty file has nothing to extract'],
  ['binary.html', Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7, 8, 0, 0, 0, 9, 10]), /binary/i, 'binary data is not a page'],
  ['cut.txt.gz', gzipSync(Buffer.from('Some article text. '.repeat(200))).subarray(0, 60), /gzip|truncated|corrupt/i, 'a truncated gzip cannot be read'],
];

test('bad inputs each get one line naming the input; the rest of the batch goes on; exit 1', () => {
  const dir = join(work, 'bad');
  mkdirSync(dir, { recursive: true });
  const paths = BAD.map(([name, bytes]) => { const p = join(dir, name); writeFileSync(p, bytes); return p; });
  const good = join(dir, 'good.txt');
  writeFileSync(good, 'A new article title\n\nThe council met on Monday to discuss the budget for the coming year, officials said in a statement after the session ended. The vote is expected next month.\n');
  const missing = join(dir, 'missing.html');
  const r = cli(['ingest', ...paths, good, missing, '--json']);
  assert.equal(r.code, 1);
  const report = r.json();
  assert.equal(report.ingested, 1, 'the good file is ingested');
  assert.equal(report.failed.length, BAD.length + 1);
  for (const [i, [name, , reason, why]] of BAD.entries()) {
    const f = report.failed.find((x: { input: string }) => x.input.endsWith(name));
    assert.ok(f, `${name} reported (${why})`);
    assert.match(f.error, reason, why);
    assert.ok(f.error.includes(name), 'the message names the input');
    assert.ok(!f.error.includes('\n'), 'one line');
    assert.ok(paths[i]);
  }
  assert.ok(report.failed.some((x: { input: string; error: string }) => x.input.endsWith('missing.html') && /not found|no such/i.test(x.error)));
});

test('stdin is an input', () => {
  const r = cli(['ingest', '-', '--json'], 'Stdin headline here\n\nThe minister said on Friday that the new rules would take effect next year after a vote in parliament, which is expected to pass with a wide majority.\n');
  assert.equal(r.code, 0, r.err);
  assert.equal(r.json().ingested, 1);
});

test('usage errors exit 2 with a message', () => {
  assert.equal(cli(['ingest']).code, 2);
  assert.equal(cli(['frobnicate']).code, 2);
  assert.equal(cli(['article', 'abc']).code, 2);
  assert.equal(cli(['search', 'x', '--from', 'yesterday']).code, 2);
  const r = cli(['export', '--format', 'xml']);
  assert.equal(r.code, 2);
  assert.match(r.err, /--format/);
});

test('unknown article id exits 1 with a clear message', () => {
  const r = cli(['article', '99999']);
  assert.equal(r.code, 1);
  assert.match(r.err, /99999.*not found/);
});

test('export writes every article as json, ndjson and csv', () => {
  const n = cli(['stats', '--json']).json().articles;
  assert.equal(cli(['export', '--format', 'json']).json().length, n);
  assert.equal(cli(['export', '--format', 'ndjson']).out.trim().split('\n').length, n);
  const csv = cli(['export', '--format', 'csv']).out;
  assert.match(csv.split('\r\n')[0], /^id,input,url,outlet,title,published/);
});

test('reprocess re-extracts from kept raw bytes without changing ids', () => {
  const before = cli(['articles', '--json']).json();
  const r = cli(['reprocess', '--json']);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.json().processed, before.length);
  assert.deepEqual(cli(['articles', '--json']).json().map((a: { id: number }) => a.id), before.map((a: { id: number }) => a.id));
});

test('story --json lists the documented fields; each quote found through a cue says how sure its attribution is', () => {
  const stories = cli(['stories', '--json']).json() as Array<{ id: number; articles: number[] }>;
  const seeds = stories.find((s) => s.articles.length >= 5);
  assert.ok(seeds, 'the seeds form one story');
  const story = cli(['story', String(seeds.id), '--json']).json();
  for (const k of ['id', 'title', 'articles', 'timeline', 'quotes', 'people', 'organizations', 'places', 'coverage']) assert.ok(k in story, k);
  assert.ok(story.quotes.length > 10);
  for (const q of story.quotes) {
    for (const k of ['speaker', 'text', 'kind', 'cue', 'confidence', 'article', 'date']) assert.ok(k in q, `${k} in ${JSON.stringify(q)}`);
    if (q.cue !== null && q.cue !== ':') assert.ok(typeof q.confidence === 'number' && q.confidence >= 0.3 && q.confidence <= 1, JSON.stringify(q));
    else assert.equal(q.confidence, null);
  }
});

test('story --min-confidence leaves out weakly attributed quotes; a bad share is a usage error', () => {
  const stories = cli(['stories', '--json']).json() as Array<{ id: number; articles: number[] }>;
  const id = String(stories.find((s) => s.articles.length >= 5)!.id);
  const all = cli(['story', id, '--json']).json().quotes as Array<{ confidence: number | null }>;
  const sure = cli(['story', id, '--min-confidence', '0.9', '--json']).json().quotes as Array<{ confidence: number | null }>;
  assert.ok(all.some((q) => q.confidence !== null && q.confidence < 0.9), 'the seed story has weaker attributions');
  assert.equal(sure.length, all.filter((q) => q.confidence === null || q.confidence >= 0.9).length);
  const bad = cli(['story', id, '--min-confidence', 'high']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--min-confidence must be a number from 0 to 1, got 'high'/);
});
