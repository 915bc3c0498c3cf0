// Part-of-speech benchmark: accuracy and speed of the perceptron tagger against en-pos on CoNLL-2003 dev, and per news article as the quote stage tokenizes it.
// Run: node --import tsx bench/pos.ts   (prints a markdown report)
import { readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Tag as EnPos } from 'en-pos';
import { readPosFolder, type PosSentence } from '../src/pipeline/pos/conll.ts';
import { defaultModel, MODEL_PATH, tagSentence } from '../src/pipeline/pos/tagger.ts';
import { tokenize } from '../src/pipeline/quotes/tokens.ts';
import { MARKS } from '../src/pipeline/quotes/marks.ts';
import { cpuNow, EVAL_DIR, fmt, loadNote, ROOT } from './measure.ts';

/** Timed passes over each set per tagger; the fastest is kept, as the least disturbed on shared cores. */
const PASSES = 5;
/** The article size the quote stage's cost is quoted for. */
const ARTICLE_BYTES = 5 * 1024;

type Tagger = (words: string[]) => string[];

/** en-pos as the quote stage called it before this tagger replaced it: quotation marks as '"', ’ as '. */
const enPos: Tagger = (words) => new EnPos(words.map((w) => (MARKS[w] ? '"' : w.replace(/’/g, "'")))).initial().smooth().tags;

const TAGGERS: ReadonlyArray<{ name: string; tag: Tagger }> = [
  { name: 'perceptron (`src/pipeline/pos`)', tag: tagSentence },
  { name: 'en-pos (lexicon + Brill rules)', tag: enPos },
];

interface Corpus {
  name: string;
  sentences: string[][];
  tokens: number;
  bytes: number;
}

/** CPU µs per token over a corpus: the fastest of PASSES passes after one warm-up pass. */
function speed(tag: Tagger, corpus: Corpus): number {
  for (const s of corpus.sentences) tag(s);
  let best = Infinity;
  for (let p = 0; p < PASSES; p++) {
    const t0 = cpuNow();
    for (const s of corpus.sentences) tag(s);
    best = Math.min(best, cpuNow() - t0);
  }
  return (best * 1000) / corpus.tokens;
}

function accuracy(tag: Tagger, gold: PosSentence[]): number {
  let right = 0;
  let all = 0;
  for (const s of gold) {
    const got = tag(s.words);
    s.tags.forEach((t, i) => {
      if (got[i] === t) right++;
      all++;
    });
  }
  return right / all;
}

/** zyte-dev article bodies, tokenized and split as the quote stage does. */
function newsCorpus(): Corpus {
  const truth = JSON.parse(readFileSync(join(EVAL_DIR, 'zyte-dev', 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>;
  const sentences: string[][] = [];
  let bytes = 0;
  for (const id of Object.keys(truth).sort()) {
    const text = truth[id].articleBody;
    bytes += Buffer.byteLength(text);
    const { tokens, sentences: ranges } = tokenize(text);
    for (const r of ranges) sentences.push(tokens.slice(r.from, r.to).map((t) => t.text));
  }
  return { name: 'zyte-dev article bodies (quote tokenizer)', sentences, tokens: sentences.reduce((n, s) => n + s.length, 0), bytes };
}

function conllCorpus(gold: PosSentence[]): Corpus {
  const sentences = gold.map((s) => s.words);
  // Text size as the tokens written out with one space between them and a newline after each sentence.
  const bytes = sentences.reduce((n, s) => n + Buffer.byteLength(s.join(' ')) + 1, 0);
  return { name: 'ner-dev (CoNLL-2003 eng.testa tokens)', sentences, tokens: sentences.reduce((n, s) => n + s.length, 0), bytes };
}

export async function benchPos(): Promise<{ markdown: string }> {
  const t0 = performance.now();
  const model = defaultModel();
  const loadMs = performance.now() - t0;
  const gold = readPosFolder(join(EVAL_DIR, 'ner-dev'));
  const corpora = [conllCorpus(gold), newsCorpus()];
  const rows = TAGGERS.map((t) => ({ name: t.name, accuracy: accuracy(t.tag, gold), speed: corpora.map((c) => speed(t.tag, c)) }));
  const lines = [
    `Load average ${loadNote()}. CPU time, fastest of ${PASSES} passes after a warm-up pass.`,
    '',
    `| tagger | ner-dev token accuracy | ${corpora.map((c) => `µs/token, ${c.name} | ms per 5 KB`).join(' | ')} |`,
    `|---|---|${corpora.map(() => '---|---').join('|')}|`,
    ...rows.map((r) => `| ${r.name} | ${(r.accuracy * 100).toFixed(2)}% | ${r.speed.map((us, k) => `${us.toFixed(2)} | ${((us * corpora[k].tokens * ARTICLE_BYTES) / corpora[k].bytes / 1000).toFixed(2)}`).join(' | ')} |`),
    '',
    `Speed-up: ${corpora.map((c, k) => `${(rows[1].speed[k] / rows[0].speed[k]).toFixed(1)}× on ${c.name}`).join(', ')}.`,
    '',
    ...corpora.map((c) => `- ${c.name}: ${fmt(c.sentences.length)} sentences, ${fmt(c.tokens)} tokens, ${fmt(c.bytes / 1024)} KB (${fmt((c.tokens * ARTICLE_BYTES) / c.bytes)} tokens per 5 KB).`),
    `- Model: \`${relative(ROOT, MODEL_PATH)}\`, ${fmt(statSync(MODEL_PATH).size / 1e6, 2)} MB on disk, ` +
      `${fmt(model.weights.weights.a.length)} features, ${fmt(model.weights.weights.units.length)} weights, ${model.tags.length} tags, ` +
      `${fmt(model.dictionary.size)} dictionary words; loaded in ${fmt(loadMs)} ms into ` +
      `${fmt((model.weights.slots.byteLength + model.weights.pairs.byteLength) / 1e6, 1)} MB of tables.`,
    '',
    'Command: `node --import tsx bench/pos.ts`',
  ];
  return { markdown: lines.join('\n') };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { markdown } = await benchPos();
  process.stdout.write(markdown + '\n');
}
