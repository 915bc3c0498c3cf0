// Finds an HTML page's publication date from its URL, structured data, markup and visible text, with provenance.
import type { DateSource, PublishedDate } from '../../domain/article.ts';
import {
  BLOCK_TAGS, CHROME_TAGS, COPYRIGHT_LINE, DATE_ELEMENT_SELECTOR, JSONLD_ARTICLE_TYPE, JSONLD_MODIFIED_KEY,
  JSONLD_PUBLISHED_KEYS, MODIFIED_HINT, MODIFIED_META, MONTH_FIRST_LANG, OTHER_DATE_CLASS_HINT, OTHER_STORIES_PART, PUBLISHED_CLASS_HINT,
  PUBLISHED_META, PUBLISHED_META_HINT, QUOTED_CLASS, QUOTED_TAGS, SKIPPED_TAGS,
} from './html-rules.ts';
import { findDates, isPlausible, parseDateValue, toIso, type DateMatch } from './parse.ts';
import { dateFromUrl, yearMonthFromUrl } from './url.ts';

/**
 * How far each kind of evidence is trusted, in cascade order. Calibrated as a set on pubdate-dev,
 * where each strategy alone was right on (URL, JSON-LD, meta, marked <time>, first <time>, date
 * element, text near the headline, modified, page text) 100, 97, 98, 100, 100, 93, 94, 91, 88 %
 * of the pages it answered; the URL ranks first in the cascade because it never changes after
 * publication, while structured data is sometimes rewritten in UTC or on update.
 */
export const CONFIDENCE = {
  urlFullDate: 0.85,
  jsonLdArticle: 0.95,
  jsonLdOther: 0.9,
  meta: 0.9,
  markedTime: 0.85,
  firstTime: 0.75,
  dateElement: 0.7,
  headerText: 0.55,
  modified: 0.45,
  bodyText: 0.35,
} as const;

/** Characters of visible text after the headline searched for the byline date (covers bylines and standfirsts). */
const HEADER_WINDOW_AFTER = 1200;
/** Characters before the headline searched too: some layouts put the date above the title. */
const HEADER_WINDOW_BEFORE = 300;
/** Element texts longer than this are containers, not date labels. */
const DATE_ELEMENT_MAX_CHARS = 120;
/** Letters a line may hold besides its date and still count as a date line ("Published on", a weekday). */
const DATE_LINE_MAX_OTHER_LETTERS = 30;

interface Candidate {
  match: DateMatch;
  source: DateSource;
  confidence: number;
  detail: string;
}

/** What every strategy may read; the visible text is built once, on first use. */
class PageContext {
  readonly monthFirst: boolean;
  /** Year and month that a dated URL path states (/2020/03/...), used to check dates read from text. */
  readonly urlMonth: { year: number; month: number } | null;
  private textCache: string | null = null;

  constructor(readonly doc: Document, readonly urls: string[], readonly now: Date) {
    this.monthFirst = MONTH_FIRST_LANG.test(pageLocale(doc));
    this.urlMonth = yearMonthFromUrl(urls, now);
  }

  get text(): string {
    this.textCache ??= visibleText(this.doc);
    return this.textCache;
  }

  accept(m: DateMatch | null): m is DateMatch {
    return m !== null && isPlausible(m, this.now);
  }

  /** A date read from text must agree with the URL's year and month when the URL states them. */
  agreesWithUrl(m: DateMatch): boolean {
    return this.urlMonth === null || (m.year === this.urlMonth.year && m.month === this.urlMonth.month);
  }
}

/** The page's declared locale: og:locale is the most specific (en_US), then lang attributes. */
function pageLocale(doc: Document): string {
  const html = doc.querySelector('html');
  const declared = doc.querySelector('meta[property="og:locale" i]')?.getAttribute('content')
    ?? html?.getAttribute('lang') ?? html?.getAttribute('xml:lang')
    ?? doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content') ?? '';
  return declared.trim();
}

function candidate(match: DateMatch, source: DateSource, confidence: number, detail: string): Candidate {
  return { match, source, confidence, detail };
}

// ---- 1. URL: /2019/05/31/, /20190531/, /2019-05-31- -------------------------------------------

function fromUrl(ctx: PageContext): Candidate | null {
  const m = dateFromUrl(ctx.urls, ctx.now);
  return m && candidate(m, 'url', CONFIDENCE.urlFullDate, `URL path '${m.text}'`);
}

// ---- 2. JSON-LD: datePublished of the page's own Article/WebPage node ----------------------------

interface LdDate { key: string; value: string; type: string; depth: number }

/** JSON as publishers write it: raw line breaks and tabs inside strings are common and invalid. */
function parseLooseJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/[\u0000-\u001f]+/g, ' '));
  } catch {
    return null;
  }
}

function collectLd(node: unknown, depth: number, out: LdDate[]): void {
  if (depth > 6 || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) collectLd(item, depth, out);
    return;
  }
  const obj = node as Record<string, unknown>;
  const rawType = obj['@type'];
  const type = Array.isArray(rawType) ? rawType.join(' ') : typeof rawType === 'string' ? rawType : '';
  for (const key of [...JSONLD_PUBLISHED_KEYS, JSONLD_MODIFIED_KEY]) {
    const v = obj[key];
    if (typeof v === 'string') out.push({ key, value: v, type, depth });
  }
  for (const [key, value] of Object.entries(obj)) {
    // The page's own node may sit in @graph or mainEntity; comments, item lists, authors and
    // organisations carry other dates and are not entered.
    if (key === '@graph' || key === 'mainEntity' || key === 'mainEntityOfPage') {
      collectLd(value, depth + (key === '@graph' ? 0 : 1), out);
    }
  }
}

function jsonLdDates(doc: Document): LdDate[] {
  const out: LdDate[] = [];
  for (const script of doc.querySelectorAll('script[type="application/ld+json" i]')) {
    const text = script.textContent ?? '';
    const data = parseLooseJson(text);
    if (data !== null) collectLd(data, 0, out);
    else {
      // Unparseable blocks still state their dates plainly; read the first of each key.
      for (const key of [...JSONLD_PUBLISHED_KEYS, JSONLD_MODIFIED_KEY]) {
        const m = new RegExp(`"${key}"\\s*:\\s*"([^"]+)"`).exec(text);
        if (m) out.push({ key, value: m[1]!, type: '', depth: 0 });
      }
    }
  }
  return out;
}

/**
 * The page node's datePublished (article types first), else an article's dateCreated. A video's
 * uploadDate is read only after the meta tags: embedded clips are often older than the story.
 */
function fromJsonLd(ctx: PageContext, lds: LdDate[], keys: readonly string[], confidence?: number): Candidate | null {
  const ranked = lds
    .filter((d) => keys.includes(d.key))
    .map((d) => ({ d, article: JSONLD_ARTICLE_TYPE.test(d.type) }))
    .filter(({ d, article }) => article || d.key !== 'dateCreated')
    .sort((a, b) => keys.indexOf(a.d.key) - keys.indexOf(b.d.key) || Number(b.article) - Number(a.article)
      || a.d.depth - b.d.depth);
  for (const { d, article } of ranked) {
    const m = parseDateValue(d.value, { monthFirst: ctx.monthFirst });
    if (!ctx.accept(m)) continue;
    return candidate(m, 'json-ld', confidence ?? (article ? CONFIDENCE.jsonLdArticle : CONFIDENCE.jsonLdOther),
      `JSON-LD ${d.type || 'node'}.${d.key} '${d.value}'`);
  }
  return null;
}

// ---- 3. Meta tags: article:published_time, DC.date.issued, sailthru.date, itemprop=datePublished ----

interface MetaDate { name: string; value: string }

function metaDates(doc: Document): MetaDate[] {
  const out: MetaDate[] = [];
  for (const meta of doc.querySelectorAll('meta[content]')) {
    const name = meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop')
      ?? meta.getAttribute('http-equiv');
    const value = meta.getAttribute('content');
    if (name && value) out.push({ name: name.trim().toLowerCase(), value });
  }
  return out;
}

function fromMetaList(ctx: PageContext, metas: MetaDate[], names: string[], confidence: number, source: DateSource): Candidate | null {
  for (const name of names) {
    for (const meta of metas) {
      if (meta.name !== name) continue;
      const m = parseDateValue(meta.value, { monthFirst: ctx.monthFirst });
      if (ctx.accept(m)) return candidate(m, source, confidence, `meta ${meta.name} '${meta.value}'`);
    }
  }
  return null;
}

function fromMeta(ctx: PageContext, metas: MetaDate[]): Candidate | null {
  const listed = fromMetaList(ctx, metas, PUBLISHED_META, CONFIDENCE.meta, 'meta');
  if (listed) return listed;
  const hinted = metas
    .filter((x) => PUBLISHED_META_HINT.test(x.name) && !MODIFIED_HINT.test(x.name))
    .map((x) => x.name);
  return fromMetaList(ctx, metas, hinted, CONFIDENCE.meta, 'meta');
}

// ---- 4./5. Date elements: <time pubdate>, itemprop=datePublished, first <time>, class="date" ---------

function elementLabel(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.getAttribute('itemprop') ?? ''}`;
}

function machineValue(el: Element): string | null {
  return el.getAttribute('datetime') ?? el.getAttribute('content') ?? el.getAttribute('title')
    ?? el.getAttribute('data-datetime') ?? el.getAttribute('data-date') ?? null;
}

/**
 * Ancestors looked at when deciding whether an element belongs to a list of other stories: such
 * lists wrap each date closely (ul > li > div > span); further up are the page's layout boxes.
 */
const CONTEXT_DEPTH = 5;

function namesOtherStories(el: Element): boolean {
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase();
  return names.split(/[\s_-]+/).some((part) => OTHER_STORIES_PART.has(part));
}

/**
 * Whether an element's date belongs to something else than the page's story: it sits in
 * navigation, in footer or aside chrome outside the article, in a container named for related or
 * recent stories, or (for `strict`) in a list item or link, which is how lists of other stories
 * are built.
 */
function elsewhere(el: Element, strict: boolean): boolean {
  let depth = 0;
  let chrome = false;
  for (let p: Element | null = el; p; p = p.parentElement, depth++) {
    if (p.tagName === 'NAV') return true;
    // A footer or aside inside an <article> is the article's own (byline, dates); outside, the page's.
    if (CHROME_TAGS.has(p.tagName)) chrome = true;
    if (p.tagName === 'ARTICLE') chrome = false;
    if (depth >= CONTEXT_DEPTH) continue;
    if (strict && (p.tagName === 'LI' || p.tagName === 'A')) return true;
    if (namesOtherStories(p)) return true;
  }
  return chrome;
}

function readElementDate(ctx: PageContext, el: Element): { m: DateMatch; how: string } | null {
  const value = machineValue(el);
  if (value) {
    const m = parseDateValue(value, { monthFirst: ctx.monthFirst });
    if (ctx.accept(m)) return { m, how: `'${value.trim()}'` };
  }
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (text.length === 0 || text.length > DATE_ELEMENT_MAX_CHARS) return null;
  const m = findDates(text, { monthFirst: ctx.monthFirst }).find((x) => ctx.accept(x)) ?? null;
  return m ? { m, how: `text '${m.text}'` } : null;
}

function describe(el: Element): string {
  const tag = el.tagName.toLowerCase();
  const cls = (el.getAttribute('class') ?? '').trim().split(/\s+/)[0];
  const prop = el.getAttribute('itemprop');
  return prop ? `<${tag} itemprop=${prop}>` : cls ? `<${tag} class=${cls}>` : `<${tag}>`;
}

interface ElementScan {
  marked: Candidate | null;
  firstTime: Candidate | null;
  labelled: Candidate | null;
}

/**
 * One pass over the date-like elements in document order (the headline included, to know which
 * come after it), keeping the first of each kind. A class-labelled date after the headline is
 * preferred: one above it is often the site header's "today".
 */
function scanElements(ctx: PageContext): ElementScan {
  const scan: ElementScan = { marked: null, firstTime: null, labelled: null };
  let labelledAbove: Candidate | null = null;
  let afterHeadline = false;
  for (const el of ctx.doc.querySelectorAll(`h1, ${DATE_ELEMENT_SELECTOR}`)) {
    if (el.tagName === 'H1') {
      afterHeadline = true;
      continue;
    }
    const label = elementLabel(el);
    const itemprop = (el.getAttribute('itemprop') ?? '').toLowerCase();
    const isTime = el.tagName === 'TIME';
    const published = itemprop.includes('datepublished') || el.hasAttribute('pubdate')
      || (PUBLISHED_CLASS_HINT.test(label) && !MODIFIED_HINT.test(label));
    if (!scan.marked && published && (isTime || itemprop !== '' || el.tagName === 'ABBR')) {
      const r = readElementDate(ctx, el);
      if (r) scan.marked = candidate(r.m, 'time-element', CONFIDENCE.markedTime, `${describe(el)} ${r.how}`);
    }
    if (OTHER_DATE_CLASS_HINT.test(label) && !PUBLISHED_CLASS_HINT.test(label)) continue;
    if (!scan.firstTime && isTime && !elsewhere(el, false)) {
      const r = readElementDate(ctx, el);
      if (r) scan.firstTime = candidate(r.m, 'time-element', CONFIDENCE.firstTime, `first ${describe(el)} ${r.how}`);
    }
    const labelWanted = afterHeadline ? scan.labelled === null : labelledAbove === null;
    if (labelWanted && !isTime && el.tagName !== 'ABBR' && !elsewhere(el, true)) {
      const r = readElementDate(ctx, el);
      if (r && ctx.agreesWithUrl(r.m)) {
        const c = candidate(r.m, 'text', CONFIDENCE.dateElement, `date element ${describe(el)} ${r.how}`);
        if (afterHeadline) scan.labelled = c;
        else labelledAbove = c;
      }
    }
    if (scan.marked && scan.firstTime && scan.labelled) break;
  }
  scan.labelled ??= labelledAbove;
  return scan;
}

// ---- 6./8. Visible text: near the headline, then anywhere outside copyright lines ----------------

/**
 * Visible text of the page in reading order, less what speaks of other days: captions, embedded
 * posts, navigation and footer chrome, lists of other stories. Blocks end with a newline, inline
 * boundaries with a space.
 */
export function visibleText(doc: Document): string {
  const parts: string[] = [];
  const headline = doc.querySelector('h1');
  const walk = (node: Node, inArticle: boolean): void => {
    // childNodes, not nextSibling: linkedom's doctype node has no next sibling.
    for (const child of node.childNodes) {
      if (child.nodeType === 3) parts.push(child.nodeValue ?? '');
      else if (child.nodeType === 1) {
        const el = child as Element;
        const tag = el.tagName;
        if (SKIPPED_TAGS.has(tag) || QUOTED_TAGS.has(tag)) continue;
        // An article's own footer or aside holds its byline and dates; the page's holds other pages'.
        if (CHROME_TAGS.has(tag) && (tag === 'NAV' || !inArticle)) continue;
        if (QUOTED_CLASS.test(el.getAttribute('class') ?? '')) continue;
        // A box named for other stories is skipped, unless it is the layout box holding the headline.
        if (namesOtherStories(el) && !(headline && el.contains(headline))) continue;
        walk(child, inArticle || tag === 'ARTICLE');
        parts.push(BLOCK_TAGS.has(tag) ? '\n' : ' ');
      }
    }
  };
  // From the document node, not doc.body nor documentElement: markup before <html> or several <html>
  // tags (IE conditional comments) leave linkedom with an empty first <body> and content beside it.
  walk(doc, false);
  return parts.join('').replace(/[ \t\u00a0]+/g, ' ').replace(/\s*\n\s*/g, '\n');
}

function headlineText(doc: Document): string | null {
  const h1 = doc.querySelector('h1');
  const t = (h1?.textContent ?? '').replace(/\s+/g, ' ').trim();
  return t.length >= 10 ? t : null;
}

function textDates(ctx: PageContext, text: string): DateMatch[] {
  return findDates(text, { monthFirst: ctx.monthFirst }).filter((m) => {
    if (!ctx.accept(m) || !ctx.agreesWithUrl(m)) return false;
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    const lineEnd = text.indexOf('\n', m.end);
    return !COPYRIGHT_LINE.test(text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd));
  });
}

function standsAlone(text: string, m: DateMatch): boolean {
  const lineStart = text.lastIndexOf('\n', m.index) + 1;
  const lineEnd = text.indexOf('\n', m.end);
  const rest = text.slice(lineStart, m.index) + text.slice(m.end, lineEnd < 0 ? undefined : lineEnd);
  return (rest.match(/\p{L}/gu) ?? []).length <= DATE_LINE_MAX_OTHER_LETTERS;
}

function fromHeaderText(ctx: PageContext): Candidate | null {
  const headline = headlineText(ctx.doc);
  if (!headline) return null;
  const at = ctx.text.indexOf(headline.slice(0, 60));
  if (at < 0) return null;
  const from = Math.max(0, at - HEADER_WINDOW_BEFORE);
  const window = ctx.text.slice(from, at + headline.length + HEADER_WINDOW_AFTER);
  const dates = textDates(ctx, window);
  // A date standing alone on its line is a byline's; one inside a sentence (a caption, the lead) may
  // be any day. Among each kind, the first after the headline wins, else the last one above it.
  const standalone = dates.filter((m) => standsAlone(window, m));
  for (const group of [standalone, dates]) {
    const pick = group.find((m) => from + m.index >= at) ?? group[group.length - 1];
    if (pick) return candidate(pick, 'text', CONFIDENCE.headerText, `text near the headline '${pick.text}'`);
  }
  return null;
}

function fromBodyText(ctx: PageContext): Candidate | null {
  const dates = textDates(ctx, ctx.text);
  if (dates.length === 0) return null;
  // The day written most often wins (a page repeats its own date in byline, share bar and footer
  // of the story); ties go to the first one written.
  const counts = new Map<string, { m: DateMatch; n: number }>();
  for (const m of dates) {
    const key = toIso({ ...m, hour: null });
    const c = counts.get(key);
    if (c) c.n++;
    else counts.set(key, { m, n: 1 });
  }
  const best = [...counts.values()].reduce((a, b) => (b.n > a.n ? b : a));
  return candidate(best.m, 'text', CONFIDENCE.bodyText, `page text '${best.m.text}' (${best.n}×)`);
}

// ---- 7. Modification dates, when the page states no publication date -----------------------------

function fromModified(ctx: PageContext, lds: LdDate[], metas: MetaDate[]): Candidate | null {
  for (const d of lds.filter((x) => x.key === JSONLD_MODIFIED_KEY)) {
    const m = parseDateValue(d.value, { monthFirst: ctx.monthFirst });
    if (ctx.accept(m)) return candidate(m, 'json-ld', CONFIDENCE.modified, `JSON-LD dateModified '${d.value}' (no publication date given)`);
  }
  const meta = fromMetaList(ctx, metas, MODIFIED_META, CONFIDENCE.modified, 'meta');
  return meta && { ...meta, detail: `${meta.detail} (no publication date given)` };
}

function pageUrls(doc: Document, url: string | null): string[] {
  const urls = [
    url,
    doc.querySelector('link[rel="canonical" i]')?.getAttribute('href'),
    doc.querySelector('meta[property="og:url" i]')?.getAttribute('content'),
  ];
  return urls.filter((u): u is string => typeof u === 'string' && u.length > 0);
}

/**
 * The strategies in the order they are trusted (first answer wins):
 *   1. a full date in the URL path (publishers build these at publication; never updated)
 *   2. JSON-LD datePublished of the page's own node
 *   3. publication meta tags, then a JSON-LD video's uploadDate
 *   4. elements marked as the publication time (<time pubdate>, itemprop=datePublished)
 *   5. the first <time> outside page chrome, then elements whose class names a date
 *   6. visible text near the headline
 *   7. modification dates (JSON-LD, meta), the page's own if not its first
 *   8. the most repeated date in the page's text
 */
function cascade(doc: Document, url: string | null, now: Date): Array<() => Candidate | null> {
  const ctx = new PageContext(doc, pageUrls(doc, url), now);
  const lds = jsonLdDates(doc);
  const metas = metaDates(doc);
  let scan: ElementScan | null = null;
  const elements = () => (scan ??= scanElements(ctx));
  return [
    () => fromUrl(ctx),
    () => fromJsonLd(ctx, lds, ['datePublished', 'dateCreated']),
    () => fromMeta(ctx, metas),
    () => fromJsonLd(ctx, lds, ['uploadDate'], CONFIDENCE.jsonLdOther),
    () => elements().marked,
    () => elements().firstTime,
    () => elements().labelled,
    () => fromHeaderText(ctx),
    () => fromModified(ctx, lds, metas),
    () => fromBodyText(ctx),
  ];
}

function toPublished(c: Candidate): PublishedDate {
  return { value: toIso(c.match), source: c.source, confidence: c.confidence, detail: c.detail };
}

/**
 * The page's publication date, or null when it states none; reads `doc` without changing it.
 * Future dates (after `now`) and years before the web's news era are never returned.
 */
export function findPublishedInHtml(doc: Document, url: string | null, now: Date = new Date()): PublishedDate | null {
  for (const step of cascade(doc, url, now)) {
    const c = step();
    if (c) return toPublished(c);
  }
  return null;
}

/** Every strategy's answer in cascade order (null where one found nothing): for explaining and tuning. */
export function publishedCandidatesInHtml(doc: Document, url: string | null, now: Date = new Date()): Array<PublishedDate | null> {
  return cascade(doc, url, now).map((step) => {
    const c = step();
    return c && toPublished(c);
  });
}
