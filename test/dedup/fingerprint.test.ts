import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentHash, hammingDistance, NEAR_DUPLICATE_BITS, simhash } from '../../src/pipeline/dedup/fingerprint.ts';

const WIRE = `MOSCOW, March 3. The foreign ministers of the two countries met in the capital on Thursday to discuss
the draft agreement on regional security, the ministry said in a statement. The talks lasted more than four hours
and covered arms control, the deployment of troops near the border, and a schedule for further consultations.
Both sides described the meeting as constructive but said that substantial differences remained on the key points.
A second round is expected to take place in Vienna later this month, according to officials familiar with the plans.`;

test('contentHash ignores spacing, case and punctuation differences', () => {
  assert.equal(contentHash(WIRE), contentHash(WIRE.toUpperCase().replace(/\s+/g, '  ').replace(/,/g, '')));
});

test('contentHash differs when a word differs', () => {
  assert.notEqual(contentHash(WIRE), contentHash(WIRE.replace('Thursday', 'Friday')));
});

test('simhash: a reprint with a changed sign-off stays within the near-duplicate distance', () => {
  const reprint = WIRE.replace('according to officials familiar with the plans', 'officials said') + ' (Reporting by staff)';
  assert.ok(hammingDistance(simhash(WIRE), simhash(reprint)) <= NEAR_DUPLICATE_BITS);
});

test('simhash: a different article on the same topic is far away', () => {
  const other = `The defence ministry announced new exercises near the border on Monday, saying thousands of troops and
hundreds of armoured vehicles would take part. Western governments called the drills a provocation, while the
ministry insisted they were planned months ago and posed no threat to anyone. Analysts said the timing, days before
a round of security talks, was meant to strengthen the negotiating position of the government in the coming weeks.`;
  assert.ok(hammingDistance(simhash(WIRE), simhash(other)) > 2 * NEAR_DUPLICATE_BITS);
});

test('hammingDistance counts differing bits across both halves', () => {
  assert.equal(hammingDistance('0000000000000000', '0000000000000000'), 0);
  assert.equal(hammingDistance('ffffffffffffffff', '0000000000000000'), 64);
  assert.equal(hammingDistance('8000000000000001', '0000000000000000'), 2);
});
