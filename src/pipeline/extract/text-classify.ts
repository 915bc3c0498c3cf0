// Line classification for plain-text captures: what kind of page furniture or prose each line is.
import type { LineEvidence } from '../contracts.ts';
import { endsSentence, lineKey, words, type Line } from '../../lib/lines.ts';
import {
  BARRIER_WORDS, CAPTION_MARKERS, CHROME, CHROME_PATTERNS, LANGUAGE_MENU_WORDS, PROMO_PATTERN, SECTION_LABELS,
} from './chrome-lexicon.ts';
import { DATE_FILLER_WORDS, DATE_WORDS } from './text-date-words.ts';
import { asciiDigits } from '../date/digits.ts';

export type Kind =
  | 'prose' // a paragraph of running text
  | 'sentence' // a short line that is still a sentence ("A spokeswoman declined to comment.")
  | 'short' // a short line without sentence shape: a heading, a link, a label
  | 'chrome' // page furniture known from the lexicon, the patterns or the repetition evidence
  | 'barrier' // a heading that opens other content ("Related Articles", "Comments")
  | 'caption' // a photo caption or credit
  | 'date' // the page's date line
  | 'byline' // "By Name"
  | 'section'; // a section label ("World")

export interface Block extends Line {
  size: number;
  kind: Kind;
}

/** A line of at least this many words with sentence punctuation is prose. */
const PROSE_MIN_WORDS = 12;
/**
 * A line that does not end like a sentence is a headline (of this or another article) unless it is this
 * long and has inner punctuation: a paragraph whose last full stop the capture lost.
 */
const OPEN_PROSE_MIN_WORDS = 20;
/** A line of at least this many words ending like a sentence is a (short) sentence. */
const SENTENCE_MIN_WORDS = 4;
/** Phrase-prefix chrome ("Share on Facebook", cookie notices) is only believed on lines up to this long. */
const CHROME_PREFIX_MAX_WORDS = 70;
/** Captions are short; a long line that mentions a photo credit is still prose. */
const CAPTION_MAX_WORDS = 40;
/** Date lines are short; longer lines that mention dates are prose. */
const DATE_LINE_MAX_WORDS = 16;
/** A date line may carry a few other words ("Updated", "Associated Press", "2 min read"). */
const DATE_LINE_MAX_OTHER_WORDS = 3;
/** Share of a line's words that must be language or edition names for it to be a language menu. */
const LANGUAGE_MENU_MIN_SHARE = 0.6;
/**
 * Repetition evidence. Lines that two pages of one outlet share are nearly always chrome: on zyte-dev, of
 * 4,237 lines shared by two captures of the same host, 4 were article text (and those were boilerplate the
 * benchmark counts as text). The risk is the other way round: articles of one running story repeat a
 * background paragraph. So counts are only trusted from this many earlier documents, a short line is chrome
 * when it appears in at least EVIDENCE_MIN_SHARE of them, and a prose paragraph only when it appears in
 * nearly all of them (a page template, not a story's background).
 */
export const EVIDENCE_MIN_DOCUMENTS = 5;
export const EVIDENCE_MIN_SHARE = 0.4;
export const EVIDENCE_MIN_SHARE_PROSE = 0.8;

const LEXICONS = Object.values(CHROME);
const LINE_SET = new Set(LEXICONS.flatMap((l) => l.line.map(normalisePhrase)));
const BARRIER_SET = new Set(LEXICONS.flatMap((l) => l.barrier.map(normalisePhrase)));
const PREFIXES = LEXICONS.flatMap((l) => l.prefix.map((p) => p.toLowerCase()));
const MENU_WORDS = new Set(LANGUAGE_MENU_WORDS.map((w) => w.toLowerCase()));
const SECTION_SET = new Set(SECTION_LABELS.map(normalisePhrase));

const SENTENCE_PUNCT = /[.!?…。！？؟,;،؛:]/u;
const TIME_OR_DATE = /\b\d{1,2}:\d{2}\b|\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b|\b(19|20)\d{2}\b/u;
const BYLINE = /^(by|from|автор|авторы|yazar|بقلم|نویسنده)\s*[:\s]\s*\S/iu;
const BYLINE_MAX_WORDS = 10;
/** The signature under an embedded post ("— Name (@handle) November 18, 2019") belongs to the article. */
const EMBED_SIGNATURE = /^[—–-]\s*.{1,80}\(@\w+\)/u;
/** Self-promotion (newsletter boxes, "Follow us on Twitter") is short; longer lines mentioning it are prose. */
const PROMO_MAX_WORDS = 20;
/** Cookie notices: the word itself plus the vocabulary of consent, at any length. */
const COOKIE_WORD = /\bcookies?\b|çerez|куки|cookie-файл|کوکی|ملفات تعريف الارتباط/u;
const COOKIE_CONTEXT = /\b(site|website|browsing|browser|experience|consent|accept|settings|privacy|use of)\b|сайт|site|sitemiz|سایت|موقع/u;
/** Short headings that open a list of other content ("Trending News", "More in U.S.", "Top Rated Comments"). */
const BARRIER_MAX_WORDS = 6;

/** Lower-cases a phrase and trims bullets, counters and edge punctuation so lexicon look-ups are exact. */
export function normalisePhrase(text: string): string {
  return text
    .replace(/İ/gu, 'i')
    .toLowerCase()
    .replace(/^[\s\-–—•·*▪►»>|+]+/u, '')
    .replace(/\s*[([]\s*\d+\s*[)\]]$/u, '')
    .replace(/[\s:|»›>…·•\-–—.!?,;/]+$/u, '')
    .replace(/[’‘`]/gu, "'")
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Number of words, counting CJK characters (written without spaces) two to a word. */
export function sizeOf(text: string): number {
  const cjk = text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
  return Math.max(words(text).length, Math.round(cjk / 2));
}

/** Classifies one line of a capture. */
export function classify(line: Line, evidence?: LineEvidence): Block {
  const size = sizeOf(line.text);
  return { ...line, size, kind: kindOf(line.text, size, evidence) };
}

function kindOf(text: string, size: number, evidence?: LineEvidence): Kind {
  const kind = kindFromText(text, size);
  if (evidence && evidence.documents >= EVIDENCE_MIN_DOCUMENTS) {
    const share = evidence.count(lineKey(text)) / evidence.documents;
    if (share >= (kind === 'prose' ? EVIDENCE_MIN_SHARE_PROSE : EVIDENCE_MIN_SHARE)) return 'chrome';
  }
  return kind;
}

function kindFromText(text: string, size: number): Kind {
  const phrase = normalisePhrase(text);
  if (BARRIER_SET.has(phrase)) return 'barrier';
  if (SECTION_SET.has(phrase)) return 'section';
  if (LINE_SET.has(phrase) || phrase === '') return 'chrome';
  if (size <= BARRIER_MAX_WORDS && BARRIER_WORDS.test(phrase)) return 'barrier';
  if (EMBED_SIGNATURE.test(text)) return 'sentence';
  if (isDateLine(text, size)) return 'date';
  if (CHROME_PATTERNS.some((re) => re.test(text))) return 'chrome';
  if (size <= CHROME_PREFIX_MAX_WORDS && PREFIXES.some((p) => phrase.startsWith(p))) return 'chrome';
  if (isLanguageMenu(text)) return 'chrome';
  if (size <= PROMO_MAX_WORDS && PROMO_PATTERN.test(phrase)) return 'chrome';
  if (COOKIE_WORD.test(phrase) && COOKIE_CONTEXT.test(phrase)) return 'chrome';
  if (size <= BYLINE_MAX_WORDS && BYLINE.test(text)) return 'byline';
  if (size <= CAPTION_MAX_WORDS && isCaption(phrase)) return 'caption';
  const closed = endsSentence(text);
  if (size >= PROSE_MIN_WORDS && (closed || (size >= OPEN_PROSE_MIN_WORDS && SENTENCE_PUNCT.test(text)))) return 'prose';
  if (size >= SENTENCE_MIN_WORDS && closed) return 'sentence';
  return 'short';
}

function isLanguageMenu(text: string): boolean {
  const tokens = text.toLowerCase().split(/[\s|/·•,]+/u).filter(Boolean);
  if (tokens.length < 2) return false;
  const hits = tokens.filter((t) => MENU_WORDS.has(t)).length;
  return hits >= 2 && hits / tokens.length >= LANGUAGE_MENU_MIN_SHARE;
}

/** A line that is mostly a date and time ("14:10, 16 February", "2022-January-13 19:46"). */
export function isDateLine(text: string, size = sizeOf(text)): boolean {
  if (size === 0 || size > DATE_LINE_MAX_WORDS) return false;
  // Persian and Arabic-Indic digits count as digits ("۲۳ دی ۱۴۰۰ - ۱۹:۴۶").
  text = asciiDigits(text);
  const tokens = words(text.toLowerCase());
  let dateWords = 0;
  let hasNumber = false;
  let other = 0;
  for (const t of tokens) {
    if (/^\d+(st|nd|rd|th|г)?$/u.test(t)) {
      hasNumber = true;
      dateWords++;
    } else if (DATE_WORDS.has(t) || DATE_FILLER_WORDS.has(t)) dateWords++;
    else other++;
  }
  if (!hasNumber) return false;
  const hasDate = TIME_OR_DATE.test(text) || tokens.some((t) => DATE_WORDS.has(t) && !DATE_FILLER_WORDS.has(t));
  return hasDate && other <= DATE_LINE_MAX_OTHER_WORDS && dateWords >= other;
}

function isCaption(phrase: string): boolean {
  return CAPTION_MARKERS.some((m) => phrase.includes(m));
}

