import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { MODEL_PATH, recognize } from '../../src/pipeline/entities/recognize.ts';
import { readModel } from '../../src/pipeline/entities/perceptron.ts';

test('the committed model file loads and has weights', () => {
  assert.ok(existsSync(MODEL_PATH));
  const w = readModel(MODEL_PATH);
  assert.ok(w.emission.size > 10_000, 'a trained model has many features');
  assert.equal(w.trans.length, 81, 'a 9×9 transition matrix');
});

test('the committed model tags a simple sentence', () => {
  const text = 'German Chancellor Angela Merkel met officials of the European Commission in Brussels on Monday.';
  const got = recognize(text).map((m) => `${m.type}:${m.text}`);
  assert.deepEqual(got, ['MISC:German', 'PER:Angela Merkel', 'ORG:European Commission', 'LOC:Brussels']);
});

const cases: Array<{ text: string; expect: string[]; never?: string[]; reason: string }> = [
  {
    text: 'Kremlin spokesman Dmitry Peskov said the talks in Geneva were useful.',
    expect: ['PER:Dmitry Peskov', 'LOC:Geneva'], never: ['PER:Kremlin'],
    reason: 'a role word before a name is not part of the name; the Kremlin is no person',
  },
  {
    text: 'Moscow insisted on guarantees, while Washington rejected the demands.',
    expect: ['LOC:Moscow', 'LOC:Washington'], never: ['PER:Washington', 'PER:Moscow'],
    reason: 'capitals used for their governments stay places',
  },
  {
    text: 'Kremlin said the talks gave little reason for optimism.',
    expect: [], never: ['PER:Kremlin'],
    reason: 'a sentence-initial institution is not read as a person',
  },
  {
    text: 'NATO Secretary General Jens Stoltenberg said the alliance was ready to talk.',
    expect: ['ORG:NATO', 'PER:Jens Stoltenberg'],
    reason: 'an acronym organisation and a full name',
  },
];

for (const c of cases) {
  test(`recognize: ${c.reason}`, () => {
    const got = recognize(c.text).map((m) => `${m.type}:${m.text}`);
    for (const e of c.expect) assert.ok(got.includes(e), `expected ${e} in ${got.join(', ')}`);
    for (const n of c.never ?? []) assert.ok(!got.includes(n), `did not expect ${n}`);
  });
}

test('recognize returns offsets into the original text, typographic quotes included', () => {
  const text = '“We are ready,” Russian Deputy Foreign Minister Sergey Ryabkov told TASS.\n\nRyabkov’s remarks came on Monday.';
  const mentions = recognize(text);
  assert.ok(mentions.length >= 3);
  for (const m of mentions) assert.equal(text.slice(m.start, m.end), m.text);
  assert.ok(mentions.some((m) => m.type === 'PER' && m.text === 'Ryabkov'), 'the possessive is split off the surname');
});
