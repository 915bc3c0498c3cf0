// Content fingerprints: an exact hash of normalised text and a 64-bit SimHash for near-duplicates (wire reprints).
import { createHash } from 'node:crypto';

/**
 * Hamming distance at or under which two 64-bit SimHashes are near-duplicates. Manku et al. (2007) use 3
 * for web pages; wire reprints with a changed headline or sign-off measured 3-6 bits here, while
 * different articles on the same story measured 25+ bits, so 6 keeps a wide margin.
 * Candidates come from four 16-bit bands: certain to be found up to 3 bits, very likely up to 6.
 */
export const NEAR_DUPLICATE_BITS = 6;
/** Texts shorter than this (in words) are too short for SimHash to be trusted. */
export const MIN_WORDS_FOR_NEAR = 40;
const SHINGLE = 3;

/** Words for fingerprinting: Unicode-aware, case-folded, punctuation ignored. */
export function fingerprintWords(text: string): string[] {
  return text.normalize('NFKC').toLocaleLowerCase('und').match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

/** Both fingerprints and the word count of one text, splitting it into words once. */
export function fingerprint(text: string): { hash: string; simhash: string; words: number } {
  const words = fingerprintWords(text);
  return { hash: hashWords(words), simhash: simhashWords(words), words: words.length };
}

/** SHA-256 of the normalised words: equal for copies that differ only in spacing, case or punctuation. */
export function contentHash(text: string): string {
  return hashWords(fingerprintWords(text));
}

/** 64-bit SimHash over word 3-shingles, as 16 hex digits. */
export function simhash(text: string): string {
  return simhashWords(fingerprintWords(text));
}

function hashWords(words: string[]): string {
  return createHash('sha256').update(words.join(' ')).digest('hex');
}

function simhashWords(words: string[]): string {
  const counts = new Int32Array(64);
  const n = Math.max(1, words.length - SHINGLE + 1);
  const hash = new Fnv1a64();
  for (let i = 0; i < n; i++) {
    // The shingle's words joined by single spaces, fed to the hash without building the string.
    hash.reset();
    for (let k = i; k < Math.min(i + SHINGLE, words.length); k++) {
      if (k > i) hash.code(SPACE);
      hash.text(words[k]);
    }
    const hi = hash.high(), lo = hash.low();
    for (let b = 0; b < 32; b++) {
      counts[b] += (hi >>> b) & 1 ? 1 : -1;
      counts[32 + b] += (lo >>> b) & 1 ? 1 : -1;
    }
  }
  let hi = 0, lo = 0;
  for (let b = 0; b < 32; b++) {
    if (counts[b] > 0) hi |= 1 << b;
    if (counts[32 + b] > 0) lo |= 1 << b;
  }
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}

const SPACE = 0x20;

export function hammingDistance(a: string, b: string): number {
  let d = 0;
  for (let i = 0; i < 16; i += 8) {
    let x = (parseInt(a.slice(i, i + 8), 16) ^ parseInt(b.slice(i, i + 8), 16)) >>> 0;
    while (x) { x &= x - 1; d++; }
  }
  return d;
}

/** FNV-1a 64-bit over UTF-16 code units, in four 16-bit limbs (no BigInt on the hot path), fed piece by piece. */
class Fnv1a64 {
  // offset basis 0xcbf29ce484222325, prime 0x100000001b3
  private h0 = 0x2325;
  private h1 = 0x8422;
  private h2 = 0x9ce4;
  private h3 = 0xcbf2;

  reset(): void {
    this.h0 = 0x2325; this.h1 = 0x8422; this.h2 = 0x9ce4; this.h3 = 0xcbf2;
  }

  text(s: string): void {
    for (let i = 0; i < s.length; i++) this.code(s.charCodeAt(i));
  }

  code(c: number): void {
    const h0 = this.h0 ^ c;
    // multiply by 2^40 + 0x1b3 in 16-bit limbs
    const t0 = h0 * 0x1b3, t1 = this.h1 * 0x1b3, t2 = this.h2 * 0x1b3, t3 = this.h3 * 0x1b3;
    const c1 = t1 + (t0 >>> 16);
    const c2 = t2 + (c1 >>> 16) + (h0 << 8);
    const c3 = t3 + (c2 >>> 16) + (this.h1 << 8);
    this.h0 = t0 & 0xffff; this.h1 = c1 & 0xffff; this.h2 = c2 & 0xffff; this.h3 = c3 & 0xffff;
  }

  high(): number {
    return ((this.h3 << 16) | this.h2) >>> 0;
  }

  low(): number {
    return ((this.h1 << 16) | this.h0) >>> 0;
  }
}
