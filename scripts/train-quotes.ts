// Trains the cue tagger and the candidate filter on PolNeAR's training split and writes them to
// src/pipeline/quotes/model/ (cue-tagger.json.gz, quote-filter.json.gz).
// Usage: node --import tsx scripts/train-quotes.ts [../shared/eval/quotes-train] [--fold-cache DIR]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readAnnotatedFolder, type AnnotatedText, type GoldAttribution } from '../src/pipeline/quotes/brat.ts';
import type { Attribution } from '../src/pipeline/quotes/attribute.ts';
import { findCues } from '../src/pipeline/quotes/cues.ts';
import { CANDIDATE_LEXICON_BIAS, CANDIDATE_OUTSIDE_BIAS, extractQuotes } from '../src/pipeline/quotes/extract.ts';
import { trainFilter, writeFilter, type Features } from '../src/pipeline/quotes/filter.ts';
import { goldCovered, LOOSE } from '../src/eval/suites/quotes.ts';
import { analyse, type QuoteDoc } from '../src/pipeline/quotes/document.ts';
import { FeatureBuffer, featureContext, historyFeatures, TAG_B, TAG_I, TAG_O, tokenFeatures } from '../src/pipeline/quotes/features.ts';
import { AUXILIARIES } from '../src/pipeline/quotes/lexicon.ts';
import { PerceptronTrainer, readModel, writeModel, type AveragedWeights } from '../src/pipeline/quotes/tagger.ts';

/** Passes over the training set; dev cue F1 stopped improving after this many. */
const EPOCHS = 6;
/**
 * Pruning: features updated fewer times than this, or whose weights all stay below MIN_WEIGHT, are dropped.
 * Keeps 54k of 140k features (0.8 MB gzipped instead of 1.9 MB) with the same dev scores; harder pruning
 * (8 updates) starts to cost recall.
 */
const MIN_COUNT = 5;
const MIN_WEIGHT = 0.3;
/** Weights are stored as integers in units of 1/SCALE. */
const SCALE = 1000;
const SEED = 20160912;
/**
 * Share of training tokens whose features after the buffer's split (the word itself and the wider context,
 * see features.ts) are hidden, so that the tagger also learns from the near context and word class what
 * carries over to cue verbs unseen in training. Tuned on quotes-dev (0.15 and 0.5 both scored lower).
 */
const WORD_DROPOUT = 0.3;

/**
 * Gold tag indices: B on a cue's first token, I on its later tokens (all fragments), O elsewhere.
 * Auxiliaries that open a cue ("is demanding", "has also said") stay O, so B falls on the verb: a greedy
 * decoder that leaves the auxiliary out never starts the verb as I after O, and the cue rules step
 * over auxiliaries anyway (dev cue recall 0.70 -> 0.72).
 */
function goldTags(doc: QuoteDoc, attributions: GoldAttribution[]): Uint8Array {
  const tags = new Uint8Array(doc.tokens.length).fill(TAG_O);
  for (const a of attributions) {
    if (!a.cue) continue;
    let first = true;
    for (const frag of a.cue) {
      for (let i = 0; i < doc.tokens.length; i++) {
        const t = doc.tokens[i];
        if (t.end <= frag.start || t.start >= frag.end) continue;
        const more = i + 1 < doc.tokens.length && doc.tokens[i + 1].start < frag.end;
        if (first && more && AUXILIARIES.has(t.lower)) continue;
        if (tags[i] !== TAG_O && first) { first = false; continue; }
        tags[i] = first ? TAG_B : TAG_I;
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

type Example = { ctx: ReturnType<typeof featureContext>; tags: Uint8Array };

/** Averaged-perceptron training of the cue tagger over the given annotated documents. */
function trainTagger(examples: Example[], log: (line: string) => void): AveragedWeights {
  const trainer = new PerceptronTrainer();
  const buf = new FeatureBuffer();
  const hist = new FeatureBuffer();
  let rng = SEED;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    let errors = 0;
    let tokens = 0;
    for (const { ctx, tags } of shuffled(examples, SEED + epoch)) {
      const { tokens: toks } = ctx.doc;
      let prev = TAG_O;
      for (let i = 0; i < toks.length; i++) {
        if (i > 0 && toks[i - 1].sentence !== toks[i].sentence) prev = TAG_O;
        tokenFeatures(ctx, i, buf);
        historyFeatures(ctx, i, prev, hist);
        rng = (rng * 1103515245 + 12345) % 2147483648;
        const drop = rng / 2147483648 < WORD_DROPOUT;
        const guess = trainer.update([[buf, drop ? buf.split : buf.n], [hist, drop ? hist.split : hist.n]], tags[i]);
        if (guess !== tags[i]) errors++;
        tokens++;
        // Train on the gold history (the decoder is greedy, so this is the usual teacher forcing).
        prev = tags[i];
      }
    }
    log(`epoch ${epoch + 1}: ${errors} errors / ${tokens} tokens`);
  }
  return trainer.averaged(MIN_COUNT, MIN_WEIGHT);
}

/**
 * Folds for the filter's training candidates. A tagger scores its own training texts too well, so each
 * fold's candidates (and their cue margins) come from a tagger trained on the other folds only.
 */
const FOLDS = 4;
/** Logistic regression settings of the candidate filter (tuned on quotes-dev). */
const FILTER_TRAINING = { epochs: 12, rate: 0.02, l2: 1e-5, minCount: 10, seed: SEED };

/**
 * Share of the text's annotators with an attribution that this candidate states: its content covers the
 * gold content (overlap ≥ 0.3 of it) and its cue is the gold cue. A candidate from a wrong cue whose
 * content runs over a real attribution counts as wrong: kept, it takes that attribution's place.
 */
function candidateLabel(doc: QuoteDoc, a: Attribution, annotations: AnnotatedText['annotations']): number {
  const parts = a.content.map((r) => ({ start: doc.tokens[r.from].start, end: doc.tokens[r.to - 1].end }));
  const cue = [{ start: doc.tokens[a.cue!.from].start, end: doc.tokens[a.cue!.to - 1].end }];
  let hits = 0;
  for (const ann of annotations) {
    if (ann.attributions.some((g) => goldCovered(parts, g.content) >= LOOSE && g.cue !== null && goldCovered(cue, g.cue) > 0)) hits++;
  }
  return hits / annotations.length;
}

function main(): void {
  const args = process.argv.slice(2);
  const cacheAt = args.indexOf('--fold-cache');
  const cache = cacheAt >= 0 ? args.splice(cacheAt, 2)[1] : null;
  const dir = args[0] ?? join(process.cwd(), '..', 'shared', 'eval', 'quotes-train');
  const texts = readAnnotatedFolder(dir).filter((t) => t.annotations.length > 0);
  const docs = texts.map((t) => analyse(t.text));
  const ctxs = docs.map((d) => featureContext(d));
  const examplesOf = (k: number): Example[] => texts[k].annotations.map((a) => ({ ctx: ctxs[k], tags: goldTags(docs[k], a.attributions) }));
  const examples = texts.flatMap((_, k) => examplesOf(k));
  console.log(`${texts.length} texts, ${examples.length} annotations`);
  const modelDir = join(import.meta.dirname, '..', 'src', 'pipeline', 'quotes', 'model');

  // 1. The cue tagger, on all training texts.
  const weights = trainTagger(examples, console.log);
  const about = {
    trainedOn: 'PolNeAR v1.0 train split (networkdynamics/PolNeAR)', texts: texts.length, annotations: examples.length,
    epochs: EPOCHS, wordDropout: WORD_DROPOUT, minCount: MIN_COUNT, minWeight: MIN_WEIGHT, seed: SEED,
  };
  const gz = writeModel(weights, SCALE, about);
  writeFileSync(join(modelDir, 'cue-tagger.json.gz'), gz);
  console.log(`wrote ${weights.a.length} features (${gz.length} bytes) to cue-tagger.json.gz`);

  // 2. The candidate filter, on cross-fitted candidates.
  const candidates: Array<{ features: Features; label: number }> = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const cached = cache ? join(cache, `cue-tagger-fold${fold}.json.gz`) : null;
    let foldGz: Buffer;
    if (cached && existsSync(cached)) foldGz = readFileSync(cached);
    else {
      const rest = texts.flatMap((_, k) => (k % FOLDS === fold ? [] : examplesOf(k)));
      foldGz = writeModel(trainTagger(rest, () => {}), SCALE, { fold });
      if (cached) {
        mkdirSync(cache!, { recursive: true });
        writeFileSync(cached, foldGz);
      }
    }
    const tagger = readModel(foldGz);
    for (let k = fold; k < texts.length; k += FOLDS) {
      extractQuotes(texts[k].text, {
        filter: null,
        cues: (doc) => findCues(doc, CANDIDATE_OUTSIDE_BIAS, CANDIDATE_LEXICON_BIAS, tagger),
        onCandidate: (doc, a, features) => candidates.push({ features, label: candidateLabel(doc, a, texts[k].annotations) }),
      });
    }
    console.log(`fold ${fold + 1}/${FOLDS}: ${candidates.length} candidates so far`);
  }
  const positive = candidates.reduce((n, c) => n + c.label, 0);
  const filter = trainFilter(candidates, FILTER_TRAINING);
  const filterGz = writeFilter(filter, {
    trainedOn: about.trainedOn, candidates: candidates.length, positive: Math.round(positive), folds: FOLDS,
    candidateBias: [CANDIDATE_OUTSIDE_BIAS, CANDIDATE_LEXICON_BIAS], ...FILTER_TRAINING,
  });
  writeFileSync(join(modelDir, 'quote-filter.json.gz'), filterGz);
  console.log(`wrote ${filter.weights.size} filter weights (${filterGz.length} bytes) from ${candidates.length} candidates (${Math.round(positive)} positive) to quote-filter.json.gz`);
}

main();
