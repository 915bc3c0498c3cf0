import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeEntities } from '../../src/pipeline/entities/resolve.ts';
import type { DocEntity, EntityAnalysis } from '../../src/pipeline/entities/types.ts';

function person(a: EntityAnalysis, id: string): DocEntity {
  const e = a.entities.find((x) => x.id === id);
  assert.ok(e, `no entity ${id}; got ${a.entities.map((x) => x.id).join(', ')}`);
  return e;
}

/** The entity that the n-th whole-word occurrence of `surface` resolved to. */
function resolvedAt(a: EntityAnalysis, text: string, surface: string, occurrence = 0): string | undefined {
  const re = new RegExp(`(?<![\\p{L}])${surface}(?![\\p{L}])`, 'gu');
  const hits = [...text.matchAll(re)];
  assert.ok(hits.length > occurrence, `"${surface}" not in text ${occurrence + 1} times`);
  const at = hits[occurrence].index;
  return a.mentions.find((m) => m.start === at && m.end === at + surface.length)?.entityId;
}

const roleCases: Array<{ text: string; id: string; role: string; affiliation: string | null; reason: string }> = [
  {
    text: 'Russian Deputy Foreign Minister Sergey Ryabkov said the talks were difficult.',
    id: 'PER:sergey ryabkov', role: 'Deputy Foreign Minister', affiliation: 'Russia',
    reason: 'a nationality adjective before the title is the affiliation, as its country',
  },
  {
    text: 'Kremlin spokesman Dmitry Peskov told reporters the result was what mattered.',
    id: 'PER:dmitry peskov', role: 'spokesman', affiliation: 'Kremlin',
    reason: 'an institution before a role word is the affiliation',
  },
  {
    text: 'NATO Secretary General Jens Stoltenberg said allies were united.',
    id: 'PER:jens stoltenberg', role: 'Secretary General', affiliation: 'NATO',
    reason: 'an organisation acronym before a two-word title',
  },
  {
    text: 'The plan was backed by US Secretary of State Antony Blinken on Friday.',
    id: 'PER:antony blinken', role: 'Secretary of State', affiliation: 'United States',
    reason: 'a title with an "of" phrase; the country alias becomes its canonical name',
  },
  {
    text: 'Marta Kowalska, Poland’s deputy defence minister, said the exercises would go ahead.',
    id: 'PER:marta kowalska', role: 'deputy defence minister', affiliation: 'Poland',
    reason: 'a title in apposition after the name, with a possessive affiliation',
  },
  {
    text: 'The decision was announced by Pierre Laval, a spokesman for the European Commission, on Tuesday.',
    id: 'PER:pierre laval', role: 'spokesman', affiliation: 'European Commission',
    reason: 'an appositive role whose affiliation follows it',
  },
  {
    text: 'A bill was introduced by Senator Robert Hale of New Jersey on Wednesday.',
    id: 'PER:robert hale', role: 'Senator', affiliation: 'New Jersey',
    reason: 'a bare title before the name; the "of" place after the name is the affiliation',
  },
];

for (const c of roleCases) {
  test(`role: ${c.reason}`, () => {
    const e = person(analyzeEntities(c.text), c.id);
    assert.equal(e.role, c.role);
    assert.equal(e.affiliation, c.affiliation);
  });
}

const PARAGRAPH = `Russian Deputy Foreign Minister Sergey Ryabkov said on Monday that the talks in Geneva had been difficult.
Ryabkov told reporters that Moscow would not accept delays. The senior diplomat added that he saw no reason for optimism.
Kremlin spokesman Dmitry Peskov said the Kremlin would wait for the results of other meetings. "We see no progress," he said.
Russian Foreign Ministry spokeswoman Maria Zakharova said Washington had ignored the proposals. The spokeswoman said her ministry would respond in writing.
Peskov said later that the minister had briefed President Vladimir Putin.`;

const resolutionCases: Array<{ surface: string; occurrence?: number; id: string | undefined; reason: string }> = [
  { surface: 'Ryabkov', occurrence: 1, id: 'PER:sergey ryabkov', reason: 'a surname alone is the full-name person' },
  { surface: 'The senior diplomat', id: 'PER:sergey ryabkov', reason: 'a descriptive title goes to the salient person whose role fits' },
  { surface: 'he', id: 'PER:sergey ryabkov', reason: 'a pronoun goes to the most recent person of its gender' },
  { surface: 'he', occurrence: 1, id: 'PER:dmitry peskov', reason: 'the pronoun after a quote goes to the person just named' },
  { surface: 'The spokeswoman', id: 'PER:maria zakharova', reason: 'a gendered title skips the spokesman for the spokeswoman' },
  { surface: 'her', id: 'PER:maria zakharova', reason: 'a female pronoun skips male people' },
  { surface: 'Peskov', occurrence: 1, id: 'PER:dmitry peskov', reason: 'a surname after other people were named still finds its person' },
  { surface: 'the minister', id: 'PER:sergey ryabkov', reason: '"the minister" skips spokespeople and goes to the minister' },
  { surface: 'Moscow', id: 'LOC:moscow', reason: 'Moscow stays a place' },
  { surface: 'Kremlin', occurrence: 1, id: 'ORG:kremlin', reason: 'the Kremlin is an organisation, never a person' },
  { surface: 'Washington', id: 'LOC:washington', reason: 'Washington stays a place' },
];

test('resolution paragraph: every mention offset points at its text', () => {
  const a = analyzeEntities(PARAGRAPH);
  for (const m of a.mentions) assert.equal(PARAGRAPH.slice(m.start, m.end), m.text);
  for (const e of a.entities) for (const m of e.mentions) assert.equal(PARAGRAPH.slice(m.start, m.end), m.text);
});

for (const c of resolutionCases) {
  test(`resolution: ${c.reason}`, () => {
    const a = analyzeEntities(PARAGRAPH);
    assert.equal(resolvedAt(a, PARAGRAPH, c.surface, c.occurrence ?? 0), c.id);
  });
}

test('resolution: no place or institution becomes a person', () => {
  const a = analyzeEntities(PARAGRAPH);
  const people = a.entities.filter((e) => e.type === 'PER').map((e) => e.id).sort();
  assert.deepEqual(people, ['PER:dmitry peskov', 'PER:maria zakharova', 'PER:sergey ryabkov', 'PER:vladimir putin']);
});

test('resolution: entity records carry name, aliases, gender and all mentions', () => {
  const e = person(analyzeEntities(PARAGRAPH), 'PER:sergey ryabkov');
  assert.equal(e.name, 'Sergey Ryabkov');
  assert.deepEqual(e.aliases, ['Ryabkov']);
  assert.equal(e.gender, 'male');
  assert.ok(e.mentions.length >= 5, `mentions: ${e.mentions.map((m) => m.text).join(', ')}`);
});

test('resolution: a pronoun far from any person is left unresolved', () => {
  const text = `Sergey Ryabkov spoke on Monday. The weather was cold. Trains were late. Shops were closed. Roads were icy. Later he left.`;
  const a = analyzeEntities(text);
  assert.equal(resolvedAt(a, text, 'he'), undefined);
});

test('resolution: "the prime minister" does not go to a foreign minister', () => {
  const text = 'Foreign Minister Sergey Lavrov spoke first. Sanctions would hit the prime minister and others.';
  const a = analyzeEntities(text);
  assert.equal(resolvedAt(a, text, 'the prime minister'), undefined);
});

test('resolution: a nationality in a title must agree with the affiliation', () => {
  const text = 'US Secretary of State Antony Blinken met reporters. The Russian diplomat declined to comment.';
  const a = analyzeEntities(text);
  assert.equal(resolvedAt(a, text, 'The Russian diplomat'), undefined);
});
