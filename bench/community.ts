// Community benchmark: concurrent readers vote and comment over loopback HTTP for a fixed time, on SQLite and then on
// PostgreSQL (when a server answers at STORYLINE_BENCH_PG_URL, default the local test database, in a schema of its
// own dropped afterwards); then every vote and comment the clients saw accepted is checked against the database
// (no lost, duplicate or phantom votes).
// Run: node --import tsx bench/community.ts [--users N] [--seconds S] [--backend sqlite|postgres]
//   (default 200 users, 60 s, both backends; prints markdown)
// The server runs in a worker thread, so server and clients each have an event loop (and a core) of their own.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import pg from 'pg';
import { pgUnreachable } from '../src/storage/postgres/store.ts';

export const DEFAULT_USERS = 200;
export const DEFAULT_SECONDS = 60;
const PG_URL = process.env.STORYLINE_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type Backend = 'sqlite' | 'postgres';
const BACKEND_NAMES: Record<Backend, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };
/** Articles the readers vote and comment on: few enough that votes collide on the same items. */
const ARTICLES = 20;
/** What a reader does next: vote 60%, comment 35% (a third of them replies), read a discussion 5%. */
const VOTE_SHARE = 0.6;
const COMMENT_SHARE = 0.35;
const REPLY_SHARE = 0.3;
/** Half the readers use the HTML forms (session cookie + CSRF token), half the JSON API (bearer token). */
const FORM_SHARE = 0.5;

interface Setup {
  port: number;
  articleIds: number[];
  users: Array<{ id: number; session: string | null; token: string | null }>;
  setupMs: number;
}

interface Verification {
  votes: Array<{ user_id: number; item_id: number; value: number }>;
  commentsByUser: Array<{ user_id: number; n: number }>;
  scoreMismatches: number;
  voteRows: number;
  distinctVoteKeys: number;
}

// ---- server side (worker) ----

/** The few statements the bench itself runs on the accounts tables, whichever database holds them. */
interface BenchSql {
  rows<T>(sql: string): Promise<T[]>;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

interface Opened {
  app: import('../src/app.ts').App;
  sql: BenchSql;
  /** What `buildServer` is given: the SQLite connection, or nothing when the accounts are in PostgreSQL. */
  db?: import('better-sqlite3').Database;
  community: import('../src/accounts/setup.ts').Community;
  close(): Promise<void>;
}

async function open(backend: Backend, dir: string): Promise<Opened> {
  const { createApp } = await import('../src/app.ts');
  const { loadConfig } = await import('../src/config/options.ts');
  const { createCommunity, openAccountsDatabase, openAccountsStore } = await import('../src/accounts/setup.ts');
  const publicUrl = { publicUrl: 'http://127.0.0.1' };
  if (backend === 'sqlite') {
    const { ACCOUNTS_MIGRATION } = await import('../src/storage/sqlite/accounts.ts');
    const app = await createApp(loadConfig({}, { db: join(dir, 'bench.db') }));
    const connection = openAccountsDatabase(app);
    const db = connection.db;
    if (!db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'users'").get()) db.exec(ACCOUNTS_MIGRATION);
    return {
      app, db, community: createCommunity({ app, db, env: {}, options: publicUrl }),
      sql: { rows: async <T>(q: string) => db.prepare(q).all() as T[], exec: async (q) => { db.prepare(q).run(); }, close: async () => undefined },
      close: async () => { connection.close(); await app.close(); },
    };
  }
  const schema = `storyline_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const databaseUrl = `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const app = await createApp(loadConfig({}, { databaseUrl }));
  const { store } = openAccountsStore(app);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  return {
    app, community: createCommunity({ app, store, env: {}, options: publicUrl }),
    sql: {
      rows: async <T>(q: string) => (await client.query(q)).rows as T[],
      exec: async (q) => { await client.query(q); },
      close: async () => { await client.end(); },
    },
    close: async () => {
      await app.close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`).finally(() => admin.end());
    },
  };
}

async function serve(): Promise<void> {
  const { users, backend } = workerData as { users: number; backend: Backend };
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'storyline-bench-community-'));
  const { buildServer } = await import('../src/web/server.ts');
  const { hashPassword } = await import('../src/accounts/security.ts');

  const opened = await open(backend, dir);
  const { app, community: c, sql } = opened;
  const files = Array.from({ length: ARTICLES }, (_, i) => {
    const path = join(dir, `article-${i}.html`);
    writeFileSync(path, syntheticPage(i));
    return path;
  });
  const report = await app.ingest.ingest(files);
  // One password hash for every bench reader: 200 argon2 runs would only time the setup.
  const hash = await hashPassword('bench reader passphrase');
  const out: Setup['users'] = [];
  for (let i = 0; i < users; i++) {
    const created = await c.sql.createUser({ username: `reader${i}`, email: `reader${i}@bench.test`, passwordHash: hash, now: new Date().toISOString() });
    if (!('id' in created)) throw new Error('bench user not created');
    const form = i < users * FORM_SHARE;
    const user = (await c.accounts.byName(`reader${i}`))!;
    out.push({ id: created.id, session: form ? await c.accounts.startSession(created.id, 'bench') : null, token: form ? null : (await c.accounts.createApiToken(user, 'bench')).token });
  }
  // Sessions must outlive the run without anyone touching the clock.
  await sql.exec("UPDATE sessions SET expires_at = '9999-01-01T00:00:00.000Z'");
  const f = buildServer(app, { publicUrl: 'http://127.0.0.1', accounts: { db: opened.db, community: c } });
  await f.listen({ port: 0, host: '127.0.0.1' });
  const port = (f.server.address() as { port: number }).port;
  parentPort!.postMessage({ type: 'ready', setup: { port, articleIds: report.articles.map((a) => a.id), users: out, setupMs: performance.now() - started } satisfies Setup });

  parentPort!.on('message', async (m: { type: string }) => {
    if (m.type !== 'verify') return;
    await f.close();
    const count = async (q: string) => Number((await sql.rows<{ n: number | string }>(q))[0].n);
    const verification: Verification = {
      votes: await sql.rows<Verification['votes'][number]>("SELECT user_id, item_id, value FROM votes WHERE item_type = 'article'"),
      commentsByUser: (await sql.rows<{ user_id: number; n: number | string }>('SELECT user_id, COUNT(*) AS n FROM comments GROUP BY user_id'))
        .map((r) => ({ user_id: r.user_id, n: Number(r.n) })),
      scoreMismatches: (await c.sql.auditScores()).filter((a) => a.stored.ups !== a.counted.ups || a.stored.downs !== a.counted.downs).length,
      voteRows: await count('SELECT COUNT(*) AS n FROM votes'),
      distinctVoteKeys: await count('SELECT COUNT(*) AS n FROM (SELECT DISTINCT user_id, item_type, item_id FROM votes) AS k'),
    };
    await sql.close();
    await opened.close();
    rmSync(dir, { recursive: true, force: true });
    parentPort!.postMessage({ type: 'verified', verification });
  });
}

/** A short synthetic news page (not taken from any evaluation set). */
function syntheticPage(i: number): string {
  const places = ['Geneva', 'Vienna', 'Brussels', 'Helsinki', 'Ankara', 'Tbilisi', 'Warsaw', 'Oslo', 'Riga', 'Prague'];
  const place = places[i % places.length];
  const p = [
    `Delegations met in ${place} on day ${i + 1} of the conference to discuss transport, energy and water agreements, organisers said.`,
    `The chair of session ${i + 1} said the working groups had agreed on a timetable and would report back before the end of the week.`,
    `Observers from ${places[(i + 3) % places.length]} said the talks in ${place} were the most detailed so far and that a draft text was expected soon.`,
  ];
  return `<!doctype html><html lang="en"><head><title>Session ${i + 1} of the conference in ${place}</title>
<meta property="og:site_name" content="Bench Wire"><meta property="article:published_time" content="2022-02-${String(1 + (i % 27)).padStart(2, '0')}T10:00:00Z"></head>
<body><article><h1>Session ${i + 1} of the conference in ${place}</h1>${p.map((x) => `<p>${x}</p>`).join('')}</article></body></html>`;
}

// ---- client side (main thread) ----

interface Tally {
  requests: number;
  votes: number;
  comments: number;
  reads: number;
  errors: string[];
  latencies: number[];
}

/** The run on each backend asked for (both by default; PostgreSQL only when a server answers). */
export async function benchCommunity(opts: { users?: number; seconds?: number; backends?: Backend[] } = {}): Promise<{ markdown: string }> {
  const parts: string[] = [];
  for (const backend of opts.backends ?? ['sqlite', 'postgres']) {
    const why = backend === 'postgres' ? await pgUnreachable(PG_URL) : null;
    if (why) {
      parts.push(`## Community on PostgreSQL\n\nNot run: no PostgreSQL server answered at ${PG_URL.replace(/\/\/[^@/]*@/, '//')} (${why}).\n`);
      continue;
    }
    parts.push((await benchBackend(backend, opts.users ?? DEFAULT_USERS, opts.seconds ?? DEFAULT_SECONDS)).markdown);
  }
  return { markdown: parts.join('\n') };
}

async function benchBackend(backend: Backend, users: number, seconds: number): Promise<{ markdown: string }> {
  // The worker registers the TypeScript loader itself before loading this file (a worker's entry module is
  // resolved before any --import hook could apply to it).
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const worker = new Worker(boot, { eval: true, workerData: { users, backend } });
  const messages = new Map<string, (v: unknown) => void>();
  const next = (type: string) => new Promise<unknown>((r) => messages.set(type, r));
  worker.on('message', (m: { type: string }) => messages.get(m.type)?.(m));
  const failed = new Promise<never>((_, reject) => worker.once('error', reject));
  const setup = ((await Promise.race([next('ready'), failed])) as { setup: Setup }).setup;
  const base = `http://127.0.0.1:${setup.port}`;

  const tally: Tally = { requests: 0, votes: 0, comments: 0, reads: 0, errors: [], latencies: [] };
  /** What each reader last had accepted: user id → article id → vote. The server must end with exactly this. */
  const expectedVotes = new Map<number, Map<number, number>>();
  const acceptedComments = new Map<number, number>();
  const commentsByArticle = new Map<number, number[]>(setup.articleIds.map((id) => [id, []]));
  let seed = 42;
  const rand = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];

  async function call(method: string, path: string, init: { headers?: Record<string, string>; body?: string } = {}): Promise<Response | null> {
    const t = performance.now();
    try {
      const res = await fetch(base + path, { method, redirect: 'manual', headers: init.headers, body: init.body });
      tally.latencies.push(performance.now() - t);
      tally.requests++;
      return res;
    } catch (err) {
      tally.errors.push(`${method} ${path}: ${(err as Error).message}`);
      return null;
    }
  }

  async function reader(u: Setup['users'][number], deadline: number): Promise<void> {
    const mine = new Map<number, number>();
    expectedVotes.set(u.id, mine);
    acceptedComments.set(u.id, 0);
    const cookie: Record<string, string> = u.session ? { cookie: `sl_session=${u.session}` } : {};
    const bearer: Record<string, string> = u.token ? { authorization: `Bearer ${u.token}` } : {};
    let csrf = '';
    if (u.session) {
      const page = await call('GET', `/articles/${setup.articleIds[0]}/discussion`, { headers: cookie });
      csrf = /name="_csrf" value="([^"]+)"/.exec(page ? await page.text() : '')?.[1] ?? '';
      if (!csrf) tally.errors.push(`no CSRF token for reader ${u.id}`);
    }
    const form = (fields: Record<string, string>) => ({
      headers: { ...cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...fields, _csrf: csrf }).toString(),
    });
    while (performance.now() < deadline) {
      const article = pick(setup.articleIds);
      const r = rand();
      if (r < VOTE_SHARE) {
        const value = pick([-1, 0, 1]);
        const res = u.session
          ? await call('POST', '/vote', form({ type: 'article', id: String(article), value: String(value), return: `/articles/${article}/discussion` }))
          : await call('PUT', `/api/v1/articles/${article}/vote`, { headers: { ...bearer, 'content-type': 'application/json' }, body: JSON.stringify({ value }) });
        if (!res) continue;
        await res.arrayBuffer();
        if (res.status === (u.session ? 303 : 200)) {
          mine.set(article, value);
          tally.votes++;
        } else tally.errors.push(`vote: HTTP ${res.status}`);
      } else if (r < VOTE_SHARE + COMMENT_SHARE) {
        const thread = commentsByArticle.get(article)!;
        const parent = thread.length && rand() < REPLY_SHARE ? pick(thread) : null;
        const body = `Comment from reader ${u.id} on article ${article} at ${Date.now()}.`;
        const res = u.session
          ? await call('POST', '/comments', form({ itemType: 'article', itemId: String(article), body, ...(parent ? { parentId: String(parent) } : {}), return: `/articles/${article}/discussion` }))
          : await call('POST', `/api/v1/articles/${article}/comments`, { headers: { ...bearer, 'content-type': 'application/json' }, body: JSON.stringify({ body, parent_id: parent }) });
        if (!res) continue;
        const text = await res.text();
        const id = u.session ? Number(/#c(\d+)$/.exec(res.headers.get('location') ?? '')?.[1]) : res.status === 201 ? (JSON.parse(text) as { id: number }).id : NaN;
        if (res.status === (u.session ? 303 : 201) && Number.isInteger(id)) {
          thread.push(id);
          acceptedComments.set(u.id, acceptedComments.get(u.id)! + 1);
          tally.comments++;
        } else tally.errors.push(`comment: HTTP ${res.status}`);
      } else {
        const res = u.session ? await call('GET', `/articles/${article}/discussion`, { headers: cookie }) : await call('GET', `/api/v1/articles/${article}/vote`, { headers: bearer });
        if (!res) continue;
        await res.arrayBuffer();
        if (res.status === 200) tally.reads++;
        else tally.errors.push(`read: HTTP ${res.status}`);
      }
    }
  }

  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(setup.users.map((u) => reader(u, deadline)));
  const elapsed = (performance.now() - started) / 1000;

  worker.postMessage({ type: 'verify' });
  const { verification: v } = (await Promise.race([next('verified'), failed])) as { verification: Verification };
  await worker.terminate();

  // Lost: accepted (non-zero) but missing or different; phantom: present though the reader's last word was "no vote".
  const stored = new Map(v.votes.map((r) => [`${r.user_id}:${r.item_id}`, r.value]));
  let lost = 0;
  let phantom = 0;
  for (const [user, items] of expectedVotes) {
    for (const [item, value] of items) {
      const got = stored.get(`${user}:${item}`);
      if (value === 0 && got !== undefined) phantom++;
      if (value !== 0 && got !== value) lost++;
    }
  }
  const expectedKeys = new Set([...expectedVotes].flatMap(([u, items]) => [...items].map(([i]) => `${u}:${i}`)));
  const unexpected = [...stored.keys()].filter((k) => !expectedKeys.has(k)).length;
  const storedComments = new Map(v.commentsByUser.map((r) => [r.user_id, r.n]));
  const commentMismatch = [...acceptedComments].filter(([u, n]) => (storedComments.get(u) ?? 0) !== n).length;
  const duplicates = v.voteRows - v.distinctVoteKeys;

  const lat = tally.latencies.sort((a, b) => a - b);
  const q = (p: number) => lat.length ? lat[Math.min(lat.length - 1, Math.floor(p * lat.length))].toFixed(1) : '–';
  const ok = lost === 0 && phantom === 0 && unexpected === 0 && duplicates === 0 && v.scoreMismatches === 0 && commentMismatch === 0 && tally.errors.length === 0;
  const markdown = `## Community: ${users} concurrent readers voting and commenting for ${seconds} s (${BACKEND_NAMES[backend]}, loopback HTTP)

| measure | value |
|---|---|
| readers (HTML forms with CSRF / JSON API with tokens) | ${users} (${Math.round(users * FORM_SHARE)} / ${users - Math.round(users * FORM_SHARE)}) |
| articles voted and commented on | ${setup.articleIds.length} |
| requests | ${tally.requests} in ${elapsed.toFixed(1)} s (${(tally.requests / elapsed).toFixed(0)} req/s) |
| votes accepted | ${tally.votes} |
| comments accepted | ${tally.comments} |
| discussion reads | ${tally.reads} |
| latency p50 / p95 / p99 (ms) | ${q(0.5)} / ${q(0.95)} / ${q(0.99)} |
| errors (non-success answers, network) | ${tally.errors.length}${tally.errors.length ? ` (first: ${tally.errors[0]})` : ''} |
| lost votes (accepted, not stored as last set) | ${lost} |
| phantom votes (taken back, still stored) | ${phantom + unexpected} |
| duplicate votes (same reader and item twice) | ${duplicates} |
| stored points ≠ recount of votes | ${v.scoreMismatches} |
| readers whose stored comments ≠ accepted comments | ${commentMismatch} |
| setup (ingest, readers, sessions, tokens) | ${(setup.setupMs / 1000).toFixed(1)} s |

**${ok ? 'PASS' : 'FAIL'}**: ${ok ? 'every accepted vote and comment is stored exactly once, points match the votes, no errors' : 'see the rows above'}.
`;
  return { markdown };
}

if (!isMainThread && (workerData as { users?: number } | null)?.users !== undefined) {
  void serve();
} else if (isMainThread && process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? Number(process.argv[i + 1]) : undefined;
  };
  const i = process.argv.indexOf('--backend');
  const backends = i > 0 ? [process.argv[i + 1] as Backend] : undefined;
  if (backends && !(backends[0] in BACKEND_NAMES)) {
    process.stderr.write(`usage: node --import tsx bench/community.ts [--users N] [--seconds S] [--backend sqlite|postgres]\n`);
    process.exit(2);
  }
  benchCommunity({ users: arg('--users'), seconds: arg('--seconds'), backends }).then((r) => {
    process.stdout.write(r.markdown);
    if (r.markdown.includes('**FAIL**')) process.exitCode = 1;
  }).catch((err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  });
}
