// Outlet detection: site name, then the publisher's own credits in the text, then the host table, then the host.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DatelineGuess, OutletGuess } from '../../src/pipeline/contracts.ts';
import { findOutlet } from '../../src/pipeline/metadata/outlet.ts';

const LEDE = 'The deputy minister said on Sunday that the talks would continue next week in Geneva as planned.';
const TASS_DATELINE: DatelineGuess = { city: 'Geneva', dateText: 'January 9', credit: 'TASS' };

interface Case {
  siteName?: string | null;
  url?: string | null;
  text?: string;
  dateline?: DatelineGuess | null;
  expected: OutletGuess | null;
  reason: string;
}

const CASES: Case[] = [
  { siteName: 'Example Daily', url: 'https://tass.com/politics/1', text: LEDE, expected: { outlet: 'Example Daily', source: 'og:site_name' }, reason: 'the page naming itself wins' },
  { text: `GENEVA, January 9. /TASS/. ${LEDE}`, dateline: TASS_DATELINE, expected: { outlet: 'TASS', source: "credit '/TASS/'" }, reason: 'wire tag in the dateline' },
  { text: `TEHRAN (FNA)- ${LEDE}`, dateline: { city: 'Tehran', dateText: null, credit: 'FNA' }, expected: { outlet: 'FNA', source: "credit '(FNA)'" }, reason: 'bracketed credit in the dateline' },
  { text: `(Reuters) - ${LEDE}`, expected: { outlet: 'Reuters', source: "credit '(Reuters)'" }, reason: 'wire credit without a city' },
  { text: 'The head of the delegation told RT on Thursday that the results of recent talks were not very inspiring.', expected: { outlet: 'RT', source: "credit 'told RT'" }, reason: 'a source speaking to the outlet itself' },
  { text: 'Russia is ready for talks on certain security issues, the foreign minister told reporters, TASS has learned.', expected: { outlet: 'TASS', source: "credit 'TASS has learned'" }, reason: 'the outlet reporting its own finding' },
  { text: 'Песков сообщил ТАСС, что переговоры продолжатся на следующей неделе в Женеве без изменений.', expected: { outlet: 'TASS', source: "credit 'сообщил ТАСС'" }, reason: 'Russian: told TASS' },
  { text: 'Ryabkov said in an interview with TASS on Sunday that the talks would continue in Geneva next week.', expected: null, reason: 'citing an interview with another outlet is no publisher credit' },
  { text: 'According to Reuters, the talks would continue next week in Geneva, two people familiar with the matter said.', expected: null, reason: 'attribution to another outlet' },
  { text: 'Organisation for Security and Co-operation in Europe (OSCE) members will meet in Vienna on Thursday morning.', expected: null, reason: 'an acronym in brackets is not a credit' },
  { url: 'https://en.farsnews.ir/newstext.aspx?nn=1', text: LEDE, expected: { outlet: 'FNA', source: 'host en.farsnews.ir' }, reason: 'known host, matched on its parent domain' },
  { url: 'https://www.example-news.org/a/1', text: LEDE, expected: { outlet: 'example-news.org', source: 'host example-news.org' }, reason: 'unknown host names itself' },
  { url: null, text: LEDE, expected: null, reason: 'nothing to go on' },
];

for (const c of CASES) {
  test(`findOutlet: ${c.reason}`, () => {
    const guess = findOutlet({ siteName: c.siteName ?? null, url: c.url ?? null, text: c.text ?? '', dateline: c.dateline ?? null });
    assert.deepEqual(guess, c.expected);
  });
}
