// Recognises and parses feeds and link lists: RSS 2.0/1.0, Atom, JSON Feed, sitemaps, OPML.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { StorylineError } from '../../lib/errors.ts';

export type FeedFormat = 'rss' | 'atom' | 'json' | 'sitemap' | 'opml';

export interface FeedItem {
  /** Absolute page URL, or null when the item has no usable link. */
  url: string | null;
  title: string | null;
  /** ISO datetime when the feed's date parses, else the feed's own text. */
  published: string | null;
  author: string | null;
  /** Plain-text summary (markup stripped). */
  summary: string | null;
}

export interface ParsedFeed {
  format: FeedFormat;
  title: string | null;
  /** Pages the feed points to. */
  items: FeedItem[];
  /** Further feeds to read: child sitemaps of a sitemap index, feeds of an OPML list. */
  feeds: string[];
}

/** Root elements (namespace prefix removed) and the format they announce. */
const XML_ROOTS: Record<string, FeedFormat> = {
  rss: 'rss', rdf: 'rss', feed: 'atom', urlset: 'sitemap', sitemapindex: 'sitemap', opml: 'opml',
};

/** Elements that may repeat; fast-xml-parser otherwise returns a lone one as an object, not an array. */
const REPEATABLE = new Set(['item', 'entry', 'link', 'url', 'sitemap', 'outline', 'author', 'creator']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  htmlEntities: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => REPEATABLE.has(name),
});

/** Which feed format the text is, by content (root element / JSON Feed version), or null for anything else. */
export function detectFeed(text: string, contentType: string | null): FeedFormat | null {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{')) {
    if (/"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\/1/.test(head)) return 'json';
    // The media type vouches for a feed whose version key comes late in the object.
    return /feed\+json/i.test(contentType ?? '') ? 'json' : null;
  }
  return XML_ROOTS[rootElement(head) ?? ''] ?? null;
}

/** Parses a feed; relative links resolve against feedUrl. Throws StorylineError('bad_feed') on malformed input. */
export function parseFeed(text: string, feedUrl: string): ParsedFeed {
  const format = detectFeed(text, null) ?? (text.trimStart().startsWith('{') ? 'json' : null);
  if (!format) throw new StorylineError('bad_feed', 'not an RSS, Atom, JSON Feed, sitemap or OPML document', feedUrl);
  if (format === 'json') return parseJsonFeed(text, feedUrl);

  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new StorylineError('bad_feed', `malformed XML at line ${valid.err.line}: ${valid.err.msg}`, feedUrl);
  }
  let doc: XmlNode;
  try {
    doc = parser.parse(text) as XmlNode;
  } catch (err) {
    throw new StorylineError('bad_feed', `unreadable XML: ${(err as Error).message}`, feedUrl);
  }
  const rootName = rootElement(text.replace(/^\uFEFF/, '').trimStart()) ?? '';
  // Keys keep their case ("RDF"); the format table is matched lower-cased.
  const rootKey = Object.keys(doc).find((k) => k.toLowerCase() === rootName) ?? rootName;
  const root = el(doc[rootKey]);
  if (!root) throw new StorylineError('bad_feed', `empty <${rootName}> document`, feedUrl);

  switch (rootName) {
    case 'rss': return parseRss(root, false, feedUrl);
    case 'rdf': return parseRss(root, true, feedUrl);
    case 'feed': return parseAtom(root, feedUrl);
    case 'urlset': return parseUrlset(root, feedUrl);
    case 'sitemapindex': return parseSitemapIndex(root, feedUrl);
    default: return parseOpml(root, feedUrl);
  }
}

/** What fast-xml-parser returns: elements keyed by child name, "@_attribute" and "#text"; repeats as arrays. */
interface XmlNode { [key: string]: XmlValue }
type XmlValue = string | XmlNode | XmlValue[] | undefined;

/** The (first) element of a value, or null for text and absence. */
function el(v: XmlValue): XmlNode | null {
  if (Array.isArray(v)) return el(v[0]);
  return v && typeof v === 'object' ? v : null;
}

/** All elements of a repeatable value. */
function els(v: XmlValue): XmlNode[] {
  return (Array.isArray(v) ? v : [v]).flatMap((x) => (x && typeof x === 'object' && !Array.isArray(x) ? [x] : []));
}

function attr(node: XmlNode | null, name: string): string | null {
  const v = node?.[`@_${name}`];
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

// RSS 2.0 keeps items inside <channel>; RSS 1.0 (RDF) puts them beside it.
function parseRss(root: XmlNode, rdf: boolean, feedUrl: string): ParsedFeed {
  const channel = el(root.channel);
  if (!channel) throw new StorylineError('bad_feed', 'RSS without a <channel>', feedUrl);
  const base = firstText(channel.link) ?? feedUrl;
  const items = els(rdf ? root.item : channel.item).map((it): FeedItem => {
    const guid = it.guid;
    const guidIsLink = guid !== undefined && attr(el(guid), 'isPermaLink') !== 'false';
    return {
      url: resolve(firstText(it.link) ?? (guidIsLink ? text(guid) : null) ?? attr(it, 'about'), base, feedUrl),
      title: plain(text(it.title)),
      published: isoDate(text(it.pubDate) ?? firstText(it.date) ?? text(it.published)),
      author: plain(firstText(it.creator) ?? firstText(it.author)),
      summary: plain(text(it.description) ?? text(it.encoded)),
    };
  });
  return { format: 'rss', title: plain(text(channel.title)), items, feeds: [] };
}

function parseAtom(feed: XmlNode, feedUrl: string): ParsedFeed {
  const base = attr(feed, 'base') ?? feedUrl;
  const feedAuthor = text(el(feed.author)?.name);
  const items = els(feed.entry).map((e): FeedItem => {
    const id = text(e.id);
    return {
      url: resolve(atomLink(els(e.link)) ?? (id && /^https?:/i.test(id) ? id : null), attr(e, 'base') ?? base, feedUrl),
      title: plain(text(e.title)),
      published: isoDate(text(e.published) ?? text(e.updated) ?? text(e.issued)),
      author: plain(text(el(e.author)?.name) ?? feedAuthor),
      summary: plain(text(e.summary) ?? text(e.content)),
    };
  });
  return { format: 'atom', title: plain(text(feed.title)), items, feeds: [] };
}

/** The entry's page: rel="alternate" (or no rel) preferring an HTML type, as feed readers do. */
function atomLink(links: XmlNode[]): string | null {
  const candidates = links.filter((l) => attr(l, 'href') && (!attr(l, 'rel') || attr(l, 'rel') === 'alternate'));
  const html = candidates.find((l) => !attr(l, 'type') || /html/i.test(attr(l, 'type') ?? ''));
  return attr(html ?? candidates[0] ?? null, 'href');
}

function parseUrlset(urlset: XmlNode, feedUrl: string): ParsedFeed {
  const items = els(urlset.url).map((u): FeedItem => {
    // Google News sitemaps carry the publication date and title; <lastmod> is an edit time, not publication.
    const news = el(u.news);
    return {
      url: resolve(text(u.loc), feedUrl, feedUrl),
      title: plain(text(news?.title)),
      published: isoDate(text(news?.publication_date)),
      author: null,
      summary: null,
    };
  });
  return { format: 'sitemap', title: null, items, feeds: [] };
}

function parseSitemapIndex(index: XmlNode, feedUrl: string): ParsedFeed {
  const feeds = els(index.sitemap)
    .map((s) => resolve(text(s.loc), feedUrl, feedUrl))
    .filter((u): u is string => u !== null);
  return { format: 'sitemap', title: null, items: [], feeds };
}

function parseOpml(opml: XmlNode, feedUrl: string): ParsedFeed {
  const feeds: string[] = [];
  // Outlines nest as folders; every one with an xmlUrl is a feed, at any depth.
  const walk = (outlines: XmlNode[]): void => {
    for (const o of outlines) {
      const url = resolve(attr(o, 'xmlUrl'), feedUrl, feedUrl);
      if (url) feeds.push(url);
      walk(els(o.outline));
    }
  };
  walk(els(el(opml.body)?.outline));
  return { format: 'opml', title: plain(text(el(opml.head)?.title)), items: [], feeds };
}

type Json = Record<string, unknown>;

function obj(v: unknown): Json | null {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null;
}

function parseJsonFeed(source: string, feedUrl: string): ParsedFeed {
  let feed: Json | null;
  try {
    feed = obj(JSON.parse(source));
  } catch (err) {
    throw new StorylineError('bad_feed', `malformed JSON: ${(err as Error).message}`, feedUrl);
  }
  if (!feed || !Array.isArray(feed.items)) {
    throw new StorylineError('bad_feed', 'JSON Feed without an "items" array', feedUrl);
  }
  const base = str(feed.home_page_url) ?? feedUrl;
  const items = (feed.items as unknown[]).map(obj).filter((it): it is Json => it !== null).map((it): FeedItem => {
    // JSON Feed 1.1 has an "authors" list; 1.0 had a single "author".
    const author = obj(Array.isArray(it.authors) ? it.authors[0] : it.author);
    return {
      url: resolve(str(it.url) ?? str(it.external_url), base, feedUrl),
      title: plain(str(it.title)),
      published: isoDate(str(it.date_published) ?? str(it.date_modified)),
      author: plain(str(author?.name)),
      summary: plain(str(it.summary) ?? str(it.content_text) ?? str(it.content_html)),
    };
  });
  return { format: 'json', title: plain(str(feed.title)), items, feeds: [] };
}

/** The first element name after the XML declaration, comments, doctype and processing instructions. */
function rootElement(head: string): string | null {
  const body = head.replace(/^(?:\s*(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>))*\s*/i, '');
  const m = body.match(/^<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/);
  return m ? m[2].toLowerCase() : null;
}

/** Text of a parsed node: a string, or the #text of an element that also had attributes. */
function text(node: unknown): string | null {
  if (node == null) return null;
  if (Array.isArray(node)) return text(node[0]);
  if (typeof node === 'object') return text((node as Record<string, unknown>)['#text']);
  const s = String(node).trim();
  return s || null;
}

/** The first textual value among repeated elements (skips e.g. <atom:link href=…/> inside RSS). */
function firstText(nodes: unknown): string | null {
  for (const n of Array.isArray(nodes) ? nodes : [nodes]) {
    const t = text(n);
    if (t) return t;
  }
  return null;
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

/** Strips markup and collapses whitespace: titles and summaries are often escaped HTML. */
function plain(s: string | null): string | null {
  if (!s) return null;
  const out = s
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  return out || null;
}

function resolve(link: string | null, base: string, feedUrl: string): string | null {
  if (!link) return null;
  for (const b of [base, feedUrl]) {
    try {
      const u = new URL(link.trim(), b);
      if (u.protocol === 'http:' || u.protocol === 'https:') return u.href;
    } catch {
      // An unusable base (a local file name) leaves the next one to try.
    }
  }
  try {
    const u = new URL(link.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function isoDate(s: string | null): string | null {
  if (!s) return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? s : d.toISOString();
}
