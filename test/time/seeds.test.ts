// The seed captures' dates, resolved against each article's own date as the hand annotations give it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { findTimexes, type Timex } from '../../src/pipeline/time/timex.ts';

const SEEDS = new URL('../../samples/seeds/', import.meta.url);

function seed(prefix: string): string {
  const name = readdirSync(SEEDS).find((f) => f.startsWith(prefix));
  assert.ok(name, `seed ${prefix} is missing`);
  return readFileSync(new URL(name, SEEDS), 'utf8');
}

/** The timex that starts right after `lead` (the words just before the expression), at any occurrence of the lead. */
function after(timexes: Timex[], text: string, lead: string): Timex {
  assert.ok(text.includes(lead), `lead "${lead}" not in the seed`);
  for (let at = text.indexOf(lead); at >= 0; at = text.indexOf(lead, at + 1)) {
    const end = at + lead.length;
    const t = timexes.find((x) => x.start >= end && x.start <= end + 1);
    if (t) return t;
  }
  assert.fail(`no timex right after "${lead}"`);
}

const CASES: Array<{ seed: string; anchor: string; lead: string; text: string; value: string; role?: 'modifier'; why: string }> = [
  { seed: '001', anchor: '2022-02-16', lead: 'told reporters on', text: 'Wednesday', value: '2022-02-16', why: 'past-tense weekday on the article day is the article day' },
  { seed: '001', anchor: '2022-02-16', lead: 'he said.\nOn', text: 'Monday', value: '2022-02-14', why: '"On Monday, Putin and Lavrov discussed": the Monday before' },
  { seed: '001', anchor: '2022-02-16', lead: 'soon publish its response.\nOn', text: 'January 26', value: '2022-01-26', why: 'month-day without a year takes the article year when it is behind the anchor' },
  { seed: '002', anchor: '2022-01-09', lead: 'member-states on', text: 'December 17', value: '2021-12-17', why: 'past-tense December 17 seen from January 9 is last year\'s' },
  { seed: '002', anchor: '2022-01-09', lead: 'extended format on', text: 'January 10', value: '2022-01-10', why: 'the day after the anchor, future tense' },
  { seed: '002', anchor: '2022-01-09', lead: 'scheduled for the evening of', text: 'January 9', value: '2022-01-09', why: 'TimeBank marks the date inside "the evening of January 9"' },
  { seed: '002', anchor: '2022-01-09', lead: 'interview with TASS on', text: 'Sunday', value: '2022-01-09', why: 'the anchor is a Sunday' },
  { seed: '003', anchor: '2022-01-11', lead: 'US delegation at', text: 'Monday', value: '2022-01-10', why: '"Monday\'s talks": a possessive weekday is a past one' },
  { seed: '003', anchor: '2022-01-11', lead: 'talks in Brussels on', text: 'Wednesday', value: '2022-01-12', why: '"are being followed by ... on Wednesday" looks ahead' },
  { seed: '003', anchor: '2022-01-11', lead: 'in Vienna on', text: 'Thursday', value: '2022-01-13', why: 'same future clause as Wednesday' },
  { seed: '003', anchor: '2022-01-11', lead: 'outcome of other meetings', text: 'this week', value: '2022-W02', why: 'ISO week of the anchor' },
  { seed: '004', anchor: '2022-01-13', lead: 'Geneva on', text: 'January 10', value: '2022-01-10', why: 'past-tense month-day before the anchor' },
  { seed: '004', anchor: '2022-01-13', lead: 'Earlier on', text: 'Wednesday', value: '2022-01-12', why: '"Earlier on Wednesday ... introduced a bill": the day before' },
  { seed: '004', anchor: '2022-01-13', lead: 'return it to the', text: '1997', value: '1997', role: 'modifier', why: '"the 1997 borders" names no event time' },
  { seed: '004', anchor: '2022-01-13', lead: 'rounds of talks in', text: 'the upcoming days', value: 'FUTURE_REF', why: 'vague future reference' },
  { seed: '000', anchor: '2022-01-20', lead: 'Antony Blinken on', text: 'Friday', value: '2022-01-21', why: '"expects progress ... during a meeting ... on Friday" looks ahead' },
  { seed: '000', anchor: '2022-01-20', lead: 'the OSCE', text: 'last week', value: '2022-W02', why: 'the ISO week before the anchor\'s' },
];

for (const c of CASES) {
  test(`seed ${c.seed} "${c.text}" → ${c.value}: ${c.why}`, () => {
    const text = seed(c.seed);
    const t = after(findTimexes(text, { date: c.anchor }), text, c.lead);
    assert.equal(t.text, c.text);
    assert.equal(t.value, c.value);
    assert.equal(t.role, c.role);
  });
}

test('seed 004: the dateline "2022-January-13  19:46" is one date and one time', () => {
  const text = seed('004');
  const found = findTimexes(text, { date: '2022-01-13' }).slice(0, 2).map((t) => [t.text, t.value]);
  assert.deepEqual(found, [['2022-January-13', '2022-01-13'], ['19:46', '2022-01-13T19:46']]);
});

test('seed 002 without an anchor keeps the unknown year as XXXX', () => {
  const text = seed('002');
  const t = after(findTimexes(text, { date: null }), text, 'member-states on');
  assert.equal(t.value, 'XXXX-12-17');
});
