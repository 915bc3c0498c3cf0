// Quote extraction and attribution over small hand-written paragraphs: styles, kinds, cues and speakers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractQuotes } from '../../src/pipeline/quotes/extract.ts';
import type { QuoteMention } from '../../src/pipeline/quotes/types.ts';

interface Expect {
  /** A substring of the quote's text that identifies it. */
  contains: string;
  kind?: QuoteMention['kind'];
  cue?: string | null;
  speaker?: string | null;
  antecedent?: string | null;
  /** Number of parts when the content is interrupted by its attribution. */
  parts?: number;
}

const cases: Array<{ text: string; expect: Expect[]; absent?: string[]; count?: number; reason: string }> = [
  {
    text: '“We are waiting for written answers,” said Konstantin Gavrilov, the head of the delegation.',
    expect: [{ contains: 'We are waiting for written answers', kind: 'direct', cue: 'said', speaker: 'Konstantin Gavrilov', antecedent: null }],
    reason: 'direct quote with an inverted cue and an appositive after the name',
  },
  {
    text: '"We will find alternatives, no matter what," Ryabkov said.',
    expect: [{ contains: 'We will find alternatives', kind: 'direct', cue: 'said', speaker: 'Ryabkov' }],
    reason: 'straight quotes with the speaker before the cue',
  },
  {
    text: '« Nous sommes prêts au dialogue », a déclaré le ministre.\n\nMaria Zakharova said: „We view it as a continuation.“',
    expect: [{ contains: 'We view it as a continuation', kind: 'direct', cue: 'said:', speaker: 'Maria Zakharova' }],
    reason: 'German-style quotes after a colon cue',
  },
  {
    text: 'Foreign Minister Sergey Lavrov met his counterpart on Friday.\n\n“We believe it is a positive step,” he said. “But not at the expense of our interests.”',
    expect: [{ contains: 'We believe it is a positive step', kind: 'direct', cue: 'said', speaker: 'he', antecedent: 'Sergey Lavrov', parts: 2 }],
    reason: 'a pronoun speaker gets the nearest person name as antecedent; the quote after the attribution is a second part',
  },
  {
    text: 'Sergey Ryabkov spoke to reporters in Geneva.\n\n“There is a subject for conversation here.\n\n“We will explain the logic of our approach,” the senior diplomat said.',
    expect: [{ contains: 'There is a subject for conversation here', kind: 'direct', speaker: 'the senior diplomat', antecedent: 'Sergey Ryabkov' }],
    reason: 'a quote running over two paragraphs is one quote; a descriptive speaker gets an antecedent',
  },
  {
    text: 'Deputy Foreign Minister Sergey Ryabkov said that Moscow would not accept a delay in the talks.',
    expect: [{ contains: 'Moscow would not accept a delay', kind: 'indirect', cue: 'said', speaker: 'Deputy Foreign Minister Sergey Ryabkov' }],
    reason: 'indirect speech with "said that"',
  },
  {
    text: 'Moscow expects a quick answer to its demands, Lavrov told reporters on Wednesday.',
    expect: [{ contains: 'Moscow expects a quick answer', kind: 'indirect', cue: 'told', speaker: 'Lavrov' }],
    reason: 'indirect content before a trailing "X told reporters on Wednesday"',
  },
  {
    text: 'According to Peskov, the talks will continue next week.',
    expect: [{ contains: 'the talks will continue next week', kind: 'indirect', cue: 'According to', speaker: 'Peskov' }],
    reason: '"according to X," before the content',
  },
  {
    text: 'The talks will continue next week, according to a senior official.',
    expect: [{ contains: 'The talks will continue next week', kind: 'indirect', cue: 'according to', speaker: 'a senior official' }],
    reason: '"according to X" after the content names a noun-phrase source',
  },
  {
    text: 'Kremlin spokesman Dmitry Peskov noted that while the talks were “open, comprehensive and direct,” the result is what matters.',
    expect: [{ contains: 'open, comprehensive and direct', kind: 'mixed', cue: 'noted', speaker: 'Kremlin spokesman Dmitry Peskov' }],
    reason: 'a partial quote inside reported speech makes a mixed quote',
  },
  {
    text: 'Moscow has denied planning to attack its neighbour.',
    expect: [{ contains: 'attack its neighbour', kind: 'indirect', speaker: 'Moscow' }],
    reason: 'a denial is an attribution with the organisation as source',
  },
  {
    text: 'Sanders criticized the bank, saying that its leaders had failed their customers.',
    expect: [{ contains: 'its leaders had failed their customers', kind: 'indirect', cue: 'saying', speaker: 'Sanders' }],
    reason: 'a participial cue after a comma takes the speaker of the clause it hangs on',
  },
  {
    text: '“It’s a question of days,” Gavrilov said, “not of months.”',
    expect: [{ contains: 'It’s a question of days', kind: 'direct', speaker: 'Gavrilov', parts: 2 }],
    reason: 'a quote interrupted mid-sentence by its attribution keeps both parts',
  },
  {
    text: 'The report was reviewed by so-called “experts” before the vote.',
    expect: [],
    absent: ['experts'],
    reason: 'a scare quote is not a quote',
  },
  {
    text: 'She appeared on “Fox and Friends” on Thursday morning.',
    expect: [],
    absent: ['Fox and Friends'],
    reason: 'a quoted programme title is not a quote',
  },
  {
    text: '“We’re always ready for unforeseen developments” — Konstantin Gavrilov',
    expect: [{ contains: 'always ready for unforeseen developments', kind: 'direct', speaker: 'Konstantin Gavrilov' }],
    reason: 'a dash and a name after a quotation name its speaker',
  },
  {
    text: '"PENCE: Well, the question really should be about the issues."',
    expect: [{ contains: 'the question really should be about the issues', speaker: 'PENCE' }],
    reason: 'a transcript label inside the quotation is the speaker',
  },
  {
    text: 'Partial transcript as follows:\n\n"WALLACE: Will Gennifer Flowers be there?\n\n"PENCE: Gennifer Flowers will not be attending the debate.\n\n"But the truth is that he has a unique way of communicating."',
    expect: [
      { contains: 'Will Gennifer Flowers be there?', cue: ':', speaker: 'WALLACE' },
      { contains: 'will not be attending the debate', cue: ':', speaker: 'PENCE', parts: 2 },
    ],
    absent: ['as follows'],
    reason: 'each transcript turn is a quote of its labelled speaker and runs on through the unlabelled paragraphs after it',
  },
  {
    text: 'Graham: Trump’s Rhetoric Destroying GOP’s Chance.\n\nThe senator spoke in Ohio.',
    expect: [{ contains: 'Trump’s Rhetoric Destroying', cue: ':', speaker: 'Graham' }],
    reason: 'a headline names its speaker before a colon',
  },
  {
    text: 'The Latest: Clinton wins Nevada caucuses by a narrow margin.\n\nThe vote was close.',
    expect: [],
    absent: ['Clinton wins Nevada'],
    reason: 'a kicker before a headline colon is not a speaker',
  },
  {
    text: 'The meeting with the donors was first reported by Politico.',
    expect: [{ contains: 'The meeting with the donors', speaker: 'Politico' }],
    reason: 'a passive cue attributes its subject to the agent after "by"',
  },
  {
    text: 'Trump said that Clinton claimed the deal was a success.',
    expect: [{ contains: 'Clinton claimed the deal was a success', cue: 'said', speaker: 'Trump' }],
    count: 1,
    reason: 'an attribution inside another quote’s content is part of that quote, not a quote of its own',
  },
  {
    text: 'The Europeans, who had been cut out of the talks, derided the deal.',
    expect: [],
    absent: ['The Europeans, who had been cut out'],
    reason: 'a verb that is not a speech verb does not invert: the phrase after it is its object, not its speaker',
  },
  {
    text: 'He’s predicting a comfortable win in Nevada next week.',
    expect: [{ contains: 'a comfortable win in Nevada', speaker: 'He' }],
    reason: 'a pronoun with a contracted auxiliary keeps the pronoun as the speaker',
  },
  {
    text: 'Rendell agreed that the rules should be modernized, but he said that the discussion should wait until after the election.',
    expect: [
      { contains: 'the rules should be modernized', speaker: 'Rendell' },
      { contains: 'the discussion should wait', cue: 'said', speaker: 'he' },
    ],
    reason: 'a coordinated clause with its own cue starts a new quote',
  },
  {
    text: 'Obama’s aides were also complimentary, perhaps recognizing that imitation is the best form of flattery.',
    expect: [{ contains: 'imitation is the best form of flattery', speaker: 'Obama’s aides' }],
    reason: 'a participle hanging on the clause before has that clause’s subject as speaker, not the adverb before it',
  },
  {
    text: '“It’s an invasion of the state regulatory domain,” Scott Pruitt, the attorney general of Oklahoma, said at a Washington event this month.',
    expect: [{ contains: 'an invasion of the state regulatory domain', speaker: 'Scott Pruitt' }],
    reason: 'after a quotation, the name heading an appositive chain is the speaker even when setting words follow the cue',
  },
  {
    text: 'Figueroa said the campaign planned to bus in supporters to the debate, though she acknowledged it was unlikely to work.',
    expect: [
      { contains: 'the campaign planned to bus in supporters to the debate', cue: 'said', speaker: 'Figueroa' },
      { contains: 'it was unlikely to work', cue: 'acknowledged', speaker: 'she' },
    ],
    absent: ['debate, though'],
    reason: 'an attribution set off by a comma and "though" inside another’s content ends that content and stands on its own',
  },
  {
    text: 'Diplomats met in Geneva on Monday.\n\nRussia held separate talks with the US and NATO last week.',
    expect: [],
    absent: ['talks with the US'],
    reason: 'a verb the recall-leaning cue tagger offers but that reports nothing (a meeting held) is dropped by the candidate filter',
  },
  {
    text: 'Russia is ready for talks that the West offered, Russian Foreign Minister Sergey Lavrov told reporters on Wednesday, TASS has learned.',
    expect: [{ contains: 'Russia is ready for talks', cue: 'told', speaker: 'Russian Foreign Minister Sergey Lavrov' }],
    absent: ['told reporters on Wednesday'],
    count: 1,
    reason: 'an outlet relaying an attribution ("TASS has learned") leaves the speaker to the attribution it relays',
  },
  {
    text: 'Foreign Minister Sergey Lavrov said the talks had been useful. Western countries, in turn, accuse Russia of amassing troops near the border.',
    expect: [
      { contains: 'the talks had been useful', speaker: 'Foreign Minister Sergey Lavrov' },
      { contains: 'Russia of amassing troops', speaker: 'Western countries', antecedent: null },
    ],
    reason: 'a plural or non-person description ("Western countries") takes no person named earlier as its antecedent',
  },
  {
    text: 'Foreign Minister Sergey Lavrov arrived in Geneva. The senior diplomat said the talks had been useful.',
    expect: [{ contains: 'the talks had been useful', speaker: 'The senior diplomat', antecedent: 'Sergey Lavrov' }],
    reason: 'a description of one person takes the person named before it as its antecedent',
  },
  {
    text: 'Rep. Gregory W. Meeks (D-N.Y.), chairman of the Congressional Black Caucus PAC, said members will help him raise cash.',
    expect: [{ contains: 'members will help him raise cash', speaker: 'Rep. Gregory W. Meeks (D-N.Y.)' }],
    reason: 'a name with a bracketed affiliation heads the appositive chain before the cue',
  },
  {
    text: 'Kall -- co-editor of Debating The Donald, a book analyzing debates -- said the candidate tended to make announcements.',
    expect: [{ contains: 'the candidate tended to make announcements', speaker: 'Kall' }],
    reason: 'an appositive set off by dashes lies between the speaker and the cue',
  },
  {
    text: 'The hearing ran late.\n\n“Is anyone in charge of this program?” Senator Ellison asked. “Nobody is.”',
    expect: [{ contains: 'Is anyone in charge', cue: 'asked', speaker: 'Senator Ellison', parts: 2 }],
    reason: 'a quotation ending in a question mark closes its sentence; the cue after it still claims it',
  },
  {
    text: '“We will cut taxes for every family,” the mayor said on Tuesday.\n\nThe mayor made the remarks at a town hall meeting in Dayton. She spoke to a crowd of supporters in the square.',
    expect: [{ contains: 'We will cut taxes', cue: 'said', speaker: 'the mayor' }],
    absent: ['town hall', 'a crowd of supporters'],
    reason: 'a light verb with a statement noun refers back to a quote, and a speaking verb with only its listeners and time says nothing',
  },
  {
    text: 'The band played “Land of Hope and Glory” before the rally.\n\n“Coal Is Not the Villain.”\n\nThe plant closed in May.',
    expect: [],
    count: 0,
    reason: 'quotations in title case are titles and subheadings, not speech',
  },
  {
    text: 'TEHRAN (FNA)- No reason to resume talks with Washington in the near future, Russian Deputy Foreign Minister Sergey Ryabkov said on Thursday.\n\nWASHINGTON -- President Obama, dedicating the museum on Saturday, said it would tell an American story.',
    expect: [
      { contains: 'No reason to resume talks', cue: 'said', speaker: 'Russian Deputy Foreign Minister Sergey Ryabkov' },
      { contains: 'it would tell an American story', cue: 'said', speaker: 'President Obama' },
    ],
    absent: ['TEHRAN'],
    reason: 'a dateline is neither part of the content nor the speaker',
  },
  {
    text: 'The minister has so far said that no decision was taken.',
    expect: [{ contains: 'no decision was taken', cue: 'said', speaker: 'The minister' }],
    reason: 'a two-word adverbial between the subject and the cue is stepped over like an auxiliary',
  },
  {
    text: 'The remark is an insult to all voters, top lawmakers said Friday afternoon, as they bristled at the questions.',
    expect: [{ contains: 'The remark is an insult', cue: 'said', speaker: 'top lawmakers' }],
    reason: 'a clause of circumstance after a trailing cue leaves the content before it',
  },
  {
    text: 'Ryabkov spoke on Monday. He said the opponents among US politicians, who understand that the sanctions have failed, want more pressure.\n\nThe delegation met Foreign Minister Sergey Lavrov, who said that Russia would wait for written answers.',
    expect: [
      { contains: 'the sanctions have failed', speaker: 'who', antecedent: null },
      { contains: 'Russia would wait for written answers', speaker: 'who', antecedent: 'Sergey Lavrov' },
    ],
    absent: ['Monday'],
    reason: 'a relative "who" refers to the phrase just before it, never to an earlier speaker; a time alone is no content',
  },
  {
    text: 'It would be naive to expect progress at the upcoming talks, Russian Deputy Foreign Minister Sergey Ryabkov, who has arrived for the Russian-US talks on security guarantees, said in an interview with TASS on Sunday.',
    expect: [{ contains: 'It would be naive to expect progress', speaker: 'Russian Deputy Foreign Minister Sergey Ryabkov' }],
    absent: ['security guarantees'],
    reason: 'a cue inside the words that describe a speaker before its verb is no attribution of its own',
  },
  {
    text: '“This is in their heads,” said Patrick Caddell, speaking of the campaign’s health worries. “It is one of the things worrying them.”\n\nThe administration may be reluctant to act before the vote, Adam Schiff said. “The other factor is how it would look to the voters.”',
    expect: [
      { contains: 'This is in their heads', speaker: 'Patrick Caddell', parts: 2 },
      { contains: 'The administration may be reluctant', speaker: 'Adam Schiff', parts: 2 },
    ],
    reason: 'a quotation after the speaker’s sentence continues the quote, past a participle hanging on the cue',
  },
  {
    text: 'When asked by the head of state whether there is a chance to reach an agreement with Western partners, the minister answered in the affirmative.',
    expect: [{ contains: 'whether there is a chance to reach an agreement', cue: 'asked', speaker: 'the head of state' }],
    reason: 'a passive question: the agent after "by" asks, and the question after it is the content',
  },
  {
    text: 'The leader of the US delegation at Monday’s talks briefed allies in Brussels about the session and stressed the security crisis was “caused by Russia” and its troop buildup.',
    expect: [{ contains: 'the security crisis was', cue: 'stressed', speaker: 'The leader of the US delegation at Monday’s talks' }],
    reason: 'a coordinated cue takes the subject of its sentence, prepositional phrases included',
  },
  {
    text: 'The museum, Mr. Obama said, would make visitors face uncomfortable truths.',
    expect: [{ contains: 'would make visitors face uncomfortable truths', cue: 'said', speaker: 'Mr. Obama', parts: 2 }],
    reason: 'an attribution set between commas inside its content: the words before it are the content’s subject',
  },
  {
    text: 'Angelique Brunner, a Washington-based developer and spokeswoman for the EB-5 Investment Coalition, which is made up of investors and developers, said many of the examples that critics point to as EB-5 investments in upscale areas failed to note that the program helped transform places that were previously economically depressed.',
    expect: [{ contains: 'many of the examples that critics point to', cue: 'said', speaker: 'Angelique Brunner' }],
    reason: 'a phrase after the cue that a clause follows is content, not an inverted speaker',
  },
  {
    text: 'In a statement, her lawyer said that was not her view.',
    expect: [{ contains: 'that was not her view', cue: 'said', speaker: 'her lawyer' }],
    reason: 'a "that" right before a finite verb is the content’s subject',
  },
  {
    text: 'Trump this week said he would consider naming Lee to the court. Peskov on Tuesday said the talks would go on.',
    expect: [
      { contains: 'he would consider naming Lee', cue: 'said', speaker: 'Trump' },
      { contains: 'the talks would go on', cue: 'said', speaker: 'Peskov' },
    ],
    reason: 'a time between the subject and the cue is not part of the speaker',
  },
  {
    text: 'Franc\u0327ois Hollande said that Europe must be able to defend itself.',
    expect: [{ contains: 'Europe must be able to defend itself', cue: 'said', speaker: 'Franc\u0327ois Hollande' }],
    reason: 'a letter written with a combining mark (decomposed "ç") stays inside its word',
  },
];

function find(quotes: QuoteMention[], contains: string): QuoteMention | undefined {
  return quotes.find((q) => q.text.includes(contains));
}

for (const c of cases) {
  test(`extractQuotes: ${c.reason}`, () => {
    const quotes = extractQuotes(c.text);
    const shown = JSON.stringify(quotes.map((q) => ({ text: q.text, kind: q.kind, cue: q.cue, speaker: q.speaker?.text })));
    for (const e of c.expect) {
      const q = find(quotes, e.contains);
      assert.ok(q, `no quote containing "${e.contains}" in ${shown}`);
      assert.equal(c.text.slice(q.start, q.end), q.text, 'text must be the span it claims');
      if (e.kind !== undefined) assert.equal(q.kind, e.kind, shown);
      if (e.cue !== undefined) assert.equal(q.cue, e.cue, shown);
      if (e.speaker !== undefined) assert.equal(q.speaker?.text ?? null, e.speaker, shown);
      if (e.antecedent !== undefined) assert.equal(q.speakerAntecedent?.text ?? null, e.antecedent, shown);
      if (e.parts !== undefined) assert.equal(q.parts.length, e.parts, shown);
      if (q.speaker) assert.equal(c.text.slice(q.speaker.start, q.speaker.end), q.speaker.text);
      if (q.cueSpan) assert.equal(c.text.slice(q.cueSpan.start, q.cueSpan.end), q.cue);
    }
    for (const a of c.absent ?? []) assert.equal(find(quotes, a), undefined, `unexpected quote "${a}" in ${shown}`);
    if (c.count !== undefined) assert.equal(quotes.length, c.count, shown);
  });
}
