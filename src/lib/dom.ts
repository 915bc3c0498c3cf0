// Parses HTML into a DOM (linkedom: fast, no layout engine) once per page, repairing pages linkedom would leave bodiless.
import { DOMParser } from 'linkedom';

/**
 * Below this share of the document's text inside <body>, the parse lost the body: linkedom leaves content beside
 * <head> on pages with markup before <html>, no <body> tag, or scripts between </head> and <body>.
 */
const MIN_BODY_SHARE = 0.2;

export function parseHtml(html: string): Document {
  // linkedom gives no <html> element (and a throwing `body` getter) for input without markup.
  if (!/<[a-z!]/i.test(html)) return parse(`<!DOCTYPE html><html><head></head><body>${escapeText(html)}</body></html>`);
  const doc = parse(html);
  const all = doc.documentElement?.textContent?.length ?? 0;
  const inBody = bodyText(doc);
  if (all > 0 && inBody < all * MIN_BODY_SHARE) {
    const repaired = parse(rebuild(html));
    if (bodyText(repaired) > inBody) return repaired;
  }
  return doc;
}

function bodyText(doc: Document): number {
  try {
    return doc.body?.textContent?.length ?? 0;
  } catch {
    return 0;
  }
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

/** Re-assembles the page as <html><head>…</head><body>…</body></html> from what lies before and after </head>. */
function rebuild(html: string): string {
  const headEnd = html.search(/<\/head\s*>/i);
  const headStart = html.search(/<head[\s>]/i);
  const head = headEnd >= 0 && headStart >= 0 && headStart < headEnd ? html.slice(html.indexOf('>', headStart) + 1, headEnd) : '';
  const rest = (headEnd >= 0 ? html.slice(html.indexOf('>', headEnd) + 1) : html.replace(/^[\s\S]*?<html[^>]*>/i, ''))
    .replace(/<\/?(?:body|html)\b[^>]*>/gi, '');
  return `<!DOCTYPE html><html><head>${head}</head><body>${rest}</body></html>`;
}
