// Finds every date, time, duration and recurrence in a text and normalises it to a TIMEX3 value against the article date.
import { parseDay, type Day } from './calendar.ts';
import { POINT_MODS, QUANTITY_MODS } from './lexicon.ts';
import { POINT_MOD_BEFORE, QUANTITY_MOD_BEFORE } from './patterns.ts';
import type { Context, Reference, Resolved } from './resolve.ts';
import { RULES, type Groups } from './rules.ts';
import { tenseAround, type Tense } from './tense.ts';
import type { Timex, TimexAnchor, TimexPrecision } from './types.ts';

export type { Timex, TimexAnchor } from './types.ts';

/** How much text either side of a match is read for its neighbouring words and modifiers. */
const LOOK_AROUND_CHARS = 40;

interface Candidate { start: number; end: number; rule: number; groups: Groups; text: string }

const PREV_WORD = /([A-Za-z0-9$%'’.-]*[A-Za-z0-9%])\s+$/;
const NEXT_WORD = /^\s+([A-Za-z0-9][A-Za-z0-9'’-]*)/;

/**
 * Temporal expressions in `text`, in reading order, with TIMEX3 values resolved against `anchor.date`.
 * Without an anchor, values that need one keep X placeholders ('XXXX-12-17', 'XXXX-WXX-5').
 */
export function findTimexes(text: string, anchor: TimexAnchor): Timex[] {
  const anchorDay = parseDay(anchor.date);
  const emptyRef = (): Reference => ({ day: null, point: null, quarter: null, quarterAt: -Infinity });

  // 1. Every rule proposes its matches; a rule that cannot build a value gives the text up to others.
  const candidates: Candidate[] = [];
  RULES.forEach((rule, i) => {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      if (m[0].length === 0) { rule.re.lastIndex++; continue; }
      const c = { start: m.index, end: m.index + m[0].length, rule: i, groups: { ...m.groups }, text: m[0] };
      if (resolveCandidate(text, c, anchorDay, emptyRef())) candidates.push(c);
    }
  });

  // 2. Overlaps: the longest match wins, then the rule earlier in the table.
  candidates.sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.rule - b.rule || a.start - b.start);
  const taken = new Uint8Array(text.length);
  const kept: Candidate[] = [];
  for (const c of candidates) {
    if (taken.subarray(c.start, c.end).includes(1)) continue;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  kept.sort((a, b) => a.start - b.start);

  // 3. In reading order, so that "the following day" and "a year earlier" see what came before them.
  const ref = emptyRef();
  const out: Timex[] = [];
  for (const c of kept) {
    const r = resolveCandidate(text, c, anchorDay, ref);
    if (!r) continue;
    let start = c.start + (r.trimStart ?? 0);
    const end = c.end - (r.trimEnd ?? 0);
    let mod = r.mod;
    // 4. Modifiers written just before the expression join it ("early 1991", "nearly two years").
    const floor = out.length ? out[out.length - 1].end : 0;
    const before = text.slice(Math.max(floor, start - LOOK_AROUND_CHARS), start);
    const extended = modifierBefore(before, r, c.text);
    if (extended && !mod) { start -= extended.length; mod = extended.mod; }
    const timex: Timex = { start, end, text: text.slice(start, end), type: r.type, value: r.value, precision: precisionOf(r.value) };
    if (mod) timex.mod = mod;
    if (r.role) timex.role = r.role;
    out.push(timex);
    if (!r.role && !r.derived) remember(ref, r.value, c.start);
  }
  return out;
}

function resolveCandidate(text: string, c: Candidate, anchor: Day | null, ref: Reference): Resolved | null {
  let tense: Tense | undefined;
  const before = text.slice(Math.max(0, c.start - LOOK_AROUND_CHARS), c.start);
  const after = text.slice(c.end, c.end + LOOK_AROUND_CHARS);
  const ctx: Context = {
    anchor,
    tense: () => (tense === undefined ? (tense = tenseAround(text, c.start, c.end)) : tense),
    ref,
    at: c.start,
    prevWord: (PREV_WORD.exec(before)?.[1] ?? '').toLowerCase(),
    nextWord: NEXT_WORD.exec(after)?.[1] ?? '',
    after,
  };
  return RULES[c.rule].resolve(c.groups, ctx, c.text);
}

/** A point or quantity modifier right before the expression, as {length of text to take in, mod}. */
function modifierBefore(before: string, r: Resolved, matched: string): { length: number; mod: Timex['mod'] } | null {
  const concrete = /^[0-9X]/.test(r.value);
  if ((r.type === 'DATE' || r.type === 'TIME') && concrete) {
    const q = QUANTITY_MOD_BEFORE.exec(before);
    if (q && /\b(?:ago|earlier)$/i.test(matched)) return { length: q[0].length, mod: QUANTITY_MODS[norm(q[1])] };
    const p = POINT_MOD_BEFORE.exec(before);
    if (p) return { length: p[0].length, mod: POINT_MODS[norm(p[1])] };
  }
  if (r.type === 'DURATION') {
    const q = QUANTITY_MOD_BEFORE.exec(before);
    if (q) {
      const mod = QUANTITY_MODS[norm(q[1])];
      // "over the past two years": the preposition stays out; "at least the past 18 months" takes it in.
      if (/^(?:the|past|last|next|first|coming)\b/i.test(matched) && mod !== 'EQUAL_OR_MORE') return null;
      return { length: q[0].length, mod };
    }
  }
  return null;
}

function norm(s: string): string { return s.toLowerCase().replace(/\s+/g, ' ').trim(); }

/** Keeps the latest dated mention for anaphoric expressions further on. */
function remember(ref: Reference, value: string, at: number): void {
  const day = /^([0-9]{4})-([0-9]{2})-([0-9]{2})/.exec(value);
  if (day) {
    ref.day = { y: +day[1], m: +day[2], d: +day[3] };
    ref.point = ref.day;
    return;
  }
  const q = /^([0-9]{4})-Q([1-4])$/.exec(value);
  if (q) {
    ref.quarter = { y: +q[1], q: +q[2] };
    ref.quarterAt = at;
    ref.point = { y: +q[1], m: (+q[2] - 1) * 3 + 1, d: 1 };
    return;
  }
  const month = /^([0-9]{4})-([0-9]{2})$/.exec(value);
  if (month) { ref.point = { y: +month[1], m: +month[2], d: 1 }; return; }
  const year = /^([0-9]{4})(?:$|-)/.exec(value);
  if (year) ref.point = { y: +year[1], m: 1, d: 1 };
}

/** The grain a value pins down. */
export function precisionOf(value: string): TimexPrecision {
  if (/^[0-9X]{4}-[0-9X]{2}-[0-9X]{2}T/.test(value)) return 'time';
  if (/^[0-9X]{4}-[0-9X]{2}-[0-9X]{2}$/.test(value)) return 'day';
  if (/^[0-9X]{4}-W[0-9X]{2}$/.test(value)) return 'week';
  if (/^[0-9X]{4}-[0-9X]{2}$/.test(value)) return 'month';
  if (/^[0-9X]{4}$/.test(value)) return 'year';
  return 'other';
}
