// RSS 2.0 and Atom serialisers for one feed model (a story's articles, a search's hits).

export interface FeedItem {
  id: number;
  title: string;
  /** Absolute URL of the article page. */
  link: string;
  /** ISO date or datetime, or null when the article is undated. */
  published: string | null;
  summary: string;
  outlet: string | null;
}

export interface Feed {
  title: string;
  description: string;
  /** Absolute URL of the HTML page the feed follows. */
  link: string;
  /** Absolute URL of the feed itself. */
  self: string;
  items: FeedItem[];
}

/** Characters XML 1.0 forbids anywhere, even escaped; extracted text can carry them from broken pages. */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function xml(text: string): string {
  return text.replace(XML_INVALID, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);
}

function toDate(iso: string | null): Date | null {
  if (!iso) return null;
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** The newest item date, or a fixed epoch when nothing is dated (never the fetch time, which would churn readers). */
function updated(feed: Feed): Date {
  const dates = feed.items.map((i) => toDate(i.published)).filter((d): d is Date => d !== null);
  return dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : new Date(0);
}

export function rss(feed: Feed): string {
  const items = feed.items.map((i) => {
    const d = toDate(i.published);
    return `<item><title>${xml(i.title)}</title><link>${xml(i.link)}</link><guid isPermaLink="true">${xml(i.link)}</guid>${
      d ? `<pubDate>${d.toUTCString()}</pubDate>` : ''}${i.outlet ? `<source url="${xml(feed.self)}">${xml(i.outlet)}</source>` : ''}<description>${xml(i.summary)}</description></item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>${xml(feed.title)}</title><link>${xml(feed.link)}</link><description>${xml(feed.description)}</description><atom:link href="${xml(feed.self)}" rel="self" type="application/rss+xml"/><lastBuildDate>${updated(feed).toUTCString()}</lastBuildDate>
${items.join('\n')}
</channel></rss>
`;
}

export function atom(feed: Feed): string {
  const entries = feed.items.map((i) => {
    const d = toDate(i.published) ?? new Date(0);
    return `<entry><title>${xml(i.title)}</title><link href="${xml(i.link)}"/><id>${xml(i.link)}</id><updated>${d.toISOString()}</updated>${
      i.outlet ? `<author><name>${xml(i.outlet)}</name></author>` : ''}<summary>${xml(i.summary)}</summary></entry>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>${xml(feed.title)}</title><subtitle>${xml(feed.description)}</subtitle><link href="${xml(feed.link)}"/><link rel="self" href="${xml(feed.self)}"/><id>${xml(feed.self)}</id><updated>${updated(feed).toISOString()}</updated><author><name>Storyline</name></author>
${entries.join('\n')}
</feed>
`;
}
