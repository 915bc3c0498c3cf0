// Reads an HTML article's metadata (title, standfirst, byline, section, site name, language) from meta tags, JSON-LD and markup.
import type { Crumb, JsonLdArticle } from './html-jsonld.ts';
import { normaliseLanguage } from './html-language.ts';
import { textKey } from './html-text.ts';
import {
  BREADCRUMB_CLASS, BREADCRUMB_HOME, BYLINE_CLASS, BYLINE_JOINERS, BYLINE_PREFIX, BYLINE_ROLE_WORDS, BYLINE_TAIL,
  NOT_A_NAME, STANDFIRST_CLASS, TITLE_PIPE, TITLE_SEPARATOR,
} from './html-rules.ts';

export interface HtmlMetadata {
  title: string | null;
  standfirst: string | null;
  byline: string | null;
  section: string | null;
  siteName: string | null;
  declaredLanguage: string | null;
}

/** Shortest description that reads as a standfirst; shorter ones are labels ("Latest news"). Set by reading dev pages' descriptions. */
const MIN_STANDFIRST_WORDS = 6;
/** Longest plausible byline in words (several names with joiners); longer text under a byline class is a bio. */
const MAX_BYLINE_WORDS = 16;
/** Longest plausible section name in characters. */
const MAX_SECTION_CHARS = 60;
/** Shortest headline kept after removing a site-name segment, so "Home | Site" does not become "Home". */
const MIN_TITLE_WORDS_AFTER_STRIP = 2;
/** Longest section kicker before a pipe ("Opinion |", "Live updates |"). */
const MAX_KICKER_WORDS = 2;

/** `<meta>` contents keyed by lower-cased name, property or itemprop; the first occurrence wins. */
export function metaTags(doc: Document): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of Array.from(doc.querySelectorAll('meta'))) {
    const content = m.getAttribute('content');
    if (content == null) continue;
    const value = clean(content);
    if (!value) continue;
    for (const attr of ['name', 'property', 'itemprop', 'http-equiv']) {
      const key = m.getAttribute(attr)?.trim().toLowerCase();
      if (key && !out.has(key)) out.set(key, value);
    }
  }
  return out;
}

export function readMetadata(doc: Document, url: string | null, meta: Map<string, string>, ld: JsonLdArticle): HtmlMetadata {
  // A site name given as a URL ("https://www.example.in") names nothing the host does not.
  const siteName = [meta.get('og:site_name'), meta.get('application-name'), ld.publisherName].find((n) => n && !/^https?:\/\//i.test(n)) ?? null;
  const title = readTitle(doc, meta, ld, siteName, url);
  return {
    title,
    standfirst: readStandfirst(doc, meta, ld, title),
    byline: readByline(doc, meta, ld, siteName),
    section: readSection(doc, meta, ld, title, url),
    siteName,
    declaredLanguage: normaliseLanguage(doc.documentElement?.getAttribute('lang'))
      ?? normaliseLanguage(doc.documentElement?.getAttribute('xml:lang'))
      ?? normaliseLanguage(meta.get('content-language'))
      ?? normaliseLanguage(meta.get('og:locale'))
      ?? normaliseLanguage(ld.inLanguage),
  };
}

function readTitle(doc: Document, meta: Map<string, string>, ld: JsonLdArticle, siteName: string | null, url: string | null): string | null {
  const candidates: (() => string | null | undefined)[] = [
    () => meta.get('og:title'),
    () => ld.headline,
    () => clean(doc.querySelector('h1')?.textContent ?? ''),
    () => clean(doc.querySelector('title')?.textContent ?? ''),
  ];
  const site = siteName ? textKey(siteName) : null;
  for (const candidate of candidates) {
    const raw = candidate();
    // Some pages put the site's name in og:title; that is no headline.
    if (!raw || textKey(raw) === site) continue;
    const title = stripSiteName(raw, siteName, url);
    if (title) return title;
  }
  return null;
}

/** Removes leading/trailing segments that name the site ("Headline | Site", "Site - Headline"). */
export function stripSiteName(title: string, siteName: string | null, url: string | null): string {
  const names = siteKeys(siteName, url);
  let parts = splitKeepingSeparators(title);
  const namesSite = (segment: string): boolean => {
    const k = textKey(segment);
    const firstWord = textKey(segment.trim().split(/\s+/)[0] ?? '');
    // "BBC News" names bbc.co.uk by its first word; longer keys may contain each other ("nytimes" / "The NYTimes").
    return k.length > 0 && names.some((n) => k === n || firstWord === n || (n.length >= 4 && k.length >= 4 && (k.includes(n) || n.includes(k))));
  };
  const wordCount = (p: string[]): number => p.join(' ').split(/\s+/).filter(Boolean).length;
  // Site-name segments go from either end, as long as a headline remains.
  while (parts.length > 1 && namesSite(parts[parts.length - 1]!.text) && wordCount(parts.slice(0, -1).map((p) => p.text)) >= MIN_TITLE_WORDS_AFTER_STRIP) parts = parts.slice(0, -1);
  while (parts.length > 1 && namesSite(parts[0]!.text) && wordCount(parts.slice(1).map((p) => p.text)) >= MIN_TITLE_WORDS_AFTER_STRIP) parts = parts.slice(1);
  // Trailing pipe segments are site furniture ("Headline | Section | Site") even when the site is named differently.
  while (parts.length > 1 && parts[parts.length - 1]!.pipe && wordCount(parts.slice(0, -1).map((p) => p.text)) >= MIN_TITLE_WORDS_AFTER_STRIP) parts = parts.slice(0, -1);
  // A short label before a pipe is a section kicker ("Opinion | Headline").
  while (parts.length > 1 && parts[1]!.pipe && wordCount([parts[0]!.text]) <= MAX_KICKER_WORDS && wordCount(parts.slice(1).map((p) => p.text)) >= MIN_TITLE_WORDS_AFTER_STRIP) parts = parts.slice(1);
  return parts.map((p, i) => (i === 0 ? p.text : p.sep + p.text)).join('').trim();
}

interface Segment { text: string; sep: string; pipe: boolean }

function splitKeepingSeparators(title: string): Segment[] {
  const out: Segment[] = [];
  let rest = title;
  let sep = '';
  for (;;) {
    const m = TITLE_SEPARATOR.exec(rest);
    if (!m) break;
    out.push({ text: rest.slice(0, m.index), sep, pipe: TITLE_PIPE.test(sep) });
    sep = m[0];
    rest = rest.slice(m.index + m[0].length);
  }
  out.push({ text: rest, sep, pipe: TITLE_PIPE.test(sep) });
  return out.filter((s) => s.text.trim());
}

/** Letters-and-digits keys for the site: its declared name and its host's registrable label ("nytimes"). */
function siteKeys(siteName: string | null, url: string | null): string[] {
  const keys: string[] = [];
  if (siteName) keys.push(textKey(siteName));
  if (url) {
    try {
      const labels = new URL(url).hostname.replace(/^www\d?\./, '').split('.');
      // The label before the public suffix: "bbc" in news.bbc.co.uk, "nytimes" in nytimes.com.
      const suffixLen = labels.length > 2 && /^(co|com|org|net|gov|ac|edu)$/.test(labels[labels.length - 2]!) ? 2 : 1;
      const label = labels[labels.length - 1 - suffixLen];
      if (label) keys.push(textKey(label), textKey(labels.slice(0, labels.length - suffixLen).join('.')));
    } catch {
      // Not a URL: the site name alone decides.
    }
  }
  return keys.filter((k) => k.length >= 2);
}

function readStandfirst(doc: Document, meta: Map<string, string>, ld: JsonLdArticle, title: string | null): string | null {
  // Cheapest first: the page scan for a deck element runs only when no description reads as prose.
  const candidates: (() => string | null | undefined)[] = [
    () => meta.get('description'),
    () => meta.get('og:description'),
    () => meta.get('twitter:description'),
    () => ld.description,
    () => textOf(findByClass(doc, STANDFIRST_CLASS)),
  ];
  for (const candidate of candidates) {
    const c = candidate();
    if (c && isProse(c, title)) return c;
  }
  return null;
}

/** First element whose class or id matches; a full scan, so callers reach for it last. */
function findByClass(doc: Document, pattern: RegExp): Element | null {
  for (const e of Array.from(doc.querySelectorAll('[class], [id]'))) if (pattern.test(classAndId(e))) return e;
  return null;
}

/** A standfirst is a sentence or two of prose, not a label, a keyword list or the headline again. */
export function isProse(text: string, title: string | null): boolean {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length < MIN_STANDFIRST_WORDS) return false;
  if (!/\p{Ll}/u.test(text)) return false;
  if (title && textKey(text) === textKey(title)) return false;
  const commas = (text.match(/,/g) ?? []).length;
  // Keyword lists ("news, sport, weather, ...") have a comma every word or two.
  return commas < words.length / 3;
}

function readByline(doc: Document, meta: Map<string, string>, ld: JsonLdArticle, siteName: string | null): string | null {
  const candidates: (() => string | null | undefined)[] = [
    () => (ld.authors.length ? ld.authors.join(', ') : null),
    () => meta.get('author'),
    () => meta.get('article:author'),
    () => meta.get('byl'),
    () => textOf(doc.querySelector('[itemprop="author"] [itemprop="name"], [itemprop="author"]')),
    () => textOf(doc.querySelector('[rel="author"]')),
    () => textOf(findByClass(doc, BYLINE_CLASS)),
  ];
  const site = siteName ? textKey(siteName) : null;
  for (const candidate of candidates) {
    const c = candidate();
    // Profile URLs (article:author is often one) are not names.
    if (!c || /^https?:\/\//i.test(c) || /\bfacebook\.com\b/i.test(c)) continue;
    const names = cleanByline(c);
    if (names && textKey(names) !== site) return names;
  }
  return null;
}

/** "By Jane Doe and John Roe, Staff Writers | Updated 3 May" → "Jane Doe, John Roe"; null when no name remains. */
export function cleanByline(raw: string): string | null {
  // Social handles ride along with names ("Jane Doe @janedoe").
  let s = clean(raw).replace(/(?:^|\s)@\w+/g, '').replace(BYLINE_PREFIX, '');
  s = s.replace(BYLINE_TAIL, '').trim();
  if (!s || s.split(/\s+/).length > MAX_BYLINE_WORDS) return null;
  const names = s.split(BYLINE_JOINERS)
    .map((p) => p.replace(BYLINE_PREFIX, '').trim())
    .filter((p) => p && /\p{L}/u.test(p) && !NOT_A_NAME.test(p) && !p.toLowerCase().split(/\s+/).some((w) => BYLINE_ROLE_WORDS.has(w)));
  return names.length ? [...new Set(names)].join(', ') : null;
}

function readSection(doc: Document, meta: Map<string, string>, ld: JsonLdArticle, title: string | null, url: string | null): string | null {
  for (const declared of [meta.get('article:section'), ld.section]) {
    // Some sites list several sections in one string ("Politics, Local"): the first is the main one.
    const s = declared?.split(',')[0]?.trim();
    // Host names ("example.com") stand in for a section on some sites; they name none.
    if (s && s.length <= MAX_SECTION_CHARS && !/^[\w-]+(?:\.[\w-]+)+$/.test(s)) return s;
  }
  const crumbs = ld.breadcrumb.length ? ld.breadcrumb : domBreadcrumb(doc);
  return sectionFromCrumbs(crumbs, title, url);
}

function domBreadcrumb(doc: Document): Crumb[] {
  const trail = doc.querySelector('[aria-label="breadcrumb"], [aria-label="Breadcrumb"], [aria-label="breadcrumbs"]') ?? findByClass(doc, BREADCRUMB_CLASS);
  if (!trail) return [];
  // Linked entries are sections; an unlinked last entry is usually the page itself.
  const links = Array.from(trail.querySelectorAll('a'));
  const items = links.length ? links : Array.from(trail.querySelectorAll('li'));
  return items.map((e) => ({ name: clean(e.textContent ?? ''), url: e.getAttribute('href') })).filter((c) => c.name);
}

/** The deepest breadcrumb entry that is neither the front page nor the article itself. */
export function sectionFromCrumbs(crumbs: readonly Crumb[], title: string | null, url: string | null): string | null {
  const titleKey = title ? textKey(title) : '';
  const page = url ? pageKey(url) : null;
  // Trails often end with the article, by URL or by headline (sometimes truncated: "Man stabbed to death on...").
  const isArticle = (c: Crumb): boolean => {
    if (page && c.url && pageKey(c.url) === page) return true;
    const k = textKey(c.name);
    return titleKey !== '' && (k === titleKey || (k.length >= 12 && titleKey.startsWith(k)));
  };
  const usable = crumbs.filter((c) => !BREADCRUMB_HOME.test(c.name) && c.name.length <= MAX_SECTION_CHARS && !isArticle(c));
  return usable[usable.length - 1]?.name ?? null;
}

/** A URL reduced to host and path, so http/https, www, query and trailing slash do not matter. */
function pageKey(url: string): string {
  return url.toLowerCase().replace(/^[a-z]+:\/\/(?:www\.)?/, '').replace(/[?#].*$/, '').replace(/\/+$/, '');
}

function textOf(el: Element | null): string | null {
  const content = el?.getAttribute('content');
  const t = clean(content ?? el?.textContent ?? '');
  return t || null;
}

function classAndId(e: Element): string {
  return `${e.getAttribute('class') ?? ''} ${e.getAttribute('id') ?? ''}`;
}

/** Whitespace-normalised text with stray markup and character references resolved (meta values carry both). */
function clean(s: string): string {
  // Decoding first also unmasks markup that was escaped twice ("&amp;lt;p&amp;gt;" arrives as "&lt;p&gt;").
  const decoded = decodeEntities(s);
  const text = decoded.includes('<') ? decoded.replace(/<[^>]*>/g, ' ') : decoded;
  return text.replace(/\s+/g, ' ').trim();
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}
