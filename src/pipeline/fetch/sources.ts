// Expands what the user named (files, folders, "-", URLs, feeds, WARC archives) into raw documents, one failure line per bad input.
import { promises as fs, createReadStream } from 'node:fs';
import path from 'node:path';
import { constants as zlibConstants, gunzipSync } from 'node:zlib';
import type { FeedItemMeta, RawDocument } from '../../domain/article.ts';
import { StorylineError, errorMessage, type ErrorCode } from '../../lib/errors.ts';
import { ByteReader } from './byte-reader.ts';
import { binaryReason, decodeBytes, looksLikeHtml } from './encoding.ts';
import { detectFeed, parseFeed, type FeedItem } from './feeds.ts';
import { DEFAULT_MAX_BYTES, fetchUrl, formatBytes } from './http.ts';
import { readWarc } from './warc.ts';

/** One input that produced no document; `error` is a complete line naming the input and the reason. */
export interface InputFailure {
  input: string;
  error: string;
  code: ErrorCode;
}

export interface ExpandOptions {
  /** Read for the input "-" (defaults to process.stdin). */
  stdin?: NodeJS.ReadableStream;
  fetch?: typeof fetchUrl;
  /** Size cap per document, file, response and WARC record (default 20 MB). */
  maxBytes?: number;
  now?: () => Date;
  /** Pages fetched per feed or sitemap; the rest are reported in one failure line (default 1000). */
  maxFeedItems?: number;
}

export const DEFAULT_MAX_FEED_ITEMS = 1000;
/** Feed item pages fetched at once: fast enough for a 100-item sitemap, gentle on the publisher. */
const FEED_FETCH_CONCURRENCY = 4;
/** OPML → feed → pages and sitemap index → sitemap → pages need one level of nesting; two allows an index of indexes. */
const MAX_FEED_DEPTH = 2;
/** Enough of a file to recognise gzip, WARC and feeds before deciding how to read the rest. */
const HEAD_BYTES = 64 * 1024;
/** Compressed bytes inflated to sniff a .gz file; gzip's worst ratio keeps the output a few MB at most. */
const GZIP_SNIFF_BYTES = 4096;

type FileKind = 'page' | 'feed' | 'warc';

/** Extensions read from folders, with the content type given to their documents. Other files in folders are passed over. */
const FILE_TYPES: Record<string, { kind: FileKind; contentType: string | null }> = {
  '.html': { kind: 'page', contentType: 'text/html' },
  '.htm': { kind: 'page', contentType: 'text/html' },
  '.xhtml': { kind: 'page', contentType: 'text/html' },
  '.shtml': { kind: 'page', contentType: 'text/html' },
  '.txt': { kind: 'page', contentType: 'text/plain' },
  '.text': { kind: 'page', contentType: 'text/plain' },
  '.xml': { kind: 'feed', contentType: null },
  '.rss': { kind: 'feed', contentType: null },
  '.atom': { kind: 'feed', contentType: null },
  '.json': { kind: 'feed', contentType: null },
  '.opml': { kind: 'feed', contentType: null },
  '.warc': { kind: 'warc', contentType: null },
};

interface Context {
  fetch: typeof fetchUrl;
  maxBytes: number;
  maxFeedItems: number;
  now: () => Date;
  /** Resolved only when "-" is named: touching process.stdin otherwise would open it for nothing. */
  stdin: () => NodeJS.ReadableStream;
  /** Feed URLs already expanded, so an OPML or sitemap index that lists itself cannot loop. */
  seenFeeds: Set<string>;
}

export function isInputFailure(x: RawDocument | InputFailure): x is InputFailure {
  return 'error' in x;
}

/** Yields one RawDocument per page found in the inputs, in input order (folders sorted), and an InputFailure per problem. */
export async function* expandInputs(inputs: string[], opts: ExpandOptions = {}): AsyncGenerator<RawDocument | InputFailure> {
  const ctx: Context = {
    fetch: opts.fetch ?? fetchUrl,
    maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES,
    maxFeedItems: opts.maxFeedItems ?? DEFAULT_MAX_FEED_ITEMS,
    now: opts.now ?? (() => new Date()),
    stdin: () => opts.stdin ?? process.stdin,
    seenFeeds: new Set(),
  };
  for (const input of inputs) {
    if (input === '-') yield* fromStream('-', ctx.stdin(), null, ctx);
    else if (/^https?:\/\//i.test(input)) yield* fromUrl(input, 0, ctx);
    else yield* fromPath(input, ctx);
  }
}

// ---- local files and folders ----

async function* fromPath(p: string, ctx: Context): AsyncGenerator<RawDocument | InputFailure> {
  let st;
  try {
    st = await fs.stat(p);
  } catch (err) {
    yield fsFailure(p, err);
    return;
  }
  if (st.isDirectory()) yield* walk(p, new Set(), ctx);
  else if (st.isFile()) yield* fromFile(p, st.size, ctx);
  else yield failure(p, 'bad_input', 'not a regular file or folder');
}

async function* walk(dir: string, seen: Set<string>, ctx: Context): AsyncGenerator<RawDocument | InputFailure> {
  // A symlink back up the tree would otherwise recurse forever.
  const real = await fs.realpath(dir);
  if (seen.has(real)) return;
  seen.add(real);
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (err) {
    yield fsFailure(dir, err);
    return;
  }
  // Code-point order, not locale order, so runs are identical on every machine.
  const names = entries.filter((e) => !e.name.startsWith('.')).map((e) => e.name).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    const full = path.join(dir, name);
    let st;
    try {
      st = await fs.stat(full);
    } catch (err) {
      yield fsFailure(full, err);
      continue;
    }
    if (st.isDirectory()) yield* walk(full, seen, ctx);
    else if (st.isFile() && fileType(full)) yield* fromFile(full, st.size, ctx);
  }
}

async function* fromFile(file: string, size: number, ctx: Context): AsyncGenerator<RawDocument | InputFailure> {
  if (size === 0) {
    yield failure(file, 'empty_input', 'empty file');
    return;
  }
  const stream = createReadStream(file);
  try {
    yield* fromStream(file, stream, size, ctx);
  } finally {
    stream.destroy();
  }
}

/**
 * Reads one local stream: WARC archives are streamed record by record (any size);
 * everything else is read whole, refused past the size cap, and un-gzipped.
 */
async function* fromStream(name: string, stream: NodeJS.ReadableStream, size: number | null, ctx: Context): AsyncGenerator<RawDocument | InputFailure> {
  const reader = new ByteReader(stream as AsyncIterable<Uint8Array>);
  let bytes: Buffer;
  try {
    const head = await reader.peek(HEAD_BYTES);
    const gz = isGzip(head);
    const plainHead = gz ? gunzipHead(head, name) : head;
    if (plainHead.subarray(0, 5).toString('latin1') === 'WARC/') {
      yield* fromWarc(name, reader.rest(), ctx);
      return;
    }
    if (fileType(name)?.kind === 'warc') throw new StorylineError('bad_warc', 'does not start with a WARC/1.x record');
    // The size is known before reading for files, so a 100 MB file costs one 64 KB read to refuse.
    if (size !== null && size > ctx.maxBytes) throw tooLarge(size, ctx.maxBytes);
    const raw = await readAll(reader, ctx.maxBytes);
    bytes = gz ? gunzip(raw, ctx.maxBytes, name) : raw;
  } catch (err) {
    yield failureFrom(name, err);
    return;
  }
  yield* fromLocalBytes(name, bytes, ctx);
}

async function* fromLocalBytes(name: string, bytes: Buffer, ctx: Context): AsyncGenerator<RawDocument | InputFailure> {
  const type = fileType(name);
  const problem = contentProblem(bytes, name === '-' ? 'empty input' : 'empty file');
  if (problem) {
    yield problem(name);
    return;
  }
  if (type?.kind === 'page') {
    yield document(name, null, bytes, type.contentType, ctx);
    return;
  }
  // Other files are recognised by content: a feed named .xml, or a page saved without an extension.
  const text = decodeBytes(bytes, null).text;
  if (detectFeed(text, null)) {
    yield* fromFeed(name, name, text, 0, ctx);
  } else if (type?.kind === 'feed' && !looksLikeHtml(text)) {
    yield failure(name, 'bad_feed', 'not an RSS, Atom, JSON Feed, sitemap or OPML document');
  } else {
    yield document(name, null, bytes, null, ctx);
  }
}

async function* fromWarc(name: string, source: AsyncIterable<Uint8Array>, ctx: Context): AsyncGenerator<RawDocument | InputFailure> {
  for await (const item of readWarc(source, { maxRecordBytes: ctx.maxBytes })) {
    const input = `${name}#record-${item.index}`;
    if (item.kind === 'error') {
      yield failure(input, item.code, item.message);
      continue;
    }
    const problem = contentProblem(item.bytes, 'empty response body');
    if (problem) yield problem(input);
    else yield { input, url: item.url, bytes: item.bytes, contentType: item.contentType, fetchedAt: item.date ?? ctx.now().toISOString() };
  }
}

// ---- URLs and feeds ----

async function* fromUrl(url: string, depth: number, ctx: Context): AsyncGenerator<RawDocument | InputFailure> {
  const got = await fetchPage(url, ctx);
  if ('error' in got) {
    yield got;
    return;
  }
  const text = decodeBytes(got.bytes, got.contentType).text;
  if (detectFeed(text, got.contentType)) yield* fromFeed(url, got.url ?? url, text, depth, ctx);
  else yield got;
}

async function* fromFeed(input: string, feedUrl: string, text: string, depth: number, ctx: Context): AsyncGenerator<RawDocument | InputFailure> {
  if (ctx.seenFeeds.has(feedUrl)) return;
  ctx.seenFeeds.add(feedUrl);
  let feed;
  try {
    feed = parseFeed(text, feedUrl);
  } catch (err) {
    yield failureFrom(input, err);
    return;
  }

  for (const child of feed.feeds) {
    if (depth >= MAX_FEED_DEPTH) {
      yield failure(child, 'bad_feed', `listed in ${feedUrl}, which is nested more than ${MAX_FEED_DEPTH} levels deep; not read`);
    } else if (!ctx.seenFeeds.has(child)) {
      yield* fromUrl(child, depth + 1, ctx);
    }
  }

  const linked = feed.items.filter((it): it is FeedItem & { url: string } => it.url !== null);
  const unlinked = feed.items.length - linked.length;
  if (unlinked) yield failure(input, 'bad_feed', `${unlinked} item(s) without an http(s) link skipped`);
  if (linked.length > ctx.maxFeedItems) {
    yield failure(input, 'too_large', `${linked.length} items; only the first ${ctx.maxFeedItems} are fetched`);
  }

  const pages = mapOrdered(linked.slice(0, ctx.maxFeedItems), FEED_FETCH_CONCURRENCY, async (item) => {
    const got = await fetchPage(item.url, ctx, `${item.url} (item of ${feedUrl})`);
    if ('error' in got) return got;
    const meta: FeedItemMeta = {
      feedUrl, feedTitle: feed.title, itemTitle: item.title, itemPublished: item.published,
      itemAuthor: item.author, itemSummary: item.summary,
    };
    return { ...got, feed: meta };
  });
  yield* pages;
}

/** Fetches one URL into a document (no feed expansion); un-gzips .gz bodies such as sitemap.xml.gz. */
async function fetchPage(url: string, ctx: Context, label = url): Promise<RawDocument | InputFailure> {
  try {
    const res = await ctx.fetch(url, { maxBytes: ctx.maxBytes });
    const bytes = isGzip(res.bytes) ? gunzip(res.bytes, ctx.maxBytes, url) : res.bytes;
    const problem = contentProblem(bytes, 'empty response body');
    if (problem) return { ...problem(label), input: url };
    return document(url, res.url, bytes, res.contentType, ctx);
  } catch (err) {
    return { ...failureFrom(label, err), input: url };
  }
}

/** Runs fn over items with limited concurrency and yields results in item order. fn must not reject. */
async function* mapOrdered<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): AsyncGenerator<R> {
  const pending: Promise<R>[] = [];
  let next = 0;
  while (next < items.length && pending.length < limit) pending.push(fn(items[next++]));
  while (pending.length) {
    const result = await pending.shift()!;
    if (next < items.length) pending.push(fn(items[next++]));
    yield result;
  }
}

// ---- helpers ----

function document(input: string, url: string | null, bytes: Buffer, contentType: string | null, ctx: Context): RawDocument {
  return { input, url, bytes, contentType, fetchedAt: ctx.now().toISOString() };
}

/** A failure maker when the bytes are blank or binary; null when they are worth extracting. */
function contentProblem(bytes: Buffer, emptyWord: string): ((input: string) => InputFailure) | null {
  if (!bytes.length) return (input) => failure(input, 'empty_input', emptyWord);
  const binary = binaryReason(bytes);
  if (binary) return (input) => failure(input, 'binary_input', `not text (${binary})`);
  if (isBlank(bytes)) return (input) => failure(input, 'empty_input', 'contains only whitespace');
  return null;
}

function isBlank(bytes: Buffer): boolean {
  for (const b of bytes) if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) return false;
  return true;
}

function fileType(name: string): { kind: FileKind; contentType: string | null } | null {
  const base = name.toLowerCase().replace(/\.gz$/, '');
  return FILE_TYPES[path.extname(base)] ?? null;
}

function isGzip(bytes: Buffer): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Inflates the start of a gzip stream without needing the end (to sniff for WARC). */
function gunzipHead(head: Buffer, name: string): Buffer {
  try {
    return gunzipSync(head.subarray(0, GZIP_SNIFF_BYTES), { finishFlush: zlibConstants.Z_SYNC_FLUSH });
  } catch (err) {
    throw new StorylineError('bad_gzip', `corrupt gzip (${errorMessage(err)})`, name);
  }
}

function gunzip(raw: Buffer, maxBytes: number, name: string): Buffer {
  try {
    return gunzipSync(raw, { maxOutputLength: maxBytes });
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(null, maxBytes);
    throw new StorylineError('bad_gzip', `truncated or corrupt gzip (${errorMessage(err)})`, name);
  }
}

async function readAll(reader: ByteReader, maxBytes: number): Promise<Buffer> {
  if (await reader.fill(maxBytes + 1)) throw tooLarge(null, maxBytes);
  return reader.read(maxBytes);
}

function tooLarge(size: number | null, maxBytes: number): StorylineError {
  const what = size === null ? 'larger than' : `${formatBytes(size)} exceeds`;
  return new StorylineError('too_large', `${what} the ${formatBytes(maxBytes)} limit`);
}

function failure(input: string, code: ErrorCode, reason: string): InputFailure {
  // One line per failure, whatever the underlying library put in its message.
  return { input, code, error: `${input}: ${reason.replace(/\s*\n\s*/g, ' ')}` };
}

function failureFrom(input: string, err: unknown): InputFailure {
  if (err instanceof StorylineError) return failure(input, err.code, err.message);
  return failure(input, 'bad_input', errorMessage(err));
}

function fsFailure(p: string, err: unknown): InputFailure {
  const code = (err as { code?: string }).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return failure(p, 'not_found', 'no such file or folder');
  if (code === 'EACCES' || code === 'EPERM') return failure(p, 'bad_input', 'permission denied');
  return failure(p, 'bad_input', errorMessage(err));
}
