// Word lists for attribution: cue verbs and phrases with their inflections, and the function words the span rules read.

/** Inflected forms of a regular verb lemma: base, third person, past, gerund. */
function inflect(lemma: string, past?: string): string[] {
  const base = lemma;
  const third = /(s|sh|ch|x|z)$/.test(base) ? `${base}es` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ies` : `${base}s`;
  const stem = base.endsWith('e') && !base.endsWith('ee') ? base.slice(0, -1) : base;
  const regularPast = /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ied` : base.endsWith('e') ? `${base}d` : `${base}ed`;
  const gerund = base.endsWith('ie') ? `${base.slice(0, -2)}ying` : `${stem}ing`;
  return [base, third, past ?? regularPast, gerund];
}

/** Irregular or consonant-doubling past forms (the lemma's other forms follow the rules above). */
const IRREGULAR: Record<string, string[]> = {
  say: ['say', 'says', 'said', 'saying'],
  tell: ['tell', 'tells', 'told', 'telling'],
  write: ['write', 'writes', 'wrote', 'writing', 'written'],
  think: ['think', 'thinks', 'thought', 'thinking'],
  speak: ['speak', 'speaks', 'spoke', 'speaking', 'spoken'],
  find: ['find', 'finds', 'found', 'finding'],
  show: ['show', 'shows', 'showed', 'showing', 'shown'],
  know: ['know', 'knows', 'knew', 'knowing', 'known'],
  see: ['see', 'sees', 'saw', 'seeing', 'seen'],
  feel: ['feel', 'feels', 'felt', 'feeling'],
  hold: ['hold', 'holds', 'held', 'holding'],
  admit: ['admit', 'admits', 'admitted', 'admitting'],
  quip: ['quip', 'quips', 'quipped', 'quipping'],
  tweet: ['tweet', 'tweets', 'tweeted', 'tweeting'],
  forecast: ['forecast', 'forecasts', 'forecast', 'forecasting'],
  read: ['read', 'reads', 'read', 'reading'],
  put: ['put', 'puts', 'put', 'putting'],
  rebut: ['rebut', 'rebuts', 'rebutted', 'rebutting'],
  swear: ['swear', 'swears', 'swore', 'swearing', 'sworn'],
  teach: ['teach', 'teaches', 'taught', 'teaching'],
  bet: ['bet', 'bets', 'bet', 'betting'],
  seek: ['seek', 'seeks', 'sought', 'seeking'],
  plan: ['plan', 'plans', 'planned', 'planning'],
  label: ['label', 'labels', 'labeled', 'labelled', 'labeling', 'labelling'],
  rate: ['rate', 'rates', 'rated', 'rating'],
  fight: ['fight', 'fights', 'fought', 'fighting'],
  bring: ['bring', 'brings', 'brought', 'bringing'],
  understand: ['understand', 'understands', 'understood', 'understanding'],
  forget: ['forget', 'forgets', 'forgot', 'forgetting', 'forgotten'],
  mean: ['mean', 'means', 'meant', 'meaning'],
  prefer: ['prefer', 'prefers', 'preferred', 'preferring'],
  regret: ['regret', 'regrets', 'regretted', 'regretting'],
  commit: ['commit', 'commits', 'committed', 'committing'],
  refer: ['refer', 'refers', 'referred', 'referring'],
  omit: ['omit', 'omits', 'omitted', 'omitting'],
  slam: ['slam', 'slams', 'slammed', 'slamming'],
  rip: ['rip', 'rips', 'ripped', 'ripping'],
  plead: ['plead', 'pleads', 'pleaded', 'pled', 'pleading'],
  dread: ['dread', 'dreads', 'dreaded', 'dreading'],
  forbid: ['forbid', 'forbids', 'forbade', 'forbidding', 'forbidden'],
  foresee: ['foresee', 'foresees', 'foresaw', 'foreseeing', 'foreseen'],
  overlook: ['overlook', 'overlooks', 'overlooked', 'overlooking'],
  lay: ['lay', 'lays', 'laid', 'laying'],
  tout: ['tout', 'touts', 'touted', 'touting'],
  hint: ['hint', 'hints', 'hinted', 'hinting'],
};

/**
 * Verbs of saying, writing and stance that introduce reported content in news text. Reporting verbs
 * come first; stance verbs (believe, want, expect) are attributions in the annotation scheme the
 * project measures against (PolNeAR), which counts beliefs and intentions as well as speech.
 */
export const CUE_VERB_LEMMAS = [
  // saying and writing
  'say', 'tell', 'add', 'note', 'stress', 'insist', 'explain', 'outline', 'deny', 'warn', 'claim', 'argue',
  'announce', 'state', 'declare', 'write', 'tweet', 'post', 'report', 'ask', 'reply', 'respond', 'answer',
  'acknowledge', 'admit', 'suggest', 'predict', 'recall', 'complain', 'concede', 'confirm', 'contend',
  'emphasise', 'emphasize', 'assert', 'allege', 'maintain', 'mention', 'observe', 'remark', 'reiterate',
  'repeat', 'reveal', 'urge', 'vow', 'promise', 'pledge', 'threaten', 'accuse', 'blame', 'criticise',
  'criticize', 'praise', 'describe', 'call', 'caution', 'counter', 'estimate', 'conclude', 'continue',
  'testify', 'quip', 'joke', 'agree', 'disagree', 'dispute', 'question', 'wonder', 'speculate', 'propose',
  'recommend', 'demand', 'signal', 'indicate', 'charge', 'dismiss', 'reject', 'decry', 'lament', 'boast',
  'brag', 'clarify', 'underline', 'underscore', 'highlight', 'assure', 'reassure', 'inform', 'advise',
  'cite', 'quote', 'email', 'speak', 'elaborate', 'comment', 'declare', 'exclaim', 'retort', 'scoff',
  'shout', 'yell', 'chant', 'sing', 'mock', 'attack', 'slam', 'blast', 'defend', 'endorse', 'condemn',
  'denounce', 'hail', 'welcome', 'applaud', 'lambast', 'rebut', 'swear', 'forecast', 'read', 'disclose',
  'specify', 'summarise', 'summarize', 'guarantee', 'affirm', 'reaffirm', 'proclaim', 'recount', 'relate',
  'acknowledge', 'concur', 'object', 'protest', 'plead', 'beg', 'demand', 'request', 'order', 'instruct',
  // knowing, believing, wanting
  'think', 'believe', 'hope', 'fear', 'expect', 'want', 'worry', 'feel', 'know', 'doubt', 'assume',
  'suspect', 'reckon', 'imagine', 'hold', 'consider', 'view', 'see', 'plan', 'intend', 'seek', 'wish',
  // evidence
  'show', 'find', 'suggest', 'indicate', 'reveal', 'estimate', 'conclude', 'project', 'forecast',
  // judging, backing and opposing (the annotation scheme counts stances toward a proposition)
  'support', 'back', 'oppose', 'favor', 'favour', 'endorse', 'champion', 'tout', 'promote', 'advocate',
  'label', 'dub', 'brand', 'characterize', 'characterise', 'portray', 'depict', 'rate', 'rank', 'deem',
  'liken', 'compare', 'mock', 'ridicule', 'deride', 'scorn', 'lambaste', 'rip', 'chide', 'rebuke',
  'scold', 'fault', 'castigate', 'excoriate', 'berate', 'assail', 'target', 'challenge', 'contest',
  'refute', 'deny', 'reject', 'repudiate', 'disavow', 'distance', 'embrace', 'accept', 'acknowledge',
  'recognize', 'recognise', 'credit', 'thank', 'congratulate', 'commend', 'laud', 'celebrate', 'tout',
  'complain', 'grumble', 'gripe', 'bemoan', 'deplore', 'regret', 'apologize', 'apologise', 'concede',
  // intending, deciding, committing
  'plan', 'intend', 'aim', 'decide', 'choose', 'refuse', 'decline', 'agree', 'pledge', 'promise', 'vow',
  'commit', 'threaten', 'offer', 'volunteer', 'try', 'attempt', 'hope', 'prefer', 'seek', 'demand',
  'call', 'push', 'press', 'lobby', 'campaign', 'insist', 'require', 'allow', 'permit', 'forbid', 'ban',
  // knowing, perceiving, feeling
  'realize', 'realise', 'learn', 'discover', 'notice', 'recognize', 'understand', 'remember', 'forget',
  'worry', 'fret', 'dread', 'fear', 'welcome', 'like', 'love', 'hate', 'dislike', 'enjoy', 'appreciate',
  'guess', 'figure', 'presume', 'suppose', 'surmise', 'foresee', 'anticipate', 'envision', 'envisage',
  'mean', 'imply', 'hint', 'insinuate', 'contemplate', 'ponder', 'weigh', 'question', 'doubt',
  // reporting and documenting
  'document', 'detail', 'chronicle', 'record', 'publish', 'release', 'disclose', 'leak', 'uncover',
  'reference', 'refer', 'mention', 'omit', 'overlook', 'ignore', 'raise', 'address', 'discuss', 'debate',
  'talk', 'list', 'lay', 'unveil', 'present', 'introduce', 'issue', 'file', 'sue', 'rule', 'order',
  'investigate', 'probe', 'examine', 'review', 'study', 'survey', 'poll', 'measure', 'calculate',
  'sign', 'veto', 'pass', 'approve', 'vote', 'stress', 'underscore', 'echo', 'parrot', 'paraphrase',
];

/**
 * Words the tagger may take for a cue that attribute nothing: "so-called" marks a term as someone else's
 * without a speaker or a statement (PolNeAR's training split marks 1 of its 33 uses as a cue).
 */
export const NON_CUES = new Set(['so-called', 'so‑called']);

/** Multi-word cues whose first word alone would not be one ("point out", "according to"). */
export const CUE_PHRASES: string[][] = [
  ['according', 'to'], ['point', 'out'], ['points', 'out'], ['pointed', 'out'], ['pointing', 'out'],
  ['went', 'on', 'to', 'say'], ['goes', 'on', 'to', 'say'], ['in', 'the', 'words', 'of'],
  ['made', 'clear'], ['make', 'clear'], ['makes', 'clear'], ['making', 'clear'],
  ['made', 'the', 'case'], ['spelled', 'out'], ['laid', 'out'], ['lays', 'out'], ['set', 'out'],
  ['took', 'aim', 'at'], ['weighed', 'in'], ['chimed', 'in'], ['piped', 'up'],
];

/** Cues whose source follows them and whose content is the rest of the clause ("according to X, ..."). */
export const SOURCE_FIRST_CUES: string[][] = [
  ['according', 'to'], ['in', 'the', 'words', 'of'], ['per'], ['citing'], ['quoting'],
];

export const CUE_WORD_FORMS: Set<string> = new Set(
  CUE_VERB_LEMMAS.flatMap((lemma) => IRREGULAR[lemma] ?? inflect(lemma)),
);

/** The lemma of each cue word form ("said" -> "say"), so that evidence about one form carries to the others. */
export const CUE_LEMMA_OF: Map<string, string> = new Map(
  CUE_VERB_LEMMAS.flatMap((lemma) => (IRREGULAR[lemma] ?? inflect(lemma)).map((form) => [form, lemma] as [string, string])),
);

/**
 * Speech verbs that may come before their subject ("..., said Peskov", "“...,” wrote the senator"). Other
 * verbs followed by a noun phrase after a comma take it as their object ("..., derided the deal").
 * The inverted attributions of PolNeAR's training split use said, says, wrote, added, asked, tweeted,
 * explained, replied, recalled and declared; the rest are speech verbs news writing inverts the same way.
 */
export const INVERTING_VERBS: Set<string> = new Set(
  ['say', 'add', 'write', 'ask', 'tweet', 'explain', 'reply', 'recall', 'declare', 'continue', 'note', 'insist',
    'argue', 'warn', 'quip', 'respond', 'answer', 'counter', 'retort', 'concede', 'acknowledge', 'observe',
    'remark', 'exclaim', 'joke', 'muse', 'wonder', 'complain', 'predict', 'conclude', 'confirm', 'admit', 'boast']
    .flatMap((lemma) => IRREGULAR[lemma] ?? inflect(lemma)),
);

/** Verbs that take the listener as object before the content ("told reporters that ..."). */
export const LISTENER_VERBS: Set<string> = new Set(
  ['tell', 'ask', 'assure', 'reassure', 'inform', 'advise', 'warn', 'remind', 'urge', 'brief', 'promise', 'teach', 'beg', 'instruct', 'order']
    .flatMap((lemma) => IRREGULAR[lemma] ?? inflect(lemma)),
);

/** Words that open a reported clause after a cue. */
export const COMPLEMENTIZERS = new Set(['that', 'how', 'whether', 'why', 'what', 'when', 'where', 'who', 'if', 'which']);

/** Words between a subject and its cue verb that belong to neither ("Lavrov also said", "has repeatedly said"). */
export const AUXILIARIES = new Set([
  'has', 'have', 'had', 'also', 'further', 'later', 'previously', 'repeatedly', 'recently', 'once', 'would',
  'will', 'did', 'does', 'do', 'is', 'was', 'are', 'were', 'be', 'been', 'then', 'again', 'publicly',
  'privately', 'not', "n't", 'never', 'already', 'often', 'frequently', 'earlier', 'still', 'reportedly',
  'allegedly', 'initially', 'originally', 'separately', 'subsequently', 'similarly', 'likewise', 'may',
  'might', 'could', 'should', 'can', 'must', 'flatly', 'firmly', 'strongly', 'openly', 'explicitly',
  'directly', 'specifically', 'simply', 'just', 'even', 'himself', 'herself', 'themselves', 'itself',
  'first', 'last', 'yesterday', 'today', 'ago', 'always', 'usually', 'generally', 'clearly', 'correctly',
  'falsely', 'wrongly', 'accurately', 'bluntly', 'pointedly', 'angrily', 'calmly', 'quietly', 'loudly',
  // contracted auxiliaries split from a pronoun by the tokenizer ("he’s said")
  '’s', "'s", '’re', "'re", '’ve', "'ve", '’ll', "'ll", '’d', "'d", '’m', "'m",
]);

/** Personal pronouns that can be the speaker of a quote; the entities stage resolves them. */
export const SPEAKER_PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'you', 'it', 'who', 'which']);

/** Words that end a noun phrase read backwards from a cue (the subject never reaches past them). */
export const NP_BOUNDARY_WORDS = new Set([
  'that', 'and', 'but', 'or', 'because', 'when', 'while', 'as', 'if', 'after', 'before', 'since', 'though',
  'although', 'where', 'so', 'than', 'until', 'unless', 'whereas', 'yet', 'then', 'said', 'says', 'told',
  'is', 'was', 'are', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did', 'not',
  'to', 'in', 'on', 'at', 'with', 'by', 'from', 'into', 'over', 'about', 'during', 'against', 'among',
  'through', 'under', 'without', 'within', 'upon', 'toward', 'towards', 'across', 'behind', 'beyond',
]);

/** Words that end a source phrase read forwards after an inverted cue ("said Peskov on Tuesday"). */
export const NP_FORWARD_STOPS = new Set([
  'on', 'in', 'at', 'during', 'after', 'before', 'when', 'while', 'as', 'who', 'which', 'that', 'and',
  'but', 'because', 'since', 'last', 'this', 'earlier', 'later', 'yesterday', 'today', 'tonight',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'adding', 'noting',
  'saying', 'referring', 'speaking', 'told', 'said', 'says', 'with', 'via', 'through',
]);

/** Finite verbs that show a phrase after a cue is a clause, not the speaker ("said the states were"). */
export const FINITE_VERBS = new Set([
  'is', 'was', 'are', 'were', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should', 'must',
  'may', 'might', 'did', 'does', 'do', "isn't", "wasn't", "won't", "can't", 'isn’t', 'wasn’t', 'won’t', 'can’t',
]);

/** Time and setting words that may sit between a cue and its content ("said on Wednesday that"). */
export const CUE_ADVERBIALS = new Set([
  'on', 'in', 'at', 'during', 'last', 'this', 'earlier', 'later', 'late', 'yesterday', 'today', 'tonight',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'morning', 'afternoon',
  'evening', 'night', 'week', 'month', 'year', 'a', 'an', 'the', 'statement', 'interview', 'with', 'press',
  'conference', 'briefing', 'recently', 'previously', 'also', 'repeatedly', 'again', 'then', 'further',
  'publicly', 'privately', 'flatly', 'firmly', 'strongly', 'openly', 'bluntly', 'simply', 'it', 'reporters',
]);

/** Abbreviations whose period does not end a sentence. */
export const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'maj', 'capt', 'cmdr', 'adm',
  'sgt', 'st', 'jr', 'sr', 'rev', 'hon', 'pres', 'supt', 'messrs', 'mmes', 'no', 'vs', 'v', 'etc', 'inc',
  'ltd', 'co', 'corp', 'dept', 'univ', 'jan', 'feb', 'mar', 'apr', 'aug', 'sept', 'sep', 'oct', 'nov',
  'dec', 'ala', 'ariz', 'ark', 'calif', 'colo', 'conn', 'del', 'fla', 'ga', 'ill', 'ind', 'kan', 'ky',
  'la', 'md', 'mass', 'mich', 'minn', 'miss', 'mo', 'mont', 'neb', 'nev', 'okla', 'ore', 'pa', 'tenn',
  'tex', 'va', 'vt', 'wash', 'wis', 'wyo', 'approx', 'est', 'fig', 'al', 'ft', 'mt', 'gens', 'reps',
  'sens', 'govs', 'u.s', 'u.k', 'u.n', 'e.g', 'i.e', 'a.m', 'p.m',
]);

/** Titles that make a following capitalised word a person ("Sen. Warren", "President Putin"). */
export const PERSON_TITLES = new Set([
  'mr.', 'mrs.', 'ms.', 'dr.', 'prof.', 'sen.', 'rep.', 'gov.', 'gen.', 'lt.', 'col.', 'president',
  'senator', 'governor', 'minister', 'secretary', 'spokesman', 'spokeswoman', 'spokesperson', 'ambassador',
  'chancellor', 'premier', 'prime', 'deputy', 'chairman', 'chairwoman', 'director', 'judge', 'justice',
  'mayor', 'speaker', 'leader', 'chief', 'commander', 'general', 'admiral', 'pope', 'king', 'queen',
  'prince', 'princess', 'sheikh', 'rabbi', 'imam', 'father', 'sister', 'professor', 'diplomat', 'envoy',
]);

/** Capitalised words that are not names: sentence openers, days, months, and pronouns. */
export const NAME_STOPWORDS = new Set([
  'the', 'a', 'an', 'in', 'on', 'at', 'but', 'and', 'or', 'if', 'when', 'while', 'as', 'for', 'to', 'of',
  'he', 'she', 'it', 'they', 'we', 'i', 'you', 'his', 'her', 'their', 'our', 'my', 'its', 'this', 'that',
  'these', 'those', 'there', 'here', 'what', 'who', 'why', 'how', 'after', 'before', 'since', 'so', 'yet',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february',
  'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan.', 'feb.', 'aug.', 'sept.', 'oct.', 'nov.', 'dec.', 'however', 'meanwhile', 'also', 'still', 'now',
  'according', 'by', 'with', 'from', 'about', 'we’re', "we're", 'it’s', "it's", 'no', 'not', 'all',
]);

/** Capitalised words that mark an organisation, place or role rather than a person's name. */
export const NON_PERSON_NAME_WORDS = new Set([
  'ministry', 'department', 'council', 'house', 'states', 'union', 'nations', 'party', 'committee', 'office',
  'agency', 'court', 'senate', 'congress', 'news', 'times', 'post', 'press', 'organization', 'organisation',
  'alliance', 'kremlin', 'government', 'administration', 'commission', 'bank', 'group', 'campaign',
  'institute', 'university', 'center', 'centre', 'foundation', 'association', 'federation', 'republic',
  'kingdom', 'forces', 'army', 'navy', 'police', 'service', 'bureau', 'company', 'corporation', 'journal',
  'network', 'television', 'radio', 'channel', 'foreign', 'affairs', 'defense', 'defence', 'security',
  'national', 'federal', 'state', 'united', 'european', 'american', 'russian', 'chinese', 'ukrainian',
  'british', 'french', 'german', 'western', 'eastern', 'northern', 'southern', 'democratic', 'republican',
  'democrat', 'democrats', 'republicans', 'white', 'street', 'county', 'city', 'league', 'council',
  'treaty', 'summit', 'talks', 'conference', 'world', 'international', 'global', 'general', 'assembly',
]);

/** Participles that hand over to a new attribution after a comma. */
export const HANDOVER_PARTICIPLES = new Set([
  'adding', 'saying', 'noting', 'arguing', 'telling', 'calling', 'insisting', 'explaining', 'stressing',
  'warning', 'claiming', 'suggesting', 'writing', 'asking', 'citing', 'acknowledging', 'referring',
  'describing', 'urging', 'declaring', 'accusing', 'pointing', 'emphasizing', 'emphasising', 'recalling',
  'predicting', 'complaining', 'conceding', 'promising', 'vowing', 'tweeting', 'questioning', 'criticizing',
]);

/** Headline labels before a colon that announce the kind of item rather than name a speaker ("The Latest: ..."). */
export const HEADLINE_KICKERS = new Set([
  'the latest', 'latest', 'breaking', 'breaking news', 'exclusive', 'watch', 'look', 'wow', 'boom', 'busted', 'revealed',
  'bombshell', 'just leaked', 'leaked', 'update', 'live', 'analysis', 'opinion', 'editorial', 'byline', 'paid notice',
  'fact check', 'explainer', 'video', 'photos', 'report card', 'delegate update', 'first on cnn',
]);

/** Verbs of speaking that can name the occasion alone ("spoke to a gathering", "talked for an hour"). */
export const SPEAKING_VERBS: Set<string> = new Set(['speak', 'talk'].flatMap((lemma) => IRREGULAR[lemma] ?? inflect(lemma)));

/** Words that bring in what was spoken of anywhere after a speaking verb ("spoke to reporters about ..."). */
export const TOPIC_WORDS = new Set(['about', 'that', 'regarding', 'concerning']);

/** Prepositions that bring in a topic right after a speaking verb ("spoke of", "spoke on"), not further on ("a crowd of"). */
export const TOPIC_PREPOSITIONS = new Set(['of', 'on']);

/** Forms of "make", the light verb of "made the comments": its object names a statement given elsewhere. */
export const LIGHT_VERBS = new Set(['make', 'makes', 'made', 'making']);

/** Nouns for a statement as a whole, which a light verb's object may name without giving its words. */
export const STATEMENT_NOUNS = new Set([
  'comment', 'comments', 'remark', 'remarks', 'statement', 'statements', 'announcement', 'announcements',
  'pledge', 'pledges', 'promise', 'promises', 'vow', 'vows', 'claim', 'claims', 'assertion', 'assertions',
  'accusation', 'accusations', 'admission', 'prediction', 'predictions',
]);

/** Words joining two verbs of one subject ("urged X and criticized Y"). */
export const COORDINATORS = new Set(['and', 'but', 'or']);
