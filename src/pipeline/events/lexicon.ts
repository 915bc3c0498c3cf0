// Event triggers: words that make a dated sentence report something that happened (or is scheduled), by kind.

export type EventKind = 'meeting' | 'statement' | 'publication' | 'submission' | 'vote' | 'bill' | 'discussion' | 'visit' | 'other';

/** Words naming a meeting; also used to date undated articles by the meeting a weekday refers to. */
export const MEETING_WORDS = ['talks', 'meeting', 'meetings', 'met', 'meet', 'meets', 'summit', 'consultations', 'session', 'round', 'rounds', 'negotiations', 'council', 'conference', 'dialogue'];
const MEETING_WORDS_LIST = MEETING_WORDS.join('|');

/** Trigger patterns per kind, matched case-insensitively on word boundaries; first matching kind wins, so order matters. */
export const TRIGGERS: Array<[EventKind, RegExp]> = [
  ['bill', /\b(bill|bills|legislation|draft law|introduced|sanctions package)\b/i],
  ['vote', /\b(vote|voted|votes|voting|ballot|referendum|elections?)\b/i],
  ['publication', /\b(published|publish|publishes|made public|make public|released|unveiled|drafts?)\b/i],
  ['submission', /\b(submitted|submit|handed over|delivered|sent (?:its|their|a) (?:response|reply|proposals?))\b/i],
  ['meeting', new RegExp(`\\b(?:${MEETING_WORDS_LIST})\\b`, 'i')],
  ['discussion', /\b(discussed|discuss|phone call|telephone conversation|spoke with|talked)\b/i],
  ['visit', /\b(visit|visited|visits|arrived|arrives|trip)\b/i],
  ['statement', /\b(said|says|stated|told|announced|declared|stressed|noted|warned|insisted|emphasi[sz]ed|statement|interview|press conference|briefing)\b/i],
];

/** Words that mark a sentence as background rather than an event report (hypotheticals, habits). */
export const NON_EVENT = /^\W*(?:if|unless|whenever)\b|\b(?:every (?:day|week|month|year)|each year|annually)\b/i;
