// Trains the cue tagger on PolNeAR's training split and writes src/pipeline/quotes/model/cue-tagger.json.
// Usage: node --import tsx scripts/train-quotes.ts [../shared/eval/quotes-train]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readAnnotatedFolder, type GoldAttribution } from '../src/pipeline/quotes/brat.ts';
import { analyse, type QuoteDoc } from '../src/pipeline/quotes/document.ts';
import { TAGS, tokenFeatures, type Tag } from '../src/pipeline/quotes/features.ts';
import { PerceptronTrainer } from '../src/pipeline/quotes/tagger.ts';

/** Passes over the training set; dev cue F1 stopped improving after this many. */
const EPOCHS = 6;
/** Pruning: features updated fewer times than this, or whose weights all stay below MIN_WEIGHT, are dropped (keeps the table small; dev scores unchanged). */
const MIN_COUNT = 2;
const MIN_WEIGHT = 0.05;
const SEED = 20160912;
/**
 * Share of training tokens whose word-identity features are hidden, so that the tagger also learns
 * from context and word class (what carries over to cue verbs unseen in training). Tuned on quotes-dev.
 */
const WORD_DROPOUT = 0.3;
const IDENTITY = /^(w=|st=|suf3=|qw=|ptw=|p1w=|wn1=|wn1n2=|posw=|ag2=|opw=|qb\||qa\||sq\||ppro=)/;

function goldTags(doc: QuoteDoc, attributions: GoldAttribution[]): Tag[] {
  const tags: Tag[] = doc.tokens.map(() => 'O');
  for (const a of attributions) {
    if (!a.cue) continue;
    let first = true;
    for (const frag of a.cue) {
      for (let i = 0; i < doc.tokens.length; i++) {
        const t = doc.tokens[i];
        if (t.end <= frag.start || t.start >= frag.end) continue;
        if (tags[i] !== 'O' && first) { first = false; continue; }
        tags[i] = first ? 'B' : 'I';
        first = false;
      }
    }
  }
  return tags;
}

function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function main(): void {
  const dir = process.argv[2] ?? join(process.cwd(), '..', 'shared', 'eval', 'quotes-train');
  const texts = readAnnotatedFolder(dir);
  const examples: Array<{ doc: QuoteDoc; tags: Tag[] }> = [];
  for (const t of texts) {
    const doc = analyse(t.text);
    for (const a of t.annotations) examples.push({ doc, tags: goldTags(doc, a.attributions) });
  }
  console.log(`${texts.length} texts, ${examples.length} annotations`);
  const trainer = new PerceptronTrainer();
  let rng = SEED;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    let errors = 0;
    let tokens = 0;
    for (const ex of shuffled(examples, SEED + epoch)) {
      let prev: Tag = 'O';
      for (let i = 0; i < ex.doc.tokens.length; i++) {
        if (i > 0 && ex.doc.tokens[i - 1].sentence !== ex.doc.tokens[i].sentence) prev = 'O';
        const gold = TAGS.indexOf(ex.tags[i]);
        let feats = tokenFeatures(ex.doc, i, prev);
        rng = (rng * 1103515245 + 12345) % 2147483648;
        if (rng / 2147483648 < WORD_DROPOUT) feats = feats.filter((f) => !IDENTITY.test(f));
        const guess = trainer.update(feats, gold);
        if (guess !== gold) errors++;
        tokens++;
        // Train on the gold history (the decoder is greedy, so this is the usual teacher forcing).
        prev = ex.tags[i];
      }
    }
    console.log(`epoch ${epoch + 1}: ${errors} errors / ${tokens} tokens`);
  }
  const model = trainer.averaged(MIN_COUNT, MIN_WEIGHT);
  const out = join(import.meta.dirname, '..', 'src', 'pipeline', 'quotes', 'model', 'cue-tagger.json');
  writeFileSync(out, JSON.stringify(model));
  console.log(`wrote ${Object.keys(model.weights).length} features to ${out}`);
}

main();
