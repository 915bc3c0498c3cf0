// Token features for the cue tagger, shared by the training script and the runtime tagger.
import type { QuoteDoc } from './document.ts';
import { isMark } from './document.ts';
import { AUXILIARIES, CUE_WORD_FORMS, SPEAKER_PRONOUNS } from './lexicon.ts';

/** Tags of the cue tagger: first token of a cue, a later token of it, outside. */
export const TAGS = ['B', 'I', 'O'] as const;
export type Tag = (typeof TAGS)[number];

function shape(text: string): string {
  if (/^\p{Lu}+$/u.test(text)) return 'XX';
  if (/^\p{Lu}/u.test(text)) return 'Xx';
  if (/^\p{N}/u.test(text)) return 'd';
  if (/^\p{Ll}/u.test(text)) return 'x';
  return text;
}

/** A rough stem so that said/says/saying share evidence with unseen forms of the same verb. */
function stem(word: string): string {
  return word.replace(/(ing|ed|es|s)$/, '');
}

function lowerAt(doc: QuoteDoc, i: number): string {
  const t = doc.tokens[i];
  if (!t) return i < 0 ? '<s>' : '</s>';
  if (isMark(t)) return '<q>';
  return t.kind === 'word' && /^\p{N}/u.test(t.text) ? '<num>' : t.lower;
}

/**
 * Features of token `i` given the tag chosen for the token before it. The sentence boundaries
 * are shown to the model as <s> and </s> so that context never leaks across sentences.
 */
export function tokenFeatures(doc: QuoteDoc, i: number, prevTag: Tag): string[] {
  const { tokens } = doc;
  const t = tokens[i];
  const sent = doc.sentences[t.sentence];
  const at = (k: number): string => (k < sent.from ? '<s>' : k >= sent.to ? '</s>' : lowerAt(doc, k));
  const w = at(i);
  const p1 = at(i - 1);
  const p2 = at(i - 2);
  const n1 = at(i + 1);
  const n2 = at(i + 2);
  const inQuote = doc.quoteOf[i] >= 0;
  const f = [
    'bias',
    `w=${w}`,
    `st=${stem(w)}`,
    `sh=${shape(t.text)}`,
    `suf3=${w.slice(-3)}`,
    `p1=${p1}`,
    `p2=${p2}`,
    `n1=${n1}`,
    `n2=${n2}`,
    `p1w=${p1}|${w}`,
    `wn1=${w}|${n1}`,
    `p1n1=${p1}|${n1}`,
    `wn1n2=${w}|${n1}|${n2}`,
    `pt=${prevTag}`,
    `ptw=${prevTag}|${w}`,
    `q=${inQuote ? 1 : 0}`,
    `qw=${inQuote ? 1 : 0}|${w}`,
    `lex=${CUE_WORD_FORMS.has(w) ? 1 : 0}`,
    `lexq=${CUE_WORD_FORMS.has(w) ? 1 : 0}|${inQuote ? 1 : 0}`,
    `psh=${i > sent.from ? shape(tokens[i - 1].text) : '<s>'}`,
    `ppro=${SPEAKER_PRONOUNS.has(p1) ? 1 : 0}|${w}`,
    `first=${i === sent.from ? 1 : 0}`,
  ];
  // Agent before the word (after skipping auxiliaries): a name, a pronoun or a noun phrase head.
  let k = i - 1;
  while (k >= sent.from && AUXILIARIES.has(tokens[k].lower)) k--;
  const agent = k < sent.from ? '<s>' : SPEAKER_PRONOUNS.has(tokens[k].lower) ? 'pro' : tokens[k].kind === 'word' ? shape(tokens[k].text) : tokens[k].text;
  const aux = k < i - 1 ? tokens[k + 1].lower : '-';
  f.push(`ag=${agent}|${w.slice(-2)}`, `ag2=${agent}|${stem(w)}`, `aux=${aux}|${w.slice(-2)}`);
  // What the word opens: a "that" clause, a colon, a quotation, an infinitive.
  let that = '-';
  for (let m = i + 1; m < Math.min(sent.to, i + 5); m++) {
    const lw = tokens[m].lower;
    if (lw === 'that' || lw === ':' || lw === 'to' || isMark(tokens[m])) { that = isMark(tokens[m]) ? 'q' : lw; break; }
  }
  f.push(`op=${that}|${w.slice(-2)}`, `opw=${that}|${stem(w)}`);
  const lexical = CUE_WORD_FORMS.has(w) ? 1 : 0;
  const pos = (m: number): string => (m < sent.from ? '<s>' : m >= sent.to ? '</s>' : doc.pos[m]);
  const agentPos = k < sent.from ? '<s>' : doc.pos[k];
  f.push(`pos=${pos(i)}`, `pp1=${pos(i - 1)}|${pos(i)}`, `pn1=${pos(i)}|${pos(i + 1)}`, `pag=${agentPos}|${pos(i)}`,
    `pagop=${agentPos}|${pos(i)}|${that}`, `lexpag=${lexical}|${agentPos}|${pos(i)}`, `lexop=${lexical}|${that}|${pos(i)}`,
    `lexag=${lexical}|${agent}`, `posw=${pos(i)}|${stem(w)}`, `pp2=${pos(i - 2)}|${pos(i - 1)}|${pos(i)}`);
  if (inQuote && doc.quoteTokens[doc.quoteOf[i]].from === i) f.push('qopen');
  // Position relative to the nearest quotation in the sentence: cues hug quotations.
  const qBefore = i > sent.from && (isMark(tokens[i - 1]) || (tokens[i - 1].text === ',' && isMark(tokens[i - 2])));
  const qAfter = i + 1 < sent.to && isMark(tokens[i + 1]);
  if (qBefore) f.push(`qb|${stem(w)}`);
  if (qAfter) f.push(`qa|${stem(w)}`);
  if (sentenceHasQuote(doc, sent.from, sent.to)) f.push(`sq|${stem(w)}`);
  return f;
}

function sentenceHasQuote(doc: QuoteDoc, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (doc.quoteOf[k] >= 0) return true;
  return false;
}
