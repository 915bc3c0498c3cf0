// Event triggers: words that make a dated sentence report something that happened (or is scheduled), by kind.

export type EventKind = 'meeting' | 'statement' | 'publication' | 'submission' | 'vote' | 'bill' | 'discussion' | 'visit' | 'other';

/** Trigger patterns per kind, matched case-insensitively on word boundaries; first matching kind wins, so order matters. */
export const TRIGGERS: Array<[EventKind, RegExp]> = [
  ['bill', /\b(bill|bills|legislation|draft law|introduced|sanctions package)\b/i],
  ['vote', /\b(vote|voted|votes|voting|ballot|referendum|elections?)\b/i],
  ['publication', /\b(published|publish|publishes|made public|make public|released|unveiled|drafts?)\b/i],
  ['submission', /\b(submitted|submit|handed over|delivered|sent (?:its|their|a) (?:response|reply|proposals?))\b/i],
  ['meeting', /\b(talks|meeting|meetings|met|meet|meets|summit|consultations|session|round|negotiations|council|conference|dialogue|rounds)\b/i],
  ['discussion', /\b(discussed|discuss|phone call|telephone conversation|spoke with|talked)\b/i],
  ['visit', /\b(visit|visited|visits|arrived|arrives|trip)\b/i],
  ['statement', /\b(said|says|stated|told|announced|declared|stressed|noted|warned|insisted|emphasi[sz]ed|statement|interview|press conference|briefing)\b/i],
];

/** Words that mark a sentence as background rather than an event report (hypotheticals, habits). */
export const NON_EVENT = /\b(if|would|could|whether|every|each year|annually)\b/i;
