// Finds attribution cues (said, told reporters, according to) with the trained cue tagger.
import { readFileSync } from 'node:fs';
import type { QuoteDoc } from './document.ts';
import type { Range } from './attribute.ts';
import { readModel, tagTokens, type TaggerModel } from './tagger.ts';
import { CUE_PHRASES, NON_CUES, SOURCE_FIRST_CUES } from './lexicon.ts';

/**
 * Added to the tagger's "outside" score before decoding (in weight units; a token's scores run to about
 * ±100): negative values favour recall, positive precision. Calibrated with LEXICON_BIAS as a pair on
 * quotes-dev (grid -30..2 × -30..0). Quote F1 keeps rising slowly down to about -20 × -20, but the extra
 * quotes there have poor speakers (speaker accuracy falls under 0.88); the chosen pair is where F1 levels
 * off (within ±0.002 around it) with speakers still at 0.885. Don't tune one alone.
 */
export const OUTSIDE_BIAS = -2;

/** Extra "outside" score for words of the cue lexicon (negative: lean towards taking them as cues). Calibrated with OUTSIDE_BIAS. */
export const LEXICON_BIAS = -15;

let model: TaggerModel | null = null;

function loadModel(): TaggerModel {
  model ??= readModel(readFileSync(new URL('./model/cue-tagger.json.gz', import.meta.url)));
  return model;
}

/**
 * Longest cue span kept from the tagger's B/I run, unless the run opens with a known phrase ("in the words
 * of"): a longer run has swallowed the start of the content ("denied planning to attack").
 */
const MAX_CUE_TOKENS = 2;

const PHRASES = [...SOURCE_FIRST_CUES, ...CUE_PHRASES];

/** A cue span with the tagger's margin on its first token (cue score minus "outside" score, biases included). */
export interface Cue extends Range {
  margin: number;
}

/** Cue spans as token ranges: a B tag opens one, following I tags extend it. */
export function findCues(doc: QuoteDoc, outsideBias = OUTSIDE_BIAS, lexiconBias = LEXICON_BIAS, tagger: TaggerModel = loadModel()): Cue[] {
  const margins = new Float64Array(doc.tokens.length);
  const tags = tagTokens(tagger, doc, outsideBias, lexiconBias, margins);
  const out: Cue[] = [];
  for (let i = 0; i < tags.length; i++) {
    if (tags[i] !== 'B' || NON_CUES.has(doc.tokens[i].lower)) continue;
    let j = i + 1;
    while (j < tags.length && tags[j] === 'I') j++;
    out.push({ from: i, to: Math.min(j, i + Math.max(MAX_CUE_TOKENS, phraseAt(doc, i))), margin: margins[i] });
  }
  return out;
}

/** Length of the longest known cue phrase starting at token `i`, or 0. */
function phraseAt(doc: QuoteDoc, i: number): number {
  let best = 0;
  for (const p of PHRASES) {
    if (p.length > best && p.every((w, k) => doc.tokens[i + k]?.lower === w)) best = p.length;
  }
  return best;
}
