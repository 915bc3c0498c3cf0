// Story clustering features: which words become terms and which become anchors (names and figures).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractFeatures } from '../../src/pipeline/cluster/features.ts';

const CASES: Array<{ reason: string; title: string | null; text: string; language?: string; entities?: string[]; anchors: string[]; notAnchors: string[]; notTerms?: string[] }> = [
  {
    reason: 'a capitalised word away from a sentence start is a name; function words are dropped',
    title: null, text: 'Rescuers reached the village of Oskarsby on Monday. The mayor thanked Lena Varga.',
    anchors: ['oskarsby', 'lena', 'varga'], notAnchors: ['rescuers', 'the', 'mayor'], notTerms: ['the', 'of'],
  },
  {
    reason: 'title-case headlines say nothing by their capitals: only words capitalised in the body too are names',
    title: 'Mayor Thanks Rescuers After Flood In Oskarsby', text: 'The mayor of Oskarsby thanked the rescuers after the flood.',
    anchors: ['oskarsby'], notAnchors: ['mayor', 'thanks', 'rescuers', 'flood'],
  },
  {
    reason: 'a full stop after an abbreviation ends no sentence, so the name after it still counts',
    title: null, text: 'The clinic is run by Dr. Benjamin and her staff. Dr. Benjamin said it would stay open.',
    anchors: ['benjamin'], notAnchors: ['clinic', 'staff'],
  },
  {
    reason: 'figures (counts, ages, ordinals, years) are anchors; weekdays and months are only terms',
    title: null, text: 'The 86th ceremony on Friday in March drew 1,200 guests, the organisers said in 2013.',
    anchors: ['86th', '1', '200', '2013'], notAnchors: ['friday', 'march', 'ceremony'],
  },
  {
    reason: 'with no title, a short first line is taken as the headline',
    title: null, text: 'Ferry sinks off Kalmar\nAll passengers were rescued, the coast guard said.',
    anchors: ['kalmar'], notAnchors: ['ferry'],
  },
  {
    reason: 'scripts without case give no names from capitals, but the caller\'s entity keys are anchors',
    title: null, text: 'التقى وزير الخارجية بنظيره في جنيف لبحث الاتفاق', language: 'ar', entities: ['LOC:geneva', 'PER:sergey ryabkov'],
    anchors: ['loc:geneva', 'per:sergey ryabkov'], notAnchors: ['جنيف'],
  },
  {
    reason: 'Turkish text is folded the Turkish way (İstanbul and ISTANBUL meet)',
    title: null, text: 'Yetkililer İstanbul ve ISTANBUL limanında açıklama yaptı.', language: 'tr',
    anchors: ['istanbul'], notAnchors: ['yetkililer'],
  },
];

for (const c of CASES) {
  test(`features: ${c.reason}`, () => {
    const f = extractFeatures(c.title, c.text, c.language ?? 'en', c.entities);
    for (const a of c.anchors) assert.ok(f.anchors.has(a), `${a} should be an anchor (got ${[...f.anchors.keys()].join(', ')})`);
    for (const a of c.anchors) assert.ok(f.terms.has(a), `${a} should be a term too`);
    for (const a of c.notAnchors) assert.ok(!f.anchors.has(a), `${a} should not be an anchor`);
    for (const t of c.notTerms ?? []) assert.ok(!f.terms.has(t), `${t} should not be a term`);
  });
}

test('features: title words weigh more than body words, and repeats grow sub-linearly', () => {
  const f = extractFeatures('Dam bursts', 'The dam burst. The dam had been weak. Water from the dam flooded fields.', 'en');
  const dam = f.terms.get('dam')!, water = f.terms.get('water')!;
  assert.ok(dam > water, 'a word in the title and repeated outweighs a single mention');
  assert.ok(dam < 5, 'five mentions do not weigh five times one');
});

const WEEKDAY_CASES: Array<{ reason: string; title: string | null; text: string; language: string; weekdays: Record<string, number> }> = [
  {
    reason: 'English weekdays become shares of the days named, title words counting double',
    title: 'Quake hits on Saturday', text: 'The quake struck on Saturday. Aftershocks followed on Sunday.', language: 'en',
    weekdays: { saturday: 0.75, sunday: 0.25 },
  },
  {
    reason: 'Russian weekdays are read in the case a date takes ("в субботу")',
    title: null, text: 'Землетрясение произошло в субботу, сообщили спасатели.', language: 'ru', weekdays: { saturday: 1 },
  },
  {
    reason: 'a Russian word that is also a weekday name elsewhere ("среду", the environment) names no day',
    title: null, text: 'Завод загрязняет окружающую среду, заявили экологи.', language: 'ru', weekdays: {},
  },
  {
    reason: 'Turkish weekdays are read after folding (Çarşamba)',
    title: null, text: 'Deprem Çarşamba günü meydana geldi.', language: 'tr', weekdays: { wednesday: 1 },
  },
  {
    reason: 'a text naming no weekday has none',
    title: null, text: 'The quake struck yesterday, officials said.', language: 'en', weekdays: {},
  },
];

for (const c of WEEKDAY_CASES) {
  test(`features: weekdays: ${c.reason}`, () => {
    const f = extractFeatures(c.title, c.text, c.language);
    assert.deepEqual(Object.fromEntries(f.weekdays), c.weekdays);
  });
}
