// Fetches a page a reader submitted, refusing private, loopback and link-local addresses at connect time (SSRF).
import http from 'node:http';
import https from 'node:https';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';
import { DEFAULT_USER_AGENT } from '../pipeline/fetch/http.ts';

/** A reader's link is one page: smaller caps than bulk ingest, which an admin runs on purpose. */
export const LINK_TIMEOUT_MS = 15_000;
export const LINK_MAX_BYTES = 5 * 1024 * 1024;
export const LINK_MAX_REDIRECTS = 5;

export interface FetchedLink {
  url: string;
  contentType: string | null;
  bytes: Buffer;
}

export class LinkFetchError extends Error {
  constructor(message: string, readonly url: string) {
    super(message);
    this.name = 'LinkFetchError';
  }
}

/**
 * GETs an http(s) URL. The agents check the address each connection actually goes to (after DNS), so
 * redirects and DNS answers that point inside the network are refused too, unless `allowPrivate` is set.
 */
export async function fetchLink(url: string, opts: { allowPrivate?: boolean; timeoutMs?: number; maxBytes?: number } = {}): Promise<FetchedLink> {
  const agents = {
    http: new RequestFilteringHttpAgent({ allowPrivateIPAddress: opts.allowPrivate ?? false, keepAlive: false }),
    https: new RequestFilteringHttpsAgent({ allowPrivateIPAddress: opts.allowPrivate ?? false, keepAlive: false }),
  };
  const deadline = AbortSignal.timeout(opts.timeoutMs ?? LINK_TIMEOUT_MS);
  let current = new URL(url);
  for (let hop = 0; ; hop++) {
    if (current.protocol !== 'http:' && current.protocol !== 'https:') throw new LinkFetchError('not an http(s) URL', current.href);
    const res = await get(current, current.protocol === 'https:' ? agents.https : agents.http, deadline);
    const status = res.statusCode ?? 0;
    if (status >= 300 && status < 400 && res.headers.location) {
      res.resume();
      if (hop >= LINK_MAX_REDIRECTS) throw new LinkFetchError('too many redirects', url);
      current = new URL(res.headers.location, current);
      continue;
    }
    if (status < 200 || status > 299) {
      res.resume();
      throw new LinkFetchError(`HTTP ${status}`, current.href);
    }
    const bytes = await readCapped(decoded(res), opts.maxBytes ?? LINK_MAX_BYTES, current.href);
    return { url: current.href, contentType: res.headers['content-type'] ?? null, bytes };
  }
}

function get(url: URL, agent: http.Agent, signal: AbortSignal): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const req = client.get(url, {
      agent, signal,
      headers: { 'user-agent': DEFAULT_USER_AGENT, accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5', 'accept-encoding': 'gzip, deflate, br' },
    }, resolve);
    req.on('error', (err) => reject(new LinkFetchError(signal.aborted ? 'timed out' : err.message, url.href)));
  });
}

function decoded(res: http.IncomingMessage): Readable {
  const enc = String(res.headers['content-encoding'] ?? '').trim().toLowerCase();
  if (enc === 'gzip' || enc === 'x-gzip') return res.pipe(createGunzip());
  if (enc === 'deflate') return res.pipe(createInflate());
  if (enc === 'br') return res.pipe(createBrotliDecompress());
  return res;
}

async function readCapped(stream: Readable, maxBytes: number, url: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      total += (chunk as Buffer).length;
      if (total > maxBytes) {
        stream.destroy();
        throw new LinkFetchError(`page larger than ${maxBytes} bytes`, url);
      }
      chunks.push(chunk as Buffer);
    }
  } catch (err) {
    if (err instanceof LinkFetchError) throw err;
    throw new LinkFetchError((err as Error).message, url);
  }
  return Buffer.concat(chunks);
}
