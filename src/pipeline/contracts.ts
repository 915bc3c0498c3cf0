// Typed results of the extraction stages, so the orchestrator and each stage agree on shapes.
import type { PublishedDate } from '../domain/article.ts';

/** Result of `extractHtml` (src/pipeline/extract/html.ts). */
export interface HtmlExtraction {
  title: string | null;
  standfirst: string | null;
  byline: string | null;
  section: string | null;
  /** og:site_name / application-name / JSON-LD publisher name. */
  siteName: string | null;
  /** <html lang> or content-language meta, normalised to an ISO 639-1 code when possible. */
  declaredLanguage: string | null;
  /** Article body, paragraphs separated by "\n\n"; "" when nothing was found. */
  text: string;
}

/** Result of `extractPlainText` (src/pipeline/extract/text.ts). */
export interface TextExtraction {
  title: string | null;
  standfirst: string | null;
  byline: string | null;
  section: string | null;
  /** The raw line that carried the date, e.g. "14:10, 16 February" or "2022-January-13  19:46". */
  dateLine: string | null;
  /** Article body, paragraphs separated by "\n\n". */
  text: string;
}

/** Line-repetition evidence: how many other documents of the same source contain a line. */
export interface LineEvidence {
  /** Number of earlier documents seen from this source. */
  documents: number;
  /** Count of earlier documents containing the normalised line (see `lineKey`). */
  count(line: string): number;
}

export interface OutletGuess {
  outlet: string;
  /** e.g. "og:site_name", "host example.com", "credit '/TASS/'", "credit 'told RT'". */
  source: string;
}

export interface DatelineGuess {
  /** City in title case, e.g. "Geneva". */
  city: string;
  /** The dateline's own date text when it has one, e.g. "January 9". */
  dateText: string | null;
  /** Wire credit inside the dateline, e.g. "TASS", "FNA". */
  credit: string | null;
}

export type { PublishedDate };
