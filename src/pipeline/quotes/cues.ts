// Finds attribution cues (said, told reporters, according to) in an analysed text.
import type { QuoteDoc } from './document.ts';
import type { Range } from './attribute.ts';
import { CUE_PHRASES, CUE_WORD_FORMS } from './lexicon.ts';

/** Cue candidates from the lexicon: multi-word phrases first, then single verb forms outside quotations. */
export function findCues(doc: QuoteDoc): Range[] {
  const { tokens } = doc;
  const out: Range[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (doc.quoteOf[i] >= 0) continue;
    const phrase = CUE_PHRASES.find((p) => p.every((w, k) => tokens[i + k]?.lower === w));
    if (phrase) {
      out.push({ from: i, to: i + phrase.length });
      i += phrase.length - 1;
      continue;
    }
    if (CUE_WORD_FORMS.has(tokens[i].lower)) out.push({ from: i, to: i + 1 });
  }
  return out;
}
