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
  JOIN_THRESHOLD: 0.15,
  JOIN_REL: 0,
  CONFLICT_GATE: 0,
  GATE_SCORE: 1,
  NAME_WEIGHT: 0.35,
  TIME_WINDOW_DAYS: 10,
  CONFLICT_FLOOR: 1,
  CORE_SHARE: 0.5,
  CORE_MIN_IDF: 3,
  CORE_NAMES: 5,
  CONFLICT_DIR: 1,
  COVER_PROMINENCE: 1,
  MERGE_ABS: 0.1,
  MERGE_REL: 0.9,
  MERGE_CONFLICT_FLOOR: 1,
  INTRA_FLOOR: 0.1,
  PROBE_TERMS: 20,
  CENTROID_TERMS: 300,
};

/** An article or a story, in one shape so that article-to-story and story-to-story comparisons are the same function. */
interface Profile {
  size: number;
  /** Sum of the members' L2-normalised TF-IDF vectors: a dot product over both sizes is average link. */
  terms: Map<string, number>;
  /** The same over names only. */
  names: Map<string, number>;
  /** Members naming each name. */
  counts: Map<string, number>;
  /** Sums of pairwise member similarities (terms, names): the story's own cohesion. */
  pairs: number;
  namePairs: number;
  first: number | null;
  last: number | null;
}

interface Story extends Profile { id: number; mergedInto: number | null }

interface Compared {
  score: number;
  /** Average-link similarity over terms and over names. */
  text: number;
  names: number;
  /** Similarity relative to the stories' own cohesion (1: as close as their members are to each other). */
  relative: number;
  /** Share of each side's core names (in most of its articles) that the other side mentions (the lower of the two). */
  core: number;
  shared: string[];
  sharedNames: string[];
  missing: string[];
}

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
    const article = this.profile(f, day);

    let best: { story: Story; c: Compared } | null = null;
    for (const story of this.candidates(article)) {
      const c = this.compare(article, story, P.CONFLICT_FLOOR);
      if (story.size >= 2 && c.relative < P.JOIN_REL) continue;
      if (c.core < P.CONFLICT_GATE && c.score < P.GATE_SCORE) continue;
      if (!best || c.score > best.c.score || (c.score === best.c.score && story.id < best.story.id)) best = { story, c };
    }
    if (best && best.c.score >= P.JOIN_THRESHOLD) {
      this.absorb(best.story, article);
      const merges: Merge[] = [];
      const target = this.mergeSimilar(best.story, merges);
      return { story: target.id, created: false, score: best.c.score, reasons: explain(best.c), merges };
    }
    const story: Story = { ...this.profile({ terms: new Map(), names: new Map() }, null), size: 0, id: this.stories.length, mergedInto: null };
    this.stories.push(story);
    this.absorb(story, article);
    return { story: story.id, created: true, score: best?.c.score ?? 0, reasons: [], merges: [] };
  }

  /** The story an id now belongs to, following merges. */
  resolve(id: number): number {
    let s = this.stories[id];
    while (s.mergedInto !== null) s = this.stories[s.mergedInto];
    return s.id;
  }

  /** After a story grows, fold it into (or fold into it) another story it has come to resemble. */
  private mergeSimilar(story: Story, merges: Merge[]): Story {
    let best: { other: Story; c: Compared } | null = null;
    for (const other of this.candidates(story)) {
      if (other === story) continue;
      const c = this.compare(story, other, P.MERGE_CONFLICT_FLOOR);
      if (c.score < P.MERGE_ABS || c.relative < P.MERGE_REL) continue;
      if (!best || c.relative > best.c.relative) best = { other, c };
    }
    if (!best) return story;
    const [keep, drop] = best.other.id < story.id ? [best.other, story] : [story, best.other];
    for (const t of drop.terms.keys()) {
      const p = this.postings.get(t);
      if (p) { p.delete(drop.id); p.add(keep.id); }
    }
    this.absorb(keep, drop);
    drop.mergedInto = keep.id;
    drop.terms = new Map();
    drop.names = new Map();
    drop.counts = new Map();
    merges.push({ from: drop.id, into: keep.id, score: best.c.score, reasons: explain(best.c) });
    return keep;
  }

  private idf(term: string): number {
    const df = (this.df.get(term) ?? 0) + (BACKGROUND.df[term] ?? 0);
    return Math.log((this.docs + BACKGROUND.documents + 1) / (df + 1)) + 1;
  }

  /** An article as a one-member profile: unit TF-IDF vectors over terms and over names. */
  private profile(f: DocFeatures, day: number | null): Profile {
    return {
      size: 1, terms: this.unitVector(f.terms), names: this.unitVector(f.names),
      counts: new Map([...f.names.keys()].map((n) => [n, 1])), pairs: 0, namePairs: 0, first: day, last: day,
    };
  }

  /** L2-normalised TF-IDF vector. */
  private unitVector(m: Map<string, number>): Map<string, number> {
    let norm = 0;
    const out = new Map<string, number>();
    for (const [t, w] of m) { const x = w * this.idf(t); out.set(t, x); norm += x * x; }
    norm = Math.sqrt(norm);
    if (norm > 0) for (const [t, x] of out) out.set(t, x / norm);
    return out;
  }

  private candidates(p: Profile): Story[] {
    // Probe with the profile's heaviest terms that some earlier article also has.
    const probe = [...p.terms].filter(([t]) => (this.df.get(t) ?? 0) > 1).sort((a, b) => b[1] - a[1]).slice(0, P.PROBE_TERMS).map(([t]) => t);
    const ids = new Set<number>();
    for (const t of probe) for (const id of this.postings.get(t) ?? []) ids.add(id);
    return [...ids].sort((a, b) => a - b).map((id) => this.stories[id]).filter((s) => s.mergedInto === null);
  }

  private compare(a: Profile, b: Profile, conflictFloor: number): Compared {
    const shared: Array<[string, number]> = [], sharedNames: Array<[string, number]> = [];
    const text = dot(a.terms, b.terms, shared) / (a.size * b.size);
    const names = dot(a.names, b.names, sharedNames) / (a.size * b.size);
    let score = mix(text, names);
    const ia = cohesion(a), ib = cohesion(b);
    const ref = ia === null ? ib : ib === null ? ia : Math.sqrt(ia * ib);
    const relative = ref === null ? 1 : score / Math.max(ref, P.INTRA_FLOOR);
    // Same kind of event, different protagonists: one side's core names missing from the other.
    const missing: string[] = [];
    const ca = this.cover(a, b, missing), cb = this.cover(b, a, missing);
    const core = P.CONFLICT_DIR === 1 && a.size === 1 ? ca : P.CONFLICT_DIR === 2 ? Math.max(ca, cb) : P.CONFLICT_DIR === 3 ? Math.sqrt(ca * cb) : P.CONFLICT_DIR === 4 ? (ca + cb) / 2 : Math.min(ca, cb);
    score *= conflictFloor + (1 - conflictFloor) * core;
    if (a.first !== null && a.last !== null && b.first !== null && b.last !== null) {
      const gap = Math.max(0, a.first - b.last, b.first - a.last);
      if (gap > P.TIME_WINDOW_DAYS) score *= Math.exp(-(gap - P.TIME_WINDOW_DAYS) / P.TIME_WINDOW_DAYS);
    }
    return { score, text, names, relative, core, shared: top(shared), sharedNames: top(sharedNames), missing };
  }

  /** Share (by weight) of x's most salient names that y mentions; 1 when x has none. */
  private cover(x: Profile, y: Profile, missing: string[]): number {
    const salient = [...x.names].filter(([n]) => this.idf(n) >= P.CORE_MIN_IDF).sort((p, q) => q[1] - p[1] || (p[0] < q[0] ? -1 : 1)).slice(0, P.CORE_NAMES);
    let all = 0, covered = 0;
    for (const [n, w] of salient) {
      all += w;
      // A name counts as covered as far as it is as prominent on the other side (mean weight per member).
      const share = P.COVER_PROMINENCE ? Math.min(1, ((y.names.get(n) ?? 0) / y.size) / (w / x.size)) : y.terms.has(n) ? 1 : 0;
      covered += w * share;
      if (share < 0.5) missing.push(n);
    }
    return all > 0 ? covered / all : 1;
  }

  /** Adds a profile (an article, or a story being merged) to a story. */
  private absorb(s: Story, p: Profile): void {
    s.pairs += p.pairs + dot(s.terms, p.terms);
    s.namePairs += p.namePairs + dot(s.names, p.names);
    s.size += p.size;
    for (const [t, w] of p.terms) s.terms.set(t, (s.terms.get(t) ?? 0) + w);
    for (const [n, w] of p.names) s.names.set(n, (s.names.get(n) ?? 0) + w);
    for (const [n, c] of p.counts) s.counts.set(n, (s.counts.get(n) ?? 0) + c);
    if (s.terms.size > P.CENTROID_TERMS * 2) this.prune(s);
    for (const t of p.terms.keys()) {
      if (!s.terms.has(t)) continue;
      (this.postings.get(t) ?? this.postings.set(t, new Set()).get(t)!).add(s.id);
    }
    if (p.first !== null) s.first = s.first === null ? p.first : Math.min(s.first, p.first);
    if (p.last !== null) s.last = s.last === null ? p.last : Math.max(s.last, p.last);
  }

  private prune(s: Story): void {
    const kept = [...s.terms].sort((a, b) => b[1] - a[1]).slice(0, P.CENTROID_TERMS);
    const keep = new Set(kept.map(([t]) => t));
    for (const [t] of s.terms) if (!keep.has(t)) this.postings.get(t)?.delete(s.id);
    s.terms = new Map(kept);
    for (const n of s.names.keys()) if (!keep.has(n)) { s.names.delete(n); s.counts.delete(n); }
  }
}

function mix(text: number, names: number): number {
  return (1 - P.NAME_WEIGHT) * text + P.NAME_WEIGHT * names;
}

/** Mean pairwise similarity of a story's members; null for a single article. */
function cohesion(p: Profile): number | null {
  if (p.size < 2) return null;
  const pairs = (p.size * (p.size - 1)) / 2;
  return mix(p.pairs / pairs, p.namePairs / pairs);
}

function dot(x: Map<string, number>, y: Map<string, number>, out?: Array<[string, number]>): number {
  let d = 0;
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  for (const [t, w] of small) { const v = large.get(t); if (v) { d += w * v; out?.push([t, w * v]); } }
  return d;
}

function top(xs: Array<[string, number]>): string[] {
  return xs.sort((a, b) => b[1] - a[1]).slice(0, 5).map(([t]) => t);
}

function explain(c: Compared): string[] {
  const out = [`similarity ${c.score.toFixed(3)} (text ${c.text.toFixed(3)}, names ${c.names.toFixed(3)}, relative ${c.relative.toFixed(2)})`];
  if (c.sharedNames.length) out.push(`shared names: ${c.sharedNames.join(', ')}`);
  if (c.shared.length) out.push(`shared terms: ${c.shared.join(', ')}`);
  if (c.missing.length) out.push(`core names absent: ${c.missing.slice(0, 5).join(', ')}`);
  return out;
}
