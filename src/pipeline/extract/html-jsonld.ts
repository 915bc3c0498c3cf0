// Reads schema.org JSON-LD blocks of a page: the article object and its breadcrumb trail.

/** One breadcrumb entry: its label and, when given, the page it links to. */
export interface Crumb {
  name: string;
  url: string | null;
}

/** The fields of a page's JSON-LD that extraction uses; null when the page does not say. */
export interface JsonLdArticle {
  headline: string | null;
  description: string | null;
  authors: string[];
  section: string | null;
  publisherName: string | null;
  articleBody: string | null;
  inLanguage: string | null;
  /** BreadcrumbList entries, in order. */
  breadcrumb: Crumb[];
}

/** schema.org types that describe an article page (as Readability's list, plus WebPage-like reports). */
const ARTICLE_TYPE =
  /^(Article|AdvertiserContentArticle|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report|SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting|BlogPosting|LiveBlogPosting|DiscussionForumPosting|TechArticle|APIReference|Review)$/;

type Json = unknown;

export function readJsonLd(doc: Document): JsonLdArticle {
  const objects: Record<string, Json>[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    const raw = script.textContent ?? '';
    try {
      collect(JSON.parse(raw.replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '')), objects);
    } catch {
      // Malformed JSON-LD is common (trailing commas, raw newlines in strings); the page's other metadata still counts.
    }
  }
  const article = objects.find((o) => types(o).some((t) => ARTICLE_TYPE.test(t))) ?? null;
  const crumbs = objects.find((o) => types(o).includes('BreadcrumbList')) ?? null;
  return {
    headline: article ? str(article['headline']) ?? str(article['name']) : null,
    description: article ? str(article['description']) : null,
    authors: article ? names(article['author']) : [],
    section: article ? first(article['articleSection']) : null,
    publisherName: article ? names(article['publisher'])[0] ?? null : null,
    articleBody: article ? body(article['articleBody']) : null,
    inLanguage: article ? str(article['inLanguage']) : null,
    breadcrumb: crumbs ? breadcrumbNames(crumbs['itemListElement']) : [],
  };
}

/** Flattens arrays and @graph containers into a list of objects. */
function collect(value: Json, out: Record<string, Json>[]): void {
  if (Array.isArray(value)) {
    for (const v of value) collect(v, out);
  } else if (value && typeof value === 'object') {
    const o = value as Record<string, Json>;
    out.push(o);
    if (o['@graph']) collect(o['@graph'], out);
  }
}

function types(o: Record<string, Json>): string[] {
  const t = o['@type'];
  if (typeof t === 'string') return [t];
  return Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : [];
}

function str(value: Json): string | null {
  if (typeof value !== 'string') return null;
  const s = value.replace(/\s+/g, ' ').trim();
  return s || null;
}

/** Long text keeps its line breaks: they are the only paragraph marks a plain-text articleBody has. */
function body(value: Json): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

function first(value: Json): string | null {
  if (Array.isArray(value)) {
    for (const v of value) {
      const s = str(v);
      if (s) return s;
    }
    return null;
  }
  return str(value);
}

/** Names from a Person/Organization, a list of them, or plain strings. */
function names(value: Json): string[] {
  const list = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const v of list) {
    const name = typeof v === 'string' ? str(v) : v && typeof v === 'object' ? str((v as Record<string, Json>)['name']) : null;
    if (name) out.push(name);
  }
  return out;
}

function breadcrumbNames(value: Json): Crumb[] {
  if (!Array.isArray(value)) return [];
  const items = value
    .filter((v): v is Record<string, Json> => !!v && typeof v === 'object')
    .map((v) => {
      const item = v['item'];
      const itemObject = item && typeof item === 'object' ? (item as Record<string, Json>) : null;
      return {
        position: typeof v['position'] === 'number' ? v['position'] : Number(v['position'] ?? 0),
        name: str(v['name']) ?? (itemObject ? str(itemObject['name']) : null),
        url: typeof item === 'string' ? str(item) : itemObject ? str(itemObject['@id']) ?? str(itemObject['url']) : null,
      };
    });
  items.sort((a, b) => a.position - b.position);
  return items.filter((i): i is { position: number; name: string; url: string | null } => !!i.name).map(({ name, url }) => ({ name, url }));
}
