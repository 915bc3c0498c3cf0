// Reader of the part-of-speech column of CoNLL-2003 files (`token POS chunk NER`, -DOCSTART- lines, blank lines between sentences).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface PosSentence {
  words: string[];
  tags: string[];
}

/**
 * An ambiguous tag written as alternatives ("NN|SYM", four tokens of eng.train) counts as its first, as
 * Treebank tools read them.
 */
function plainTag(tag: string): string {
  const bar = tag.indexOf('|');
  return bar > 0 ? tag.slice(0, bar) : tag;
}

/** Sentences of a CoNLL-2003 text with their part-of-speech tags (document boundaries are not kept). */
export function parsePosColumn(text: string, source = 'CoNLL text'): PosSentence[] {
  const sentences: PosSentence[] = [];
  let words: string[] = [];
  let tags: string[] = [];
  const lines = text.split(/\r?\n/);
  const end = (): void => {
    if (words.length > 0) sentences.push({ words, tags });
    words = [];
    tags = [];
  };
  lines.forEach((line, n) => {
    if (line.trim() === '' || line.startsWith('-DOCSTART-')) {
      end();
      return;
    }
    const cols = line.trim().split(/\s+/);
    if (cols.length < 2) throw new Error(`${source}:${n + 1}: expected "token POS ...", got "${line}"`);
    words.push(cols[0]);
    tags.push(plainTag(cols[1]));
  });
  end();
  return sentences;
}

/** Every `*.txt` of a folder, in name order, as tagged sentences. */
export function readPosFolder(dir: string): PosSentence[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  if (files.length === 0) throw new Error(`${dir}: no *.txt CoNLL files`);
  return files.flatMap((f) => parsePosColumn(readFileSync(join(dir, f), 'utf8'), join(dir, f)));
}
