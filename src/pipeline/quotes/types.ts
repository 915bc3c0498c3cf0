// Plain result types of quote extraction and attribution; no logic here.

/** A character span of the analysed text: `text.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
}

export interface TextSpan extends Span {
  text: string;
}

/**
 * direct: the content is wholly inside quotation marks.
 * indirect: reported speech or thought with no quotation marks ("Ryabkov said that ...").
 * mixed: reported speech that carries a quoted fragment ('noted that the talks were “open and direct”').
 */
export type QuoteKind = 'direct' | 'indirect' | 'mixed';

export interface QuoteMention extends TextSpan {
  kind: QuoteKind;
  /**
   * The pieces of the content when an attribution interrupts it
   * (“A,” said X. “B.” gives two parts); a single part otherwise.
   * `start`/`end` cover all parts.
   */
  parts: Span[];
  /** The cue as written: 'said', 'told reporters', 'according to', ':'. */
  cue: string | null;
  cueSpan: Span | null;
  /** The source mention as written (name, noun phrase or pronoun), before any resolution. */
  speaker: TextSpan | null;
  /**
   * For a pronoun or a descriptive speaker mention ("he", "the senior diplomat"):
   * the nearest preceding person-like proper name, a hint for coreference. Null otherwise.
   */
  speakerAntecedent: TextSpan | null;
  /**
   * How likely the candidate filter judged this attribution (0..1), for quotes found through a cue;
   * null for speaker labels ("Pence: ...") and quotations that no cue claimed.
   */
  confidence: number | null;
}
