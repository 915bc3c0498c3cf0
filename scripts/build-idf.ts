// Builds the background document-frequency table used by story clustering from training texts
// (CoNLL-2003 train documents and PolNeAR train articles under ../shared/eval); writes src/pipeline/cluster/model/df.json.
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { extractFeatures } from '../src/pipeline/cluster/features.ts';

const EVAL = process.argv[2] ?? join(process.cwd(), '..', 'shared', 'eval');
/** Terms seen in fewer documents than this are left out: they carry no reliable statistics and bloat the file. */
const MIN_DF = 3;

const docs: string[] = [];
for (const f of readdirSync(join(EVAL, 'quotes-train', 'text'))) docs.push(readFileSync(join(EVAL, 'quotes-train', 'text', f), 'utf8'));
let current: string[] = [];
for (const line of readFileSync(join(EVAL, 'ner-train', 'conll2003-train.txt'), 'utf8').split('\n')) {
  if (line.startsWith('-DOCSTART-')) { if (current.length) docs.push(current.join(' ')); current = []; continue; }
  const tok = line.split(' ')[0];
  if (tok) current.push(tok);
}
if (current.length) docs.push(current.join(' '));

const df = new Map<string, number>();
for (const d of docs) {
  const f = extractFeatures(null, d);
  for (const t of f.terms.keys()) df.set(t, (df.get(t) ?? 0) + 1);
}
const kept = Object.fromEntries([...df].filter(([, n]) => n >= MIN_DF).sort((a, b) => b[1] - a[1]));
mkdirSync(join('src', 'pipeline', 'cluster', 'model'), { recursive: true });
writeFileSync(join('src', 'pipeline', 'cluster', 'model', 'df.json'), JSON.stringify({ documents: docs.length, df: kept }));
console.log(`documents ${docs.length}, terms kept ${Object.keys(kept).length}`);
