// Line helpers for plain-text captures: splitting into trimmed lines and the normalised key used to count repeats.

/** One non-empty line of a capture, with whether a blank line (a paragraph break) preceded it. */
export interface Line {
  /** The line with its spacing collapsed. */
  text: string;
  /** The line as written, only trimmed. */
  raw: string;
  /** Index of the line in the original text (0-based, counting blank lines). */
  index: number;
  blankBefore: boolean;
}

/**
 * Normalised form of a line, for counting how many documents of one source repeat it.
 * Case, spacing, Unicode forms, digits and edge punctuation vary between pages that show the same
 * chrome ("56 Points" / "12 Points", "© 2021" / "© 2022"), so all of them are folded away.
 */
export function lineKey(line: string): string {
  return line
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\p{N}+/gu, '0')
    .replace(/\s+/gu, ' ')
    .replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '');
}

/** Splits text into trimmed non-empty lines, remembering paragraph breaks. Linear in the text size. */
export function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let blank = false;
  const raw = text.replace(/\r\n?/g, '\n').split('\n');
  for (let i = 0; i < raw.length; i++) {
    // Directional marks (right-to-left pages wrap lines, dates and numbers in them) are no text; a zero-width
    // space separates words like a space.
    const t = raw[i].replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]/gu, '').replace(/[\s\u200b]+/gu, ' ').trim();
    if (!t) {
      blank = true;
      continue;
    }
    out.push({ text: t, raw: raw[i].trim(), index: i, blankBefore: blank || out.length === 0 });
    blank = false;
  }
  return out;
}

/** Closing punctuation of a sentence in the scripts captures come in, then closing quotes, brackets and emoji. */
const SENTENCE_END = /[.!?…。！？؟]["”»’'）)\]]*[\s\p{So}\p{Sk}\u{FE0F}]*$/u;

/** Whether a line ends like a sentence (headlines, menus and labels do not). */
export function endsSentence(line: string): boolean {
  return SENTENCE_END.test(line);
}

/**
 * Whether a line reads as a paragraph of prose: at least `minWords` words and closing like a sentence.
 * The first lines of a whole-page capture are the page title, the headline and the standfirst, which
 * are as long as a paragraph but do not close with a full stop.
 */
export function isParagraph(line: string, minWords: number): boolean {
  return words(line).length >= minWords && endsSentence(line.trim());
}

/** Letter-or-digit word tokens of a line (the same notion of a word as the evaluation metric). */
export function words(line: string): string[] {
  return line.match(/[\p{L}\p{M}\p{N}\p{Pc}]+/gu) ?? [];
}

/** Share of the word pairs of `part` that also occur in `whole` (how much of a line another text repeats). */
export function repeatedShare(part: string, whole: string): number {
  const pairs = (text: string): string[] => {
    const w = words(text.toLowerCase());
    const out: string[] = [];
    for (let i = 0; i + 1 < w.length; i++) out.push(`${w[i]} ${w[i + 1]}`);
    return out;
  };
  const a = pairs(part);
  if (a.length === 0) return 0;
  const b = new Set(pairs(whole));
  return a.filter((p) => b.has(p)).length / a.length;
}
