// Calendar arithmetic on plain year/month/day values and their TIMEX3 spellings (ISO weeks, quarters).

export interface Day { y: number; m: number; d: number }

const MS_PER_DAY = 86_400_000;

function toUtc(day: Day): number { return Date.UTC(day.y, day.m - 1, day.d); }

function fromUtc(ms: number): Day {
  const dt = new Date(ms);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

/** Reads the date part of an ISO date or datetime ("2022-01-09", "2022-01-09T14:10Z"); null when absent or malformed. */
export function parseDay(iso: string | null | undefined): Day | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso.trim());
  if (!m) return null;
  const day = { y: +m[1], m: +m[2], d: +m[3] };
  return isValidDay(day) ? day : null;
}

export function isValidDay(day: Day): boolean {
  if (day.m < 1 || day.m > 12 || day.d < 1) return false;
  return day.d <= daysInMonth(day.y, day.m);
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function addDays(day: Day, n: number): Day { return fromUtc(toUtc(day) + n * MS_PER_DAY); }

export function diffDays(a: Day, b: Day): number { return Math.round((toUtc(a) - toUtc(b)) / MS_PER_DAY); }

/** Month arithmetic on (year, month) pairs. */
export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const idx = y * 12 + (m - 1) + n;
  return { y: Math.floor(idx / 12), m: (idx % 12) + 1 };
}

/** ISO weekday: Monday 1 ... Sunday 7. */
export function weekday(day: Day): number {
  const w = new Date(toUtc(day)).getUTCDay();
  return w === 0 ? 7 : w;
}

/** ISO 8601 week-numbering year and week. */
export function isoWeek(day: Day): { y: number; w: number } {
  const thursday = addDays(day, 4 - weekday(day));
  const jan1 = { y: thursday.y, m: 1, d: 1 };
  return { y: thursday.y, w: Math.floor(diffDays(thursday, jan1) / 7) + 1 };
}

/** The day `n` weeks from `day`'s week, as an ISO week. */
export function shiftWeek(day: Day, n: number): { y: number; w: number } { return isoWeek(addDays(day, 7 * n)); }

export function quarterOf(m: number): number { return Math.floor((m - 1) / 3) + 1; }

export function addQuarters(y: number, q: number, n: number): { y: number; q: number } {
  const idx = y * 4 + (q - 1) + n;
  return { y: Math.floor(idx / 4), q: (idx % 4) + 1 };
}

/** The most recent day on or before `day` that falls on ISO weekday `wd`. */
export function weekdayOnOrBefore(day: Day, wd: number): Day {
  return addDays(day, -((weekday(day) - wd + 7) % 7));
}

/** The first day on or after `day` that falls on ISO weekday `wd`. */
export function weekdayOnOrAfter(day: Day, wd: number): Day {
  return addDays(day, (wd - weekday(day) + 7) % 7);
}

/** The `nth` (1-based; -1 = last) weekday `wd` of a month, for holidays such as Thanksgiving. */
export function nthWeekdayOfMonth(y: number, m: number, wd: number, nth: number): Day {
  if (nth > 0) return addDays(weekdayOnOrAfter({ y, m, d: 1 }, wd), 7 * (nth - 1));
  return weekdayOnOrBefore({ y, m, d: daysInMonth(y, m) }, wd);
}

/** Western Easter Sunday (anonymous Gregorian algorithm). */
export function easter(y: number): Day {
  const a = y % 19, b = Math.floor(y / 100), c = y % 100;
  const d = Math.floor(b / 4), e = b % 4, f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30, i = Math.floor(c / 4), k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31), dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
  return { y, m: month, d: dayOfMonth };
}

function pad(n: number, width = 2): string { return String(n).padStart(width, '0'); }

export function fmtYear(y: number): string { return pad(y, 4); }
export function fmtMonth(y: number, m: number): string { return `${pad(y, 4)}-${pad(m)}`; }
export function fmtDay(day: Day): string { return `${pad(day.y, 4)}-${pad(day.m)}-${pad(day.d)}`; }
export function fmtWeek(y: number, w: number): string { return `${pad(y, 4)}-W${pad(w)}`; }
export function fmtQuarter(y: number, q: number): string { return `${pad(y, 4)}-Q${q}`; }
export function fmtClock(h: number, min: number): string { return `${pad(h)}:${pad(min)}`; }
