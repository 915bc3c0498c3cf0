// Finds the publication date of plain text (captures, extracted bodies): date line, wire dateline, URL, header dates; infers missing years.
import type { DateSource, PublishedDate } from '../../domain/article.ts';
import { isParagraph } from '../../lib/lines.ts';
import { matchDateline } from '../metadata/dateline.ts';
import { dayNumber, isValidDay, isoDay, persianToGregorian, weekday } from './calendar.ts';
import { WEEKDAYS } from './months.ts';
import { findDates, isPlausible, MIN_YEAR, spellings, toIso, type DateMatch } from './parse.ts';
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
/**
 * Lines at the top searched for a wire dateline ("GENEVA, January 9. /TASS/."): at least this many, and on
 * through the first few prose paragraphs, since a whole-page capture can put dozens of menu lines first.
 */
const DATELINE_SCAN_PARAGRAPHS = 8;
const DATELINE_SCAN_PROSE = 3;
/** A line of at least this many words closing like a sentence is a prose paragraph. */
const PROSE_MIN_WORDS = 12;
/** Characters after the date searched for the weekday of the reported event (the lead sentence or two). */
const LEAD_WINDOW_CHARS = 600;
/** Characters at the top where a full date is taken as the publication date (header zone of a capture). */
const HEADER_ZONE_CHARS = 800;
/** A context date further than this from the year-less day cannot give it a year. */
const CONTEXT_MAX_DAYS = 200;

/** An upper-case place name and optional credit before the comma: "GENEVA", "NEW YORK (Reuters)". */
const DATELINE_HEAD = /^\s*(\p{Lu}[\p{Lu}\p{M} .'’-]{1,40})(?:\s*\([^)]{1,30}\))?\s*,\s*/u;

const WEEKDAY_INDEX = new Map<string, number>();
for (const days of Object.values(WEEKDAYS)) days.forEach((names, i) => names.flatMap(spellings).forEach((n) => WEEKDAY_INDEX.set(n, i)));
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

/**
 * Labels of a page's update time ("Обновлено 9 января 2022, 19:10", "Güncelleme: ..."); the publication date
 * line is the other one. Matched at the start of a line, case-insensitively.
 */
const UPDATED_LABEL = /^\(?\s*(?:updated|last updated|modified|обновлено|обновлен|изменено|güncelleme|güncellenme|son güncelleme|آخر تحديث|تم التحديث|محدث|به‌روزرسانی|بروزرسانی|به روز رسانی|آخرین به‌روزرسانی)/iu;

/** Whether a date line gives the time of an update rather than of publication. */
export function isUpdateLine(line: string): boolean {
  return UPDATED_LABEL.test(line.trim());
}

/**
 * The date a line states: its first one, except that a Hijri date printed beside the Gregorian one
 * ("10 جمادى الآخرة 1443 هـ الموافق 13 يناير 2022 م") gives way to it, since countries count lunar months
 * from different moon sightings and may differ by a day.
 */
function lineDate(matches: DateMatch[]): DateMatch | undefined {
  const gregorian = matches.find((m) => m.form !== 'hijri' && m.year !== null);
  return matches[0]?.form === 'hijri' && gregorian ? gregorian : matches[0];
}

/** Reads a date line: a short line that is a date, with or without year and time. */
function readDateLine(line: string): DateMatch | null {
  const trimmed = line.trim();
  if (trimmed.length === 0 || trimmed.length > DATE_LINE_MAX_CHARS) return null;
  const all = findDates(trimmed, { yearless: true });
  const m = lineDate(all);
  if (!m) return null;
  let rest = trimmed;
  for (const d of [...all].reverse()) rest = rest.slice(0, d.index) + rest.slice(d.end);
  rest = rest.replace(WEEKDAY_RE, '');
  const letters = (rest.match(/\p{L}/gu) ?? []).length;
  return letters <= (m.year === null ? YEARLESS_LINE_MAX_OTHER_LETTERS : DATE_LINE_MAX_OTHER_LETTERS) ? m : null;
}

function findDateLine(text: string, hint: string | null): Found | null {
  const lines = lineOffsets(text).filter((l) => l.line.trim().length > 0).slice(0, DATE_LINE_SCAN_LINES);
  // The extractor's date line is trusted as given; when it holds no date, the top lines are searched.
  const m = hint === null ? undefined : lineDate(findDates(hint, { yearless: true }));
  if (hint !== null && m) {
    const at = lines.find((l) => l.line.includes(hint.trim()));
    return { match: m, where: 'date line', line: hint.trim(), leadFrom: at ? at.start + at.line.length : 0 };
  }
  let updated: Found | null = null;
  for (const l of lines) {
    const m = readDateLine(l.line);
    if (!m) continue;
    const found: Found = { match: m, where: 'date line', line: l.line.trim(), leadFrom: l.start + l.line.length };
    if (!isUpdateLine(l.line)) return found;
    updated ??= found;
  }
  return updated;
}

function findWireDateline(text: string): Found | null {
  const lines = lineOffsets(text).filter((l) => l.line.trim().length > 0);
  let prose = 0;
  for (const [i, p] of lines.entries()) {
    if (i >= DATELINE_SCAN_PARAGRAPHS && prose >= DATELINE_SCAN_PROSE) break;
    if (isParagraph(p.line, PROSE_MIN_WORDS)) prose++;
    const found = casedDateline(p) ?? datelineWithDate(p);
    if (found) return found;
  }
  return null;
}

/** An upper-case place name, then the date: "GENEVA, January 9. /TASS/.", "MOSCOW, Jan 11 (Reuters) -". */
function casedDateline(p: { line: string; start: number }): Found | null {
  const head = DATELINE_HEAD.exec(p.line);
  if (!head) return null;
  const rest = p.line.slice(head[0].length);
  const m = findDates(rest, { yearless: true })[0];
  if (!m || m.index !== 0) return null;
  const end = head[0].length + m.end;
  const credit = /^\.?\s*(?:\/[^/]{1,20}\/\.?|\([^)]{1,30}\))?/u.exec(p.line.slice(end))?.[0] ?? '';
  return { match: m, where: 'dateline', line: p.line.slice(0, end + credit.length).trim(), leadFrom: p.start + end };
}

/** Any other dateline that states a date ("أبوظبي في 12 يناير / وام /"), as the dateline reader finds it. */
function datelineWithDate(p: { line: string; start: number }): Found | null {
  const d = matchDateline(p.line.trim());
  if (!d?.guess.dateText) return null;
  const m = findDates(d.guess.dateText, { yearless: true })[0];
  if (!m) return null;
  const lead = p.line.indexOf(p.line.trim()) + d.length;
  return { match: m, where: 'dateline', line: p.line.trim().slice(0, d.length).trim(), leadFrom: p.start + lead };
}

/** A Gregorian calendar day. */
interface Day { year: number; month: number; day: number }

/**
 * The Gregorian days a year-less match may stand for, latest first and none after `now`: the same month and
 * day in every year back to MIN_YEAR, or for a Solar Hijri match ("۲۱ دی") that day in every Persian year.
 */
function possibleDays(m: DateMatch, now: Date): Day[] {
  const today = dayNumber(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
  const out: Day[] = [];
  for (let y = now.getUTCFullYear(); y >= MIN_YEAR; y--) {
    const day = m.form === 'persian' ? persianToGregorian(y - 621, m.month, m.day) : { year: y, month: m.month, day: m.day };
    if (!day || !isValidDay(day.year, day.month, day.day) || dayNumber(day.year, day.month, day.day) > today) continue;
    out.push(day);
  }
  return out;
}

/**
 * The first weekday named in the date's own line, else in the lead that follows it: its prose paragraphs
 * first, since a headline or standfirst between the date and the lede may announce a later day
 * ("talks will be held on Monday" above "the delegation arrived on Sunday").
 */
function leadWeekday(text: string, found: Found): { dow: number; word: string } | null {
  const window = text.slice(found.leadFrom, found.leadFrom + LEAD_WINDOW_CHARS);
  const prose = window.split('\n').filter((l) => isParagraph(l, PROSE_MIN_WORDS)).join('\n');
  for (const s of [found.line, prose, window]) {
    WEEKDAY_RE.lastIndex = 0;
    const m = WEEKDAY_RE.exec(s);
    if (m) return { dow: WEEKDAY_INDEX.get(m[1]!.toLowerCase())!, word: m[1]! };
  }
  return null;
}

/** The latest full date written in the text (at or before `now`), as the context a year-less date sits in. */
function latestDateIn(text: string, now: Date): DateMatch | null {
  const dated = findDates(text).filter((m) => isPlausible(m, now));
  if (dated.length === 0) return null;
  return dated.reduce((a, b) => (dayNumber(b.year!, b.month, b.day) > dayNumber(a.year!, a.month, a.day) ? b : a));
}

/** Among `days`, the one nearest the text's latest full date, when it lies within CONTEXT_MAX_DAYS of it. */
function nearestToContext(days: Day[], context: DateMatch | null): Day | null {
  if (!context) return null;
  const anchor = dayNumber(context.year!, context.month, context.day);
  let best: { day: Day; distance: number } | null = null;
  for (const d of days) {
    const distance = Math.abs(dayNumber(d.year, d.month, d.day) - anchor);
    if (distance <= CONTEXT_MAX_DAYS && (!best || distance < best.distance)) best = { day: d, distance };
  }
  return best?.day ?? null;
}

interface DayGuess { day: Day; confidence: number; how: string }

/**
 * A year for a year-less date, from (in order of trust) the URL's year and month, the weekday the
 * lead gives for that day, and full dates elsewhere in the text. Null when nothing supports one.
 */
function inferYear(text: string, found: Found, urls: string[], now: Date): DayGuess | null {
  const days = possibleDays(found.match, now);
  const fromUrl = yearMonthFromUrl(urls, now);
  const inUrlMonth = fromUrl && days.find((d) => d.year === fromUrl.year && d.month === fromUrl.month);
  if (inUrlMonth) {
    return { day: inUrlMonth, confidence: TEXT_CONFIDENCE.yearFromUrl, how: `year ${inUrlMonth.year} from the URL` };
  }
  const wd = leadWeekday(text, found);
  const context = latestDateIn(text, now);
  const nearContext = nearestToContext(days, context);
  if (wd) {
    const onWeekday = days.filter((d) => weekday(d.year, d.month, d.day) === wd.dow);
    // A weekday repeats on a date only every five to eleven years, so at most one such year lies
    // next to the text's own dates; without those, the latest year is taken.
    const near = nearContext ? onWeekday.find((d) => Math.abs(d.year - nearContext.year) <= 1) : undefined;
    const day = near ?? onWeekday[0];
    if (day !== undefined) {
      const iso = isoDay(day.year, day.month, day.day);
      return near !== undefined
        ? {
          day,
          confidence: TEXT_CONFIDENCE.yearFromWeekdayAndContext,
          how: `year ${day.year} from weekday '${wd.word}' (${iso.slice(5)} is a ${WEEKDAY_NAMES[wd.dow]} in ${day.year}) next to '${context!.text}' in the text`,
        }
        : {
          day,
          confidence: TEXT_CONFIDENCE.yearFromWeekday,
          how: found.match.form === 'persian'
            ? `year ${day.year} from weekday '${wd.word}' (latest year with this day a ${WEEKDAY_NAMES[wd.dow]}: ${iso})`
            : `year ${day.year} from weekday '${wd.word}' (latest year with ${iso.slice(5)} a ${WEEKDAY_NAMES[wd.dow]})`,
        };
    }
  }
  if (nearContext) {
    return { day: nearContext, confidence: TEXT_CONFIDENCE.yearFromContext, how: `year ${nearContext.year} from '${context!.text}' in the text` };
  }
  return null;
}

function result(m: DateMatch, source: DateSource, confidence: number, detail: string, day?: Day): PublishedDate {
  return { value: toIso(day ? { ...m, ...day } : m), source, confidence, detail };
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
      return result(found.match, 'inferred', guess.confidence, `${found.where} '${found.line}'; ${guess.how}`, guess.day);
    }
  }
  // 5.
  const header = findDates(text.slice(0, HEADER_ZONE_CHARS)).find((m) => isPlausible(m, now));
  if (header) return result(header, 'text', TEXT_CONFIDENCE.headerText, `date near the top '${header.text}'`);
  return null;
}
