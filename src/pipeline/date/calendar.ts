// Calendar arithmetic for dates: validity, weekdays, ISO formatting, and Solar Hijri (Persian) and Hijri (Umm al-Qura) to Gregorian.

/** Day count of a Gregorian month (month 1..12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidDay(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekday(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** Days since 1970-01-01 of a calendar day (no time zone: the day as written). */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / 86_400_000);
}

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function isoDay(year: number, month: number, day: number): string {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

const PERSIAN_PARTS = new Intl.DateTimeFormat('en-u-ca-persian', {
  timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric',
});

function persianOf(ms: number): { year: number; month: number; day: number } {
  const parts = PERSIAN_PARTS.formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

/**
 * Converts a Solar Hijri date to Gregorian using the platform's ICU Persian calendar: finds
 * 1 Farvardin near the March equinox of year + 621, counts the days forward, and checks the
 * result by converting it back. Returns null when the date does not exist.
 */
export function persianToGregorian(
  year: number, month: number, day: number,
): { year: number; month: number; day: number } | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const gYear = year + 621;
  let nowruz: number | null = null;
  for (let d = 18; d <= 23 && nowruz === null; d++) {
    const ms = Date.UTC(gYear, 2, d);
    const p = persianOf(ms);
    if (p.year === year && p.month === 1 && p.day === 1) nowruz = ms;
  }
  if (nowruz === null) return null;
  const dayOfYear = (month <= 6 ? (month - 1) * 31 : 186 + (month - 7) * 30) + day - 1;
  const ms = nowruz + dayOfYear * 86_400_000;
  const back = persianOf(ms);
  if (back.year !== year || back.month !== month || back.day !== day) return null;
  const g = new Date(ms);
  return { year: g.getUTCFullYear(), month: g.getUTCMonth() + 1, day: g.getUTCDate() };
}

const HIJRI_PARTS = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', {
  timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric',
});

function hijriOf(ms: number): { year: number; month: number; day: number } {
  const parts = HIJRI_PARTS.formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

/** Mean lengths of a Hijri year and month in days (lunar months), for the first estimate of a date. */
const HIJRI_YEAR_DAYS = 354.367;
const HIJRI_MONTH_DAYS = 29.531;
/** Day 1 of the Hijri era (1 Muharram 1 AH) as days since 1970-01-01: 16 July 622 (Julian), 19 July 622 (proleptic Gregorian). */
const HIJRI_EPOCH_DAY = -492_148;
/** The estimate lies within this many days of the date (a month's worth of calendar drift on either side). */
const HIJRI_SEARCH_DAYS = 45;

/**
 * Converts a Hijri date to Gregorian with the platform's ICU Umm al-Qura calendar (the Saudi civil calendar
 * that Gulf pages print): estimates the day from the mean year length, then finds it among the days around
 * the estimate. Returns null when the date does not exist.
 */
export function hijriToGregorian(
  year: number, month: number, day: number,
): { year: number; month: number; day: number } | null {
  if (month < 1 || month > 12 || day < 1 || day > 30) return null;
  const estimate = HIJRI_EPOCH_DAY + Math.round((year - 1) * HIJRI_YEAR_DAYS + (month - 1) * HIJRI_MONTH_DAYS + day - 1);
  for (let offset = 0; offset <= HIJRI_SEARCH_DAYS; offset++) {
    for (const d of offset === 0 ? [estimate] : [estimate - offset, estimate + offset]) {
      const ms = d * 86_400_000;
      const h = hijriOf(ms);
      if (h.year === year && h.month === month && h.day === day) {
        const g = new Date(ms);
        return { year: g.getUTCFullYear(), month: g.getUTCMonth() + 1, day: g.getUTCDate() };
      }
    }
  }
  return null;
}
