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
  // Overlapping readings of one passage: the first (and on ties the longer) stands.
  const found: QuoteMention[] = [];
  for (const q of extractQuotes(text).sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (!found.some((k) => q.start < k.end && k.start < q.end)) found.push(q);
  }
  const quotes: AttributedQuote[] = [];
  let previous: { entity: DocEntity; end: number } | null = null;
  for (const q of found) {
    const { quote, entity } = attributeQuote(q, ents, found, previous);
    quotes.push(quote);
    if (entity?.type === 'PER') previous = { entity, end: q.end };
  }
  // 3. Temporal expressions normalised against the article's date; 4. dated events built on them.
  const timexes = findTimexes(text, { date: published });
  const events = extractEvents(text, timexes, ents, published);
  return { entities: ents.entities, quotes, events };
}

const PRONOUN = /^(?:he|she|they|him|her)$/i;
/** Characters back from a pronoun within which its person must have been named (about three sentences). */
const PRONOUN_REACH = 600;
/** A speaker given only as a description ("the head of the delegation", "a senior official"). */
const DESCRIPTION = /^(?:the|a|an)\s/i;
/** Characters ahead within which a description's person may be named (the next sentence or two). */
const CATAPHORA_REACH = 400;

/** Speaker entity types in order of preference: a person inside "Kremlin spokesman Dmitry Peskov" wins over the Kremlin. */
const SPEAKER_PREFERENCE: Record<string, number> = { PER: 0, ORG: 1, LOC: 2 };

/**
 * Ties a quote's speaker mention to a resolved entity: a person, organisation (or a place standing for its
 * government: "Moscow has denied") whose mention lies in the speaker span — pronouns and titles included, as the
 * entity stage resolved them — else the antecedent the quote stage proposed, when that is a person.
 */
function attributeQuote(
  q: QuoteMention, ents: EntityAnalysis, all: QuoteMention[], previous: { entity: DocEntity; end: number } | null,
): { quote: AttributedQuote; entity: DocEntity | null } {
  const byId = new Map(ents.entities.map((e) => [e.id, e]));
  const quoted = (pos: number) => all.some((o) => o.parts.some((p) => pos >= p.start && pos < p.end));
  let entity: DocEntity | null = null;
  const sp = q.speaker;
  const pronoun = sp ? PRONOUN.exec(sp.text) : null;
  if (sp) {
    const inside = ents.mentions
      .filter((m) => m.start >= sp.start && m.end <= sp.end && m.type in SPEAKER_PREFERENCE)
      // A place speaks only as the whole mention ("Moscow said"), not from inside a description ("talks in Vienna").
      .filter((m) => m.type !== 'LOC' || (m.start === sp.start && m.end === sp.end))
      .sort((a, b) => SPEAKER_PREFERENCE[a.type] - SPEAKER_PREFERENCE[b.type] || a.start - b.start);
    entity = inside.length ? byId.get(inside[0].entityId) ?? null : null;
  }
  // "he said" right after someone's quotes continues that speaker (quote sequences), when the gender allows.
  // Another person named in between ("Spokesman Dmitry Peskov said ... he said") takes over.
  if (sp && pronoun && previous && sp.start - previous.end <= PRONOUN_REACH && genderFits(previous.entity, pronoun[0])
    && !ents.mentions.some((m) => m.type === 'PER' && m.start >= previous.end && m.end <= sp.start && m.entityId !== previous.entity.id && !quoted(m.start))) {
    entity = previous.entity;
  }
  if (!entity && q.speakerAntecedent) {
    const ant = q.speakerAntecedent;
    const m = ents.mentions.find((x) => x.type === 'PER' && x.start < ant.end && ant.start < x.end);
    entity = m ? byId.get(m.entityId) ?? null : null;
  }
  // A pronoun the entity stage left open: the last person mentioned before it, outside any quote.
  if (!entity && sp && pronoun) {
    const prior = ents.mentions.filter((m) => m.type === 'PER' && m.end <= sp.start && sp.start - m.end <= PRONOUN_REACH && !quoted(m.start));
    const last = prior[prior.length - 1];
    entity = last ? byId.get(last.entityId) ?? null : null;
  }
  // A description named only afterwards ("The head of the delegation told RT ... Konstantin Gavrilov explained").
  if (!entity && sp && DESCRIPTION.test(sp.text)) {
    const next = ents.mentions.find((m) => m.type === 'PER' && m.start >= sp.end && m.start - sp.end <= CATAPHORA_REACH && !quoted(m.start));
    entity = next ? byId.get(next.entityId) ?? null : null;
  }
  return {
    entity,
    quote: {
      text: q.text, kind: q.kind, cue: q.cue, mention: sp?.text ?? null, start: q.start, end: q.end, confidence: q.confidence,
      speaker: entity ? { key: entity.id, name: entity.name, role: entity.role, type: entity.type } : null,
    },
  };
}

function genderFits(e: DocEntity, pronoun: string): boolean {
  const p = pronoun.toLowerCase();
  const wanted = p === 'he' || p === 'him' ? 'male' : p === 'she' || p === 'her' ? 'female' : null;
  return wanted === null || e.gender === null || e.gender === wanted;
}
