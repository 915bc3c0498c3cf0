// Turns recognised pieces (numbers, units, weekdays, month-days, relative offsets) into TIMEX3 values against an anchor date.
import {
  addDays, addMonths, addQuarters, diffDays, fmtDay, fmtMonth, fmtQuarter, fmtWeek, fmtYear, isoWeek, isValidDay,
  quarterOf, shiftWeek, weekdayOnOrAfter, weekdayOnOrBefore, type Day,
} from './calendar.ts';
import { MONTHS, NUMBER_WORDS, ORDINALS, UNITS, VAGUE_QUANTITIES, WEEKDAYS, type UnitInfo } from './lexicon.ts';
import type { Tense } from './tense.ts';
import type { TimexMod, TimexRole, TimexType } from './types.ts';

/** What earlier expressions in the document pinned down, for anaphoric ones ("that day", "a year earlier"). */
export interface Reference {
  /** The latest day-level date mentioned. */
  day: Day | null;
  /** The latest date mentioned at any grain (a year counts as its January 1st). */
  point: Day | null;
  quarter: { y: number; q: number } | null;
  /** Offset where the quarter was last mentioned: "a year ago" counts in quarters only close after one. */
  quarterAt: number;
}

export interface Context {
  anchor: Day | null;
  /** Tense of the clause around the match, computed on first use. */
  tense(): Tense;
  ref: Reference;
  /** Offset of the match in the text. */
  at: number;
  /** The word right before the match, lower case ("" at the start). */
  prevWord: string;
  /** The word right after the match, as written. */
  nextWord: string;
  /** A few characters of text right after the match. */
  after: string;
}

export interface Resolved {
  type: TimexType;
  value: string;
  mod?: TimexMod;
  role?: TimexRole;
  /** Characters to leave out at the start of the match (an article that belongs to a noun phrase). */
  trimStart?: number;
  /** Characters to give back at the end of the match (a sentence's closing period). */
  trimEnd?: number;
  /** Counted back from an earlier mention ("a year earlier"): it must not become the reference itself. */
  derived?: boolean;
}

const VAGUE = new Set(VAGUE_QUANTITIES);

/** Reads "two", "twenty-four", "a couple of", "5", "2 1/2", "one hundred"; null for vague quantities ("several"). */
export function parseNumber(raw: string): number | null {
  const s = raw.toLowerCase().replace(/\s+/g, ' ').trim();
  if (VAGUE.has(s)) return null;
  const frac = /^(\d+)\s+(\d)\/(\d)$/.exec(s);
  if (frac) return +frac[1] + +frac[2] / +frac[3];
  if (/^\d+(?:,\d{3})*(?:\.\d+)?$/.test(s)) return +s.replace(/,/g, '');
  if (s in NUMBER_WORDS) return NUMBER_WORDS[s];
  let total = 0, current = 0, seen = false;
  for (const part of s.split(/[\s-]+/)) {
    if (part === 'and') continue;
    const v = NUMBER_WORDS[part];
    if (v === undefined) return null;
    seen = true;
    if (v === 100) current = (current || 1) * 100;
    else if (v === 1000) { total += (current || 1) * 1000; current = 0; }
    else current += v;
  }
  return seen ? total + current : null;
}

export function monthNumber(word: string): number | null {
  return MONTHS[word.toLowerCase().replace(/\.$/, '')] ?? null;
}

export function weekdayNumber(word: string): number | null {
  return WEEKDAYS[word.toLowerCase().replace(/\.$/, '')] ?? null;
}

export function ordinalNumber(word: string): number | null {
  const w = word.toLowerCase();
  const digits = /^(\d+)(?:st|nd|rd|th)$/.exec(w);
  if (digits) return +digits[1];
  return ORDINALS[w] ?? null;
}

export function unitOf(word: string): UnitInfo | null {
  return UNITS[word.toLowerCase().replace(/\s+/g, ' ')] ?? null;
}

// ---------------------------------------------------------------- durations

function fmtNumber(n: number): string { return Number.isInteger(n) ? String(n) : String(+n.toFixed(2)); }

/** TIMEX3 duration: P2Y, P2Y6M, PT5H30M, P20Y for two decades, PXY when the number is vague. */
export function durationValue(n: number | null, unit: UnitInfo['code']): string {
  const X = n === null;
  switch (unit) {
    case 'Y': return X ? 'PXY' : splitDuration(n, 'Y', 12, 'M', false);
    case 'M': return X ? 'PXM' : splitDuration(n, 'M', 30, 'D', false);
    case 'W': return X ? 'PXW' : `P${fmtNumber(n)}W`;
    case 'D': return X ? 'PXD' : splitDuration(n, 'D', 24, 'H', true);
    case 'H': return X ? 'PTXH' : splitDuration(n, 'H', 60, 'M', true, true);
    case 'MIN': return X ? 'PTXM' : splitDuration(n, 'M', 60, 'S', true, true);
    case 'S': return X ? 'PTXS' : `PT${fmtNumber(n)}S`;
    case 'Q': return X ? 'PXQ' : `P${fmtNumber(n)}Q`;
    case 'DE': return X ? 'PXDE' : `P${fmtNumber(n * 10)}Y`;
    case 'CE': return X ? 'PXC' : `P${fmtNumber(n * 100)}Y`;
    case 'WE': return X ? 'PXWE' : `P${fmtNumber(n)}WE`;
  }
}

/** 2.5 years → P2Y6M; 5.5 hours → PT5H30M; the fraction goes to the next smaller unit. */
function splitDuration(n: number, big: string, ratio: number, small: string, smallIsTime: boolean, bigIsTime = false): string {
  const whole = Math.floor(n);
  const rest = Math.round((n - whole) * ratio);
  if (rest === 0) return bigIsTime ? `PT${whole}${big}` : `P${whole}${big}`;
  if (whole === 0) return smallIsTime ? `PT${rest}${small}` : `P${rest}${small}`;
  if (bigIsTime) return `PT${whole}${big}${rest}${small}`;
  return smallIsTime ? `P${whole}${big}T${rest}${small}` : `P${whole}${big}${rest}${small}`;
}

// ---------------------------------------------------------------- anchored points

export function dayValue(ctx: Context, offset: number): string {
  return ctx.anchor ? fmtDay(addDays(ctx.anchor, offset)) : 'XXXX-XX-XX';
}

/** The anchor shifted by `k` units of a calendar grain: week, weekend, month, quarter, year, decade. */
export function shiftedValue(ctx: Context, grain: string, k: number): string | null {
  const a = ctx.anchor;
  switch (grain) {
    case 'day': return dayValue(ctx, k);
    case 'week': { if (!a) return 'XXXX-WXX'; const w = shiftWeek(a, k); return fmtWeek(w.y, w.w); }
    case 'weekend': { if (!a) return 'XXXX-WXX-WE'; const w = shiftWeek(a, k); return `${fmtWeek(w.y, w.w)}-WE`; }
    case 'month': { if (!a) return 'XXXX-XX'; const m = addMonths(a.y, a.m, k); return fmtMonth(m.y, m.m); }
    case 'quarter': { if (!a) return 'XXXX-QX'; const q = addQuarters(a.y, quarterOf(a.m), k); return fmtQuarter(q.y, q.q); }
    case 'year': return a ? fmtYear(a.y + k) : 'XXXX';
    case 'decade': return a ? String(Math.floor(a.y / 10) + k).padStart(3, '0') : 'XXX';
    case 'century': return a ? String(Math.floor(a.y / 100) + k).padStart(2, '0') : 'XX';
    default: return null;
  }
}

/** "N units ago": the point N units back, at the unit's own grain ("two years ago" → '1996', "10 days ago" → a day). */
export function agoValue(ctx: Context, n: number | null, unit: UnitInfo['code'], sign: -1 | 1): string | null {
  if (n === null) return sign < 0 ? 'PAST_REF' : 'FUTURE_REF';
  if (!Number.isInteger(n)) return null;
  const k = sign * n;
  switch (unit) {
    case 'Y': {
      const q = ctx.ref.quarter;
      if (q && ctx.at - ctx.ref.quarterAt < QUARTER_CONTEXT_CHARS) {
        const s = addQuarters(q.y, q.q, 4 * k);
        return fmtQuarter(s.y, s.q);
      }
      return shiftedValue(ctx, 'year', k);
    }
    case 'M': return shiftedValue(ctx, 'month', k);
    case 'W': return shiftedValue(ctx, 'week', k);
    case 'D': return shiftedValue(ctx, 'day', k);
    case 'Q': return shiftedValue(ctx, 'quarter', k);
    case 'DE': return shiftedValue(ctx, 'year', 10 * k);
    case 'CE': return shiftedValue(ctx, 'century', k);
    default: return null;
  }
}

/**
 * How far after a quarter is named that "a year ago" still means that quarter a year back
 * ("third-quarter net rose to $5 million from $3 million a year ago"). Calibrated on the
 * TimeBank earnings reports: one or two sentences.
 */
export const QUARTER_CONTEXT_CHARS = 400;

/** A weekday in news: the past one (today included) unless the clause looks ahead; "Monday's talks" are past ones. */
export function weekdayValue(ctx: Context, wd: number, rel: string | undefined): string {
  const a = ctx.anchor;
  if (!a) return `XXXX-WXX-${wd}`;
  const r = (rel ?? '').toLowerCase().replace(/\s+/g, ' ');
  let day: Day;
  if (r === 'last' || r === 'this past' || r === 'past' || r === 'the previous' || r === 'previous') day = weekdayOnOrBefore(addDays(a, -1), wd);
  else if (r === 'next' || r === 'the following' || r === 'following') day = weekdayOnOrAfter(addDays(a, 1), wd);
  else if (r === 'this coming' || r === 'coming' || r === 'this') day = weekdayOnOrAfter(a, wd);
  else if (r === 'possessive') day = weekdayOnOrBefore(a, wd);
  else {
    const t = ctx.tense();
    day = t === 'future' || t === 'present' ? weekdayOnOrAfter(a, wd) : weekdayOnOrBefore(a, wd);
  }
  return fmtDay(day);
}

/**
 * Year for a month (and day) named without one: past tense takes the latest such date not after the
 * anchor, future the earliest not before it, and otherwise the closest to the anchor.
 */
export function yearFor(ctx: Context, m: number, d: number | null): number | null {
  const a = ctx.anchor;
  if (!a) return null;
  const t = ctx.tense();
  const candidates = [a.y - 1, a.y, a.y + 1];
  const point = (y: number): Day => ({ y, m, d: d ?? 15 });
  // Within the anchor's own month a bare month means this one, whatever the tense.
  if (d === null && m === a.m) return a.y;
  const gap = (y: number): number => diffDays(point(y), a);
  const closest = candidates.reduce((best, y) => (Math.abs(gap(y)) < Math.abs(gap(best)) ? y : best), a.y);
  // Deadlines and record dates a few weeks ahead are written in the past tense too ("extended the offer to Nov. 16").
  if (t === 'past') {
    const past = candidates.filter((y) => gap(y) <= 0);
    const latest = past[past.length - 1];
    return gap(closest) > 0 && gap(closest) <= PAST_TENSE_AHEAD_DAYS ? closest : latest;
  }
  if (t === 'future') {
    const next = candidates.find((y) => gap(y) >= 0) ?? a.y;
    return gap(closest) < 0 && -gap(closest) <= FUTURE_TENSE_BEHIND_DAYS ? closest : next;
  }
  return closest;
}

/**
 * How far ahead of the article date a past-tense month-day may still fall in the same year, and how far
 * behind a future-tense one. Calibrated on the TimeBank/AQUAINT dev set (dates of deadlines and record
 * dates in past-tense sentences); a month-day further away flips to the neighbouring year.
 */
export const PAST_TENSE_AHEAD_DAYS = 45;
export const FUTURE_TENSE_BEHIND_DAYS = 30;

export function monthDayValue(ctx: Context, m: number, d: number, year: number | null): string | null {
  const y = year ?? yearFor(ctx, m, d);
  if (y === null) return isValidDay({ y: 2000, m, d }) ? `XXXX-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` : null;
  const day = { y, m, d };
  return isValidDay(day) ? fmtDay(day) : null;
}

export function monthValue(ctx: Context, m: number, year: number | null): string {
  const y = year ?? yearFor(ctx, m, null);
  return y === null ? `XXXX-${String(m).padStart(2, '0')}` : fmtMonth(y, m);
}

/** Quarter named without a year: a quarter still ahead of the anchor's means last year's unless the clause looks ahead. */
export function quarterValue(ctx: Context, q: number, year: number | null): string {
  if (year !== null) return fmtQuarter(year, q);
  const a = ctx.anchor;
  if (!a) return `XXXX-Q${q}`;
  const future = ctx.tense() === 'future';
  const y = q > quarterOf(a.m) && !future ? a.y - 1 : a.y;
  return fmtQuarter(y, q);
}

/** The quarter an earnings report is about: the last one named, else the last one completed before the anchor. */
export function reportingQuarter(ctx: Context): { y: number; q: number } | null {
  if (ctx.ref.quarter) return ctx.ref.quarter;
  const a = ctx.anchor;
  if (!a) return null;
  return addQuarters(a.y, quarterOf(a.m), -1);
}

/** Season "last summer" / "this fall" / "next spring" against the anchor. */
export function seasonValue(ctx: Context, code: string, rel: string | undefined): string {
  const a = ctx.anchor;
  if (!a) return `XXXX-${code}`;
  const order = ['WI', 'SP', 'SU', 'FA'];
  const current = a.m === 12 ? 'WI' : order[Math.floor((a.m % 12) / 3)];
  const r = (rel ?? 'this').toLowerCase();
  const idx = order.indexOf(code), cur = order.indexOf(current);
  // Winter belongs to the year it starts in only in December; TimeML files January's winter under that year too.
  let y = a.y;
  if (r === 'last' || r === 'this past' || r === 'past') y = idx < cur ? a.y : a.y - 1;
  else if (r === 'next' || r === 'this coming' || r === 'coming') y = idx > cur ? a.y : a.y + 1;
  return `${fmtYear(y)}-${code}`;
}

export function isoWeekValue(day: Day): string { const w = isoWeek(day); return fmtWeek(w.y, w.w); }
