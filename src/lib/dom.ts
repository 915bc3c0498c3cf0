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
  const root = doc.documentElement;
  const body = safeBody(doc);
  if (!root) return doc;
  // Text outside <body> (what linkedom left beside <head>), counted without building the page's text as a string.
  let outside = 0;
  let bodyIsChild = false;
  for (let n = root.firstChild; n; n = n.nextSibling) {
    if (n === body) bodyIsChild = true;
    else outside += textLength(n, Infinity);
  }
  if (body && !bodyIsChild) outside -= Math.min(outside, textLength(body, Infinity));
  if (outside === 0) return doc;
  // The body's share is below MIN_BODY_SHARE of all text exactly when it is below this many characters; counting stops there.
  const needed = (outside * MIN_BODY_SHARE) / (1 - MIN_BODY_SHARE);
  const inBody = body ? textLength(body, needed) : 0;
  if (inBody < needed) {
    const repaired = parse(rebuild(html));
    const repairedBody = safeBody(repaired);
    if (repairedBody && textLength(repairedBody, Infinity) > inBody) return repaired;
  }
  return doc;
}

function safeBody(doc: Document): HTMLElement | null {
  try {
    return doc.body ?? null;
  } catch {
    return null;
  }
}

/** Characters of text under `node` (as `textContent` would have them), counting no further than `limit`. */
function textLength(node: Node, limit: number): number {
  if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_NODE) return (node as CharacterData).data.length;
  let total = 0;
  for (let n = node.firstChild; n && total < limit; n = n.nextSibling) {
    if (n.nodeType === TEXT_NODE || n.nodeType === CDATA_NODE) total += (n as CharacterData).data.length;
    else if (n.nodeType === ELEMENT_NODE) total += textLength(n, limit - total);
  }
  return total;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_NODE = 4;

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
