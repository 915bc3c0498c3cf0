// The analysed text shared by the quote stages: tokens, sentences and which quotation each token sits in.
import { findQuotations, type Quotation } from './quoted.ts';
import { tokenize, type Sentence, type Token } from './tokens.ts';
import { MARKS } from './marks.ts';
import { tagSentences } from '../pos/index.ts';

export interface QuoteDoc {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  quotations: Quotation[];
  /** For each token, the index of the top-level quotation holding it (its marks included), or -1. */
  quoteOf: number[];
  /** For each quotation, its token range (marks included): `from` inclusive, `to` exclusive. */
  quoteTokens: Array<{ from: number; to: number }>;
  /** Penn Treebank part-of-speech tag of each token. */
  pos: string[];
}

export function analyse(text: string): QuoteDoc {
  const { tokens, sentences } = tokenize(text);
  const quotations = findQuotations(text);
  const quoteOf = new Array<number>(tokens.length).fill(-1);
  let q = 0;
  for (let i = 0; i < tokens.length; i++) {
    while (q < quotations.length && quotations[q].close <= tokens[i].start) q++;
    if (q < quotations.length && tokens[i].start >= quotations[q].open && tokens[i].start < quotations[q].close) quoteOf[i] = q;
  }
  const quoteTokens = quotations.map(() => ({ from: -1, to: -1 }));
  quoteOf.forEach((qi, i) => {
    if (qi < 0) return;
    if (quoteTokens[qi].from < 0) quoteTokens[qi].from = i;
    quoteTokens[qi].to = i + 1;
  });
  return { text, tokens, sentences, quotations, quoteOf, quoteTokens, pos: partsOfSpeech(tokens, sentences) };
}

export function isMark(t: Token | undefined): boolean {
  return t !== undefined && t.kind === 'punct' && MARKS[t.text] !== undefined;
}

/** Number of word tokens inside a quotation. */
export function quotationWords(doc: QuoteDoc, q: number): number {
  let n = 0;
  for (let i = doc.quoteTokens[q].from; i >= 0 && i < doc.quoteTokens[q].to; i++) if (doc.tokens[i].kind === 'word') n++;
  return n;
}

/** Part-of-speech tags, one sentence at a time (the project's averaged-perceptron tagger, trained on CoNLL-2003). */
function partsOfSpeech(tokens: Token[], sentences: Sentence[]): string[] {
  return tagSentences(tokens, sentences);
}
