// Reads calendar dates out of strings: machine values (ISO 8601, timestamps) and free text in many languages.
import { asciiDigits } from './digits.ts';
import { dayNumber, hijriToGregorian, isValidDay, isoDay, pad2, persianToGregorian } from './calendar.ts';
import { GREGORIAN_MONTHS, HIJRI_MONTHS, PERSIAN_MONTHS, WEEKDAYS } from './months.ts';

/** One date read from a string. Offsets refer to the string that was searched. */
export interface DateMatch {
  /** Gregorian year; null when the text gave none (e.g. "16 February"). */
  year: number | null;
  /**
   * Gregorian month and day, except in a year-less Solar Hijri match (form 'persian', year null: "۲۱ دی"),
   * which keeps its own month and day until a year is known (see `persianYearless`).
   */
  month: number;
  day: number;
  hour: number | null;
  minute: number | null;
  second: number | null;
  /** Time-zone designator as written in a machine value: "Z" or "+02:00"; null otherwise. */
  offset: string | null;
  index: number;
  end: number;
  /** The matched text as written (time included when one was attached). */
  text: string;
  /** How it was written, so callers can weigh it: numeric forms are more often ambiguous. */
  form: 'iso' | 'numeric' | 'named' | 'cjk' | 'persian' | 'hijri' | 'timestamp';
}

export interface FindOptions {
  /** Also return day-month pairs without a year ("16 February", "January 9"). */
  yearless?: boolean;
  /** Read ambiguous a/b/yyyy as month/day (US usage); otherwise day/month. */
  monthFirst?: boolean;
}

/** The web's news era starts here (the htmldate default too): older years are taken as misreadings. */
export const MIN_YEAR = 1995;

/** A page's clock may run ahead of ours by a time zone: allow one day before calling a date future. */
const FUTURE_SLACK_DAYS = 1;

/** Solar Hijri years that can stand for dates in the accepted Gregorian range. */
const PERSIAN_YEARS = { min: MIN_YEAR - 622, max: 1499 };
/** Hijri (lunar) years of the accepted Gregorian range: 1416 AH began in May 1995. */
const HIJRI_YEARS = { min: 1416, max: 1500 };

/** Lower-cases and folds the spellings that differ between sources (Turkish dotted/dotless i, a final dot, inner spacing). */
function monthKey(word: string): string {
  return word.toLowerCase().replace(/ı/g, 'i').replace(/i̇/g, 'i').replace(/\.$/, '').replace(/\s+/g, ' ');
}

function stripMarks(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

/** Scripts where pages sometimes drop accents ("fevrier", "subat"); variants are added for these. */
const ACCENT_DROPPING = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\s.]+$/u;

/**
 * A name as it is also written: Persian words typed on an Arabic keyboard carry the Arabic yeh and kaf
 * ("دي" for "دی", "يکشنبه" for "یکشنبه"), which older Iranian sites still print.
 */
export function spellings(name: string): string[] {
  const arabic = name.replace(/ی/g, 'ي').replace(/ک/g, 'ك');
  return arabic === name ? [name] : [name, arabic];
}

function buildIndex(table: string[][][]): { index: Map<string, number>; pattern: string; forms: string[] } {
  const index = new Map<string, number>();
  const forms = new Set<string>();
  for (const months of table) {
    months.forEach((names, i) => {
      for (const name of names.flatMap(spellings)) {
        const variants = [name, name.replace(/ı/g, 'i')];
        if (ACCENT_DROPPING.test(name)) variants.push(stripMarks(name).replace(/ı/g, 'i'));
        for (const v of variants) {
          index.set(monthKey(v), i + 1);
          forms.add(v);
        }
      }
    });
  }
  const sorted = [...forms].sort((a, b) => b.length - a.length);
  return { index, forms: sorted, pattern: sorted.map(escapeForm).join('|') };
}

function escapeForm(form: string): string {
  return form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
}

const GREGORIAN = buildIndex(Object.values(GREGORIAN_MONTHS));
const PERSIAN = buildIndex([PERSIAN_MONTHS]);
const HIJRI = buildIndex([HIJRI_MONTHS]);

/**
 * A Gregorian month name as the patterns see it: any word (letters and combining marks, as Indic scripts write
 * them), or two words after the first word of a two-word name ("كانون الثاني"). The word is checked against the
 * month table when a match is read (`named`). Hundreds of names in every language as one case-insensitive
 * alternation cost V8 over a second to compile per pattern, and V8 drops compiled patterns at garbage collection,
 * so that cost came back on every few pages; a word class compiles in well under a millisecond.
 */
const WORD = String.raw`[\p{L}\p{M}]+`;
const TWO_WORD_HEADS = [...new Set(GREGORIAN.forms.filter((f) => f.includes(' ')).map((f) => f.split(' ')[0]))];
const MONTH_WORD = `${TWO_WORD_HEADS.length ? `(?:${TWO_WORD_HEADS.map(escapeForm).join('|')})\\s+${WORD}|` : ''}${WORD}`;
/** The Levantine name written after the Egyptian one ("يناير/كانون الثاني"): Arabic-script names only, a short list. */
const ARABIC_FORMS = GREGORIAN.forms.filter((f) => /\p{Script=Arabic}/u.test(f)).map(escapeForm).join('|');

/** A month name; in Arabic the Levantine name after the Egyptian one ("13 يناير/كانون الثاني 2022") is read over. */
const MONTH = `(?<![\\p{L}\\p{M}])(${MONTH_WORD})(?![\\p{L}\\p{M}])\\.?(?:\\s?/\\s?(?:${ARABIC_FORMS})(?!\\p{L}))?`;
const PMONTH = `(?<!\\p{L})(${PERSIAN.pattern})(?!\\p{L})`;
const HMONTH = `(?<!\\p{L})(${HIJRI.pattern})(?!\\p{L})`;
const DAY = '(\\d{1,2})';
const YEAR = '(\\d{4})(?!\\d)';

/** Ordinal suffixes and particles between day, month and year across the listed languages. */
const DAY_SUFFIX = '(?:st|nd|rd|th|er|e|º|ª|°|\\.)?';
const DM_JOIN = '\\s*(?:de\\s+|of\\s+|-|/)?\\s*';
const MY_JOIN = '\\s*(?:,|\\.|-|/)?\\s*(?:de\\s+|del\\s+|of\\s+|г\\.?\\s+)?';

const PATTERNS: Array<{ form: DateMatch['form']; re: RegExp; order: Order }> = [
  // 2020-04-15, 2020/4/15, 2020.04.15 (and Solar Hijri 1399/01/26, told apart by the year)
  { form: 'iso', order: 'iso', re: /(?<![\d.\/-])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d])/gu },
  // 15.04.2020, 15/04/2020, 04/15/2020, 15.04.20
  { form: 'numeric', order: 'ambiguous', re: /(?<![\d.\/-])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\d]|[.\/-]\d)/gu },
  // 2020年4月15日, 2020년 4월 15일
  { form: 'cjk', order: 'cjk', re: /(?<!\d)(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})(?!\d)\s*[日일]?/gu },
  // 15 April 2020, 15. April 2020, 15 de abril de 2020, 15 апреля 2020 г.
  { form: 'named', order: 'dmy', re: new RegExp(`(?<![\\p{L}\\d])${DAY}${DAY_SUFFIX}${DM_JOIN}${MONTH}${MY_JOIN}${YEAR}`, 'giu') },
  // April 15, 2020; Apr. 15th 2020
  { form: 'named', order: 'mdy', re: new RegExp(`${MONTH}\\s*${DAY}(?:st|nd|rd|th)?(?!\\d),?\\s*${YEAR}`, 'giu') },
  // 2020. április 15., 2022-January-13
  { form: 'named', order: 'ymd', re: new RegExp(`(?<![\\d.])${YEAR}\\.?[\\s,/-]*${MONTH}[\\s,/-]*${DAY}(?!\\d)`, 'giu') },
  // ۲۶ فروردین ۱۳۹۹
  { form: 'persian', order: 'persian', re: new RegExp(`(?<!\\d)${DAY}\\s*${PMONTH}\\s*(?:ماه\\s*)?(?:سال\\s*)?${YEAR}`, 'giu') },
  // 10 جمادى الآخرة 1443 هـ
  { form: 'hijri', order: 'hijri', re: new RegExp(`(?<!\\d)${DAY}\\s*${HMONTH}\\s*${YEAR}(?:\\s*هـ|\\s*ه(?!\\p{L}))?`, 'giu') },
];

const YEARLESS_PATTERNS: Array<{ re: RegExp; order: 'dm' | 'md' | 'persian' }> = [
  // 16 February, 9 января
  { order: 'dm', re: new RegExp(`(?<![\\p{L}\\d.:/])${DAY}${DAY_SUFFIX}${DM_JOIN}${MONTH}`, 'giu') },
  // January 9, Jan. 9th
  { order: 'md', re: new RegExp(`${MONTH}\\s*${DAY}(?:st|nd|rd|th)?(?![\\d:])`, 'giu') },
  // ۲۱ دی (Solar Hijri day and month; the match keeps them in that calendar, form 'persian', until a year is known)
  { order: 'persian', re: new RegExp(`(?<![\\p{L}\\d.:/])${DAY}\\s*${PMONTH}`, 'giu') },
];

/** Weekday names of every listed language, longest first, for the weekday that may sit between a date and its time. */
const WEEKDAY_NAMES = Object.values(WEEKDAYS).flat(2).flatMap(spellings).sort((a, b) => b.length - a.length).join('|');

/**
 * A clock time right after a date: "2020-04-15 10:30", "April 15, 2020 at 10:30 am", "13 January 19:46",
 * "12:09 م", "۲۲ دی ۱۴۰۰ ساعت ۱۵:۲۰", and with the weekday between them: "13 Ocak 2022 Perşembe 19:46".
 */
const TIME_AFTER = new RegExp(
  String.raw`^(?:\.?\s*(?:г\.|года)?\s*(?:,?\s*(?:${WEEKDAY_NAMES})(?!\p{L}))?\s*(?:,|-|–|—|\||T|at|à|às|a las|alle|um|saat|в|o|ساعت|الساعة)?\s*)(\d{1,2})[:h](\d{2})(?::(\d{2}))?(?:\s*(?:([ap])\.?\s?m\.?|(ص|م))(?!\p{L}))?`,
  'iu',
);
/** A clock time right before a date: "14:10, 16 February", "12:09 م 11 يناير" (Arabic pm marker). */
const TIME_BEFORE = /(?<!\d)(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?\s?m\.?|\s*(ص|م))?\s*(?:,|-|–|—|\|)?\s*$/iu;

/** Makes a string safe for the date patterns without moving any offset (one code unit for one). */
export function prepareText(text: string): string {
  return asciiDigits(text).replace(/İ/g, 'i').replace(/،/g, ',');
}

function twoDigitYear(y: number): number {
  return y < 100 ? 2000 + y : y;
}

function clock(h: string | undefined, m: string | undefined, s: string | undefined, ampm: string | undefined) {
  if (h === undefined || m === undefined) return null;
  let hour = Number(h);
  const minute = Number(m);
  const second = s === undefined ? null : Number(s);
  if (ampm) {
    if (hour < 1 || hour > 12) return null;
    if (ampm.toLowerCase() === 'p' && hour < 12) hour += 12;
    if (ampm.toLowerCase() === 'a' && hour === 12) hour = 0;
  }
  if (hour > 23 || minute > 59 || (second !== null && second > 59)) return null;
  return { hour, minute, second };
}

/** Arabic pages write ص (morning) and م (evening) for am and pm. */
function meridiem(latin: string | undefined, arabic: string | undefined): string | undefined {
  return latin ?? (arabic === undefined ? undefined : arabic === 'ص' ? 'a' : 'p');
}

/** Attaches the clock time written next to a date in `text` (already prepared: ASCII digits, visible characters only). */
function withClock(m: DateMatch, text: string): DateMatch {
  const after = TIME_AFTER.exec(text.slice(m.end, m.end + 60));
  if (after) {
    const c = clock(after[1], after[2], after[3], meridiem(after[4], after[5]));
    if (c) return { ...m, ...c, end: m.end + after[0].length, text: text.slice(m.index, m.end + after[0].length) };
  }
  const before = TIME_BEFORE.exec(text.slice(Math.max(0, m.index - 20), m.index));
  if (before) {
    const c = clock(before[1], before[2], before[3], meridiem(before[4], before[5]));
    if (c) {
      const start = m.index - before[0].length;
      return { ...m, ...c, index: start, text: text.slice(start, m.end) };
    }
  }
  return m;
}

function makeMatch(
  form: DateMatch['form'], year: number | null, month: number, day: number, index: number, text: string,
): DateMatch | null {
  if (!isValidDay(year ?? 2000, month, day)) return null;
  return { year, month, day, hour: null, minute: null, second: null, offset: null, index, end: index + text.length, text, form };
}

/** Solar Hijri months 1-6 have 31 days, 7-11 have 30, Esfand 29 or 30. */
const PERSIAN_MONTH_DAYS = [31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 30, 30];

/** A year-less Solar Hijri day ("۲۱ دی"): month and day stay in that calendar, since the year decides the Gregorian day. */
function persianYearless(month: number, day: number, index: number, text: string): DateMatch | null {
  if (day < 1 || day > PERSIAN_MONTH_DAYS[month - 1]) return null;
  return { year: null, month, day, hour: null, minute: null, second: null, offset: null, index, end: index + text.length, text, form: 'persian' };
}

type Order = 'iso' | 'cjk' | 'ymd' | 'dmy' | 'mdy' | 'ambiguous' | 'persian' | 'hijri';

interface Parts { year: number; month: number; day: number; form?: DateMatch['form'] }

/** Years in the Solar Hijri range written with numbers only (1399/01/26) are Persian calendar dates. */
function numericYmd(year: number, month: number, day: number): Parts | null {
  if (year >= PERSIAN_YEARS.min && year <= PERSIAN_YEARS.max) {
    const g = persianToGregorian(year, month, day);
    return g ? { ...g, form: 'persian' } : null;
  }
  return { year, month, day };
}

function named(word: string | undefined): number | undefined {
  return word === undefined ? undefined : GREGORIAN.index.get(monthKey(word));
}

function fromGroups(order: Order, g: RegExpExecArray, monthFirst: boolean): Parts | null {
  switch (order) {
    case 'iso':
      return numericYmd(Number(g[1]), Number(g[3]), Number(g[4]));
    case 'cjk':
      return numericYmd(Number(g[1]), Number(g[2]), Number(g[3]));
    case 'ambiguous': {
      // A two-digit year is read only in the zero-padded form (15.04.20); "1.5.20" is a version.
      if (g[4]!.length === 2 && (g[1]!.length !== 2 || g[3]!.length !== 2)) return null;
      const a = Number(g[1]), b = Number(g[3]);
      const year = twoDigitYear(Number(g[4]));
      // A day above 12 settles the order; otherwise the page's convention decides, and dots are never US style.
      const mdy = a <= 12 && (b > 12 || (monthFirst && g[2] !== '.'));
      return mdy ? { year, month: a, day: b } : { year, month: b, day: a };
    }
    case 'dmy': {
      const month = named(g[2]);
      return month === undefined ? null : { year: Number(g[3]), month, day: Number(g[1]) };
    }
    case 'mdy': {
      const month = named(g[1]);
      return month === undefined ? null : { year: Number(g[3]), month, day: Number(g[2]) };
    }
    case 'ymd': {
      const month = named(g[2]);
      return month === undefined ? null : { year: Number(g[1]), month, day: Number(g[3]) };
    }
    case 'persian': {
      const month = PERSIAN.index.get(monthKey(g[2]!));
      if (month === undefined) return null;
      const gdate = persianToGregorian(Number(g[3]), month, Number(g[1]));
      return gdate ? { ...gdate, form: 'persian' } : null;
    }
    case 'hijri': {
      const month = HIJRI.index.get(monthKey(g[2]!));
      const year = Number(g[3]);
      if (month === undefined || year < HIJRI_YEARS.min || year > HIJRI_YEARS.max) return null;
      const gdate = hijriToGregorian(year, month, Number(g[1]));
      return gdate ? { ...gdate, form: 'hijri' } : null;
    }
  }
}

/**
 * Runs a global pattern over `text`, handing each match to `read`. A match `read` rejects (a word that is no month
 * name) is retried one character further on, so a real date overlapping it is still found.
 */
function eachMatch(text: string, re: RegExp, read: (g: RegExpExecArray) => boolean): void {
  re.lastIndex = 0;
  for (let g = re.exec(text); g !== null; g = re.exec(text)) {
    const accepted = read(g);
    if (g[0].length === 0) re.lastIndex = g.index + 1;
    else if (!accepted) re.lastIndex = g.index + 1;
  }
}

/** A decimal digit of any script (asciiDigits maps these to 0-9). */
const ANY_DIGIT = /\p{Nd}/u;

/**
 * Every date written in `text`, in reading order, without overlaps (a longer reading wins over
 * a shorter one that starts at the same place). Years are as written: callers judge plausibility.
 */
export function findDates(text: string, options: FindOptions = {}): DateMatch[] {
  // Every pattern needs a day or a year in digits (of any script): text without one is settled at once.
  if (!ANY_DIGIT.test(text)) return [];
  // Matching runs on the visible text (ASCII digits, no directional marks); offsets are mapped back at the end.
  const { text: t, at } = visible(prepareText(text));
  const found: DateMatch[] = [];
  for (const p of PATTERNS) {
    eachMatch(t, p.re, (g) => {
      const parts = fromGroups(p.order, g, options.monthFirst ?? false);
      if (!parts) return false;
      const m = makeMatch(parts.form ?? p.form, parts.year, parts.month, parts.day, g.index, g[0]);
      if (m) found.push(m);
      return true;
    });
  }
  if (options.yearless) {
    for (const p of YEARLESS_PATTERNS) {
      eachMatch(t, p.re, (g) => {
        const [d, mo] = p.order === 'md' ? [g[2]!, g[1]!] : [g[1]!, g[2]!];
        const month = (p.order === 'persian' ? PERSIAN : GREGORIAN).index.get(monthKey(mo));
        if (month === undefined) return false;
        const m = p.order === 'persian' ? persianYearless(month, Number(d), g.index, g[0]) : makeMatch('named', null, month, Number(d), g.index, g[0]);
        if (m) found.push(m);
        return true;
      });
    }
  }
  found.sort((a, b) => a.index - b.index || (b.year === null ? 0 : 1) - (a.year === null ? 0 : 1) || b.end - a.end);
  const out: DateMatch[] = [];
  for (const m of found) {
    const last = out[out.length - 1];
    if (last && m.index < last.end) continue;
    out.push(withClock(m, t));
  }
  // Back to the input's positions and spelling (its own digits and marks).
  return out.map((m) => {
    const index = at ? at[m.index] : m.index;
    const end = at ? at[m.end - 1] + 1 : m.end;
    return { ...m, index, end, text: text.slice(index, end) };
  });
}

/** Directional marks, embeddings and zero-width spaces that right-to-left pages put around and inside dates. */
const INVISIBLE = /[\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]/u;

/**
 * The text without invisible format characters, and for each of its positions the position in the input
 * (null when nothing was removed, so positions are the input's own).
 */
function visible(text: string): { text: string; at: number[] | null } {
  if (!INVISIBLE.test(text)) return { text, at: null };
  let out = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (INVISIBLE.test(text[i])) continue;
    out += text[i];
    at.push(i);
  }
  at.push(text.length);
  return { text: out, at };
}

/** Full machine-written timestamps: 2020-04-15T10:30:00.000+02:00, 2020-04-15 10:30:00, 20200415. */
const ISO_VALUE = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?/i;
const COMPACT_VALUE = /^\s*(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?(?!\d)/;
const EPOCH_VALUE = /^\s*(\d{10}|\d{13})\s*$/;

function normalizeOffset(raw: string | undefined): string | null {
  if (!raw) return null;
  if (raw.toUpperCase() === 'Z') return 'Z';
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(raw);
  return m ? `${m[1]}${m[2]}:${m[3] ?? '00'}` : null;
}

/**
 * Reads a date from a value meant for machines (meta content, datetime attribute, JSON-LD):
 * ISO 8601 first, then compact and epoch forms, then the free-text readings.
 */
export function parseDateValue(value: string, options: FindOptions = {}): DateMatch | null {
  const v = prepareText(value);
  const iso = ISO_VALUE.exec(v) ?? COMPACT_VALUE.exec(v);
  if (iso) {
    // Some Iranian publishing systems write Solar Hijri dates in machine values ("1400-10-23T19:46:00+03:30").
    const day = numericYmd(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    const m = day && makeMatch(day.form ?? 'iso', day.year, day.month, day.day, 0, value.trim().slice(0, iso[0].trim().length));
    if (m) {
      const c = clock(iso[4], iso[5], iso[6], undefined);
      return c ? { ...m, ...c, offset: normalizeOffset(iso[7]) } : m;
    }
  }
  const epoch = EPOCH_VALUE.exec(v);
  if (epoch) {
    const ms = Number(epoch[1]) * (epoch[1]!.length === 10 ? 1000 : 1);
    const d = new Date(ms);
    const m = makeMatch('timestamp', d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), 0, value.trim());
    return m && { ...m, hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), offset: 'Z' };
  }
  return findDates(value, options).find((m) => m.year !== null) ?? null;
}

/** True when a dated match lies in the accepted era and not after `now` (with a time-zone day of slack). */
export function isPlausible(m: DateMatch, now: Date): boolean {
  if (m.year === null || m.year < MIN_YEAR) return false;
  const today = dayNumber(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
  return dayNumber(m.year, m.month, m.day) <= today + FUTURE_SLACK_DAYS;
}

/** ISO form of a match: the day alone, or day and clock time with the offset when one was given. */
export function toIso(m: DateMatch, year = m.year): string {
  const day = isoDay(year!, m.month, m.day);
  if (m.hour === null || m.minute === null) return day;
  const secs = m.second !== null ? `:${pad2(m.second)}` : '';
  return `${day}T${pad2(m.hour)}:${pad2(m.minute)}${secs}${m.offset ?? ''}`;
}
