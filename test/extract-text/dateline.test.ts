// Dateline recognition at the start of a text: city, the dateline's own date and the wire credit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DatelineGuess } from '../../src/pipeline/contracts.ts';
import { findDateline, matchDateline } from '../../src/pipeline/metadata/dateline.ts';

const CASES: Array<[text: string, expected: DatelineGuess | null, reason: string]> = [
  ['GENEVA, January 9. /TASS/. It would be naive to expect progress.', { city: 'Geneva', dateText: 'January 9', credit: 'TASS' }, 'TASS wire format'],
  ['TEHRAN (FNA)- No reason to resume talks.', { city: 'Tehran', dateText: null, credit: 'FNA' }, 'credit in brackets, dash glued'],
  ['MOSCOW, Feb 3 (Reuters) - Russia said on Monday.', { city: 'Moscow', dateText: 'Feb 3', credit: 'Reuters' }, 'Reuters format'],
  ['WASHINGTON (AP) — The Senate voted on Tuesday.', { city: 'Washington', dateText: null, credit: 'AP' }, 'AP format with an em dash'],
  ['LONDON — The government said on Friday.', { city: 'London', dateText: null, credit: null }, 'bare all-caps city and dash'],
  ['WASHINGTON ― Lawmakers said on Friday.', { city: 'Washington', dateText: null, credit: null }, 'a horizontal bar for the dash (HuffPost)'],
  ['SAN FRANCISCO, Calif. (AP) — A judge ruled.', { city: 'San Francisco', dateText: null, credit: 'AP' }, 'two-word city with a region'],
  ['Moscow (Reuters) - The Kremlin said.', { city: 'Moscow', dateText: null, credit: 'Reuters' }, 'title-case city confirmed by the gazetteer'],
  ['МОСКВА, 9 января. /ТАСС/. Россия готова к переговорам.', { city: 'Москва', dateText: '9 января', credit: 'ТАСС' }, 'Russian TASS format'],
  ['NATO — The alliance said it would respond.', null, 'an acronym is not a city, even if a tiny town shares the name'],
  ['Home — Sweet home is where the heart is.', null, 'a common word before a dash'],
  ['Russia wants to resolve the security row, a senior official says.', null, 'an ordinary sentence'],
  ['(Reuters) — The New York State Attorney General is investigating.', null, 'a credit without a city is no dateline'],
];

for (const [text, expected, reason] of CASES) {
  test(`findDateline: ${reason}`, () => assert.deepEqual(findDateline(text), expected));
}

test('findDateline: only the start of a text counts', () => {
  const text = 'The talks went on for hours on Monday without any sign of an agreement between the sides.\nLONDON — Officials said later that no agreement had been reached at all.';
  assert.equal(findDateline(text), null);
});

test('findDateline: in a whole-page capture, the dateline opens one of the first prose paragraphs', () => {
  const capture = [
    'All news',
    'Diplomat sees little progress ahead of talks',
    'Before the talks the position of the other side leaves little reason for optimism, the diplomat noted',
    'GENEVA, January 9. /TASS/. It would be naive to expect progress at the upcoming talks, the deputy minister said.',
  ].join('\n');
  assert.equal(findDateline(capture)?.city, 'Geneva');
});

test('matchDateline: the match length covers the dateline and its punctuation', () => {
  const text = 'GENEVA, January 9. /TASS/. It would be naive.';
  const m = matchDateline(text);
  assert.equal(text.slice(m?.length ?? 0), 'It would be naive.');
});
