// The public (snake_case) view of an article, shared by the CLI, the exporter and the JSON API.
import type { Article } from '../domain/article.ts';

export interface ArticleView {
  id: number;
  input: string;
  url: string | null;
  canonical_url: string | null;
  outlet: string | null;
  outlet_source: string | null;
  title: string | null;
  standfirst: string | null;
  published: string | null;
  published_source: string | null;
  published_confidence: number | null;
  published_detail: string | null;
  language: string | null;
  dateline: string | null;
  byline: string | null;
  section: string | null;
  format: string;
  duplicate_of: number | null;
  duplicate_reason: string | null;
  fetched_at: string;
  text: string;
}

export function articleView(a: Article): ArticleView {
  return {
    id: a.id, input: a.input, url: a.url, canonical_url: a.canonicalUrl, outlet: a.outlet, outlet_source: a.outletSource,
    title: a.title, standfirst: a.standfirst,
    published: a.published?.value ?? null, published_source: a.published?.source ?? null,
    published_confidence: a.published?.confidence ?? null, published_detail: a.published?.detail ?? null,
    language: a.language, dateline: a.dateline, byline: a.byline, section: a.section, format: a.format,
    duplicate_of: a.duplicateOf, duplicate_reason: a.duplicateReason, fetched_at: a.fetchedAt, text: a.text,
  };
}

/** The short form used in lists. */
export function articleSummary(a: Article) {
  return {
    id: a.id, title: a.title, outlet: a.outlet, published: a.published?.value ?? null,
    language: a.language, duplicate_of: a.duplicateOf, input: a.input,
  };
}
