// Plain article types shared by every stage; no I/O here.

/** Where a piece of raw input came from, kept with its bytes so extraction can be re-run. */
export interface RawDocument {
  /** What the user named: a path, a URL, "-" for stdin, or "archive.warc.gz#record-3". */
  input: string;
  /** The page URL when known (fetched URL, WARC target URI, feed item link). */
  url: string | null;
  /** Raw bytes exactly as received (after gzip transfer/file decoding). */
  bytes: Buffer;
  /** Content-Type header or a type inferred from the file name ("text/html", "text/plain"). */
  contentType: string | null;
  /** When we received the bytes (ISO). Never used as a publication date. */
  fetchedAt: string;
  /** Feed metadata when the page came through a feed. */
  feed?: FeedItemMeta;
}

export interface FeedItemMeta {
  feedUrl: string;
  feedTitle: string | null;
  itemTitle: string | null;
  itemPublished: string | null;
  itemAuthor: string | null;
  itemSummary: string | null;
}

export type DateSource =
  | 'json-ld' | 'meta' | 'time-element' | 'url' | 'dateline' | 'text' | 'feed' | 'inferred';

export interface PublishedDate {
  /** ISO date (YYYY-MM-DD) or datetime (YYYY-MM-DDTHH:mm[:ss][Z|±hh:mm]). */
  value: string;
  source: DateSource;
  /** 0..1 */
  confidence: number;
  /** Human-readable provenance, e.g. "dateline '14:10, 16 February'; year from weekday 'Wednesday'". */
  detail: string;
}

/** What the extraction stages produce from one raw document. */
export interface ExtractedArticle {
  title: string | null;
  standfirst: string | null;
  byline: string | null;
  section: string | null;
  outlet: string | null;
  /** Where the outlet came from: "og:site_name", "host", "credit '/TASS/'"... */
  outletSource: string | null;
  dateline: string | null;
  language: string | null;
  published: PublishedDate | null;
  /** Clean article text, paragraphs separated by "\n\n". */
  text: string;
  /** "html" or "text": which extractor produced the body. */
  format: 'html' | 'text';
}

export interface Article extends ExtractedArticle {
  id: number;
  input: string;
  url: string | null;
  canonicalUrl: string | null;
  contentHash: string;
  simhash: string;
  duplicateOf: number | null;
  duplicateReason: 'url' | 'hash' | 'near' | null;
  fetchedAt: string;
  rawId: number;
}
