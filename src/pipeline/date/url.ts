// Reads the publication date that a page's URL path states: /2019/05/31/, /20190531/, /2019-05-31-, or year and month only.
import { isValidDay } from './calendar.ts';
import { isPlausible, type DateMatch } from './parse.ts';

/** Full dates in a path, most specific shape first; 19xx/20xx years only, so ids and prices are not read as dates. */
const URL_DATE_PATTERNS: RegExp[] = [
  /(?<!\d)((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})(?!\d)/,
  /(?<![\d.])((?:19|20)\d{2})[-_](\d{1,2})[-_](\d{1,2})(?!\d)/,
  /(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)/,
];
const URL_MONTH_PATTERN = /\/((?:19|20)\d{2})\/(\d{1,2})\//;

function urlPath(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname);
  } catch {
    return url;
  }
}

/** The first full, plausible date in any of the URLs' paths (query strings are ignored: they carry ids). */
export function dateFromUrl(urls: string[], now: Date): DateMatch | null {
  for (const url of urls) {
    const path = urlPath(url);
    for (const re of URL_DATE_PATTERNS) {
      const g = re.exec(path);
      if (!g) continue;
      const [year, month, day] = [Number(g[1]), Number(g[2]), Number(g[3])];
      if (!isValidDay(year, month, day)) continue;
      const match: DateMatch = {
        year, month, day, hour: null, minute: null, second: null, offset: null,
        index: g.index, end: g.index + g[0].length, text: g[0], form: 'iso',
      };
      if (isPlausible(match, now)) return match;
    }
  }
  return null;
}

/** Year and month that a dated URL path states (/2020/03/slug), to check dates read from text. */
export function yearMonthFromUrl(urls: string[], now: Date): { year: number; month: number } | null {
  for (const url of urls) {
    const m = URL_MONTH_PATTERN.exec(urlPath(url));
    if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[1]) <= now.getUTCFullYear()) {
      return { year: Number(m[1]), month: Number(m[2]) };
    }
  }
  return null;
}
