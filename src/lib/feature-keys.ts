// Hashed feature keys and the growing key index of the averaged-perceptron taggers (quote cues, parts of speech).

/*
 * A feature is a template and a few values (hashed words, word classes, tags). Its key is two 32-bit hashes of
 * those parts under two seeds, so no feature name is ever built: values are hashed once per word and a key costs
 * a few integer multiplications. Two different features share a key with odds of about 2^-63 per pair.
 */

/** String hash (FNV-1a, then a murmur3 finaliser to spread the bits). */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix(h);
}

/** murmur3's finaliser: spreads the bits of a running hash. */
export function fmix(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** One murmur3 round: folds value `v` into running hash `h`. */
export function mixRound(h: number, v: number): number {
  let k = Math.imul(v, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  let x = h ^ k;
  x = (x << 13) | (x >>> 19);
  return (Math.imul(x, 5) + 0xe6546b64) | 0;
}

const SEED_A = 0x5bd1e995;
const SEED_B = 0x27d4eb2f;

/** Each template's number (from 1) and its starting hash state under both seeds (the first round, done once). */
export function templates<N extends string>(names: readonly N[]): { id: Record<N, number>; seedA: Int32Array; seedB: Int32Array } {
  return {
    id: Object.fromEntries(names.map((name, i) => [name, i + 1])) as Record<N, number>,
    seedA: Int32Array.from({ length: names.length + 1 }, (_, t) => mixRound(SEED_A, t)),
    seedB: Int32Array.from({ length: names.length + 1 }, (_, t) => mixRound(SEED_B, t)),
  };
}

/**
 * Open-addressing index of feature keys (two Int32 halves side by side; a second half of 0 marks an empty slot),
 * kept at most half full. A trainer keeps its per-feature values in arrays indexed by slot; when the index grows,
 * `onGrow` receives the new slot of every old slot (-1 for empty ones) to move them.
 */
export class KeyIndex {
  cap: number;
  private used = 0;
  a: Int32Array;
  b: Int32Array;

  constructor(private readonly onGrow: (moved: Int32Array, cap: number) => void, cap = 1 << 16) {
    this.cap = cap;
    this.a = new Int32Array(cap);
    this.b = new Int32Array(cap);
  }

  /** The key's slot, or -1 - (the slot it would take) when absent. */
  find(ka: number, kb: number): number {
    const mask = this.cap - 1;
    let s = ka & mask;
    while (this.b[s] !== 0) {
      if (this.b[s] === kb && this.a[s] === ka) return s;
      s = (s + 1) & mask;
    }
    return -1 - s;
  }

  /** The key's slot, added when absent. */
  slot(ka: number, kb: number): number {
    let s = this.find(ka, kb);
    if (s >= 0) return s;
    if ((this.used + 1) * 2 > this.cap) {
      this.grow();
      s = this.find(ka, kb);
    }
    s = -1 - s;
    this.a[s] = ka;
    this.b[s] = kb;
    this.used++;
    return s;
  }

  private grow(): void {
    const old = { a: this.a, b: this.b };
    this.cap *= 2;
    this.a = new Int32Array(this.cap);
    this.b = new Int32Array(this.cap);
    const moved = new Int32Array(old.b.length).fill(-1);
    for (let o = 0; o < old.b.length; o++) {
      if (old.b[o] === 0) continue;
      const s = -1 - this.find(old.a[o], old.b[o]);
      this.a[s] = old.a[o];
      this.b[s] = old.b[o];
      moved[o] = s;
    }
    this.onGrow(moved, this.cap);
  }
}

/** Deterministic shuffle (mulberry32), so that a training run can be repeated exactly. */
export function seededShuffle<X>(items: readonly X[], seed: number): X[] {
  const out = items.slice();
  let a = seed >>> 0;
  const rand = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
