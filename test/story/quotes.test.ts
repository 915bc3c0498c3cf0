// Who said what across a story's articles: speakers grouped by entity, unresolved mentions by what they say.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assembleStory, type ArticleAnalysis, type AttributedQuote } from '../../src/pipeline/story/assemble.ts';

function quote(text: string, mention: string | null, speaker: AttributedQuote['speaker'] = null): AttributedQuote {
  return { text, kind: 'indirect', cue: 'said', mention, speaker, start: 0, end: text.length, confidence: 0.9 };
}

function article(id: number, quotes: AttributedQuote[]): ArticleAnalysis {
  return { article: { id, title: `Article ${id}`, outlet: 'TASS', published: '2022-01-10', publishedInferred: false, duplicateOf: null }, entities: [], quotes, events: [] };
}

test('who said what: a resolved speaker is one group across articles; an unresolved pronoun is no speaker of its own', () => {
  const ryabkov = { key: 'per:sergey ryabkov', name: 'Sergey Ryabkov', role: 'Deputy Foreign Minister', type: 'PER' as const };
  const story = assembleStory([
    article(1, [quote('the talks were useful', 'Ryabkov', ryabkov), quote('the sanctions have failed', 'who'), quote('the deal is off', 'it')]),
    article(2, [quote('progress is unlikely', 'he', ryabkov), quote('Russia wants guarantees', 'Moscow'), quote('nothing was agreed', null)]),
  ]);
  const groups = story.whoSaidWhat.map((g) => [g.speaker.name, g.quotes.map((q) => q.mention)]);
  assert.deepEqual(groups, [
    ['Sergey Ryabkov', ['Ryabkov', 'he']],
    ['Unattributed', ['who', 'it', null]],
    ['Moscow', ['Moscow']],
  ]);
});
