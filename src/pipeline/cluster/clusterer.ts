// Online, incremental story clustering: each article joins the most similar story or starts a new one, with reasons.
//
// How an article is placed (each step bounded, whatever the number of stories kept):
// 1. Features: sub-linear TF-IDF over the title and the lede, and "anchors" (names and figures) on their own.
// 2. Candidates: the live stories that share the article's heaviest terms, found through an inverted index;
//    terms found in too many live stories are skipped, and only the best MAX_CANDIDATES by partial overlap are scored.
// 3. Score: average-link similarity (the mean similarity to the story's articles, from a sum of unit vectors),
//    blended from terms and anchors; damped when the two sides' most salient anchors do not match (same kind
//    of event, different protagonists) and when the article falls outside the story's time span.
// 4. Join the best story at JOIN_THRESHOLD or above, else start a new story.
// 5. Merge: the grown story is compared with its own candidates the same way; a story as close to it as its
//    articles are to one another (relative to both stories' cohesion) is folded in, with reasons.
// Stories that time has put out of reach are retired: dropped from the index, their vectors freed.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { StorylineError } from '../../lib/errors.ts';
import { extractFeatures, type DocFeatures } from './features.ts';

/** Background document frequencies from training news texts (scripts/build-idf.ts), so early articles get sane IDF. */
const BACKGROUND = JSON.parse(readFileSync(new URL('./model/df.json', import.meta.url), 'utf8')) as { documents: number; df: Record<string, number> };
/** As a Map: words such as "constructor" must not find Object.prototype. */
const BACKGROUND_DF = new Map(Object.entries(BACKGROUND.df));

export interface ClusterInput {
  key: string;
  title: string | null;
  text: string;
  language: string | null;
  /** ISO date (YYYY-MM-DD…) or null. */
  date: string | null;
  /** Resolved entity keys (e.g. 'PER:sergey ryabkov'): anchors that pull same-story articles together. */
  entities?: string[];
}

export interface Merge { from: number; into: number; score: number; reasons: string[] }

export interface Assignment {
  story: number;
  created: boolean;
  /** Similarity to the story joined, or to the closest story when one was created (0 when none was near). */
  score: number;
  /** Why the article joined or started a story: the scores, the anchors and terms shared with the most weight. */
  reasons: string[];
  /** Stories folded together after this article arrived, each with its reasons. */
  merges: Merge[];
}

/**
 * Decision constants, calibrated together on stories-dev (ECB+ topics 1–35 and NewsWCL50, with the feature
 * constants in features.ts); don't tune one alone. Scores are average-link cosines, so they run lower than
 * centroid cosines: same-event articles typically score 0.2–0.6.
 * JOIN_THRESHOLD: score needed to join a story.
 * ANCHOR_WEIGHT: share of the score that comes from anchors (names, figures) rather than all terms.
 * SALIENT_ANCHORS: how many of each side's heaviest anchors are checked against the other side.
 * CONFLICT_FLOOR: what is left of a score when none of those anchors is matched (1 would ignore them).
 * MERGE_THRESHOLD / MERGE_RELATIVE: two stories merge when their average link reaches MERGE_THRESHOLD and at
 *   least MERGE_RELATIVE of their own cohesion (their articles are about as close across as within).
 * TIME_WINDOW_DAYS: articles further than this from a story's span have their score decay (e-fold per window).
 *   The stories-dev sets carry no dates, so this one is set from how long news stories run: negotiations such as
 *   the seed story are reported for five weeks and more, with gaps of weeks between rounds.
 */
export const JOIN_THRESHOLD = 0.17;
export const ANCHOR_WEIGHT = 0.35;
export const SALIENT_ANCHORS = 12;
export const CONFLICT_FLOOR = 0.7;
export const MERGE_THRESHOLD = 0.2;
export const MERGE_RELATIVE = 0.8;
export const TIME_WINDOW_DAYS = 30;
/** Cohesion below this is taken as this, so a loose story does not make everything look relatively close. */
const COHESION_FLOOR = 0.1;

/**
 * Scale bounds (not quality knobs: results on stories-dev are the same for any value well above these sizes).
 * PROBE_TERMS: the article's heaviest terms used to look stories up.
 * POSTING_LIMIT: a term held by more live stories than this finds no story in particular and is not probed.
 * MAX_CANDIDATES: stories fully scored per article, the best by partial overlap on the probe terms;
 *   MAX_MERGE_CANDIDATES: the same for a grown story looking for a story to merge with.
 * CENTROID_TERMS: terms kept per story vector (pruned back to this from twice as many).
 * RETIRE_DAYS: a story whose last article is this much older than the newest article cannot reach
 *   JOIN_THRESHOLD any more (even a perfect match decays below it), so it is retired.
 * RETIRE_ARRIVALS: undated stories are retired after this many articles without a new one.
 * SWEEP_EVERY: retirement (and dropping unused document frequencies) runs once per this many articles.
 */
export const PROBE_TERMS = 20;
export const POSTING_LIMIT = 250;
export const MAX_CANDIDATES = 32;
export const MAX_MERGE_CANDIDATES = 4;
export const CENTROID_TERMS = 300;
export const RETIRE_DAYS = Math.ceil(TIME_WINDOW_DAYS * (1 + Math.log(1 / JOIN_THRESHOLD)));
export const RETIRE_ARRIVALS = 20_000;
export const SWEEP_EVERY = 1_000;

/** An article or a story, in one shape, so that article-to-story and story-to-story comparisons are one function. */
interface Profile {
  size: number;
  /** Sum of the members' L2-normalised TF-IDF vectors: a dot product over both sizes is average link. */
  terms: Map<string, number>;
  /** The same over anchors only. */
  anchors: Map<string, number>;
  /** The SALIENT_ANCHORS heaviest anchors (kept up to date as the profile grows). */
  salient: Array<[string, number]>;
  /** Sums of pairwise member similarities (terms, anchors): the story's own cohesion. */
  pairs: number;
  anchorPairs: number;
  /** Day numbers (days since 1970) of the first and last dated member. */
  first: number | null;
  last: number | null;
}

interface Story extends Profile {
  id: number;
  /** Arrival number of the latest article (retires undated stories). */
  touched: number;
  mergedInto: number | null;
  retired: boolean;
}

interface Compared {
  score: number;
  /** Average-link similarity over terms and over anchors. */
  text: number;
  anchors: number;
  /** Blended similarity over the mean cohesion of the two sides (1: as close as their own members). */
  relative: number;
  /** The lower share of either side's salient anchors that the other side holds as prominently. */
  match: number;
}

export class StoryClusterer {
  private readonly stories: Story[] = [];
  /** Ids of stories neither merged nor retired: the only ones in the index. */
  private readonly live = new Set<number>();
  private readonly df = new Map<string, number>();
  private docs = 0;
  private merged = 0;
  /** Newest article day seen. */
  private today: number | null = null;
  private readonly postings = new Map<string, Set<number>>();

  /** Stories that have not been merged into another. */
  storyCount(): number {
    return this.stories.length - this.merged;
  }

  /** Sizes of the state, to watch memory and cost. */
  stats(): { articles: number; stories: number; live: number; indexedTerms: number; vocabulary: number } {
    return { articles: this.docs, stories: this.storyCount(), live: this.live.size, indexedTerms: this.postings.size, vocabulary: this.df.size };
  }

  add(input: ClusterInput): Assignment {
    const f = extractFeatures(input.title, input.text, input.language, input.entities);
    this.docs++;
    for (const t of f.terms.keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    const day = toDay(input.date);
    if (day !== null && (this.today === null || day > this.today)) this.today = day;
    const article = this.profile(f, day);

    let best: { story: Story; c: Compared } | null = null;
    for (const story of this.candidates(article, null, MAX_CANDIDATES)) {
      const c = this.compare(article, story);
      if (!best || c.score > best.c.score || (c.score === best.c.score && story.id < best.story.id)) best = { story, c };
    }
    let assignment: Assignment;
    if (best && best.c.score >= JOIN_THRESHOLD) {
      this.absorb(best.story, article);
      best.story.touched = this.docs;
      const merges: Merge[] = [];
      const target = this.mergeSimilar(best.story, merges);
      assignment = { story: target.id, created: false, score: best.c.score, reasons: explain(best.c, article, best.story), merges };
    } else {
      const story: Story = {
        id: this.stories.length, size: 0, terms: new Map(), anchors: new Map(), salient: [], pairs: 0, anchorPairs: 0,
        first: null, last: null, touched: this.docs, mergedInto: null, retired: false,
      };
      this.stories.push(story);
      this.live.add(story.id);
      this.absorb(story, article);
      const reasons = best
        ? [`closest story ${best.story.id} scored ${best.c.score.toFixed(3)}, below ${JOIN_THRESHOLD}`, ...explain(best.c, article, best.story).slice(1)]
        : ['no live story shares its rarer terms'];
      assignment = { story: story.id, created: true, score: best?.c.score ?? 0, reasons, merges: [] };
    }
    if (this.docs % SWEEP_EVERY === 0) this.sweep();
    return assignment;
  }

  /** The story an id now belongs to, following merges. */
  resolve(id: number): number {
    let s = this.stories[id];
    while (s.mergedInto !== null) s = this.stories[s.mergedInto];
    return s.id;
  }

  /** The whole state as plain JSON data; `fromJSON` restores a clusterer that continues exactly as this one would. */
  toJSON(): unknown {
    const entries = (m: Map<string, number>) => [...m];
    return {
      format: STATE_FORMAT,
      docs: this.docs,
      today: this.today,
      df: entries(this.df),
      // Merged and retired stories keep only what resolve() and storyCount() need.
      stories: this.stories.map((s) => s.mergedInto !== null
        ? { id: s.id, size: s.size, first: s.first, last: s.last, mergedInto: s.mergedInto }
        : s.retired
          ? { id: s.id, size: s.size, first: s.first, last: s.last, retired: true }
          : { id: s.id, size: s.size, first: s.first, last: s.last, touched: s.touched, pairs: s.pairs, anchorPairs: s.anchorPairs, terms: entries(s.terms), anchors: entries(s.anchors) }),
    };
  }

  /** Restores a clusterer saved with `toJSON`; throws StorylineError 'bad_input' for anything else. */
  static fromJSON(x: unknown): StoryClusterer {
    const parsed = StateSchema.safeParse(x);
    if (!parsed.success) throw new StorylineError('bad_input', `not a saved story clusterer: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    const state = parsed.data;
    const c = new StoryClusterer();
    c.docs = state.docs;
    c.today = state.today;
    for (const [t, n] of state.df) c.df.set(t, n);
    for (const [i, s] of state.stories.entries()) {
      if (s.id !== i) throw new StorylineError('bad_input', `saved story ${s.id} is at position ${i}`);
      if (s.mergedInto !== undefined && s.mergedInto >= state.stories.length) throw new StorylineError('bad_input', `saved story ${s.id} is merged into a missing story`);
      const story: Story = {
        id: s.id, size: s.size, first: s.first, last: s.last, mergedInto: s.mergedInto ?? null, retired: s.retired ?? false,
        touched: s.touched ?? 0, pairs: s.pairs ?? 0, anchorPairs: s.anchorPairs ?? 0, terms: new Map(s.terms ?? []), anchors: new Map(s.anchors ?? []), salient: [],
      };
      story.salient = salientOf(story.anchors);
      c.stories.push(story);
      if (story.mergedInto !== null) c.merged++;
      else if (!story.retired) {
        c.live.add(story.id);
        c.index(story, story.terms.keys());
      }
    }
    return c;
  }

  /** After a story grows, fold it into (or fold into it) another story it has come to resemble. */
  private mergeSimilar(story: Story, merges: Merge[]): Story {
    let best: { other: Story; c: Compared } | null = null;
    for (const other of this.candidates(story, story.id, MAX_MERGE_CANDIDATES)) {
      const c = this.compare(story, other);
      if (c.score < MERGE_THRESHOLD || c.relative < MERGE_RELATIVE) continue;
      if (!best || c.relative > best.c.relative || (c.relative === best.c.relative && other.id < best.other.id)) best = { other, c };
    }
    if (!best) return story;
    const reasons = explain(best.c, story, best.other);
    const [keep, drop] = best.other.id < story.id ? [best.other, story] : [story, best.other];
    this.unindex(drop);
    this.absorb(keep, drop);
    keep.touched = Math.max(keep.touched, drop.touched);
    drop.mergedInto = keep.id;
    this.merged++;
    drop.terms = new Map();
    drop.anchors = new Map();
    drop.salient = [];
    this.live.delete(drop.id);
    merges.push({ from: drop.id, into: keep.id, score: best.c.score, reasons });
    return keep;
  }

  /** Retires stories out of reach and forgets terms seen once that no live story holds. */
  private sweep(): void {
    for (const id of [...this.live]) {
      const s = this.stories[id];
      const stale = s.last !== null && this.today !== null ? this.today - s.last > RETIRE_DAYS : this.docs - s.touched > RETIRE_ARRIVALS;
      if (!stale) continue;
      this.unindex(s);
      s.retired = true;
      s.terms = new Map();
      s.anchors = new Map();
      s.salient = [];
      this.live.delete(id);
    }
    for (const [t, n] of this.df) if (n === 1 && !this.postings.has(t)) this.df.delete(t);
  }

  private idf(term: string): number {
    const df = (this.df.get(term) ?? 0) + (BACKGROUND_DF.get(term) ?? 0);
    return Math.log((this.docs + BACKGROUND.documents + 1) / (df + 1)) + 1;
  }

  /** An article as a one-member profile. */
  private profile(f: DocFeatures, day: number | null): Profile {
    const anchors = this.unitVector(f.anchors);
    return { size: 1, terms: this.unitVector(f.terms), anchors, salient: salientOf(anchors), pairs: 0, anchorPairs: 0, first: day, last: day };
  }

  /** L2-normalised TF-IDF vector (IDF as of now: a story keeps its members' weights as they were when they joined). */
  private unitVector(m: Map<string, number>): Map<string, number> {
    let norm = 0;
    const out = new Map<string, number>();
    for (const [t, w] of m) { const x = w * this.idf(t); out.set(t, x); norm += x * x; }
    norm = Math.sqrt(norm);
    if (norm > 0) for (const [t, x] of out) out.set(t, x / norm);
    return out;
  }

  /** The live stories worth scoring against a profile, best partial overlap first (bounded, see the scale constants). */
  private candidates(p: Profile, exclude: number | null, limit: number): Story[] {
    const probe = [...p.terms]
      .filter(([t]) => { const ids = this.postings.get(t); return ids !== undefined && ids.size <= POSTING_LIMIT; })
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, PROBE_TERMS);
    const overlap = new Map<number, number>();
    for (const [t, w] of probe) {
      for (const id of this.postings.get(t)!) {
        if (id === exclude) continue;
        const s = this.stories[id];
        overlap.set(id, (overlap.get(id) ?? 0) + (w * (s.terms.get(t) ?? 0)) / s.size);
      }
    }
    return [...overlap].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, limit).map(([id]) => this.stories[id]);
  }

  private compare(a: Profile, b: Profile): Compared {
    const text = dot(a.terms, b.terms) / (a.size * b.size);
    const anchors = dot(a.anchors, b.anchors) / (a.size * b.size);
    let score = blend(text, anchors);
    const ca = cohesion(a), cb = cohesion(b);
    const reference = ca === null ? cb : cb === null ? ca : Math.sqrt(ca * cb);
    const relative = reference === null ? 1 : score / Math.max(reference, COHESION_FLOOR);
    // Same kind of event, different protagonists: either side's salient anchors missing from the other.
    const match = Math.min(matched(a, b), matched(b, a));
    score *= CONFLICT_FLOOR + (1 - CONFLICT_FLOOR) * match;
    if (a.first !== null && a.last !== null && b.first !== null && b.last !== null) {
      const gap = Math.max(0, a.first - b.last, b.first - a.last);
      if (gap > TIME_WINDOW_DAYS) score *= Math.exp(-(gap - TIME_WINDOW_DAYS) / TIME_WINDOW_DAYS);
    }
    return { score, text, anchors, relative, match };
  }

  /** Adds a profile (an article, or a story being merged) to a story. */
  private absorb(s: Story, p: Profile): void {
    s.pairs += p.pairs + dot(s.terms, p.terms);
    s.anchorPairs += p.anchorPairs + dot(s.anchors, p.anchors);
    s.size += p.size;
    for (const [t, w] of p.terms) s.terms.set(t, (s.terms.get(t) ?? 0) + w);
    for (const [n, w] of p.anchors) s.anchors.set(n, (s.anchors.get(n) ?? 0) + w);
    if (s.terms.size > CENTROID_TERMS * 2) this.prune(s);
    s.salient = salientOf(s.anchors);
    this.index(s, p.terms.keys());
    if (p.first !== null) s.first = s.first === null ? p.first : Math.min(s.first, p.first);
    if (p.last !== null) s.last = s.last === null ? p.last : Math.max(s.last, p.last);
  }

  private index(s: Story, terms: Iterable<string>): void {
    for (const t of terms) {
      if (!s.terms.has(t)) continue;
      let ids = this.postings.get(t);
      if (!ids) this.postings.set(t, (ids = new Set()));
      ids.add(s.id);
    }
  }

  private unindex(s: Story): void {
    for (const t of s.terms.keys()) {
      const ids = this.postings.get(t);
      if (!ids) continue;
      ids.delete(s.id);
      if (ids.size === 0) this.postings.delete(t);
    }
  }

  /** Keeps a story's CENTROID_TERMS heaviest terms (and the anchors among them). */
  private prune(s: Story): void {
    const kept = [...s.terms].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, CENTROID_TERMS);
    const keep = new Set(kept.map(([t]) => t));
    for (const t of s.terms.keys()) {
      if (keep.has(t)) continue;
      const ids = this.postings.get(t);
      if (ids) { ids.delete(s.id); if (ids.size === 0) this.postings.delete(t); }
    }
    s.terms = new Map(kept);
    for (const n of [...s.anchors.keys()]) if (!keep.has(n)) s.anchors.delete(n);
  }
}

const STATE_FORMAT = 'storyline-clusterer/1';
const Entries = z.array(z.tuple([z.string(), z.number()]));
const StateSchema = z.object({
  format: z.literal(STATE_FORMAT),
  docs: z.number().int().nonnegative(),
  today: z.number().int().nullable(),
  df: Entries,
  stories: z.array(z.object({
    id: z.number().int().nonnegative(),
    size: z.number().int().nonnegative(),
    first: z.number().int().nullable(),
    last: z.number().int().nullable(),
    mergedInto: z.number().int().nonnegative().optional(),
    retired: z.literal(true).optional(),
    touched: z.number().int().nonnegative().optional(),
    pairs: z.number().optional(),
    anchorPairs: z.number().optional(),
    terms: Entries.optional(),
    anchors: Entries.optional(),
  })),
});

function toDay(date: string | null): number | null {
  if (!date) return null;
  const ms = Date.parse(date.slice(0, 10));
  return Number.isNaN(ms) ? null : Math.floor(ms / 86_400_000);
}

function blend(text: number, anchors: number): number {
  return (1 - ANCHOR_WEIGHT) * text + ANCHOR_WEIGHT * anchors;
}

/** Mean pairwise similarity of a story's members; null for a single article. */
function cohesion(p: Profile): number | null {
  if (p.size < 2) return null;
  const pairs = (p.size * (p.size - 1)) / 2;
  return blend(p.pairs / pairs, p.anchorPairs / pairs);
}

function salientOf(anchors: Map<string, number>): Array<[string, number]> {
  return [...anchors].sort((p, q) => q[1] - p[1] || (p[0] < q[0] ? -1 : 1)).slice(0, SALIENT_ANCHORS);
}

/**
 * Share (by weight) of x's salient anchors that y holds at least as prominently (mean weight per member);
 * 1 when x has none. Names y merely mentions in passing count only in proportion.
 */
function matched(x: Profile, y: Profile, unmatched?: string[]): number {
  let all = 0, covered = 0;
  for (const [n, w] of x.salient) {
    const share = Math.min(1, ((y.anchors.get(n) ?? 0) / y.size) / (w / x.size));
    all += w;
    covered += w * share;
    if (share < 0.5) unmatched?.push(n);
  }
  return all > 0 ? covered / all : 1;
}

function dot(x: Map<string, number>, y: Map<string, number>, out?: Array<[string, number]>): number {
  let d = 0;
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  for (const [t, w] of small) { const v = large.get(t); if (v) { d += w * v; out?.push([t, w * v]); } }
  return d;
}

function top(xs: Array<[string, number]>): string[] {
  return xs.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 5).map(([t]) => t);
}

/** Reasons for a decision between two profiles: the scores, then what they share and what does not match. */
function explain(c: Compared, a: Profile, b: Profile): string[] {
  const shared: Array<[string, number]> = [], sharedAnchors: Array<[string, number]> = [], unmatched: string[] = [];
  dot(a.terms, b.terms, shared);
  dot(a.anchors, b.anchors, sharedAnchors);
  matched(a, b, unmatched);
  matched(b, a, unmatched);
  const out = [`similarity ${c.score.toFixed(3)} (terms ${c.text.toFixed(3)}, anchors ${c.anchors.toFixed(3)}, anchor match ${c.match.toFixed(2)}, relative ${c.relative.toFixed(2)})`];
  if (sharedAnchors.length) out.push(`shared names and figures: ${top(sharedAnchors).join(', ')}`);
  if (shared.length) out.push(`shared terms: ${top(shared).join(', ')}`);
  if (unmatched.length) out.push(`names and figures prominent on one side only: ${unmatched.slice(0, 5).join(', ')}`);
  return out;
}
