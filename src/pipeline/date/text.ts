// Finds the publication date of plain text (captures, extracted bodies): date line, wire dateline, URL, header dates; infers missing years.
import type { DateSource, PublishedDate } from '../../domain/article.ts';
import { dayNumber, isValidDay, isoDay, weekday } from './calendar.ts';
import { WEEKDAYS } from './months.ts';
import { findDates, isPlausible, MIN_YEAR, toIso, type DateMatch } from './parse.ts';
import { dateFromUrl, yearMonthFromUrl } from './url.ts';

/**
 * Trust in each kind of evidence, calibrated on the seed captures and pubdate-dev bodies as a set.
 * Inferred years stay below any stated date: a weekday fits one year in every five to eleven.
 */
export const TEXT_CONFIDENCE = {
  dateLine: 0.9,
  url: 0.85,
  dateline: 0.85,
  yearFromUrl: 0.75,
  yearFromWeekdayAndContext: 0.75,
  yearFromWeekday: 0.6,
  yearFromContext: 0.5,
  headerText: 0.5,
} as const;

/** Lines at the top of a capture searched for a date line (title, section, date, standfirst). */
const DATE_LINE_SCAN_LINES = 12;
/** A date line is short: the date plus a label ("Published", a weekday) at most. */
const DATE_LINE_MAX_CHARS = 60;
/** Letters a date line with a year may hold besides its date and weekday ("Published:", "GMT"). */
const DATE_LINE_MAX_OTHER_LETTERS = 24;
/**
 * Letters a year-less date line may hold besides its date and weekday ("GMT", "am"): stricter,
 * because a short headline such as "Talks set for 10 January" must not be read as a date line.
 */
const YEARLESS_LINE_MAX_OTHER_LETTERS = 4;
/** Paragraphs at the top searched for a wire dateline ("GENEVA, January 9. /TASS/."). */
const DATELINE_SCAN_PARAGRAPHS = 8;
/** Characters after the date searched for the weekday of the reported event (the lead sentence or two). */
const LEAD_WINDOW_CHARS = 600;
/** Characters at the top where a full date is taken as the publication date (header zone of a capture). */
const HEADER_ZONE_CHARS = 800;
/** A context date further than this from the year-less day cannot give it a year. */
const CONTEXT_MAX_DAYS = 200;

/** An upper-case place name and optional credit before the comma: "GENEVA", "NEW YORK (Reuters)". */
const DATELINE_HEAD = /^\s*(\p{Lu}[\p{Lu}\p{M} .'’-]{1,40})(?:\s*\([^)]{1,30}\))?\s*,\s*/u;

const WEEKDAY_INDEX = new Map<string, number>();
for (const days of Object.values(WEEKDAYS)) days.forEach((names, i) => names.forEach((n) => WEEKDAY_INDEX.set(n, i)));
const WEEKDAY_RE = new RegExp(
  `(?<!\\p{L})(${[...WEEKDAY_INDEX.keys()].sort((a, b) => b.length - a.length).join('|')})(?!\\p{L})`,
  'giu',
);
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface Found {
  match: DateMatch;
  /** Where the date was read: "date line", "dateline" (wire), "text". */
  where: 'date line' | 'dateline' | 'text';
  /** The line or paragraph that carried it. */
  line: string;
  /** Offset in the whole text just after the date, where the lead (and its weekday) begins. */
  leadFrom: number;
}

function lineOffsets(text: string): Array<{ line: string; start: number }> {
  const out: Array<{ line: string; start: number }> = [];
  let start = 0;
  for (const line of text.split('\n')) {
    out.push({ line, start });
    start += line.length + 1;
  }
  return out;
}

/** Reads a date line: a short line that is a date, with or without year and time. */
function readDateLine(line: string): DateMatch | null {
  const trimmed = line.trim();
  if (trimmed.length === 0 || trimmed.length > DATE_LINE_MAX_CHARS) return null;
  const m = findDates(trimmed, { yearless: true })[0];
  if (!m) return null;
  const rest = (trimmed.slice(0, m.index) + trimmed.slice(m.end)).replace(WEEKDAY_RE, '');
  const letters = (rest.match(/\p{L}/gu) ?? []).length;
  return letters <= (m.year === null ? YEARLESS_LINE_MAX_OTHER_LETTERS : DATE_LINE_MAX_OTHER_LETTERS) ? m : null;
}

function findDateLine(text: string, hint: string | null): Found | null {
  const lines = lineOffsets(text).filter((l) => l.line.trim().length > 0).slice(0, DATE_LINE_SCAN_LINES);
  // The extractor's date line is trusted as given; when it holds no date, the top lines are searched.
  const m = hint === null ? undefined : findDates(hint, { yearless: true })[0];
  if (hint !== null && m) {
    const at = lines.find((l) => l.line.includes(hint.trim()));
    return { match: m, where: 'date line', line: hint.trim(), leadFrom: at ? at.start + at.line.length : 0 };
  }
  for (const l of lines) {
    const m = readDateLine(l.line);
    if (m) return { match: m, where: 'date line', line: l.line.trim(), leadFrom: l.start + l.line.length };
  }
  return null;
}

function findWireDateline(text: string): Found | null {
  const paragraphs = lineOffsets(text).filter((l) => l.line.trim().length > 0).slice(0, DATELINE_SCAN_PARAGRAPHS);
  for (const p of paragraphs) {
    const head = DATELINE_HEAD.exec(p.line);
    if (!head) continue;
    const rest = p.line.slice(head[0].length);
    const m = findDates(rest, { yearless: true })[0];
    if (!m || m.index !== 0) continue;
    const end = head[0].length + m.end;
    const credit = /^\.?\s*(?:\/[^/]{1,20}\/\.?|\([^)]{1,30}\))?/u.exec(p.line.slice(end))?.[0] ?? '';
    return { match: m, where: 'dateline', line: p.line.slice(0, end + credit.length).trim(), leadFrom: p.start + end };
  }
  return null;
}

/** Years, latest first and none after `now`, in which month/day falls on weekday `dow` (0 = Sunday). */
function yearsWithWeekday(month: number, day: number, dow: number, now: Date): number[] {
  const today = dayNumber(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
  const years: number[] = [];
  for (let y = now.getUTCFullYear(); y >= MIN_YEAR; y--) {
    if (!isValidDay(y, month, day) || dayNumber(y, month, day) > today) continue;
    if (weekday(y, month, day) === dow) years.push(y);
  }
  return years;
}

/** The first weekday named in the date's own line, else in the lead that follows it. */
function leadWeekday(text: string, found: Found): { dow: number; word: string } | null {
  const sources = [found.line, text.slice(found.leadFrom, found.leadFrom + LEAD_WINDOW_CHARS)];
  for (const s of sources) {
    WEEKDAY_RE.lastIndex = 0;
    const m = WEEKDAY_RE.exec(s);
    if (m) return { dow: WEEKDAY_INDEX.get(m[1]!.toLowerCase())!, word: m[1]! };
  }
  return null;
}

/** The year that puts month/day nearest to the latest full date written elsewhere in the text. */
function yearFromContext(text: string, month: number, day: number, now: Date): { year: number; from: string } | null {
  const dated = findDates(text).filter((m) => isPlausible(m, now));
  if (dated.length === 0) return null;
  const latest = dated.reduce((a, b) => (dayNumber(b.year!, b.month, b.day) > dayNumber(a.year!, a.month, a.day) ? b : a));
  const anchor = dayNumber(latest.year!, latest.month, latest.day);
  const today = dayNumber(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
  let best: { year: number; distance: number } | null = null;
  for (const y of [latest.year! - 1, latest.year!, latest.year! + 1]) {
    if (!isValidDay(y, month, day) || dayNumber(y, month, day) > today) continue;
    const distance = Math.abs(dayNumber(y, month, day) - anchor);
    if (distance <= CONTEXT_MAX_DAYS && (!best || distance < best.distance)) best = { year: y, distance };
  }
  return best && { year: best.year, from: latest.text };
}

interface YearGuess { year: number; confidence: number; how: string }

/**
 * A year for a year-less date, from (in order of trust) the URL's year and month, the weekday the
 * lead gives for that day, and full dates elsewhere in the text. Null when nothing supports one.
 */
function inferYear(text: string, found: Found, urls: string[], now: Date): YearGuess | null {
  const { month, day } = found.match;
  const fromUrl = yearMonthFromUrl(urls, now);
  if (fromUrl && fromUrl.month === month && isValidDay(fromUrl.year, month, day)) {
    return { year: fromUrl.year, confidence: TEXT_CONFIDENCE.yearFromUrl, how: `year ${fromUrl.year} from the URL` };
  }
  const wd = leadWeekday(text, found);
  const context = yearFromContext(text, month, day, now);
  if (wd) {
    const years = yearsWithWeekday(month, day, wd.dow, now);
    // A weekday repeats on a date only every five to eleven years, so at most one such year lies
    // next to the text's own dates; without those, the latest year is taken.
    const near = context ? years.find((y) => Math.abs(y - context.year) <= 1) : undefined;
    const year = near ?? years[0];
    if (year !== undefined) {
      const monthDay = isoDay(2000, month, day).slice(5);
      return near !== undefined
        ? {
          year,
          confidence: TEXT_CONFIDENCE.yearFromWeekdayAndContext,
          how: `year ${year} from weekday '${wd.word}' (${monthDay} is a ${WEEKDAY_NAMES[wd.dow]} in ${year}) next to '${context!.from}' in the text`,
        }
        : {
          year,
          confidence: TEXT_CONFIDENCE.yearFromWeekday,
          how: `year ${year} from weekday '${wd.word}' (latest year with ${monthDay} a ${WEEKDAY_NAMES[wd.dow]})`,
        };
    }
  }
  if (context) {
    return { year: context.year, confidence: TEXT_CONFIDENCE.yearFromContext, how: `year ${context.year} from '${context.from}' in the text` };
  }
  return null;
}

function result(m: DateMatch, source: DateSource, confidence: number, detail: string, year?: number): PublishedDate {
  return { value: toIso(m, year ?? m.year), source, confidence, detail };
}

/**
 * The publication date of a plain text, or null ("unknown"): never the time of capture, never a
 * silently guessed year. In order:
 *   1. the date line (hints.dateLine, else a short date line among the first lines), when it has a year
 *   2. a full date in the URL path
 *   3. a wire dateline with a year ("MOSCOW, January 9, 2022 (Reuters) -")
 *   4. a year-less date line or dateline, completed by `inferYear` (source 'inferred')
 *   5. a full date in the header zone at the top of the text
 */
export function findPublishedInText(
  text: string,
  hints: { dateLine: string | null; url: string | null; now?: Date },
): PublishedDate | null {
  const now = hints.now ?? new Date();
  const urls = hints.url ? [hints.url] : [];
  const dateLine = findDateLine(text, hints.dateLine);
  const wire = findWireDateline(text);

  // 1.
  if (dateLine && dateLine.match.year !== null && isPlausible(dateLine.match, now)) {
    return result(dateLine.match, 'dateline', TEXT_CONFIDENCE.dateLine, `date line '${dateLine.line}'`);
  }
  // 2.
  const fromUrl = dateFromUrl(urls, now);
  if (fromUrl) return result(fromUrl, 'url', TEXT_CONFIDENCE.url, `URL path '${fromUrl.text}'`);
  // 3.
  if (wire && wire.match.year !== null && isPlausible(wire.match, now)) {
    return result(wire.match, 'dateline', TEXT_CONFIDENCE.dateline, `dateline '${wire.line}'`);
  }
  // 4.
  for (const found of [dateLine, wire]) {
    if (!found || found.match.year !== null) continue;
    const guess = inferYear(text, found, urls, now);
    if (guess) {
      return result(found.match, 'inferred', guess.confidence, `${found.where} '${found.line}'; ${guess.how}`, guess.year);
    }
  }
  // 5.
  const header = findDates(text.slice(0, HEADER_ZONE_CHARS)).find((m) => isPlausible(m, now));
  if (header) return result(header, 'text', TEXT_CONFIDENCE.headerText, `date near the top '${header.text}'`);
  return null;
}
