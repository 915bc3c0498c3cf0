// Online, incremental story clustering: each article joins the most similar story or starts a new one, with reasons.
import { readFileSync } from 'node:fs';
import { extractFeatures, type DocFeatures } from './features.ts';

/** Background document frequencies from training news texts (scripts/build-idf.ts), so early articles get sane IDF. */
const BACKGROUND = JSON.parse(readFileSync(new URL('./model/df.json', import.meta.url), 'utf8')) as { documents: number; df: Record<string, number> };

export interface ClusterInput {
  key: string;
  title: string | null;
  text: string;
  language: string | null;
  /** ISO date (YYYY-MM-DD…) or null. */
  date: string | null;
  /** Resolved entity keys (e.g. 'PER:sergey ryabkov'): names that pull same-story articles together. */
  entities?: string[];
}

export interface Merge { from: number; into: number; score: number; reasons: string[] }

export interface Assignment {
  story: number;
  created: boolean;
  score: number;
  /** Why the article joined (or why it started a story): the score, the shared names and terms with the most weight. */
  reasons: string[];
  /** Stories folded together after this article arrived, each with its own reasons. */
  merges: Merge[];
}

export const P = {
  JOIN_THRESHOLD: 0.2,
  NAME_WEIGHT: 0.35,
  TIME_WINDOW_DAYS: 10,
  CONFLICT_FLOOR: 0.5,
  CORE_SHARE: 0.5,
  MERGE_THRESHOLD: 0.3,
  CORE_MIN_SIZE: 2,
  CORE_MIN_IDF: 5,
  NOVEL_TOP: 3,
  NOVEL_FLOOR: 1,
  PROBE_TERMS: 20,
  CENTROID_TERMS: 300,
};

interface Story {
  id: number;
  size: number;
  terms: Map<string, number>;
  names: Map<string, number>;
  /** Articles naming each name. */
  counts: Map<string, number>;
  first: number | null;
  last: number | null;
  mergedInto: number | null;
}

interface Scored { score: number; cosine: number; names: number; core: number; novel: number; shared: string[]; sharedNames: string[]; missing: string[] }

export class StoryClusterer {
  private readonly stories: Story[] = [];
  private readonly df = new Map<string, number>();
  private docs = 0;
  private readonly postings = new Map<string, Set<number>>();

  storyCount(): number {
    return this.stories.filter((s) => s.mergedInto === null).length;
  }

  add(input: ClusterInput): Assignment {
    const f = extractFeatures(input.title, input.text, input.language, input.entities);
    this.docs++;
    for (const t of f.terms.keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    const day = input.date ? Math.floor(Date.parse(input.date.slice(0, 10)) / 86_400_000) : null;

    let best: { story: Story; s: Scored } | null = null;
    for (const story of this.candidates(f)) {
      const s = this.similarity(f, day, story);
      if (!best || s.score > best.s.score || (s.score === best.s.score && story.id < best.story.id)) best = { story, s };
    }
    if (best && best.s.score >= P.JOIN_THRESHOLD) {
      this.absorb(best.story, f, day);
      const merges: Merge[] = [];
      const target = this.mergeSimilar(best.story, merges);
      return { story: target.id, created: false, score: best.s.score, reasons: explain(best.s), merges };
    }
    const story: Story = { id: this.stories.length, size: 0, terms: new Map(), names: new Map(), counts: new Map(), first: null, last: null, mergedInto: null };
    this.stories.push(story);
    this.absorb(story, f, day);
    return { story: story.id, created: true, score: best?.s.score ?? 0, reasons: [], merges: [] };
  }

  /** The story an id now belongs to, following merges. */
  resolve(id: number): number {
    let s = this.stories[id];
    while (s.mergedInto !== null) s = this.stories[s.mergedInto];
    return s.id;
  }

  /** After a story grows, fold it into (or fold into it) another story it has come to resemble. */
  private mergeSimilar(story: Story, merges: Merge[]): Story {
    const pseudo: DocFeatures = { terms: new Map(), names: new Map() };
    for (const [t, w] of story.terms) pseudo.terms.set(t, w / story.size);
    for (const [n, c] of story.names) if (c / story.size >= P.CORE_SHARE) pseudo.names.set(n, c / story.size);
    const day = story.last;
    let best: { other: Story; s: Scored } | null = null;
    for (const other of this.candidates(pseudo)) {
      if (other === story || other.mergedInto !== null) continue;
      const s = this.similarity(pseudo, day, other);
      if (s.score >= P.MERGE_THRESHOLD && (!best || s.score > best.s.score)) best = { other, s };
    }
    if (!best) return story;
    const [keep, drop] = best.other.id < story.id ? [best.other, story] : [story, best.other];
    keep.size += drop.size;
    for (const [t, w] of drop.terms) keep.terms.set(t, (keep.terms.get(t) ?? 0) + w);
    for (const [n, c] of drop.names) keep.names.set(n, (keep.names.get(n) ?? 0) + c);
    for (const [n, c] of drop.counts) keep.counts.set(n, (keep.counts.get(n) ?? 0) + c);
    for (const t of drop.terms.keys()) {
      const p = this.postings.get(t);
      if (p) { p.delete(drop.id); p.add(keep.id); }
    }
    if (drop.first !== null) keep.first = keep.first === null ? drop.first : Math.min(keep.first, drop.first);
    if (drop.last !== null) keep.last = keep.last === null ? drop.last : Math.max(keep.last, drop.last);
    drop.mergedInto = keep.id;
    drop.terms = new Map();
    drop.names = new Map();
    drop.counts = new Map();
    if (keep.terms.size > P.CENTROID_TERMS * 2) this.prune(keep);
    merges.push({ from: drop.id, into: keep.id, score: best.s.score, reasons: explain(best.s) });
    return keep;
  }

  private idf(term: string): number {
    const df = (this.df.get(term) ?? 0) + (BACKGROUND.df[term] ?? 0);
    return Math.log((this.docs + BACKGROUND.documents + 1) / (df + 1)) + 1;
  }

  private candidates(f: DocFeatures): Story[] {
    // Probe with the article's heaviest terms that some earlier article also has (df counts this one already).
    const weighted = [...f.terms].filter(([t]) => (this.df.get(t) ?? 0) > 1).map(([t, w]) => [t, w * this.idf(t)] as const);
    const probe = weighted.sort((a, b) => b[1] - a[1]).slice(0, P.PROBE_TERMS).map(([t]) => t);
    const ids = new Set<number>();
    for (const t of probe) for (const id of this.postings.get(t) ?? []) ids.add(id);
    return [...ids].map((id) => this.stories[id]);
  }

  private similarity(f: DocFeatures, day: number | null, s: Story): Scored {
    const dv = this.unitVector(f.terms), nv = this.unitVector(f.names);
    let cosine = 0;
    const shared: Array<[string, number]> = [];
    for (const [t, w] of dv) { const sw = s.terms.get(t); if (sw) { cosine += w * sw; shared.push([t, w * sw]); } }
    cosine /= s.size;
    let names = 0;
    const sharedNames: Array<[string, number]> = [];
    const salient: Array<[string, number]> = [];
    for (const [n, w] of nv) {
      const sw = s.names.get(n);
      if (sw) { names += w * sw; sharedNames.push([n, w * sw]); }
      if (this.idf(n) >= P.CORE_MIN_IDF) salient.push([n, w]);
    }
    names /= s.size;
    let score = (1 - P.NAME_WEIGHT) * cosine + P.NAME_WEIGHT * names;
    // Same kind of event, different protagonists: a story's core names (in most of its articles) missing here.
    let core = 1;
    const missing: string[] = [];
    if (s.size >= P.CORE_MIN_SIZE) {
      let all = 0, covered = 0;
      for (const [n, c] of s.counts) {
        if (c / (s.size + 1) < P.CORE_SHARE) continue;
        const idf = this.idf(n);
        if (idf < P.CORE_MIN_IDF) continue;
        all += idf;
        if (f.terms.has(n)) covered += idf; else missing.push(n);
      }
      if (all > 0) core = covered / all;
    }
    score *= P.CONFLICT_FLOOR + (1 - P.CONFLICT_FLOOR) * core;
    // And the other way: the article's own most salient names unknown to the story.
    salient.sort((a, b) => b[1] - a[1]);
    let novel = 0, top = 0;
    for (const [n, w] of salient.slice(0, P.NOVEL_TOP)) { top += w; if (!s.terms.has(n)) novel += w; }
    novel = top ? novel / top : 0;
    score *= 1 - (1 - P.NOVEL_FLOOR) * novel;
    if (day !== null && s.last !== null && s.first !== null) {
      const gap = day > s.last ? day - s.last : day < s.first ? s.first - day : 0;
      if (gap > P.TIME_WINDOW_DAYS) score *= Math.exp(-(gap - P.TIME_WINDOW_DAYS) / P.TIME_WINDOW_DAYS);
    }
    const top5 = (xs: Array<[string, number]>) => xs.sort((a, b) => b[1] - a[1]).slice(0, 5).map(([t]) => t);
    return { score, cosine, names, core, novel, shared: top5(shared), sharedNames: top5(sharedNames), missing };
  }

  /** L2-normalised TF-IDF vector: stories add these up, so a story-to-article dot product over the story's size is average link. */
  private unitVector(m: Map<string, number>): Map<string, number> {
    let norm = 0;
    const out = new Map<string, number>();
    for (const [t, w] of m) { const x = w * this.idf(t); out.set(t, x); norm += x * x; }
    norm = Math.sqrt(norm);
    if (norm > 0) for (const [t, x] of out) out.set(t, x / norm);
    return out;
  }

  private absorb(s: Story, f: DocFeatures, day: number | null): void {
    s.size++;
    for (const [t, w] of this.unitVector(f.terms)) s.terms.set(t, (s.terms.get(t) ?? 0) + w);
    for (const [n, w] of this.unitVector(f.names)) s.names.set(n, (s.names.get(n) ?? 0) + w);
    for (const n of f.names.keys()) s.counts.set(n, (s.counts.get(n) ?? 0) + 1);
    if (s.terms.size > P.CENTROID_TERMS * 2) this.prune(s);
    for (const t of f.terms.keys()) {
      if (!s.terms.has(t)) continue;
      (this.postings.get(t) ?? this.postings.set(t, new Set()).get(t)!).add(s.id);
    }
    if (day !== null) {
      s.first = s.first === null ? day : Math.min(s.first, day);
      s.last = s.last === null ? day : Math.max(s.last, day);
    }
  }

  private prune(s: Story): void {
    const kept = [...s.terms].sort((a, b) => b[1] - a[1]).slice(0, P.CENTROID_TERMS);
    const keep = new Set(kept.map(([t]) => t));
    for (const [t] of s.terms) if (!keep.has(t)) this.postings.get(t)?.delete(s.id);
    s.terms = new Map(kept);
    for (const n of s.names.keys()) if (!keep.has(n)) { s.names.delete(n); s.counts.delete(n); }
  }
}

function explain(s: Scored): string[] {
  const out = [`similarity ${s.score.toFixed(3)} (text ${s.cosine.toFixed(3)}, names ${s.names.toFixed(3)})`];
  if (s.sharedNames.length) out.push(`shared names: ${s.sharedNames.join(', ')}`);
  if (s.shared.length) out.push(`shared terms: ${s.shared.join(', ')}`);
  if (s.missing.length) out.push(`story names absent: ${s.missing.slice(0, 5).join(', ')}`);
  return out;
}
