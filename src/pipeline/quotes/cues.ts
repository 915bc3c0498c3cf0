// Finds attribution cues (said, told reporters, according to) with the trained cue tagger.
import { readFileSync } from 'node:fs';
import type { QuoteDoc } from './document.ts';
import type { Range } from './attribute.ts';
import { tagTokens, type TaggerModel } from './tagger.ts';

/**
 * Added to the tagger's "outside" score before decoding: negative values favour recall, positive
 * precision. Calibrated with LEXICON_BIAS as a pair on quotes-dev for quote F1 (grid -4..2 × -20..0;
 * the F1 surface is flat within ±0.005 around the chosen point, so don't tune one alone).
 */
export const OUTSIDE_BIAS = -2;

/** Extra "outside" score for words of the cue lexicon (negative: lean towards taking them as cues). Calibrated on quotes-dev. */
export const LEXICON_BIAS = -4;

let model: TaggerModel | null = null;

function loadModel(): TaggerModel {
  model ??= JSON.parse(readFileSync(new URL('./model/cue-tagger.json', import.meta.url), 'utf8')) as TaggerModel;
  return model;
}

/** Cue spans as token ranges: a B tag opens one, following I tags extend it. */
export function findCues(doc: QuoteDoc, outsideBias = OUTSIDE_BIAS, lexiconBias = LEXICON_BIAS): Range[] {
  const tags = tagTokens(loadModel(), doc, outsideBias, lexiconBias);
  const out: Range[] = [];
  for (let i = 0; i < tags.length; i++) {
    if (tags[i] !== 'B') continue;
    let j = i + 1;
    while (j < tags.length && tags[j] === 'I') j++;
    out.push({ from: i, to: j });
  }
  return out;
}
