// The entity stage's public verbs: recognise names, resolve them within a document, key them across documents.
export { recognize } from './recognize.ts';
export { analyzeEntities } from './resolve.ts';
export { entityKey } from './key.ts';
export { tokenize, splitSentences } from './tokenize.ts';
export type { EntityMention, EntityType, ResolvedMention, DocEntity, EntityAnalysis, Span, Token, Gender, MentionKind } from './types.ts';
