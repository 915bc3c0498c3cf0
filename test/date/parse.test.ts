import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDates, parseDateValue, toIso } from '../../src/pipeline/date/parse.ts';
import { persianToGregorian } from '../../src/pipeline/date/calendar.ts';
import { asciiDigits } from '../../src/pipeline/date/digits.ts';

/** First date found in free text, as ISO with '????' for a missing year; null when none. */
function first(text: string, monthFirst = false): string | null {
  const m = findDates(text, { yearless: true, monthFirst })[0];
  if (!m) return null;
  return m.year === null ? toIso(m, 0).replace(/^0+-/, '????-') : toIso(m);
}

const TEXT_CASES: Array<[text: string, expected: string | null, reason: string]> = [
  ['Posted on 2020-04-15 by staff', '2020-04-15', 'ISO date inside text'],
  ['15.04.2020 10:00', '2020-04-15T10:00', 'dotted day-first date with clock time'],
  ['Опубликовано 15 апреля 2020 г., 10:30', '2020-04-15T10:30', 'Russian genitive month and "г." before the time'],
  ['16 лютого 2021', '2021-02-16', 'Ukrainian genitive month'],
  ['30 EKİM 2020', '2020-10-30', 'Turkish upper case with dotted capital I'],
  ['3 Kasım 2020 Salı', '2020-11-03', 'Turkish month with dotless i'],
  ['ARALIK 5, 2020', '2020-12-05', 'Turkish upper-case dotless I read as i'],
  ['19 sierpnia 2020, 5:16', '2020-08-19T05:16', 'Polish genitive month'],
  ['11 de Outubro de 2020, 8:34', '2020-10-11T08:34', 'Portuguese "de" particles'],
  ['22 Septiembre, 2020', '2020-09-22', 'Spanish month with comma before the year'],
  ['4 novembre 2020', '2020-11-04', 'French month'],
  ['7. Mai 2020', '2020-05-07', 'German ordinal dot'],
  ['2020. augusztus 18.', '2020-08-18', 'Hungarian year-first order'],
  ['April 15, 2020 at 3:05 pm', '2020-04-15T15:05', 'English month-first with 12-hour clock'],
  ['Sept. 3rd, 2019', '2019-09-03', 'abbreviation with dot and ordinal'],
  ['١٥ أبريل ٢٠٢٠', '2020-04-15', 'Arabic month with Arabic-Indic digits'],
  ['13 تشرين الأول 2020', '2020-10-13', 'Levantine two-word month name'],
  ['۱۵ ژوئن ۲۰۲۰', '2020-06-15', 'Persian Gregorian month with Persian digits'],
  ['۲۶ فروردین ۱۳۹۹', '2020-04-14', 'Solar Hijri date converted to Gregorian'],
  ['۱۳۹۹/۰۱/۲۶', '2020-04-14', 'numeric Solar Hijri date told apart by its year'],
  ['2020年4月17日 10:00', '2020-04-17T10:00', 'CJK year-month-day'],
  ['২০ ফেব্রুয়ারি ২০২০', '2020-02-20', 'Bengali digits and month'],
  ['04/05/2020', '2020-05-04', 'ambiguous slash date is day-first by default'],
  ['14:10, 16 February', '????-02-16T14:10', 'year-less date with clock time before it'],
  ['GENEVA, January 9. /TASS/.', '????-01-09', 'year-less month-first dateline'],
  ['version 1.2.3 released', null, 'version numbers are not dates'],
  ['update to 1.5.20 now', null, 'a short version number is not a two-digit-year date'],
  ['15.04.20 um 10:00', '2020-04-15T10:00', 'zero-padded two-digit year'],
  ['call 555-12-34 now', null, 'phone numbers are not dates'],
  ['31 February 2020', null, 'impossible day'],
];

for (const [text, expected, reason] of TEXT_CASES) {
  test(`findDates: ${reason}`, () => assert.equal(first(text), expected));
}

test('findDates: month-first reading when the page is US English', () => {
  assert.equal(first('04/05/2020', true), '2020-04-05');
  assert.equal(first('04.05.2020', true), '2020-05-04', 'dots are never month-first');
  assert.equal(first('13/05/2020', true), '2020-05-13', 'a first number above 12 can only be the day');
});

const VALUE_CASES: Array<[value: string, expected: string | null, reason: string]> = [
  ['2020-04-15T23:30:00-04:00', '2020-04-15T23:30:00-04:00', 'ISO keeps the local day and offset as written'],
  ['2020-04-15T10:00:00.000Z', '2020-04-15T10:00:00Z', 'fractions of a second dropped'],
  ['2020-10-19T06:34:31+0300', '2020-10-19T06:34:31+03:00', 'offset without colon normalised'],
  ['20200413T16:38:07Z', '2020-04-13', 'compact form (clock with colons is not compact)'],
  ['1586948400', '2020-04-15T11:00:00Z', 'Unix epoch seconds'],
  ['Sun, 11 Oct 2020 07:34:36 GMT', '2020-10-11T07:34:36', 'RFC 822 date through the text reader'],
  ['الأربعاء، 07 أكتوبر 2020 - 12:09 م', '2020-10-07T12:09', 'Arabic free-text meta value, م = pm'],
  ['07 أكتوبر 2020 - 03:15 م', '2020-10-07T15:15', 'Arabic evening mark turns 3 into 15'],
  ['not a date', null, 'no date at all'],
];

for (const [value, expected, reason] of VALUE_CASES) {
  test(`parseDateValue: ${reason}`, () => {
    const m = parseDateValue(value);
    assert.equal(m && toIso(m), expected);
  });
}

const PERSIAN_CASES: Array<[y: number, m: number, d: number, expected: string | null, reason: string]> = [
  [1399, 1, 1, '2020-03-20', 'Nowruz 1399'],
  [1399, 12, 30, '2021-03-20', '1399 is a leap year: Esfand has 30 days'],
  [1400, 1, 1, '2021-03-21', 'Nowruz 1400'],
  [1399, 10, 10, '2020-12-30', 'Dey, a 30-day month in the second half'],
  [1400, 12, 30, null, '1400 is not a leap year'],
  [1399, 7, 31, null, 'Mehr has 30 days'],
];

for (const [y, m, d, expected, reason] of PERSIAN_CASES) {
  test(`persianToGregorian: ${reason}`, () => {
    const g = persianToGregorian(y, m, d);
    assert.equal(g && `${g.year}-${String(g.month).padStart(2, '0')}-${String(g.day).padStart(2, '0')}`, expected);
  });
}

test('asciiDigits keeps every offset', () => {
  const input = 'تاریخ ۱۳۹۹/۰۱/۲۶ و ٢٠٢٠ और २०२०';
  const out = asciiDigits(input);
  assert.equal(out, 'تاریخ 1399/01/26 و 2020 और 2020');
  assert.equal(out.length, input.length);
});
