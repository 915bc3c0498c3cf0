// The part-of-speech stage's public verbs: Penn Treebank tags for tokenized sentences, with the committed model loaded on first use.
export { tagSentence, tagSentences, tagWords, treebankForms, MODEL_PATH } from './tagger.ts';
export type { PosModel } from './model.ts';
