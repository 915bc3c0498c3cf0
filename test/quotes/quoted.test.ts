// Quotation finding: every mark style, paragraph continuation, apostrophes and nesting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotations } from '../../src/pipeline/quotes/quoted.ts';

const cases: Array<{ text: string; quoted: string[]; reason: string }> = [
  { text: 'He said “we are ready” today.', quoted: ['we are ready'], reason: 'English curly double quotes' },
  { text: 'He said "we are ready" today.', quoted: ['we are ready'], reason: 'straight double quotes open after a space and close before one' },
  { text: 'Il a dit « nous sommes prêts » hier.', quoted: [' nous sommes prêts '], reason: 'French guillemets' },
  { text: 'Er sagte „wir sind bereit“ gestern.', quoted: ['wir sind bereit'], reason: 'German low-high quotes close with “' },
  { text: 'She called it ‘not very inspiring’ on Monday.', quoted: ['not very inspiring'], reason: 'single curly quotes' },
  { text: 'Er sagte ‹ja› dazu.', quoted: ['ja'], reason: 'single guillemets' },
  { text: '彼は「準備ができている」と述べた。', quoted: ['準備ができている'], reason: 'CJK corner brackets' },
  { text: "Russia’s view isn’t new, and the voters’ anger don't count.", quoted: [], reason: 'apostrophes inside and after words are not quotes' },
  { text: '“He said ‘no’ twice,” she recalled.', quoted: ['He said ‘no’ twice,'], reason: 'a single quote nested in a double quote stays inside it' },
  { text: '"The question was: “Do you agree?” Forty percent did."', quoted: ['The question was: “Do you agree?” Forty percent did.'], reason: 'a curly quote nested in a straight one does not close it' },
  { text: "''This isn't reform,'' he said.", quoted: ["This isn't reform,"], reason: 'two apostrophes act as a double quote (newspaper house style)' },
  {
    text: '“First paragraph of the statement.\n\n“Second paragraph, still quoted.”\n\nAfter it.',
    quoted: ['First paragraph of the statement.', 'Second paragraph, still quoted.'],
    reason: 'an unclosed paragraph-opening quote continues into the next paragraph that opens with a mark',
  },
  {
    text: '“An unclosed quote.\n\nA plain paragraph follows.',
    quoted: ['An unclosed quote.'],
    reason: 'an unclosed quote ends with its paragraph when the next does not open with a mark',
  },
];

for (const c of cases) {
  test(`quotations: ${c.reason}`, () => {
    const found = findQuotations(c.text).flatMap((q) => q.inner.map((s) => c.text.slice(s.start, s.end)));
    assert.deepEqual(found, c.quoted);
  });
}
