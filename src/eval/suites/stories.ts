// Story clustering suite: every *.jsonl file clustered on its own, scored with BCubed and pairwise F1.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StoryClusterer } from '../../pipeline/cluster/clusterer.ts';
import { f1, round, type EvalResult } from '../metrics.ts';

interface GoldDoc { id: string; cluster: string; lang: string | null; date: string | null; title: string | null; text: string }

export async function run(dir: string): Promise<EvalResult> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
  const perFile: Record<string, Record<string, number>> = {};
  const all = { bp: 0, br: 0, n: 0, tp: 0, predPairs: 0, goldPairs: 0 };
  for (const file of files) {
    const docs = readFileSync(join(dir, file), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as GoldDoc);
    // Feed in date order when dates are given (stable, so undated keep file order).
    const order = docs.map((d, i) => ({ d, i })).sort((a, b) => (a.d.date ?? '').localeCompare(b.d.date ?? '') || a.i - b.i);
    const clusterer = new StoryClusterer();
    const predicted = new Map<string, number>();
    for (const { d } of order) {
      const a = clusterer.add({ key: d.id, title: d.title, text: d.text, language: d.lang, date: d.date });
      predicted.set(d.id, a.story);
      // A split moves earlier articles to the new story; merges are followed by resolve() below.
      for (const split of a.splits) for (const key of split.keys) predicted.set(key, split.into);
    }
    const s = score(docs.map((d) => ({ gold: d.cluster, pred: clusterer.resolve(predicted.get(d.id)!) })));
    perFile[file] = { bcubed_precision: round(s.bp / s.n), bcubed_recall: round(s.br / s.n), bcubed_f1: round(f1(s.bp / s.n, s.br / s.n)), pairwise_f1: round(pairF1(s)), clusters: clusterer.storyCount() };
    all.bp += s.bp; all.br += s.br; all.n += s.n; all.tp += s.tp; all.predPairs += s.predPairs; all.goldPairs += s.goldPairs;
  }
  return {
    suite: 'stories', n: all.n,
    metrics: { bcubed_precision: round(all.bp / all.n), bcubed_recall: round(all.br / all.n), bcubed_f1: round(f1(all.bp / all.n, all.br / all.n)), pairwise_f1: round(pairF1(all)) },
    files: perFile,
  };
}

function pairF1(s: { tp: number; predPairs: number; goldPairs: number }): number {
  return f1(s.predPairs ? s.tp / s.predPairs : 0, s.goldPairs ? s.tp / s.goldPairs : 0);
}

/** Sums of per-document BCubed precision/recall, and pair counts. */
export function score(items: Array<{ gold: string; pred: number }>) {
  const byPred = new Map<number, string[]>();
  const goldSize = new Map<string, number>();
  const pairKey = new Map<string, number>();
  for (const it of items) {
    (byPred.get(it.pred) ?? byPred.set(it.pred, []).get(it.pred)!).push(it.gold);
    goldSize.set(it.gold, (goldSize.get(it.gold) ?? 0) + 1);
    const k = `${it.pred}\u0000${it.gold}`;
    pairKey.set(k, (pairKey.get(k) ?? 0) + 1);
  }
  let bp = 0, br = 0, tp = 0, predPairs = 0, goldPairs = 0;
  for (const it of items) {
    const both = pairKey.get(`${it.pred}\u0000${it.gold}`)!;
    bp += both / byPred.get(it.pred)!.length;
    br += both / goldSize.get(it.gold)!;
  }
  for (const n of pairKey.values()) tp += (n * (n - 1)) / 2;
  for (const g of byPred.values()) predPairs += (g.length * (g.length - 1)) / 2;
  for (const n of goldSize.values()) goldPairs += (n * (n - 1)) / 2;
  return { bp, br, n: items.length, tp, predPairs, goldPairs };
}
