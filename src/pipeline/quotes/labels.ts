// Speaker labels: a headline or transcript paragraph that names its speaker before a colon ("Pence: ...", "WALLACE: ...").
import type { QuoteDoc } from './document.ts';
import { isMark } from './document.ts';
import type { Attribution, Range } from './attribute.ts';
import { HEADLINE_KICKERS } from './lexicon.ts';

/** Longest label before the colon, in tokens ("Former AG Mukasey at RNC" is five). */
const MAX_LABEL_TOKENS = 5;

/**
 * Attributions of labelled paragraphs, with the first token of each paragraph. A transcript turn ("WALLACE: ..." in capitals, anywhere in the
 * text) runs on through the following paragraphs of the same quotation until the next turn; a headline
 * ("Graham: Trump’s ‘Hateful Rhetoric’ Destroying GOP’s Chance") is the text's first paragraph and may
 * name its speaker in title case, unless the label is a kicker ("The Latest:", "Breaking:").
 */
export function labelledParagraphs(doc: QuoteDoc): Array<{ paragraph: number; attribution: Attribution }> {
  const { tokens } = doc;
  const out: Array<{ paragraph: number; attribution: Attribution }> = [];
  const starts = paragraphStarts(doc);
  for (let p = 0; p < starts.length; p++) {
    const label = labelAt(doc, starts[p], p === 0);
    if (!label) continue;
    const end = p + 1 < starts.length ? starts[p + 1] : tokens.length;
    const parts: Range[] = [];
    const first = trimMarks(doc, { from: label.colon + 1, to: end });
    if (first) parts.push(first);
    // A turn continues through the next paragraphs that open a quotation ("“But the truth is ..."), the
    // print convention for one speaker's words running over several paragraphs.
    for (let n = p + 1; isMark(tokens[starts[p]]) && n < starts.length; n++) {
      const s = starts[n];
      if (!isMark(tokens[s]) || labelAt(doc, s, false) || tokens[s + 1]?.text === '(') break;
      const r = trimMarks(doc, { from: s, to: n + 1 < starts.length ? starts[n + 1] : tokens.length });
      if (r) parts.push(r);
    }
    if (parts.length > 0) out.push({ paragraph: starts[p], attribution: { cue: { from: label.colon, to: label.colon + 1 }, source: label.name, content: parts } });
  }
  return out;
}

function paragraphStarts(doc: QuoteDoc): number[] {
  const out: number[] = [];
  for (let i = 0; i < doc.tokens.length; i++) if (i === 0 || doc.tokens[i].paragraph !== doc.tokens[i - 1].paragraph) out.push(i);
  return out;
}

/** The label at the start of a paragraph: capitalised words (all capitals outside the headline) and a colon. */
function labelAt(doc: QuoteDoc, start: number, headline: boolean): { name: Range; colon: number } | null {
  const { tokens, pos } = doc;
  let i = start + (isMark(tokens[start]) ? 1 : 0);
  const from = i;
  const para = tokens[start].paragraph;
  while (i < tokens.length && tokens[i].paragraph === para && tokens[i].text !== ':' && i - from <= MAX_LABEL_TOKENS) i++;
  if (i === from || i - from > MAX_LABEL_TOKENS || tokens[i]?.text !== ':' || tokens[i].paragraph !== para) return null;
  if (!tokens[i + 1] || tokens[i + 1].paragraph !== para) return null;
  const words = tokens.slice(from, i);
  if (words.some((t) => t.kind === 'punct' && t.text !== '.' && t.text !== '-' && t.text !== '&')) return null;
  if (headline) {
    if (!/^\p{Lu}/u.test(words[0].text) || HEADLINE_KICKERS.has(words.map((t) => t.lower).join(' '))) return null;
    // A verb makes the label a clause of its own ("Carly Fiorina Endorses Ted Cruz: ...").
    for (let k = from; k < i; k++) if (/^VB[DZP]?$/.test(pos[k]) && !/^\p{Lu}+$/u.test(tokens[k].text)) return null;
  } else if (!words.every((t) => t.kind === 'word' && /^\p{Lu}{2,}$/u.test(t.text))) {
    return null;
  }
  return { name: { from, to: i }, colon: i };
}

/** Drops punctuation and quotation marks from both ends; null when no word is left. */
function trimMarks(doc: QuoteDoc, r: Range): Range | null {
  const { tokens } = doc;
  let { from, to } = r;
  while (from < to && tokens[from].kind === 'punct') from++;
  while (to > from && (isMark(tokens[to - 1]) || tokens[to - 1].kind === 'punct' && tokens[to - 1].text !== '.' && tokens[to - 1].text !== '?')) to--;
  for (let i = from; i < to; i++) if (tokens[i].kind === 'word') return { from, to };
  return null;
}
