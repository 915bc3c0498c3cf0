// The rule table: one pattern per kind of temporal expression and how its TIMEX3 value is built.
import {
  addDays, addQuarters, easter, fmtDay, fmtQuarter, fmtYear, isValidDay, nthWeekdayOfMonth, parseDay, quarterOf,
  weekdayOnOrAfter, weekdayOnOrBefore, type Day,
} from './calendar.ts';
import {
  AMBIGUOUS_MONTHS, FIXED_HOLIDAYS, MOVABLE_HOLIDAYS, PARTS_OF_DAY, SEASONS, VAGUE_REFERENCES,
} from './lexicon.ts';
import { compile } from './patterns.ts';
import {
  QUARTER_CONTEXT_CHARS, agoValue, dayValue, durationValue, isoWeekValue, monthDayValue, monthNumber, monthValue,
  ordinalNumber, parseNumber, quarterValue, reportingQuarter, seasonValue, shiftedValue, unitOf, weekdayNumber,
  weekdayValue, yearFor, type Context, type Resolved,
} from './resolve.ts';

export type Groups = Record<string, string | undefined>;

export interface Rule {
  id: string;
  re: RegExp;
  /** Builds the value; null rejects the match (a shorter rule may still take the text). */
  resolve(g: Groups, ctx: Context, matched: string): Resolved | null;
}

const isCapitalised = (s: string | undefined): boolean => !!s && /^[A-Z]/.test(s);
const norm = (s: string | undefined): string => (s ?? '').toLowerCase().replace(/\s+/g, ' ').trim();

/** Words after which a bare "May" or "March" is the month, not the verb. */
const MONTH_LEAD_WORDS = new Set([
  'in', 'of', 'since', 'by', 'until', 'till', 'through', 'during', 'from', 'before', 'after', 'between', 'and',
  'to', 'early', 'late', 'mid', 'last', 'this', 'next', 'end', 'beginning', 'middle', 'for', 'on', 'or', 'past',
]);

/** Words between which a year only qualifies a noun ("the 1997 borders") rather than dating an event. */
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'this', 'that', 'these', 'those', 'whose']);
const NOT_NOUNS = new Set([
  'and', 'or', 'to', 'in', 'of', 'for', 'with', 'was', 'were', 'is', 'are', 'when', 'as', 'by', 'on', 'at', 'from',
  'through', 'after', 'before', 'but', 'than', 'that', 'which', 'who', 'had', 'has', 'have', 'will', 'would',
  'until', 'since', 'during', 'levels', 'level', 'period', 'quarter', 'season', 'year', 'fiscal',
]);

/** Words that, right after a year-long span, make it the span of a fiscal period ("the year ended June 30"). */
const PERIOD_END_WORDS = new Set(['ended', 'ending', 'ends', 'through', 'to', 'that', 'before']);

/** Words before "a year" / "a day" that make it a length of time, not a rate ("for a year" vs "$5 a year"). */
const DURATION_LEAD_WORDS = new Set([
  'for', 'in', 'within', 'than', 'over', 'after', 'before', 'about', 'around', 'nearly', 'almost', 'only', 'just',
  'barely', 'least', 'of', 'take', 'took', 'takes', 'taking', 'spend', 'spent', 'last', 'lasted', 'lasting', 'is',
  'was', 'be', 'been', 'another', 'once', 'by', 'under', 'up', 'some', 'roughly', 'approximately', 'from', 'to',
  'until', 'at', 'during', 'following', 'throughout', 'into', 'half', 'extra', 'additional', 'full', 'whole',
  'entire', 'lived', 'with', 'gave', 'give', 'given',
]);

/** "morning" → 'TMO', "noon" → 'T12:00'; '' for anything else. */
function dayPart(pod: string | undefined): string {
  const code = PARTS_OF_DAY[norm(pod)];
  return code ? `T${code}` : '';
}

function yearFromGroup(s: string | undefined): number | null {
  if (!s) return null;
  if (/^[0-9]{4}$/.test(s)) return +s;
  return spokenYear(s);
}

/** "nineteen ninety-six" → 1996; "two thousand" → 2000. */
export function spokenYear(s: string): number | null {
  const t = norm(s).replace(/-/g, ' ');
  if (t.startsWith('two thousand')) {
    const rest = t.replace(/^two thousand( and)?/, '').trim();
    const n = rest ? parseNumber(rest) : 0;
    return n === null ? null : 2000 + n;
  }
  const m = /^nineteen (.+)$/.exec(t);
  if (!m) return null;
  const n = parseNumber(m[1]);
  return n === null || n >= 100 ? null : 1900 + n;
}

function twoDigitYear(yy: number, ctx: Context): number {
  const pivot = ctx.anchor ? (ctx.anchor.y % 100) + 1 : 30;
  return yy <= pivot ? 2000 + yy : 1900 + yy;
}

function holidayDay(name: string, y: number): Day | null {
  const fixed = FIXED_HOLIDAYS[name];
  if (fixed) return { y, m: fixed[0], d: fixed[1] };
  const rule = MOVABLE_HOLIDAYS[name];
  if (!rule) return null;
  if (rule === 'easter') return easter(y);
  if (rule === 'good friday') return addDays(easter(y), -2);
  // US Election Day: the Tuesday after the first Monday of November.
  if (rule === 'election') return addDays(nthWeekdayOfMonth(y, 11, 1, 1), 1);
  return nthWeekdayOfMonth(y, rule[0], rule[1], rule[2]);
}

const LAST_RELS = new Set(['last', 'past', 'the past', 'the last', 'previous', 'the previous', 'the preceding', 'the prior', 'this past']);
const NEXT_RELS = new Set(['next', 'coming', 'the coming', 'the next', 'this coming', 'the following', 'following']);
const THIS_RELS = new Set(['this', 'current', 'the current', 'the present']);
/** Relatives that count from the last date the text mentioned rather than from the article date. */
const ANAPHORIC_RELS = new Set(['that', 'the same', 'the following', 'the previous', 'the preceding', 'the prior']);

function relOffset(rel: string): number | null {
  if (LAST_RELS.has(rel)) return -1;
  if (NEXT_RELS.has(rel)) return 1;
  if (THIS_RELS.has(rel) || rel === 'that' || rel === 'the same') return 0;
  return null;
}

/** A context whose anchor is the last date mentioned, for "the following year" and "that day". */
function fromReference(ctx: Context): Context {
  return ctx.ref.day ? { ...ctx, anchor: ctx.ref.day } : ctx;
}

/** Like fromReference, but a month or year mentioned last will do ("the following year"). */
function fromPoint(ctx: Context): Context {
  return ctx.ref.point ? { ...ctx, anchor: ctx.ref.point } : ctx;
}

const WDPRE = '(?:(?:(?<wrel>this\\s+coming|this\\s+past|last|next|this)\\s+)?(?<wd>{WEEKDAY}),?\\s+)?';

export const RULES: Rule[] = [
  {
    id: 'iso-date',
    re: compile('(?<y>[12][0-9]{3})-(?<m>[01][0-9])-(?<d>[0-3][0-9])(?:(?:T|\\s+)(?<H>[0-2][0-9]):(?<M>[0-5][0-9])(?::[0-5][0-9])?)?'),
    resolve(g) {
      const day = { y: +g.y!, m: +g.m!, d: +g.d! };
      if (!isValidDay(day)) return null;
      const v = fmtDay(day);
      return g.H ? { type: 'TIME', value: `${v}T${g.H}:${g.M}` } : { type: 'DATE', value: v };
    },
  },
  {
    id: 'year-monthname-day',
    re: compile('(?<y>[12][0-9]{3})-(?<mon>{MONTH})-(?<d>{DAYNUM})'),
    resolve(g, ctx) {
      if (!isCapitalised(g.mon)) return null;
      const v = monthDayValue(ctx, monthNumber(g.mon!)!, parseInt(g.d!, 10), +g.y!);
      return v ? { type: 'DATE', value: v } : null;
    },
  },
  {
    id: 'numeric-date',
    re: compile('(?<a>[0-9]{1,2})/(?<b>[0-9]{1,2})/(?<y>[0-9]{4}|[0-9]{2})'),
    resolve(g, ctx) {
      let m = +g.a!, d = +g.b!;
      if (m > 12) [m, d] = [d, m];
      const y = g.y!.length === 2 ? twoDigitYear(+g.y!, ctx) : +g.y!;
      const v = monthDayValue(ctx, m, d, y);
      return v ? { type: 'DATE', value: v } : null;
    },
  },
  {
    id: 'month-day-year',
    re: compile(`${WDPRE}(?<mon>{MONTH})\\s+(?:(?<d>{DAYNUM})|the\\s+(?<d2>{DAYNUM})|(?<dw>{DAYORD})),?\\s+(?<y>{ANYYEAR}|{SPOKENYEAR})`),
    resolve(g, ctx) {
      if (!isCapitalised(g.mon)) return null;
      const d = (g.d ?? g.d2) ? parseInt((g.d ?? g.d2)!, 10) : ordinalNumber(g.dw!);
      const v = d ? monthDayValue(ctx, monthNumber(g.mon!)!, d, yearFromGroup(g.y)) : null;
      return v ? { type: 'DATE', value: v } : null;
    },
  },
  {
    id: 'day-month-year',
    re: compile(`${WDPRE}(?:the\\s+)?(?<d>{DAYNUM})(?:\\s+of)?\\s+(?<mon>{MONTH}),?\\s+(?<y>{ANYYEAR})`),
    resolve(g, ctx) {
      if (!isCapitalised(g.mon)) return null;
      const v = monthDayValue(ctx, monthNumber(g.mon!)!, parseInt(g.d!, 10), +g.y!);
      return v ? { type: 'DATE', value: v } : null;
    },
  },
  {
    id: 'month-day',
    re: compile(`${WDPRE}(?<mon>{MONTH})\\s+(?:(?<d>{DAYNUM})|the\\s+(?<d2>{DAYNUM})|(?<dw>{DAYORD}))`),
    resolve(g, ctx) {
      if (!isCapitalised(g.mon)) return null;
      const d = (g.d ?? g.d2) ? parseInt((g.d ?? g.d2)!, 10) : ordinalNumber(g.dw!);
      const v = d ? monthDayValue(ctx, monthNumber(g.mon!)!, d, null) : null;
      return v ? { type: 'DATE', value: v } : null;
    },
  },
  {
    id: 'day-month',
    re: compile(`${WDPRE}(?:the\\s+)?(?<d>{DAYNUM})(?:\\s+of)?\\s+(?<mon>{MONTH})`),
    resolve(g, ctx) {
      if (!isCapitalised(g.mon)) return null;
      const v = monthDayValue(ctx, monthNumber(g.mon!)!, parseInt(g.d!, 10), null);
      return v ? { type: 'DATE', value: v } : null;
    },
  },
  {
    id: 'month-year',
    re: compile('(?<mon>{MONTH}),?\\s+(?:of\\s+)?(?:(?<y>{ANYYEAR}|{SPOKENYEAR})|(?<rel>last|this|next)\\s+year)'),
    resolve(g, ctx) {
      if (!isCapitalised(g.mon)) return null;
      const m = monthNumber(g.mon!)!;
      if (g.rel) {
        const k = relOffset(norm(g.rel)) ?? 0;
        return { type: 'DATE', value: monthValue(ctx, m, ctx.anchor ? ctx.anchor.y + k : null) };
      }
      const y = yearFromGroup(g.y);
      return y === null ? null : { type: 'DATE', value: monthValue(ctx, m, y) };
    },
  },
  {
    id: 'month',
    re: compile('(?:(?<rel>last|this|next|this\\s+past|this\\s+coming|past|coming)\\s+)?(?<mon>{MONTH})'),
    resolve(g, ctx) {
      if (!isCapitalised(g.mon)) return null;
      const word = norm(g.mon).replace(/\.$/, '');
      const rel = norm(g.rel);
      if (AMBIGUOUS_MONTHS.has(word) && !rel && !MONTH_LEAD_WORDS.has(ctx.prevWord)) return null;
      // Three-letter abbreviations stand alone only with their period ("Oct.").
      if (word.length === 3 && !g.mon!.endsWith('.') && word !== 'may') return null;
      const m = monthNumber(word)!;
      const a = ctx.anchor;
      if (!rel || !a) return { type: 'DATE', value: monthValue(ctx, m, null) };
      const k = relOffset(rel) ?? 0;
      let y = a.y;
      if (k < 0) y = m < a.m ? a.y : a.y - 1;
      else if (k > 0) y = m > a.m ? a.y : a.y + 1;
      return { type: 'DATE', value: monthValue(ctx, m, y) };
    },
  },
  {
    id: 'decade',
    re: compile("(?:the\\s+)?(?:(?<pm>early|late|mid)[\\s-]*)?(?:(?<y>1[0-9]{2}0|20[0-9]0)['’]?s|['’](?<yy>[0-9]0)['’]?s|(?<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))"),
    resolve(g, ctx, matched) {
      let decade: number;
      if (g.y) decade = Math.floor(+g.y / 10);
      else if (g.yy) decade = Math.floor(twoDigitYear(+g.yy, ctx) / 10);
      else {
        if (!/^the\s/i.test(matched)) return null;
        decade = 190 + ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'].indexOf(norm(g.w)) + 2;
      }
      const mod = g.pm ? ({ early: 'START', late: 'END', mid: 'MID' } as const)[norm(g.pm) as 'early' | 'late' | 'mid'] : undefined;
      return { type: 'DATE', value: String(decade), mod };
    },
  },
  {
    id: 'century',
    re: compile('(?:the\\s+)?(?:(?<pm>early|late|mid)[\\s-]*)?(?<o>[0-9]{1,2}(?:st|nd|rd|th)|{ORDW})[\\s-]+century'),
    resolve(g) {
      const n = ordinalNumber(g.o!);
      if (!n || n < 1) return null;
      return { type: 'DATE', value: String(n - 1).padStart(2, '0') };
    },
  },
  {
    id: 'holiday',
    re: compile('(?:(?<rel>last|this|next)\\s+)?(?<h>{HOLIDAY})(?:,?\\s+(?<y>{YEAR}))?'),
    resolve(g, ctx) {
      if (!isCapitalised(g.h)) return null;
      const name = norm(g.h).replace(/’/g, "'");
      const y0 = g.y ? +g.y : ctx.anchor ? ctx.anchor.y : null;
      if (y0 === null) {
        const fixed = FIXED_HOLIDAYS[name];
        return fixed ? { type: 'DATE', value: `XXXX-${String(fixed[0]).padStart(2, '0')}-${String(fixed[1]).padStart(2, '0')}` } : null;
      }
      let day = holidayDay(name, y0);
      if (!day) return null;
      if (!g.y && ctx.anchor) {
        const rel = norm(g.rel);
        const y = rel === 'last' ? (fmtDay(day) < fmtDay(ctx.anchor) ? y0 : y0 - 1)
          : rel === 'next' ? (fmtDay(day) > fmtDay(ctx.anchor) ? y0 : y0 + 1)
          : yearFor(ctx, day.m, day.d) ?? y0;
        day = holidayDay(name, y);
      }
      return day ? { type: 'DATE', value: fmtDay(day) } : null;
    },
  },
  {
    id: 'deictic-day',
    re: compile('(?<w>today|tonight|yesterday|tomorrow)(?:\\s+(?<pod>{POD}))?|(?<this>this|last|tomorrow|yesterday)\\s+(?<pod2>morning|afternoon|evening|night)|(?:the\\s+)?day\\s+(?<ba>before|after)\\s+(?<w2>yesterday|tomorrow)'),
    resolve(g, ctx) {
      const OFFSETS: Record<string, number> = { today: 0, tonight: 0, this: 0, yesterday: -1, tomorrow: 1, last: -1 };
      if (g.ba) {
        const base = norm(g.w2) === 'yesterday' ? -1 : 1;
        return { type: 'DATE', value: dayValue(ctx, base + (norm(g.ba) === 'before' ? -1 : 1)) };
      }
      const word = norm(g.w ?? g.this);
      const pod = g.pod ?? g.pod2;
      if (word === 'last' && norm(pod) !== 'night') return null;
      const v = dayValue(ctx, OFFSETS[word]);
      return pod ? { type: 'TIME', value: v + dayPart(pod) } : { type: 'DATE', value: v };
    },
  },
  {
    id: 'time-of-day',
    re: compile('(?<h>[0-9]{1,2})(?:[:.](?<mi>[0-5][0-9]))?\\s*(?<ap>{AMPM})(?:\\s+(?<tz>{TZ}))?(?:,?\\s+(?:on\\s+)?(?:(?<wd>{WEEKDAY}|today|yesterday|tomorrow|tonight)(?:,?\\s+(?<mon>{MONTH})\\s+(?<d>{DAYNUM}))?|(?<mon2>{MONTH})\\s+(?<d2>{DAYNUM})))?'),
    resolve(g, ctx, matched) {
      let h = +g.h!;
      const min = g.mi ? +g.mi : 0;
      if (h > 12 || h === 0) return null;
      const pm = /^p/i.test(g.ap!);
      if (pm && h < 12) h += 12;
      if (!pm && h === 12) h = 0;
      const date = dateForClock(ctx, g.wd, g.mon ?? g.mon2, g.d ?? g.d2);
      if (date === null) return null;
      // A sentence-final "a.m." keeps its period for the sentence, as TimeML's tokenisation does.
      const trimEnd = /\.$/.test(matched) && /^\s+[A-Z"“]|^\s*$/.test(ctx.after) ? 1 : 0;
      return { type: 'TIME', value: `${date}T${pad2(h)}:${pad2(min)}`, trimEnd };
    },
  },
  {
    id: 'clock-24h',
    re: compile('(?<h>[01]?[0-9]|2[0-3]):(?<mi>[0-5][0-9])(?::[0-5][0-9])?(?:\\s+(?<tz>{TZ}))?'),
    resolve(g, ctx) {
      const h = +g.h!;
      if (h < 13 && !g.tz && ctx.prevWord !== 'at') return null;
      return { type: 'TIME', value: `${dayValue(ctx, 0)}T${pad2(h)}:${g.mi}` };
    },
  },
  {
    id: 'noon-midnight',
    re: compile('(?<n>noon|midnight|midday)(?:,?\\s+(?:on\\s+)?(?<wd>{WEEKDAY}|today|yesterday|tomorrow))?'),
    resolve(g, ctx) {
      // "High Noon" is a film, "high noon" a figure of speech.
      if (ctx.prevWord === 'high') return null;
      const date = dateForClock(ctx, g.wd, undefined, undefined);
      if (date === null) return null;
      return { type: 'TIME', value: `${date}T${norm(g.n) === 'midnight' ? '24:00' : '12:00'}` };
    },
  },
  {
    id: 'clock-words',
    re: compile("(?<h>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[0-9]{1,2})(?:\\s+o['’]clock|\\s+in\\s+the\\s+(?<pod>morning|afternoon|evening))(?:\\s+in\\s+the\\s+(?<pod2>morning|afternoon|evening))?"),
    resolve(g, ctx) {
      let h = /^[0-9]/.test(g.h!) ? +g.h! : parseNumber(g.h!) ?? 0;
      if (h < 1 || h > 12) return null;
      const pod = norm(g.pod ?? g.pod2);
      if ((pod === 'afternoon' || pod === 'evening') && h < 12) h += 12;
      return { type: 'TIME', value: `${dayValue(ctx, 0)}T${pad2(h)}:00` };
    },
  },
  {
    id: 'weekday',
    re: compile('(?:(?<rel>last|next|this\\s+past|this\\s+coming|this|past|coming|the\\s+previous|the\\s+following)\\s+)?(?<wd>{WEEKDAY})(?:\\s+(?<pod>{POD}))?'),
    resolve(g, ctx) {
      if (!isCapitalised(g.wd)) return null;
      const wd = weekdayNumber(g.wd!)!;
      const rel = norm(g.rel) || (/^['’]s\b/.test(ctx.after) ? 'possessive' : '');
      const base = ANAPHORIC_RELS.has(rel) ? fromReference(ctx) : ctx;
      const v = weekdayValue(base, wd, rel || undefined);
      return g.pod ? { type: 'TIME', value: v + dayPart(g.pod) } : { type: 'DATE', value: v };
    },
  },
  {
    id: 'weekday-set',
    re: compile('(?:(?<every>every|each)\\s+)?(?<wd>{WEEKDAY})(?<pl>s)?(?:\\s+(?<pod>mornings|afternoons|evenings|nights))?'),
    resolve(g) {
      if (!g.every && !g.pl && !g.pod) return null;
      const wd = weekdayNumber(g.wd!)!;
      return { type: 'SET', value: `XXXX-WXX-${wd}${dayPart(norm(g.pod).replace(/s$/, ''))}` };
    },
  },
  {
    id: 'quarter',
    re: compile("(?:(?<det>the|its|this\\s+year['’]s|last\\s+year['’]s|next\\s+year['’]s|(?<yp>[0-9]{4})['’]s)\\s+)?(?:(?<y1>{YEAR})\\s+)?(?:(?<adj>fiscal|calendar|current|latest|same|year-earlier|year-ago|comparable|corresponding|financial)[\\s-]+){0,2}(?<ord>first|second|third|fourth|1st|2nd|3rd|4th|final)(?:[\\s-]+(?:fiscal|calendar))?[\\s-]+quarter(?<pl>s)?(?:\\s+of\\s+(?:(?:fiscal|calendar)\\s+)?(?:(?<y2>{YEAR})|(?<rel2>this|last|next|the\\s+previous)\\s+year))?(?:,?\\s+(?<rel3>last|this|next)\\s+year)?"),
    resolve(g, ctx, matched) {
      const ord = norm(g.ord);
      const q = ord === 'final' ? 4 : ordinalNumber(ord);
      if (!q || q < 1 || q > 4) return null;
      if (g.pl) return { type: 'SET', value: `XXXX-Q${q}` };
      const a = ctx.anchor;
      const det = norm(g.det);
      let year: number | null = g.y1 ? +g.y1 : g.y2 ? +g.y2 : g.yp ? +g.yp : null;
      const rel = norm(g.rel2 ?? g.rel3 ?? (det.endsWith("'s") || det.endsWith('’s') ? det.split(' ')[0] : ''));
      if (year === null && rel && a) year = a.y + (relOffset(rel) ?? 0);
      let value = quarterValue(ctx, q, year);
      const yearBack = /year-(?:earlier|ago)/i.test(g.adj ?? '');
      if (yearBack && /^[0-9]{4}/.test(value)) value = `${+value.slice(0, 4) - 1}${value.slice(4)}`;
      // TimeML leaves out "its", and "the" before the adjective "third-quarter" (it belongs to the noun phrase).
      const lead = /^(?:the|its)\s+/i.exec(matched);
      const trimStart = lead && (/^its/i.test(lead[0]) || /-quarter/i.test(matched)) ? lead[0].length : 0;
      return { type: 'DATE', value, derived: yearBack, trimStart };
    },
  },
  {
    id: 'quarter-anaphor',
    re: compile("(?:the|that|this|its)\\s+(?:(?<adj>latest|current|recent|comparable|corresponding|same|previous|prior|preceding|year-earlier|year-ago|year-before|most\\s+recent|fiscal|just-ended|just\\s+ended|just\\s+completed)[\\s-]+){0,2}(?:(?<y>{YEAR})\\s+)?(?<unit>quarter|period)(?<ago>\\s+a\\s+year\\s+(?:ago|earlier)|\\s+(?:of\\s+)?last\\s+year|\\s+(?:a\\s+)?year\\s+(?:ago|earlier))?"),
    resolve(g, ctx, matched) {
      const adj = norm(g.adj);
      const unit = norm(g.unit);
      if (unit === 'period' && !adj && !g.y && !g.ago) return null;
      const a = ctx.anchor;
      if (!a) return { type: 'DATE', value: 'XXXX-QX' };
      let base = (adj === 'current' || /^this\s/i.test(matched)) && unit === 'quarter'
        ? { y: a.y, q: quarterOf(a.m) }
        : reportingQuarter(ctx)!;
      const back = /previous|prior|preceding/.test(adj) ? 1 : 0;
      const yearBack = /year-(?:earlier|ago|before)/.test(adj) || !!g.ago;
      base = addQuarters(base.y, base.q, -back - (yearBack ? 4 : 0));
      if (g.y) base = { y: +g.y, q: base.q };
      return { type: 'DATE', value: fmtQuarter(base.y, base.q), derived: back > 0 || yearBack || !!g.y };
    },
  },
  {
    id: 'year-earlier-adjective',
    re: compile('(?<w>year-earlier|year-ago|year-before)'),
    resolve(g, ctx) {
      const q = ctx.ref.quarter;
      if (q && ctx.at - ctx.ref.quarterAt < QUARTER_CONTEXT_CHARS) {
        const s = addQuarters(q.y, q.q, -4);
        return { type: 'DATE', value: fmtQuarter(s.y, s.q), derived: true };
      }
      return { type: 'DATE', value: shiftedValue(ctx, 'year', -1)!, derived: true };
    },
  },
  {
    id: 'half-year',
    re: compile('(?:the\\s+)?(?<h>first|second|last|latter)\\s+half\\s+of\\s+(?:(?:fiscal\\s+)?(?<y>{YEAR})|(?<rel>this|the|last|next)\\s+(?:fiscal\\s+)?year)'),
    resolve(g, ctx) {
      const h = norm(g.h) === 'first' ? 1 : 2;
      const y = g.y ? +g.y : ctx.anchor ? ctx.anchor.y + (relOffset(norm(g.rel)) ?? 0) : null;
      return { type: 'DATE', value: `${y === null ? 'XXXX' : fmtYear(y)}-H${h}` };
    },
  },
  {
    id: 'year-end',
    re: compile("(?:the\\s+)?(?<w>year[-\\s]end|year['’]s\\s+end|end\\s+of\\s+the\\s+year)"),
    resolve(g, ctx) {
      const y = yearFor(ctx, 12, 31);
      return { type: 'DATE', value: y === null ? 'XXXX' : fmtYear(y), mod: 'END' };
    },
  },
  {
    id: 'relative-unit',
    re: compile('(?<rel>last|this|next|past|coming|this\\s+past|this\\s+coming|the\\s+past|the\\s+coming|the\\s+current|the\\s+previous|the\\s+following|the\\s+next|the\\s+last|the\\s+same|that|the|current|previous|the\\s+preceding|the\\s+prior|the\\s+present|the\\s+full|the\\s+latest|the\\s+entire|the\\s+whole)\\s+(?:(?<fisc>fiscal|calendar|financial)\\s+)?(?<unit>week|weekend|month|year|decade|century|{SEASON})'),
    resolve(g, ctx) {
      const rel = norm(g.rel);
      const unit = norm(g.unit);
      const season = SEASONS[unit];
      if (season) {
        if (rel === 'that' || rel === 'the same') return ctx.ref.point ? { type: 'DATE', value: `${fmtYear(ctx.ref.point.y)}-${season}` } : null;
        return { type: 'DATE', value: seasonValue(ctx, season, LAST_RELS.has(rel) ? 'last' : NEXT_RELS.has(rel) ? 'next' : 'this') };
      }
      if (rel === 'the') return theUnit(ctx, unit);
      if (rel === 'the entire' || rel === 'the whole') return theUnit(ctx, unit);
      // "the full year" is this one; "the latest fiscal year" the last one closed.
      const k = rel === 'the full' ? 0 : rel === 'the latest' ? -1 : relOffset(rel);
      if (k === null) return null;
      const base = ANAPHORIC_RELS.has(rel) ? fromPoint(ctx) : ctx;
      if (unit === 'weekend') return { type: 'DATE', value: weekendValue(base, k) };
      // "net of $5 million, compared with $3 million last year": in an earnings report, the same quarter a year back.
      if (unit === 'year' && k === -1 && rel === 'last' && (COMPARISON_WORDS.has(ctx.prevWord) || /^['’]s/.test(ctx.after))) {
        const v = agoValue(ctx, 1, 'Y', -1);
        if (v && /Q/.test(v)) return { type: 'DATE', value: v, derived: true };
      }
      const v = shiftedValue(base, unit, k);
      return v ? { type: 'DATE', value: v } : null;
    },
  },
  {
    id: 'week-of',
    re: compile('the\\s+week\\s+of\\s+(?<mon>{MONTH})\\s+(?<d>{DAYNUM})(?:,?\\s+(?<y>{YEAR}))?'),
    resolve(g, ctx) {
      if (!isCapitalised(g.mon)) return null;
      const v = monthDayValue(ctx, monthNumber(g.mon!)!, parseInt(g.d!, 10), g.y ? +g.y : null);
      const day = v ? parseDay(v) : null;
      return day ? { type: 'DATE', value: isoWeekValue(day) } : null;
    },
  },
  {
    id: 'anaphoric-day',
    re: compile('(?<rel>the\\s+same|that\\s+same|that|the\\s+next|the\\s+following|the\\s+previous|the\\s+preceding|the\\s+prior)\\s+(?<unit>day|morning|afternoon|evening|night)'),
    resolve(g, ctx) {
      const rel = norm(g.rel);
      const k = /next|following/.test(rel) ? 1 : /previous|preceding|prior/.test(rel) ? -1 : 0;
      const base = fromReference(ctx);
      if (!base.anchor) return null;
      const unit = norm(g.unit);
      const v = dayValue(base, k);
      return unit && unit !== 'day' ? { type: 'TIME', value: v + dayPart(unit) } : { type: 'DATE', value: v };
    },
  },
  {
    id: 'ago',
    re: compile('(?:(?<num>{NUM})\\s+)?(?<unit>{UNIT})(?:\\s+or\\s+so)?\\s+(?<dir>ago|earlier|hence|from\\s+now)'),
    resolve(g, ctx) {
      const unit = unitOf(g.unit!);
      if (!unit) return null;
      const n = g.num ? parseNumber(g.num) : null;
      const dir = norm(g.dir);
      const sign = dir === 'ago' || dir === 'earlier' ? -1 : 1;
      const v = agoValue(ctx, n, unit.code, sign);
      return v ? { type: 'DATE', value: v, derived: true } : null;
    },
  },
  {
    id: 'duration',
    re: compile('(?:(?<pre>(?:the\\s+)?(?:past|last|next|first|previous|coming|following|latest|final|initial|remaining|ensuing|preceding|prior|other)|the)\\s+)?(?<num>{NUM})(?:\\s+(?:or|to|and)\\s+(?<num2>{NUM}))?(?<hy>\\s*-\\s*|\\s+)(?:(?<more>more|additional|full|straight|consecutive|long|further|extra)\\s+)?(?<unit>{UNIT})(?<half>\\s+and\\s+a\\s+half)?(?<old>-old|\\s+old|-long)?'),
    resolve(g, ctx, matched) {
      const unit = unitOf(g.unit!);
      if (!unit) return null;
      const numText = norm(g.num);
      const article = numText === 'a' || numText === 'an';
      if (g.old && /old/.test(g.old) && unit.code === 'Y') return null;
      if (article && (unit.code === 'S' || unit.code === 'Q') && !g.pre) return null;
      let n = parseNumber(numText);
      if (g.num2) n = null;
      if (n !== null && g.half) n += 0.5;
      if (n === 0) return null;
      const value = durationValue(n, unit.code);
      // "$5 billion a year" is a rate, which TimeBank leaves unmarked more often than not.
      if (article && !g.pre && !g.more && !DURATION_LEAD_WORDS.has(ctx.prevWord) && isRateContext(ctx.prevWord)) return null;
      if (unit.code === 'Q' && (/^of$/i.test(ctx.nextWord) || /^-/.test(ctx.after))) return null;
      // A hyphenated length is an adjective ("the 30-day period"): its article belongs to the noun.
      const trimStart = g.hy!.includes('-') && norm(g.pre) === 'the' ? matched.indexOf(g.num!) : 0;
      return { type: 'DURATION', value, trimStart };
    },
  },
  {
    id: 'additional-unit',
    re: compile('(?:another|an\\s+additional|an\\s+extra)\\s+(?<unit>year|month|week|day|hour|quarter)'),
    resolve(g) {
      const unit = unitOf(g.unit!);
      return unit ? { type: 'DURATION', value: durationValue(1, unit.code) } : null;
    },
  },
  {
    id: 'fraction-duration',
    re: compile('half\\s+an?\\s+(?<unit>year|month|week|day|hour|minute|century|decade)'),
    resolve(g) {
      const unit = unitOf(g.unit!);
      return unit ? { type: 'DURATION', value: durationValue(0.5, unit.code) } : null;
    },
  },
  {
    id: 'vague-ref',
    re: compile('{VAGUEREF}'),
    resolve(g, ctx, matched) {
      const key = norm(matched).replace(/’/g, "'");
      const value = VAGUE_REFERENCES[key];
      if (!value) return null;
      if (key === 'soon' && (ctx.prevWord === 'as' || /^(?:as|after|afterward)$/i.test(ctx.nextWord))) return null;
      if (key === 'current' && !/^[a-z]/.test(ctx.nextWord)) return null;
      return { type: 'DATE', value };
    },
  },
  {
    id: 'vague-duration',
    re: compile('(?:(?<pre>(?:the\\s+)?(?:past|last|next|coming|previous|following|ensuing|first|early)(?:\\s+(?:few|several|many|couple\\s+of))?|recent|the)\\s+)?(?<unit>{PLURALUNIT})(?<ahead>\\s+ahead|\\s+to\\s+come|-long)?'),
    resolve(g, ctx) {
      const unit = unitOf(g.unit!);
      if (!unit) return null;
      const pre = norm(g.pre);
      if (!pre && !g.ahead && !BARE_PLURAL_LEAD_WORDS.has(ctx.prevWord)) return null;
      if (pre === 'the' && !g.ahead && norm(g.unit) !== 'years') return null;
      return { type: 'DURATION', value: durationValue(null, unit.code) };
    },
  },
  {
    id: 'year',
    re: compile('(?:(?<fisc>(?:the\\s+)?(?:fiscal|calendar|model|financial)(?:\\s+year)?)\\s+)?(?<y>{YEAR})'),
    resolve(g, ctx) {
      const y = +g.y!;
      if (!g.fisc && isMeasureWord(ctx.nextWord)) return null;
      const role = !g.fisc && DETERMINERS.has(ctx.prevWord) && /^[a-z]/.test(ctx.nextWord) && !NOT_NOUNS.has(ctx.nextWord)
        ? 'modifier' as const : undefined;
      return { type: 'DATE', value: fmtYear(y), role };
    },
  },
  {
    id: 'spoken-year',
    re: compile('(?<the>the\\s+year\\s+)?(?<y>{SPOKENYEAR})'),
    resolve(g, ctx) {
      const y = spokenYear(g.y!);
      if (y === null) return null;
      if (!g.the && /^two/i.test(g.y!) && !SPOKEN_YEAR_LEAD_WORDS.has(ctx.prevWord)) return null;
      return { type: 'DATE', value: fmtYear(y) };
    },
  },
  {
    id: 'set-adverb',
    re: compile('(?<w>daily|weekly|monthly|yearly|hourly|nightly|biweekly)'),
    resolve(g, ctx) {
      // "average daily volume" is a measure per day, not a recurring time.
      if (ctx.prevWord === 'average') return null;
      const SETS: Record<string, string> = { daily: 'P1D', weekly: 'P1W', monthly: 'P1M', yearly: 'P1Y', hourly: 'PT1H', nightly: 'P1D', biweekly: 'P2W' };
      return { type: 'SET', value: SETS[norm(g.w)] };
    },
  },
  {
    id: 'set-every',
    re: compile('(?:every|each|per)\\s+(?:(?<other>other|single)\\s+)?(?:(?<num>{NUMD}|{NUMW})\\s+)?(?<unit>days?|weeks?|months?|years?|quarters?|hours?|minutes?|weekends?|decades?|morning|night|evening|afternoon|{SEASON}|{MONTH})'),
    resolve(g) {
      const unit = norm(g.unit);
      const n = g.num ? parseNumber(g.num) : g.other ? 2 : 1;
      const season = SEASONS[unit];
      if (season) return { type: 'SET', value: `XXXX-${season}` };
      const m = monthNumber(unit);
      if (m && isCapitalised(g.unit)) return { type: 'SET', value: `XXXX-${pad2(m)}` };
      if (PARTS_OF_DAY[unit]) return { type: 'SET', value: `XXXX-XX-XX${dayPart(unit)}` };
      const u = unitOf(unit);
      return u ? { type: 'SET', value: durationValue(n, u.code) } : null;
    },
  },
];

/** Words that put a period in comparison with the one just reported ("up from $3 million last year"). */
const COMPARISON_WORDS = new Set(['from', 'with', 'than', 'over', 'against']);

/** Words before a bare plural unit that make it a vague length ("for years", "within weeks"). */
const BARE_PLURAL_LEAD_WORDS = new Set(['for', 'in', 'within', 'over', 'after', 'took', 'take', 'takes', 'lasted', 'last', 'spent', 'of']);
const SPOKEN_YEAR_LEAD_WORDS = new Set(['in', 'since', 'by', 'until', 'of', 'from', 'before', 'after', 'year']);

/** Units of measure and counted nouns that make a four-digit number a quantity, not a year ("1990 shares"). */
const MEASURE_WORDS = new Set([
  'shares', 'people', 'persons', 'workers', 'employees', 'jobs', 'troops', 'soldiers', 'dollars', 'yen', 'marks',
  'tons', 'tonnes', 'barrels', 'miles', 'kilometers', 'km', 'feet', 'meters', 'acres', 'cars', 'units', 'points',
  'homes', 'votes', 'members', 'students', 'children', 'men', 'women', 'pounds', 'francs', 'euros', 'rubles',
  'hours', 'days', 'copies', 'times', 'percent', 'yards', 'square', 'deaths', 'cases',
]);
function isMeasureWord(w: string): boolean { return MEASURE_WORDS.has(w.toLowerCase()); }

/** "$5 billion a year", "50,000 CDs a year", "twice a day": a rate, not a length. */
function isRateContext(prev: string): boolean {
  return /[0-9%]$/.test(prev) || /^(?:twice|thrice|once|times|billion|million|thousand|hundred|percent|cents?|dollars|day|week)$/.test(prev) || /[a-z]s$/.test(prev);
}

function pad2(n: number): string { return String(n).padStart(2, '0'); }


/** Date part of a clock time: a named weekday or month-day if given, else the anchor's day. */
function dateForClock(ctx: Context, wd: string | undefined, mon: string | undefined, d: string | undefined): string | null {
  if (mon && d) return monthDayValue(ctx, monthNumber(mon)!, parseInt(d, 10), null);
  const w = norm(wd);
  if (w === 'yesterday') return dayValue(ctx, -1);
  if (w === 'tomorrow') return dayValue(ctx, 1);
  if (w && w !== 'today' && w !== 'tonight') {
    const n = weekdayNumber(w);
    return n ? weekdayValue(ctx, n, undefined) : null;
  }
  return w ? dayValue(ctx, 0) : dayValue(fromReference(ctx), 0);
}

function weekendValue(ctx: Context, k: number): string {
  const a = ctx.anchor;
  if (!a) return 'XXXX-WXX-WE';
  const saturday = k < 0 ? weekdayOnOrBefore(addDays(a, -1), 6) : k > 0 ? addDays(weekdayOnOrAfter(a, 6), 7 * (k - 1)) : weekdayOnOrAfter(a, 6);
  return shiftedValue({ ...ctx, anchor: saturday }, 'weekend', 0)!;
}

/** "the year", "the week", "the month", "the weekend": this one, or a length when a period's end follows. */
function theUnit(ctx: Context, unit: string): Resolved | null {
  if (unit === 'year' && PERIOD_END_WORDS.has(ctx.nextWord.toLowerCase())) return { type: 'DURATION', value: 'P1Y' };
  if (unit === 'weekend') {
    const past = ctx.tense() !== 'future' && ctx.tense() !== 'present';
    return { type: 'DATE', value: weekendValue(ctx, past ? -1 : 0) };
  }
  if (unit === 'year' || unit === 'week' || unit === 'month') return { type: 'DATE', value: shiftedValue(ctx, unit, 0)! };
  return null;
}

