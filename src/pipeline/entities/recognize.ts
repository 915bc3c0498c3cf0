// Name recognition in raw text: tokenize, split sentences, tag with the committed averaged-perceptron model.
import { fileURLToPath } from 'node:url';
import { bioSpans } from './conll.ts';
import { readModel, tagDocument, type TaggerWeights } from './perceptron.ts';
import { splitSentences, tokenize } from './tokenize.ts';
import { classesOf, type GazetteerClass } from './gazetteer.ts';
import { INSTITUTION_NAMES } from './lexicon.ts';
import type { EntityMention, Token } from './types.ts';

/** Gazetteer classes that make a lone word a place rather than a person ("Moscow", "Washington"). */
const PLACE_CLASSES: ReadonlySet<GazetteerClass> = new Set(['country', 'capital', 'bigcity', 'place']);

export type SentenceTokenMention = EntityMention & { sentence: number; first: number; last: number };

/** The committed model, trained by scripts/train-ner.ts (see model/README.md). */
export const MODEL_PATH = fileURLToPath(new URL('./model/ner-model.json.gz', import.meta.url));

let weights: TaggerWeights | null = null;

function model(): TaggerWeights {
  weights ??= readModel(MODEL_PATH);
  return weights;
}

/** Names in tokenized sentences: each as its tokens' range within the sentence and a type. */
export function recognizeTokens(sentences: Token[][]): SentenceTokenMention[] {
  const tags = tagDocument(model(), sentences.map((s) => s.map((t) => t.text)));
  const out: SentenceTokenMention[] = [];
  sentences.forEach((sentence, si) => {
    for (const span of bioSpans(tags[si])) {
      const first = sentence[span.start];
      const last = sentence[span.end - 1];
      const text = sentence.slice(span.start, span.end).map((t) => t.text).join(' ');
      out.push({ start: first.start, end: last.end, text, type: span.type, sentence: si, first: span.start, last: span.end - 1 });
    }
  });
  return out;
}

/** Names of people, organisations, places and other proper names (MISC) in a raw text, with character offsets. */
export function recognize(text: string): EntityMention[] {
  const sentences = splitSentences(tokenize(text));
  return correctTypes(recognizeTokens(sentences), sentences).map((m) => ({ start: m.start, end: m.end, text: text.slice(m.start, m.end), type: m.type }));
}

/**
 * Names the tagger took for people that are institutions ("Kremlin said") or, standing alone, well-known
 * places ("Moscow insisted", "Washington rejected"), unless the document names a person with that surname.
 */
export function correctTypes(mentions: SentenceTokenMention[], sentences: Token[][]): SentenceTokenMention[] {
  const surnames = new Set<string>();
  for (const m of mentions) {
    if (m.type === 'PER' && m.last > m.first) surnames.add(sentences[m.sentence][m.last].text.toLowerCase());
  }
  return mentions.map((m) => {
    if (m.type !== 'PER') return m;
    const lower = m.text.toLowerCase().replace(/^the /, '');
    if (INSTITUTION_NAMES.has(lower)) return { ...m, type: 'ORG' };
    if (m.first === m.last && !surnames.has(lower) && classesOf(m.text).some((c) => PLACE_CLASSES.has(c))) return { ...m, type: 'LOC' };
    return m;
  });
}
