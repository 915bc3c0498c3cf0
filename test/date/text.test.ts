import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findPublishedInText } from '../../src/pipeline/date/text.ts';

const NOW = new Date('2026-11-23T12:00:00Z');

interface Case {
  text: string;
  dateLine?: string | null;
  url?: string | null;
  now?: Date;
  expected: string | null;
  source?: string;
  reason: string;
}

const CASES: Case[] = [
  {
    text: 'Harbour reopens after storm\n2021-March-04  08:15\nThe harbour reopened on Thursday after repairs.',
    expected: '2021-03-04T08:15', source: 'dateline', reason: 'date line with year and time among the first lines',
  },
  {
    text: 'Harbour reopens after storm\n09:30, 4 March\nThe harbour reopened on Thursday, the port authority said.',
    expected: '2021-03-04T09:30', source: 'inferred',
    reason: 'year-less date line: 4 March was last a Thursday (before now) in 2021',
  },
  {
    text: 'Harbour reopens after storm\n09:30, 4 March\nThe harbour reopened, the port authority said.',
    expected: null, reason: 'year-less date line and nothing to give a year: unknown, not a guess',
  },
  {
    text: 'Ports\n\nROTTERDAM, March 4. /ANP/. The harbour reopened on Thursday after a week of repairs.',
    expected: '2021-03-04', source: 'inferred', reason: 'wire dateline with its weekday in the lead',
  },
  {
    text: 'ROTTERDAM, March 4, 2021 (ANP) - The harbour reopened after a week of repairs.',
    expected: '2021-03-04', source: 'dateline', reason: 'wire dateline with a year',
  },
  {
    text: 'Ports\n\nROTTERDAM, March 4. /ANP/. The harbour reopened after repairs that began on 25 February 2019.',
    expected: '2019-03-04', source: 'inferred', reason: 'no weekday: the year of the nearest full date in the text',
  },
  {
    text: 'Ports\n\nROTTERDAM, March 4. /ANP/. The harbour reopened on Monday after repairs that began on 25 February 2019.',
    expected: '2019-03-04', source: 'inferred',
    reason: 'weekday and text agree: 4 March 2019 was a Monday, though 2024 is the latest such year',
  },
  {
    text: 'Harbour reopens\n4 March\nThe harbour reopened.', url: 'https://example.com/news/2018/03/harbour-reopens',
    expected: '2018-03-04', source: 'inferred', reason: 'year and month stated by the URL path',
  },
  {
    text: 'Harbour reopens\nThe harbour reopened on Thursday.', url: 'https://example.com/2020/06/11/harbour',
    expected: '2020-06-11', source: 'url', reason: 'full date in the URL path',
  },
  {
    text: 'Harbour reopens\nThe harbour reopened.', dateLine: '4 March 2021, 10:00',
    expected: '2021-03-04T10:00', source: 'dateline', reason: 'date line handed over by the extractor',
  },
  {
    text: 'Harbour reopens\n4 March 2021, 10:00\nThe harbour reopened.', dateLine: 'By Staff Reporter',
    expected: '2021-03-04T10:00', source: 'dateline', reason: 'a handed-over line without a date: the top lines are searched',
  },
  {
    text: 'Harbour reopens\n4 March 2031\nThe harbour reopened.',
    expected: null, reason: 'a date after now is rejected',
  },
  {
    text: 'Harbour reopens\n09:30, 4 March\nThe harbour reopened on Thursday.', now: new Date('2021-03-03T00:00:00Z'),
    expected: '2010-03-04T09:30', source: 'inferred', reason: 'the inferred year never lies after now',
  },
  {
    text: 'Talks set for 10 January\nThe delegations meet on Monday in Geneva.',
    expected: null, reason: 'a headline with a day in it is not a date line',
  },
  {
    text: 'Гавань снова открыта\n4 марта 2021, 09:30\nГавань открылась в четверг.',
    expected: '2021-03-04T09:30', source: 'dateline', reason: 'Russian date line',
  },
  {
    text: 'Liman yeniden açıldı\n4 Mart 2021 Perşembe 09:30\nLiman açıldı.',
    expected: '2021-03-04T09:30', source: 'dateline', reason: 'Turkish date line with weekday between date and time',
  },
  {
    text: 'بازگشایی بندر\n۱۴ اسفند ۱۳۹۹\nبندر بازگشایی شد.',
    expected: '2021-03-04', source: 'dateline', reason: 'Persian Solar Hijri date line',
  },
  {
    text: 'Kremlin says talks gave little reason for optimism on Tuesday. More talks follow on Wednesday.',
    expected: null, reason: 'weekdays alone never make a date',
  },
];

for (const c of CASES) {
  test(`findPublishedInText: ${c.reason}`, () => {
    const got = findPublishedInText(c.text, { dateLine: c.dateLine ?? null, url: c.url ?? null, now: c.now ?? NOW });
    assert.equal(got?.value ?? null, c.expected, got?.detail);
    if (c.source) assert.equal(got?.source, c.source);
  });
}

test('findPublishedInText: an inferred year says how and is trusted less than a stated one', () => {
  const inferred = findPublishedInText('Harbour\n09:30, 4 March\nIt reopened on Thursday.', { dateLine: null, url: null, now: NOW });
  const stated = findPublishedInText('Harbour\n4 March 2021, 09:30\nIt reopened.', { dateLine: null, url: null, now: NOW });
  assert.ok(inferred && stated);
  assert.match(inferred.detail, /date line '09:30, 4 March'; year 2021 from weekday 'Thursday'/);
  assert.ok(inferred.confidence < stated.confidence);
});
