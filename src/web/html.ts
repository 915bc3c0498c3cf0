// HTML that escapes by construction: a tagged template whose interpolations are escaped unless already SafeHtml.

/** A string known to be HTML: produced by `html`, or marked by `trustedHtml` after sanitising. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and for double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

type Value = SafeHtml | string | number | boolean | null | undefined | readonly Value[];

function render(v: Value): string {
  if (v === null || v === undefined || v === false || v === true) return '';
  if (v instanceof SafeHtml) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  return escapeHtml(String(v));
}

/**
 * html`<p title="${x}">${y}</p>`: every interpolation is escaped, arrays are joined, null/undefined/booleans
 * render as nothing (so `${cond && html`...`}` works). Attribute values must be quoted in the template.
 */
export function html(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new SafeHtml(out);
}

/** Marks a string as HTML. Only for output of this module's sanitisers and of our own SVG/HTML builders. */
export function trustedHtml(value: string): SafeHtml {
  return new SafeHtml(value);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#x27': "'" };

/**
 * A search snippet as HTML: the store sends escaped text with <mark> tags, but it is still treated as untrusted.
 * The text between tags is decoded and escaped again, and only balanced <mark>/</mark> survive as tags.
 */
export function snippetHtml(snippet: string): SafeHtml {
  let out = '';
  let open = false;
  for (const part of snippet.split(/(<\/?mark>)/)) {
    if (part === '<mark>') {
      if (!open) out += '<mark>';
      open = true;
    } else if (part === '</mark>') {
      if (open) out += '</mark>';
      open = false;
    } else {
      out += escapeHtml(part.replace(/&(amp|lt|gt|quot|apos|#39|#x27);/g, (_, e: string) => ENTITIES[e]));
    }
  }
  if (open) out += '</mark>';
  return new SafeHtml(out);
}

/** An external link target: only absolute http(s) URLs pass; anything else (javascript:, data:, relative) is null. */
export function externalUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * A redirect target that stays on this site: a single leading slash, no scheme, no host. "//evil.example",
 * "/\\evil.example" and "https://..." all collapse to a path on this server.
 */
export function localPath(target: string): string {
  const path = target.replace(/[\\\s]/g, '/').replace(/^\/+/, '/');
  return path.startsWith('/') ? path : `/${path}`;
}

/** Builds a query string from the non-empty values, in the given key order (stable URLs for caching and tests). */
export function queryString(params: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
