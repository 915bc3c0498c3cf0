// Ingest use case: expand inputs, extract each document, link duplicates, and store raw + article atomically.
import { createHash } from 'node:crypto';
import type { Article, ExtractedArticle, RawDocument } from '../domain/article.ts';
import type { NewArticle, Store } from '../storage/store.ts';
import type { LineEvidence } from '../pipeline/contracts.ts';
import { expandInputs, isInputFailure as isFailure } from '../pipeline/fetch/sources.ts';
import { fetchUrl } from '../pipeline/fetch/http.ts';
import { decodeBytes, looksLikeHtml } from '../pipeline/fetch/encoding.ts';
import { processDocument } from '../pipeline/run.ts';
import { canonicalUrl } from '../pipeline/dedup/url.ts';
import { fingerprint, hammingDistance, MIN_WORDS_FOR_NEAR, NEAR_DUPLICATE_BITS } from '../pipeline/dedup/fingerprint.ts';
import { lineKey } from '../lib/lines.ts';
import { errorMessage } from '../lib/errors.ts';
import type { StoryService } from './stories.ts';

export interface IngestReport {
  ingested: number;
  duplicates: number;
  /** `error` is one line that names the input and the reason. */
  failed: Array<{ input: string; error: string }>;
  articles: Array<{ id: number; input: string; duplicate_of: number | null }>;
}

export interface IngestOptions {
  stdin?: NodeJS.ReadableStream;
  maxBytes?: number;
  fetchTimeoutMs?: number;
  /** Called after each item, for progress display. */
  onItem?: (done: number, input: string) => void;
}

/** Lines kept as chrome evidence per document: enough to cover page furniture, bounded for long pages. */
const MAX_EVIDENCE_LINES = 400;

export class IngestService {
  /** `stories`, when given, analyses and clusters each new article right after it is stored. */
  constructor(private readonly store: Store, private readonly stories?: StoryService) {}

  async ingest(inputs: string[], options: IngestOptions = {}): Promise<IngestReport> {
    const report: IngestReport = { ingested: 0, duplicates: 0, failed: [], articles: [] };
    let done = 0;
    const fetch: typeof fetchUrl = (url, opts) => fetchUrl(url, { timeoutMs: options.fetchTimeoutMs, maxBytes: options.maxBytes, ...opts });
    for await (const item of expandInputs(inputs, { stdin: options.stdin, maxBytes: options.maxBytes, fetch })) {
      done++;
      if (isFailure(item)) {
        report.failed.push({ input: item.input, error: item.error });
      } else {
        try {
          const article = await this.ingestOne(item);
          report.ingested++;
          if (article.duplicateOf !== null) report.duplicates++;
          report.articles.push({ id: article.id, input: article.input, duplicate_of: article.duplicateOf });
        } catch (err) {
          report.failed.push({ input: item.input, error: `${item.input}: ${errorMessage(err)}` });
        }
      }
      options.onItem?.(done, item.input);
    }
    await this.stories?.flush();
    return report;
  }

  /** Extracts and stores one raw document; re-ingesting the same bytes returns the stored article. */
  async ingestOne(raw: RawDocument): Promise<Article> {
    const sha256 = createHash('sha256').update(raw.bytes).digest('hex');
    const source = evidenceSource(raw);
    const lines = plainTextLines(raw);
    const evidence = lines ? await this.evidence(source, lines) : undefined;
    const extracted = processDocument(raw, { lineEvidence: evidence });
    const fields = await this.identify(raw, extracted, null);
    const article = await this.store.transaction(async () => {
      const saved = await this.store.saveRaw(raw, sha256);
      if (saved.existed) {
        const existing = await this.store.getArticleByRawId(saved.id);
        if (existing) return existing;
      }
      const { article } = await this.store.insertArticle(saved.id, fields);
      if (lines) await this.store.addLines(source, saved.id, lines.map(hashLine));
      return article;
    });
    // Story placement is its own step: an article is never lost because its analysis failed (reprocess retries it).
    await this.stories?.addArticle(article);
    return article;
  }

  /** Extraction fields plus canonical URL, fingerprints and the original this article duplicates, if any. */
  async identify(raw: RawDocument, x: ExtractedArticle, selfId: number | null): Promise<NewArticle> {
    const canonical = canonicalUrl(raw.url);
    const { hash, simhash: sim, words } = fingerprint(x.text);
    let duplicateOf: number | null = null;
    let duplicateReason: NewArticle['duplicateReason'] = null;
    const other = (a: Article | null): a is Article => a !== null && a.id !== selfId && (selfId === null || a.id < selfId);
    // 1. Same page under another address form; 2. same words; 3. near-identical words (wire reprints).
    const byUrl = canonical ? await this.store.findByCanonicalUrl(canonical) : null;
    const byHash = await this.store.findByContentHash(hash);
    if (other(byUrl)) { duplicateOf = byUrl.id; duplicateReason = 'url'; }
    else if (other(byHash)) { duplicateOf = byHash.id; duplicateReason = 'hash'; }
    else if (words >= MIN_WORDS_FOR_NEAR) {
      let best: { id: number; d: number } | null = null;
      for (const c of await this.store.findSimhashCandidates(sim)) {
        if (c.id === selfId || (selfId !== null && c.id > selfId)) continue;
        const d = hammingDistance(sim, c.simhash);
        if (d <= NEAR_DUPLICATE_BITS && (!best || d < best.d || (d === best.d && c.id < best.id))) best = { id: c.id, d };
      }
      if (best) { duplicateOf = best.id; duplicateReason = 'near'; }
    }
    return {
      ...x, input: raw.input, url: raw.url, canonicalUrl: canonical, contentHash: hash, simhash: sim,
      duplicateOf, duplicateReason, fetchedAt: raw.fetchedAt,
    };
  }

  private async evidence(source: string, lines: string[]): Promise<LineEvidence> {
    const hashes = new Map(lines.map((l) => [l, hashLine(l)]));
    const [counts, documents] = await Promise.all([
      this.store.lineCounts(source, [...new Set(hashes.values())]),
      this.store.sourceDocuments(source),
    ]);
    return { documents, count: (key: string) => counts.get(hashes.get(key) ?? hashLine(key)) ?? 0 };
  }
}

/** Repetition evidence is counted per site: the URL host, or the folder a file came from. */
export function evidenceSource(raw: RawDocument): string {
  if (raw.url) {
    try { return 'host:' + new URL(raw.url).hostname.replace(/^www\./, ''); } catch { /* fall through */ }
  }
  const slash = raw.input.lastIndexOf('/');
  return 'dir:' + (slash > 0 ? raw.input.slice(0, slash) : '.');
}

/** Normalised distinct line keys of a plain-text capture; null for HTML (its chrome is in the markup). */
export function plainTextLines(raw: RawDocument): string[] | null {
  if (raw.contentType?.includes('html')) return null;
  let text: string;
  try { text = decodeBytes(raw.bytes, raw.contentType).text; } catch { return null; }
  if (looksLikeHtml(text)) return null;
  const keys = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const k = lineKey(line);
    if (k) keys.add(k);
    if (keys.size >= MAX_EVIDENCE_LINES) break;
  }
  return [...keys];
}

function hashLine(key: string): string {
  return createHash('sha1').update(key).digest('hex').slice(0, 16);
}
