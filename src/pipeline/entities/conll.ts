// Reader for CoNLL-2003 files (`token POS chunk NER`, IOB1 tags, -DOCSTART- lines): documents of tagged sentences.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityType } from './types.ts';

export interface ConllSentence {
  words: string[];
  /** BIO2 tags ('O', 'B-PER', 'I-PER', ...), converted from the file's IOB1. */
  tags: string[];
}

export interface ConllDocument {
  sentences: ConllSentence[];
}

/** IOB1 (I- unless two names of one type touch) to BIO2 (B- opens every name). */
function toBio2(iob1: string[]): string[] {
  return iob1.map((tag, i) => {
    if (!tag.startsWith('I-')) return tag;
    const prev = i > 0 ? iob1[i - 1] : 'O';
    return prev.slice(2) === tag.slice(2) ? tag : `B-${tag.slice(2)}`;
  });
}

export function parseConll(text: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let doc: ConllDocument = { sentences: [] };
  let words: string[] = [];
  let tags: string[] = [];
  const endSentence = (): void => {
    if (words.length > 0) doc.sentences.push({ words, tags: toBio2(tags) });
    words = [];
    tags = [];
  };
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('-DOCSTART-')) {
      endSentence();
      if (doc.sentences.length > 0) docs.push(doc);
      doc = { sentences: [] };
      continue;
    }
    if (line.trim() === '') {
      endSentence();
      continue;
    }
    const cols = line.split(/\s+/);
    words.push(cols[0]);
    tags.push(cols[cols.length - 1]);
  }
  endSentence();
  if (doc.sentences.length > 0) docs.push(doc);
  return docs;
}

/** Every `*.txt` of a folder, in name order, as documents. */
export function readConllFolder(dir: string): ConllDocument[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  return files.flatMap((f) => parseConll(readFileSync(join(dir, f), 'utf8')));
}

/** Typed token spans [start, end) of a BIO2 sequence. */
export function bioSpans(tags: string[]): Array<{ start: number; end: number; type: EntityType }> {
  const spans: Array<{ start: number; end: number; type: EntityType }> = [];
  let open: { start: number; type: EntityType } | null = null;
  for (let i = 0; i <= tags.length; i++) {
    const tag = i < tags.length ? tags[i] : 'O';
    const continues = open !== null && tag === `I-${open.type}`;
    if (open && !continues) {
      spans.push({ start: open.start, end: i, type: open.type });
      open = null;
    }
    if (tag !== 'O' && !continues) open = { start: i, type: tag.slice(2) as EntityType };
  }
  return spans;
}
