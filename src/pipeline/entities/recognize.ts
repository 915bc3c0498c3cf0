// Name recognition in raw text: tokenize, split sentences, tag with the committed averaged-perceptron model.
import { fileURLToPath } from 'node:url';
import { bioSpans } from './conll.ts';
import { readModel, tagDocument, type TaggerWeights } from './perceptron.ts';
import { splitSentences, tokenize } from './tokenize.ts';
import type { EntityMention, Token } from './types.ts';

/** The committed model, trained by scripts/train-ner.ts (see model/README.md). */
export const MODEL_PATH = fileURLToPath(new URL('./model/ner-model.json.gz', import.meta.url));

let weights: TaggerWeights | null = null;

function model(): TaggerWeights {
  weights ??= readModel(MODEL_PATH);
  return weights;
}

/** Names in tokenized sentences: each as its tokens' range within the sentence and a type. */
export function recognizeTokens(sentences: Token[][]): Array<EntityMention & { sentence: number; first: number; last: number }> {
  const tags = tagDocument(model(), sentences.map((s) => s.map((t) => t.text)));
  const out: Array<EntityMention & { sentence: number; first: number; last: number }> = [];
  sentences.forEach((sentence, si) => {
    for (const span of bioSpans(tags[si])) {
      const first = sentence[span.start];
      const last = sentence[span.end - 1];
      out.push({ start: first.start, end: last.end, text: '', type: span.type, sentence: si, first: span.start, last: span.end - 1 });
    }
  });
  return out;
}

/** Names of people, organisations, places and other proper names (MISC) in a raw text, with character offsets. */
export function recognize(text: string): EntityMention[] {
  const sentences = splitSentences(tokenize(text));
  return recognizeTokens(sentences).map((m) => ({ start: m.start, end: m.end, text: text.slice(m.start, m.end), type: m.type }));
}
