// Table tests for findTimexes: each row a sentence, an anchor date, the expression expected and why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findTimexes } from '../../src/pipeline/time/timex.ts';

interface Row {
  text: string;
  anchor: string | null;
  /** The expression's text as it should be marked. */
  span: string;
  value: string;
  type?: string;
  mod?: string;
  why: string;
}

// Anchors: 2022-01-11 is a Tuesday (ISO week 2); 1989-10-26 a Thursday.
const ROWS: Row[] = [
  // absolute dates
  { text: 'The treaty was signed on March 5, 1946, in Paris.', anchor: '2022-01-11', span: 'March 5, 1946', value: '1946-03-05', why: 'full date keeps its own year' },
  { text: 'It was published on 16 February 2022.', anchor: '2022-03-01', span: '16 February 2022', value: '2022-02-16', why: 'day-month-year order' },
  { text: 'Rescued on Nov. 25 by fishermen, the boy survived.', anchor: '2000-01-07', span: 'Nov. 25', value: '1999-11-25', why: 'past-tense month-day ahead of the anchor falls in the previous year' },
  { text: 'The dividend is payable Jan. 3 to holders of record.', anchor: '1989-11-01', span: 'Jan. 3', value: '1990-01-03', why: 'the closest Jan. 3 to a November anchor is next year\'s' },
  { text: 'The offer was extended to Nov. 16 by the board.', anchor: '1989-10-30', span: 'Nov. 16', value: '1989-11-16', why: 'a deadline weeks ahead stays in the anchor year even in a past-tense clause' },
  { text: 'The company agreed to the deal in July 1997.', anchor: '1999-03-12', span: 'July 1997', value: '1997-07', why: 'month and year' },
  { text: 'Production rose in January this year.', anchor: '1998-03-01', span: 'January this year', value: '1998-01', why: 'month with a relative year' },
  { text: 'The plant opened in 1990 after delays.', anchor: '1998-03-01', span: '1990', value: '1990', why: 'bare year' },
  { text: 'Sales in fiscal 1989 were flat.', anchor: '1989-10-26', span: 'fiscal 1989', value: '1989', why: 'fiscal year keeps the word fiscal in the span' },
  { text: 'It was built in the 1990s.', anchor: '2022-01-11', span: 'the 1990s', value: '199', why: 'a decade is its first three digits' },
  { text: 'The reforms of the early 1980s failed.', anchor: '2022-01-11', span: 'the early 1980s', value: '198', mod: 'START', why: 'early decade' },
  { text: 'The ledger dates from the 11th century.', anchor: '2022-01-11', span: 'the 11th century', value: '10', why: 'centuries count from zero in TIMEX3' },
  { text: 'He was born in nineteen ninety-six.', anchor: '2022-01-11', span: 'nineteen ninety-six', value: '1996', why: 'spoken year in a transcript' },
  { text: 'The filing, dated 12/05/1998, was late.', anchor: '1999-01-01', span: '12/05/1998', value: '1998-12-05', why: 'US numeric date' },
  { text: 'Families gathered on Thanksgiving Day to eat.', anchor: '1999-12-01', span: 'Thanksgiving Day', value: '1999-11-25', why: 'movable holiday, fourth Thursday of November' },
  // weekdays and deictic days
  { text: 'The minister said on Friday that talks failed.', anchor: '2022-01-11', span: 'Friday', value: '2022-01-07', why: 'past tense takes the last Friday' },
  { text: 'The ministers will meet on Friday in Geneva.', anchor: '2022-01-11', span: 'Friday', value: '2022-01-14', why: 'future tense takes the coming Friday' },
  { text: 'The vote is scheduled for Monday.', anchor: '2022-01-11', span: 'Monday', value: '2022-01-17', why: '"is scheduled for" looks ahead' },
  { text: 'The committee met next Tuesday, officials said.', anchor: '2022-01-11', span: 'next Tuesday', value: '2022-01-18', why: '"next" overrides the clause tense' },
  { text: 'Delegates criticised Monday\'s talks.', anchor: '2022-01-11', span: 'Monday', value: '2022-01-10', why: 'possessive weekday names a past day' },
  { text: 'Prices fell yesterday.', anchor: '2022-01-11', span: 'yesterday', value: '2022-01-10', why: 'the day before the anchor' },
  { text: 'The bomb exploded Friday morning near the embassy.', anchor: '1998-08-08', span: 'Friday morning', value: '1998-08-07TMO', type: 'TIME', why: 'weekday with a part of day' },
  { text: 'Officials spoke this morning.', anchor: '1998-02-06', span: 'this morning', value: '1998-02-06TMO', type: 'TIME', why: 'part of the anchor day' },
  { text: 'The blast came at 10:35 a.m. Friday, police said.', anchor: '1998-08-08', span: '10:35 a.m. Friday', value: '1998-08-07T10:35', type: 'TIME', why: 'clock time attached to a weekday' },
  // relative weeks, months, years
  { text: 'Talks with NATO were held last week.', anchor: '2022-01-20', span: 'last week', value: '2022-W02', why: 'ISO week before the anchor week' },
  { text: 'Prices rose last month.', anchor: '2022-01-11', span: 'last month', value: '2021-12', why: 'month arithmetic crosses the year' },
  { text: 'The firm expanded earlier this year.', anchor: '1989-10-26', span: 'earlier this year', value: '1989', mod: 'START', why: '"earlier" joins as a START modifier' },
  { text: 'The plant will close early next year.', anchor: '1989-10-26', span: 'early next year', value: '1990', mod: 'START', why: 'point modifier on a relative year' },
  { text: 'Crops failed last fall.', anchor: '1998-02-13', span: 'last fall', value: '1997-FA', why: 'the most recent autumn' },
  { text: 'Sales fell 5% from a year ago.', anchor: '1998-02-13', span: 'a year ago', value: '1997', why: 'a year back at year grain' },
  { text: 'Third-quarter profit rose to $5 million from $3 million a year earlier.', anchor: '1989-10-26', span: 'a year earlier', value: '1988-Q3', why: 'after a quarter, "a year earlier" is that quarter a year back' },
  { text: 'The search began six weeks ago.', anchor: '1999-12-24', span: 'six weeks ago', value: '1999-W45', why: 'weeks back at week grain (Dec 24 is in W51)' },
  // quarters
  { text: 'Net income fell in the third quarter.', anchor: '1989-10-26', span: 'the third quarter', value: '1989-Q3', why: 'ordinal quarter of the anchor year' },
  { text: 'The company posted a fourth-quarter loss.', anchor: '1998-02-06', span: 'fourth-quarter', value: '1997-Q4', why: 'a quarter still ahead of the anchor\'s is last year\'s' },
  { text: 'Revenue rose in the quarter ended Sept. 30.', anchor: '1989-10-26', span: 'the quarter', value: '1989-Q3', why: 'the reporting quarter: the last one closed' },
  { text: 'Net was flat in the year-earlier quarter.', anchor: '1989-10-26', span: 'the year-earlier quarter', value: '1988-Q3', why: 'reporting quarter a year back' },
  { text: 'Output grew in the first half of 1990.', anchor: '1989-10-26', span: 'the first half of 1990', value: '1990-H1', why: 'half year' },
  // durations
  { text: 'The war lasted two or three years.', anchor: '2022-01-11', span: 'two or three years', value: 'PXY', type: 'DURATION', why: 'a range of counts is vague' },
  { text: 'He was held for 14 days.', anchor: '2022-01-11', span: '14 days', value: 'P14D', type: 'DURATION', why: 'plain count' },
  { text: 'Funds lost $182 million in the past two months.', anchor: '1989-10-26', span: 'the past two months', value: 'P2M', type: 'DURATION', why: '"the past" belongs to the span' },
  { text: 'The talks lasted nearly an hour.', anchor: '2022-01-11', span: 'nearly an hour', value: 'PT1H', type: 'DURATION', mod: 'APPROX', why: 'quantity modifier joins the span' },
  { text: 'She spoke for 5 1/2 hours.', anchor: '2022-01-11', span: '5 1/2 hours', value: 'PT5H30M', type: 'DURATION', why: 'fractions carry into the smaller unit' },
  { text: 'It took a minute and a half.', anchor: '2022-01-11', span: 'a minute and a half', value: 'PT1M30S', type: 'DURATION', why: '"and a half"' },
  { text: 'He signed a two-year contract.', anchor: '2022-01-11', span: 'two-year', value: 'P2Y', type: 'DURATION', why: 'hyphenated length used as an adjective' },
  { text: 'The 30-day period ends soon.', anchor: '2022-01-11', span: '30-day', value: 'P30D', type: 'DURATION', why: 'the article before a hyphenated length stays out' },
  { text: 'Refugees have waited for years.', anchor: '2022-01-11', span: 'years', value: 'PXY', type: 'DURATION', why: '"for years" is a vague length' },
  { text: 'Two decades of war followed.', anchor: '2022-01-11', span: 'Two decades', value: 'P20Y', type: 'DURATION', why: 'decades become years' },
  // sets
  { text: 'Rallies are held daily.', anchor: '2022-01-11', span: 'daily', value: 'P1D', type: 'SET', why: 'frequency adverb' },
  { text: 'The flight leaves each Thursday.', anchor: '2022-01-11', span: 'each Thursday', value: 'XXXX-WXX-4', type: 'SET', why: 'a weekday recurrence' },
  { text: 'Orangemen march each July.', anchor: '2022-01-11', span: 'each July', value: 'XXXX-07', type: 'SET', why: 'a month recurrence' },
  // vague references
  { text: 'He now lives in Miami.', anchor: '2022-01-11', span: 'now', value: 'PRESENT_REF', why: 'present reference' },
  { text: 'Nobody knows what the future holds.', anchor: '2022-01-11', span: 'the future', value: 'FUTURE_REF', why: 'future reference' },
  { text: 'The US may reply in the upcoming days.', anchor: '2022-01-13', span: 'the upcoming days', value: 'FUTURE_REF', why: 'the preposition stays out of the span' },
  // no anchor
  { text: 'The drafts were published on December 17.', anchor: null, span: 'December 17', value: 'XXXX-12-17', why: 'no anchor: the year stays unknown' },
  { text: 'The ministers met on Friday.', anchor: null, span: 'Friday', value: 'XXXX-WXX-5', why: 'no anchor: a weekday without a date' },
];

for (const r of ROWS) {
  test(`"${r.span}" in "${r.text}" → ${r.value}: ${r.why}`, () => {
    const found = findTimexes(r.text, { date: r.anchor });
    const t = found.find((x) => x.text === r.span);
    assert.ok(t, `expected "${r.span}" among ${JSON.stringify(found.map((x) => x.text))}`);
    assert.equal(t.value, r.value);
    assert.equal(r.text.slice(t.start, t.end), r.span);
    if (r.type) assert.equal(t.type, r.type);
    if (r.mod) assert.equal(t.mod, r.mod);
  });
}

const NOT_TIMEXES: Array<{ text: string; not: string; why: string }> = [
  { text: 'Officials may decide later.', not: 'may', why: 'the modal verb "may" is not the month' },
  { text: 'Protesters march through the city.', not: 'march', why: 'lower-case "march" is the verb' },
  { text: 'The 52-year-old doctor was shot.', not: '52-year-old', why: 'ages are not durations in TimeML' },
  { text: 'The company sold 1990 shares.', not: '1990', why: 'a four-digit count before a measure noun is not a year' },
  { text: 'Iraq imports about three-quarters of its food.', not: 'three-quarters', why: 'a fraction is not a length of time' },
  { text: 'Unisys will save $500 million a year.', not: 'a year', why: 'a rate is left unmarked, as TimeBank mostly does' },
];

for (const r of NOT_TIMEXES) {
  test(`no timex "${r.not}": ${r.why}`, () => {
    const found = findTimexes(r.text, { date: '2022-01-11' });
    assert.ok(!found.some((x) => x.text.toLowerCase().includes(r.not.toLowerCase())), JSON.stringify(found));
  });
}

test('a year used as a modifier is kept but marked', () => {
  const [t] = findTimexes('Russia wants a return to the 1997 borders.', { date: '2022-01-13' });
  assert.deepEqual([t.text, t.value, t.role], ['1997', '1997', 'modifier']);
  const [u] = findTimexes('NATO expanded in 1997 after talks.', { date: '2022-01-13' });
  assert.equal(u.role, undefined, 'after a preposition the year dates an event');
});

test('precision follows the grain of the value', () => {
  const found = findTimexes('On January 10, in January 2022, in 2021, last week, at 10 a.m. and for two days.', { date: '2022-01-13' });
  assert.deepEqual(found.map((t) => t.precision), ['day', 'month', 'year', 'week', 'time', 'other']);
});

test('offsets are in reading order and never overlap', () => {
  const text = 'Last week, on Monday, Jan. 10, 2022, and again on Friday morning, the talks lasted two days.';
  const found = findTimexes(text, { date: '2022-01-20' });
  for (let i = 1; i < found.length; i++) assert.ok(found[i - 1].end <= found[i].start);
  for (const t of found) assert.equal(text.slice(t.start, t.end), t.text);
});
