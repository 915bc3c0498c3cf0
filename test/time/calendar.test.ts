// Table tests for the calendar arithmetic, number reading and tense cues the timex rules rely on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addMonths, easter, fmtDay, isoWeek, nthWeekdayOfMonth, parseDay, weekday } from '../../src/pipeline/time/calendar.ts';
import { durationValue, parseNumber } from '../../src/pipeline/time/resolve.ts';
import { tenseAround } from '../../src/pipeline/time/tense.ts';

test('ISO weeks', async (t) => {
  const rows: Array<[string, string, string]> = [
    ['2022-01-11', '2022-W02', 'a Tuesday in the second week'],
    ['2021-01-03', '2020-W53', 'early January Sunday belongs to the previous ISO year'],
    ['2019-12-30', '2020-W01', 'a late-December Monday can open the next ISO year'],
  ];
  for (const [day, week, why] of rows) {
    await t.test(`${day} → ${week}: ${why}`, () => {
      const w = isoWeek(parseDay(day)!);
      assert.equal(`${w.y}-W${String(w.w).padStart(2, '0')}`, week);
    });
  }
});

test('calendar helpers', async (t) => {
  await t.test('weekday: 2022-01-09 is a Sunday (7)', () => assert.equal(weekday(parseDay('2022-01-09')!), 7));
  await t.test('month arithmetic crosses years backwards', () => assert.deepEqual(addMonths(2022, 1, -1), { y: 2021, m: 12 }));
  await t.test('Easter 2000 was April 23', () => assert.equal(fmtDay(easter(2000)), '2000-04-23'));
  await t.test('Thanksgiving 1999 was November 25', () => assert.equal(fmtDay(nthWeekdayOfMonth(1999, 11, 4, 4)), '1999-11-25'));
  await t.test('parseDay reads the date part of a datetime', () => assert.deepEqual(parseDay('1998-11-20T19:30'), { y: 1998, m: 11, d: 20 }));
  await t.test('parseDay rejects an impossible date', () => assert.equal(parseDay('2022-02-30'), null));
});

test('number words', async (t) => {
  const rows: Array<[string, number | null, string]> = [
    ['twenty-four', 24, 'hyphenated compound'],
    ['twenty four', 24, 'spaced compound'],
    ['a couple of', 2, 'idiom'],
    ['5 1/2', 5.5, 'mixed fraction'],
    ['one hundred', 100, 'hundreds'],
    ['several', null, 'vague quantity'],
  ];
  for (const [s, n, why] of rows) await t.test(`${s} → ${n}: ${why}`, () => assert.equal(parseNumber(s), n));
});

test('duration values', async (t) => {
  const rows: Array<[number | null, Parameters<typeof durationValue>[1], string, string]> = [
    [2.5, 'Y', 'P2Y6M', 'half a year goes to months'],
    [1.5, 'MIN', 'PT1M30S', 'minutes are time units'],
    [2, 'DE', 'P20Y', 'decades are written in years'],
    [null, 'W', 'PXW', 'vague count'],
  ];
  for (const [n, u, v, why] of rows) await t.test(`${n} ${u} → ${v}: ${why}`, () => assert.equal(durationValue(n, u), v));
});

test('tense cues', async (t) => {
  const rows: Array<[string, string, string | null, string]> = [
    ['Lavrov told reporters on Wednesday.', 'Wednesday', 'past', 'listed irregular past verb'],
    ['The ministers will meet on Friday.', 'Friday', 'future', 'modal will'],
    ['Hudson said it will redeem preferred shares on Oct. 31.', 'Oct. 31', 'future', 'a listed cue outranks the -ed adjective "preferred"'],
    ['The talks, held on Monday, are over.', 'Monday', 'past', 'the comma clause holds its own verb'],
    ['Talks on Friday.', 'Friday', null, 'no verb at all'],
  ];
  for (const [text, word, tense, why] of rows) {
    await t.test(`${word} in "${text}" → ${tense}: ${why}`, () => {
      const i = text.indexOf(word);
      assert.equal(tenseAround(text, i, i + word.length), tense);
    });
  }
});
