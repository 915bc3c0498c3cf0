// The one orchestrator: raw document in, extracted article out. Reads top to bottom as a recipe.
import type { ExtractedArticle, PublishedDate, RawDocument } from '../domain/article.ts';
import type { LineEvidence } from './contracts.ts';
import { parseHtml } from '../lib/dom.ts';
import { decodeBytes, looksLikeHtml } from './fetch/encoding.ts';
import { extractHtml } from './extract/html.ts';
import { extractPlainText } from './extract/text.ts';
import { findPublishedInHtml, visibleText } from './date/html.ts';
import { findPublishedInText } from './date/text.ts';
import { findDateline } from './metadata/dateline.ts';
import { findOutlet } from './metadata/outlet.ts';
import { detectLanguage } from './language/detect.ts';
import { StorylineError } from '../lib/errors.ts';
import { analyzeEntities } from './entities/resolve.ts';
import { extractQuotes } from './quotes/extract.ts';
import { findTimexes } from './time/timex.ts';
import { extractEvents, type EventMention } from './events/extract.ts';
import type { DocEntity, EntityAnalysis } from './entities/types.ts';
import type { QuoteMention } from './quotes/types.ts';
import type { AttributedQuote } from './story/assemble.ts';

export interface ProcessOptions {
  /** Repetition evidence for plain-text chrome removal (lines seen on many pages of one source). */
  lineEvidence?: LineEvidence;
  /** Dates after this are impossible (default: the current time); never used as a date itself. */
  now?: Date;
  /** Return an article with empty text instead of failing with 'no_content' (evaluation of metadata alone). */
  allowEmpty?: boolean;
}

/** Decodes, extracts and dates one raw document. Throws StorylineError('no_content') when no article text is found. */
export function processDocument(raw: RawDocument, options: ProcessOptions = {}): ExtractedArticle {
  // 1. Bytes to text: charset from the header, then <meta>, then detection.
  const { text: source } = decodeBytes(raw.bytes, raw.contentType);
  const isHtml = raw.contentType?.includes('html') || (!raw.contentType?.startsWith('text/plain') && looksLikeHtml(source));

  let article: ExtractedArticle;
  if (isHtml) {
    // 2a. HTML: one DOM build. Dates are read first because extraction mutates the DOM.
    const doc = parseHtml(source);
    const now = options.now ?? new Date();
    const published = findPublishedInHtml(doc, raw.url, now)
      ?? findPublishedInText(visibleText(doc), { dateLine: null, url: raw.url, now });
    const x = extractHtml(doc, raw.url);
    const dateline = findDateline(x.text);
    const outlet = findOutlet({ siteName: x.siteName, url: raw.url, text: x.text, dateline });
    article = {
      title: x.title, standfirst: x.standfirst, byline: x.byline, section: x.section,
      outlet: outlet?.outlet ?? null, outletSource: outlet?.source ?? null,
      dateline: dateline?.city ?? null,
      language: detectLanguage(x.text || (x.title ?? ''), x.declaredLanguage),
      published, text: x.text, format: 'html',
    };
  } else {
    // 2b. Plain-text capture: chrome removal by line rules plus repetition evidence.
    const x = extractPlainText(source, options.lineEvidence);
    const datelineSource = x.text;
    const dateline = findDateline(datelineSource) ?? findDateline(source);
    const published = findPublishedInText(source, { dateLine: x.dateLine, url: raw.url, now: options.now ?? new Date() });
    const outlet = findOutlet({ siteName: null, url: raw.url, text: source, dateline });
    article = {
      title: x.title, standfirst: x.standfirst, byline: x.byline, section: x.section,
      outlet: outlet?.outlet ?? null, outletSource: outlet?.source ?? null,
      dateline: dateline?.city ?? null,
      language: detectLanguage(x.text, null),
      published, text: x.text, format: 'text',
    };
  }

  // 3. Feed metadata fills gaps, never overrides what the page itself says.
  if (raw.feed) {
    article.title ??= raw.feed.itemTitle;
    article.byline ??= raw.feed.itemAuthor;
    article.outlet ??= raw.feed.feedTitle;
    if (!article.published && raw.feed.itemPublished) article.published = feedDate(raw.feed.itemPublished);
  }

  if (!article.text.trim() && !options.allowEmpty) throw new StorylineError('no_content', 'no article text found', raw.input);
  return article;
}

function feedDate(value: string): PublishedDate | null {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return null;
  return { value: d.toISOString().replace('.000Z', 'Z'), source: 'feed', confidence: 0.8, detail: `feed item date '${value}'` };
}

// ── Understanding: entities, quotes, time and events of one extracted article ──

export interface ArticleUnderstanding {
  entities: DocEntity[];
  quotes: AttributedQuote[];
  events: EventMention[];
}

/**
 * Analyses an article's text against its publication date (or `anchorOverride`, e.g. an inferred date).
 * Order matters: entities first (quotes resolve their speakers through them), time before events.
 */
export function analyzeArticle(text: string, published: string | null): ArticleUnderstanding {
  // 1. People, organisations, places; surname, title and pronoun mentions resolved within the article.
  const ents = analyzeEntities(text);
  // 2. Quotes, with each speaker mention tied to the entity it refers to.
  const quotes = extractQuotes(text).map((q) => attributeQuote(q, ents));
  // 3. Temporal expressions normalised against the article's date; 4. dated events built on them.
  const timexes = findTimexes(text, { date: published });
  const events = extractEvents(text, timexes, ents, published);
  return { entities: ents.entities, quotes, events };
}

/** Ties a quote's speaker mention to a resolved entity: the mention itself, else its antecedent. */
function attributeQuote(q: QuoteMention, ents: EntityAnalysis): AttributedQuote {
  const byId = new Map(ents.entities.map((e) => [e.id, e]));
  const find = (span: { start: number; end: number } | null) => {
    if (!span) return null;
    const m = ents.mentions.find((x) => x.start < span.end && span.start < x.end && (x.type === 'PER' || x.type === 'ORG' || x.type === 'LOC'));
    return m ? byId.get(m.entityId) ?? null : null;
  };
  const entity = find(q.speaker) ?? find(q.speakerAntecedent);
  return {
    text: q.text, kind: q.kind, cue: q.cue, mention: q.speaker?.text ?? null, start: q.start, end: q.end,
    speaker: entity ? { key: entity.id, name: entity.name, role: entity.role, type: entity.type } : null,
  };
}
