// Calendar arithmetic for dates: validity, weekdays, ISO formatting and Solar Hijri (Persian) to Gregorian.

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
