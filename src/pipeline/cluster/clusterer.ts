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
  /** Extra entity keys (e.g. resolved people/places) that should pull same-story articles together. */
  entities?: string[];
}

export interface Assignment {
  story: number;
  created: boolean;
  score: number;
  /** Why the article joined: the shared terms and names with the most weight. */
  reasons: string[];
}

/**
 * Tuned as a set on stories-dev (ECB+ topics and NewsWCL50); don't tune one alone.
 * JOIN_THRESHOLD: combined similarity needed to join an existing story.
 * NAME_WEIGHT: share of the score that comes from shared names (people, places, organisations).
 * TIME_WINDOW_DAYS: stories older than this (from their last article) fade out of reach.
 */
export let JOIN_THRESHOLD = 0.2;
export let NAME_WEIGHT = 0.35;
export const TIME_WINDOW_DAYS = 10;
export let CONFLICT_FLOOR = 0.5;
const CORE_SHARE = 0.5;
export let MERGE_THRESHOLD = 0.3;
const MERGE_MIN_SIZE = 1;
const CORE_MIN_SIZE = 2;
let CORE_MIN_IDF = 5;
/** Terms per article used to look up candidate stories (the rarest ones). */
const PROBE_TERMS = 20;
/** Terms kept per story centroid: bounds memory and scoring cost whatever the story's size. */
const CENTROID_TERMS = 300;

interface Story {
  id: number;
  size: number;
  terms: Map<string, number>;
  names: Map<string, number>;
  first: number | null;
  last: number | null;
  mergedInto: number | null;
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
    const f = extractFeatures(input.title, input.text);
    for (const e of input.entities ?? []) f.names.add(e);
    this.docs++;
    for (const t of f.terms.keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    for (const n of f.names) if (!f.terms.has(n)) this.df.set(n, (this.df.get(n) ?? 0) + 1);
    const day = input.date ? Math.floor(Date.parse(input.date.slice(0, 10)) / 86_400_000) : null;

    let best: { story: Story; score: number; reasons: string[] } | null = null;
    for (const story of this.candidates(f)) {
      const s = this.similarity(f, day, story);
      if (!best || s.score > best.score || (s.score === best.score && story.id < best.story.id)) best = { story, ...s };
    }
    if (best && best.score >= JOIN_THRESHOLD) {
      this.absorb(best.story, f, day);
      const target = this.mergeSimilar(best.story);
      return { story: target.id, created: false, score: best.score, reasons: best.reasons };
    }
    const story: Story = { id: this.stories.length, size: 0, terms: new Map(), names: new Map(), first: null, last: null, mergedInto: null };
    this.stories.push(story);
    this.absorb(story, f, day);
    return { story: story.id, created: true, score: best?.score ?? 0, reasons: [] };
  }

  /** The story an id now belongs to, following merges. */
  resolve(id: number): number {
    let s = this.stories[id];
    while (s.mergedInto !== null) s = this.stories[s.mergedInto];
    return s.id;
  }

  /** After a story grows, fold it into (or fold into it) another story it has come to resemble. */
  private mergeSimilar(story: Story): Story {
    if (story.size < MERGE_MIN_SIZE) return story;
    const pseudo: DocFeatures = { terms: new Map(), names: new Set() };
    for (const [t, w] of story.terms) pseudo.terms.set(t, w / story.size);
    for (const [n, c] of story.names) if (c / story.size >= CORE_SHARE) pseudo.names.add(n);
    const day = story.last;
    let best: { other: Story; score: number } | null = null;
    for (const other of this.candidates(pseudo)) {
      if (other === story || other.mergedInto !== null || other.size < MERGE_MIN_SIZE) continue;
      const { score } = this.similarity(pseudo, day, other);
      if (score >= MERGE_THRESHOLD && (!best || score > best.score)) best = { other, score };
    }
    if (!best) return story;
    const [keep, drop] = best.other.id < story.id ? [best.other, story] : [story, best.other];
    keep.size += drop.size;
    for (const [t, w] of drop.terms) keep.terms.set(t, (keep.terms.get(t) ?? 0) + w);
    for (const [n, c] of drop.names) keep.names.set(n, (keep.names.get(n) ?? 0) + c);
    for (const t of [...drop.terms.keys(), ...drop.names.keys()]) {
      const p = this.postings.get(t);
      if (p) { p.delete(drop.id); p.add(keep.id); }
    }
    if (drop.first !== null) keep.first = keep.first === null ? drop.first : Math.min(keep.first, drop.first);
    if (drop.last !== null) keep.last = keep.last === null ? drop.last : Math.max(keep.last, drop.last);
    drop.mergedInto = keep.id;
    drop.terms = new Map();
    drop.names = new Map();
    if (keep.terms.size > CENTROID_TERMS * 2) this.prune(keep);
    return keep;
  }

  private idf(term: string): number {
    const df = (this.df.get(term) ?? 0) + (BACKGROUND.df[term] ?? 0);
    return Math.log((this.docs + BACKGROUND.documents + 1) / (df + 1)) + 1;
  }

  private candidates(f: DocFeatures): Story[] {
    // Probe with the article's heaviest terms that some earlier article also has (df counts this one already).
    const weighted = [...f.terms].filter(([t]) => (this.df.get(t) ?? 0) > 1).map(([t, w]) => [t, w * this.idf(t)] as const);
    for (const n of f.names) if ((this.df.get(n) ?? 0) > 1) weighted.push([n, 2 * this.idf(n)]);
    const probe = weighted.sort((a, b) => b[1] - a[1]).slice(0, PROBE_TERMS).map(([t]) => t);
    const ids = new Set<number>();
    for (const t of probe) for (const id of this.postings.get(t) ?? []) ids.add(id);
    return [...ids].map((id) => this.stories[id]);
  }

  private similarity(f: DocFeatures, day: number | null, s: Story): { score: number; reasons: string[] } {
    let dot = 0, dn = 0, sn = 0;
    const shared: Array<[string, number]> = [];
    for (const [t, w] of f.terms) {
      const idf = this.idf(t);
      const dw = w * idf;
      dn += dw * dw;
      const sw = s.terms.get(t);
      if (sw) { dot += dw * (sw / s.size) * idf; shared.push([t, dw * sw * idf]); }
    }
    for (const [t, w] of s.terms) { const x = (w / s.size) * this.idf(t); sn += x * x; }
    const cosine = dn && sn ? dot / Math.sqrt(dn * sn) : 0;

    let nameHit = 0, nameAll = 0;
    for (const n of f.names) {
      const idf = this.idf(n);
      nameAll += idf;
      const c = s.names.get(n);
      if (c) nameHit += idf * Math.min(1, c / Math.max(1, s.size * 0.5));
    }
    const names = nameAll ? nameHit / nameAll : 0;
    let score = (1 - NAME_WEIGHT) * cosine + NAME_WEIGHT * names;
    // Same kind of event, different protagonists: a story's core names (in most of its articles) missing here.
    if (s.size >= CORE_MIN_SIZE) {
      let core = 0, covered = 0;
      for (const [n, c] of s.names) {
        if (c / s.size < CORE_SHARE) continue;
        const idf = this.idf(n);
        if (idf < CORE_MIN_IDF) continue;
        core += idf;
        if (f.names.has(n) || f.terms.has(n)) covered += idf;
      }
      if (core > 0) score *= CONFLICT_FLOOR + (1 - CONFLICT_FLOOR) * (covered / core);
    }
    if (day !== null && s.last !== null && s.first !== null) {
      const gap = day > s.last ? day - s.last : day < s.first ? s.first - day : 0;
      if (gap > TIME_WINDOW_DAYS) score *= Math.exp(-(gap - TIME_WINDOW_DAYS) / TIME_WINDOW_DAYS);
    }
    const reasons = shared.sort((a, b) => b[1] - a[1]).slice(0, 5).map(([t]) => t);
    return { score, reasons };
  }

  private absorb(s: Story, f: DocFeatures, day: number | null): void {
    s.size++;
    for (const [t, w] of f.terms) s.terms.set(t, (s.terms.get(t) ?? 0) + w);
    for (const n of f.names) s.names.set(n, (s.names.get(n) ?? 0) + 1);
    if (s.terms.size > CENTROID_TERMS * 2) this.prune(s);
    for (const t of [...f.terms.keys(), ...f.names]) {
      if (!s.terms.has(t) && !s.names.has(t)) continue;
      (this.postings.get(t) ?? this.postings.set(t, new Set()).get(t)!).add(s.id);
    }
    if (day !== null) {
      s.first = s.first === null ? day : Math.min(s.first, day);
      s.last = s.last === null ? day : Math.max(s.last, day);
    }
  }

  private prune(s: Story): void {
    const kept = [...s.terms].sort((a, b) => b[1] * this.idf(b[0]) - a[1] * this.idf(a[0])).slice(0, CENTROID_TERMS);
    for (const [t] of s.terms) if (!kept.some(([k]) => k === t)) this.postings.get(t)?.delete(s.id);
    s.terms = new Map(kept);
  }
}
export function __tune(t: number, w: number, c = 0.5, m = 4, mt = 0.5) { MERGE_THRESHOLD = mt; JOIN_THRESHOLD = t; NAME_WEIGHT = w; CONFLICT_FLOOR = c; CORE_MIN_IDF = m; }
