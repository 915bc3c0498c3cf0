// Word lists of the entity stage: abbreviations, role and title words, organisation words, pronouns, extra places.
import type { Gender } from './types.ts';

/** Words that keep their final period (lower case, without the period). */
export const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'cmdr', 'adm', 'sgt', 'cpl', 'gov', 'sen',
  'rep', 'rev', 'fr', 'st', 'mt', 'ft', 'sr', 'jr', 'hon', 'pres', 'supt', 'insp', 'messrs', 'mme', 'mlle',
  'inc', 'corp', 'co', 'ltd', 'plc', 'bros', 'llc', 'dept', 'univ', 'assn', 'intl', 'govt', 'no', 'nos', 'vs', 'v',
  'etc', 'approx', 'est', 'fig', 'vol', 'ed', 'eds', 'pp', 'cf', 'al', 'ca', 'jan', 'feb', 'mar', 'apr', 'jun',
  'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri',
  'sat', 'sun', 'ala', 'ariz', 'ark', 'calif', 'colo', 'conn', 'del', 'fla', 'ga', 'ill', 'ind', 'kan', 'kans',
  'ky', 'la', 'md', 'mass', 'mich', 'minn', 'miss', 'mo', 'mont', 'neb', 'nev', 'okla', 'ore', 'pa', 'penn',
  'tenn', 'tex', 'va', 'vt', 'wash', 'wis', 'wyo', 'dak',
]);

/** Clitics that stand as tokens of their own. */
export const CLITICS = new Set(["'s", "n't", "'re", "'ve", "'ll", "'d", "'m", "s'"]);

/**
 * Role words that head a title before or after a person's name, with the gender the word itself tells.
 * Multi-word roles are built from these heads plus ROLE_MODIFIERS and ROLE_DOMAINS.
 */
export const ROLE_HEADS: ReadonlyMap<string, Gender | null> = new Map<string, Gender | null>([
  ['president', null], ['vice-president', null], ['president-elect', null], ['minister', null], ['premier', null],
  ['chancellor', null], ['secretary', null], ['secretary-general', null], ['undersecretary', null],
  ['under-secretary', null], ['ambassador', null], ['envoy', null], ['diplomat', null], ['consul', null],
  ['spokesman', 'male'], ['spokeswoman', 'female'], ['spokesperson', null], ['senator', null], ['governor', null],
  ['mayor', null], ['leader', null], ['chief', null], ['head', null], ['director', null], ['director-general', null],
  ['chairman', 'male'], ['chairwoman', 'female'], ['chairperson', null], ['chair', null], ['commander', null],
  ['commissioner', null], ['official', null], ['representative', null], ['negotiator', null], ['adviser', null],
  ['advisor', null], ['aide', null], ['king', 'male'], ['queen', 'female'], ['prince', 'male'],
  ['princess', 'female'], ['emir', 'male'], ['sultan', 'male'], ['sheikh', 'male'], ['pope', 'male'],
  ['cardinal', 'male'], ['archbishop', null], ['bishop', null], ['rabbi', null], ['imam', 'male'],
  ['ayatollah', 'male'], ['judge', null], ['prosecutor', null], ['attorney', null], ['lawyer', null],
  ['attorney-general', null], ['lawmaker', null], ['legislator', null], ['congressman', 'male'],
  ['congresswoman', 'female'], ['mp', null], ['deputy', null], ['speaker', null], ['general', null],
  ['colonel', null], ['lieutenant', null], ['major', null], ['captain', null], ['sergeant', null],
  ['admiral', null], ['marshal', null], ['economist', null], ['analyst', null], ['strategist', null],
  ['coach', null], ['manager', null], ['striker', null], ['midfielder', null], ['defender', null],
  ['goalkeeper', null], ['ceo', null], ['executive', null], ['founder', null], ['co-founder', null],
  ['candidate', null], ['nominee', null], ['editor', null], ['correspondent', null], ['reporter', null],
  ['columnist', null], ['professor', null], ['researcher', null], ['scientist', null], ['expert', null],
  ['actor', 'male'], ['actress', 'female'], ['singer', null], ['player', null], ['champion', null],
  ['businessman', 'male'], ['businesswoman', 'female'], ['tycoon', null], ['billionaire', null],
  ['inspector', null], ['sheriff', null], ['detective', null], ['officer', null],
  ['chief-executive', null], ['treasurer', null], ['comptroller', null], ['auditor', null], ['ombudsman', null],
  ['counsellor', null], ['counselor', null], ['attaché', null], ['delegate', null], ['mediator', null],
  ['monarch', null], ['dictator', null], ['rebel', null], ['commentator', null], ['activist', null],
  ['dissident', null], ['opposition', null], ['politician', null], ['statesman', 'male'], ['stateswoman', 'female'],
  ['ruler', null], ['patriarch', 'male'], ['metropolitan', null], ['priest', null], ['nun', 'female'],
  ['father', 'male'], ['mother', 'female'], ['husband', 'male'], ['wife', 'female'], ['son', 'male'],
  ['daughter', 'female'], ['brother', 'male'], ['sister', 'female'], ['widow', 'female'], ['widower', 'male'],
  ['man', 'male'], ['woman', 'female'], ['boy', 'male'], ['girl', 'female'], ['lady', 'female'],
  ['gentleman', 'male'], ['duke', 'male'], ['duchess', 'female'], ['lord', 'male'], ['baroness', 'female'],
  ['baron', 'male'], ['count', 'male'], ['countess', 'female'], ['emperor', 'male'], ['empress', 'female'],
  ['tsar', 'male'], ['czar', 'male'], ['shah', 'male'], ['crown prince', 'male'],
]);

/** Heads that, in a title before a name, never start the title on their own ("head of", "official" need more). */
export const WEAK_ROLE_HEADS = new Set(['head', 'man', 'woman', 'boy', 'girl', 'lady', 'gentleman', 'father', 'mother',
  'husband', 'wife', 'son', 'daughter', 'brother', 'sister', 'count', 'major', 'general', 'opposition', 'player',
  'official', 'leader', 'chief', 'deputy']);

/** Words that may stand before a role head inside a title ("Deputy Foreign Minister", "Secretary of State"). */
export const ROLE_MODIFIERS = new Set([
  'deputy', 'vice', 'first', 'second', 'foreign', 'defence', 'defense', 'interior', 'home', 'finance', 'economy',
  'economic', 'trade', 'prime', 'former', 'ex', 'acting', 'senior', 'chief', 'top', 'assistant', 'associate',
  'executive', 'general', 'special', 'permanent', 'state', 'security', 'national', 'justice', 'health',
  'education', 'energy', 'agriculture', 'transport', 'labour', 'labor', 'culture', 'environment', 'industry',
  'communications', 'information', 'press', 'military', 'army', 'navy', 'air', 'force', 'police', 'party',
  'opposition', 'presidential', 'government', 'ministry', 'foreign-policy', 'affairs', 'of', 'and', 'for',
  'lead', 'chief-executive', 'managing', 'supreme', 'high', 'grand', 'royal', 'crown', 'late', 'outgoing',
  'incoming', 'new', 'veteran', 'longtime', 'elected', 'designate', 'interim', 'caretaker', 'joint', 'news',
  'staff', 'armed', 'forces', 'intelligence', 'arms', 'control', 'nuclear', 'development', 'planning',
  'european', 'public', 'relations', 'policy', 'office', 'house', 'senate', 'white', 'majority', 'minority',
  'republican', 'democratic', 'democrat', 'conservative', 'liberal', 'labour', 'socialist', 'communist',
  'kremlin', 'pentagon', 'department', 'emergency', 'emergencies', 'economics', 'science', 'technology',
  'sports', 'youth', 'women', "women's", 'tourism', 'housing', 'welfare', 'social', 'fisheries', 'mines',
  'oil', 'petroleum', 'water', 'resources', 'land', 'regional', 'federal', 'provincial', 'city', 'district',
  'county', 'municipal', 'parliamentary', 'union', 'central', 'bank', 'treasury', 'budget', 'revenue',
  'customs', 'immigration', 'border', 'migration', 'digital', 'internal', 'external', 'relations',
]);

/** Role words whose gender is stated by themselves, for titles like "the spokeswoman". */
export function roleGender(word: string): Gender | null {
  return ROLE_HEADS.get(word.toLowerCase()) ?? null;
}

/** Honorifics before a name; they tell gender and are not part of the name. */
export const HONORIFICS: ReadonlyMap<string, Gender | null> = new Map<string, Gender | null>([
  ['mr', 'male'], ['mr.', 'male'], ['mrs', 'female'], ['mrs.', 'female'], ['ms', 'female'], ['ms.', 'female'],
  ['miss', 'female'], ['sir', 'male'], ['dame', 'female'], ['madam', 'female'], ['madame', 'female'],
  ['mme', 'female'], ['mme.', 'female'], ['dr', null], ['dr.', null], ['prof', null], ['prof.', null],
  ['herr', 'male'], ['frau', 'female'], ['monsieur', 'male'], ['senor', 'male'], ['señor', 'male'],
  ['senora', 'female'], ['señora', 'female'],
]);

/** Personal pronouns that refer back to a person, with their gender. */
export const PRONOUNS: ReadonlyMap<string, Gender> = new Map<string, Gender>([
  ['he', 'male'], ['him', 'male'], ['his', 'male'], ['himself', 'male'],
  ['she', 'female'], ['her', 'female'], ['hers', 'female'], ['herself', 'female'],
]);

/** Determiners that open a definite description referring back to a person ("the minister", "the senior diplomat"). */
export const TITLE_DETERMINERS = new Set(['the']);

/** Words allowed between "the" and a role head in a referring description ("the senior Russian diplomat"). */
export const TITLE_PREMODIFIERS = new Set([
  'senior', 'top', 'former', 'veteran', 'chief', 'deputy', 'foreign', 'prime', 'russian', 'american', 'british',
  'french', 'german', 'chinese', 'ukrainian', 'us', 'u.s.', 'new', 'outgoing', 'incoming', 'acting', 'interim',
  'kremlin', 'white', 'house', 'state', 'department', 'defence', 'defense', 'finance', 'interior', 'ministry',
  'nato', 'un', 'eu', 'vice', 'first', 'assistant', 'lead', 'european', 'western', 'soviet', 'israeli',
  'iranian', 'turkish', 'japanese', 'indian', 'italian', 'spanish', 'polish', 'brazilian', 'belarusian',
]);

/**
 * Last words of organisation names ("Gazprom Bank", "Labour Party", "Foreign Ministry"); as a feature
 * they tell the tagger that a capitalised run is likely an organisation.
 */
export const ORG_WORDS = new Set([
  'inc', 'inc.', 'corp', 'corp.', 'corporation', 'co', 'co.', 'company', 'ltd', 'ltd.', 'limited', 'plc', 'llc',
  'ag', 'sa', 'nv', 'gmbh', 'group', 'holdings', 'holding', 'bank', 'party', 'ministry', 'council', 'committee',
  'commission', 'university', 'college', 'institute', 'association', 'federation', 'union', 'agency', 'bureau',
  'department', 'office', 'fund', 'foundation', 'club', 'fc', 'united', 'city', 'rovers', 'athletic', 'airlines',
  'airways', 'motors', 'industries', 'systems', 'technologies', 'international', 'organisation', 'organization',
  'assembly', 'parliament', 'congress', 'senate', 'court', 'army', 'navy', 'police', 'service', 'services',
  'exchange', 'times', 'post', 'journal', 'news', 'press', 'television', 'radio', 'network', 'board', 'authority',
  'front', 'movement', 'alliance', 'league', 'coalition', 'brigade', 'brigades', 'forces', 'guard', 'trust',
  'securities', 'capital', 'partners', 'investments', 'energy', 'oil', 'petroleum', 'telecom', 'communications',
  'reserve', 'treasury', 'cabinet', 'government', 'administration', 'society', 'church', 'hospital', 'school',
]);

/** Places that country and city lists lack or spell differently in news text. */
export const EXTRA_PLACES = [
  'Britain', 'Great Britain', 'England', 'Scotland', 'Wales', 'Northern Ireland', 'U.S.', 'US', 'USA', 'U.S.A.',
  'America', 'UK', 'U.K.', 'Russia', 'Soviet Union', 'USSR', 'Europe', 'Asia', 'Africa', 'North America',
  'South America', 'Latin America', 'Middle East', 'Gulf', 'Persian Gulf', 'Balkans', 'Caucasus', 'Baltic',
  'Baltics', 'Scandinavia', 'Siberia', 'Crimea', 'Donbas', 'Donbass', 'Kashmir', 'Chechnya', 'Kosovo',
  'Gaza', 'Gaza Strip', 'West Bank', 'Golan Heights', 'Taiwan', 'Hong Kong', 'Macau', 'Tibet', 'Palestine',
  'Kiev', 'Kyiv', 'Washington', 'Pacific', 'Atlantic', 'Mediterranean', 'Black Sea', 'Baltic Sea', 'Arctic',
  'Antarctica', 'Eastern Europe', 'Western Europe', 'Central Europe', 'Central Asia', 'Southeast Asia',
  'Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware', 'Florida',
  'Georgia', 'Hawaii', 'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine',
  'Maryland', 'Massachusetts', 'Michigan', 'Minnesota', 'Mississippi', 'Missouri', 'Montana', 'Nebraska',
  'Nevada', 'New Hampshire', 'New Jersey', 'New Mexico', 'New York', 'North Carolina', 'North Dakota', 'Ohio',
  'Oklahoma', 'Oregon', 'Pennsylvania', 'Rhode Island', 'South Carolina', 'South Dakota', 'Tennessee', 'Texas',
  'Utah', 'Vermont', 'Virginia', 'West Virginia', 'Wisconsin', 'Wyoming', 'Ontario', 'Quebec',
  'British Columbia', 'Alberta', 'Bavaria', 'Catalonia', 'Flanders', 'Wallonia', 'Sicily', 'Sardinia',
  'Corsica', 'Bosnia', 'Herzegovina', 'Transylvania', 'Kurdistan', 'Punjab', 'Bengal',
  // Cities whose English names the city list spells in the local language or lacks.
  'Geneva', 'Cologne', 'Frankfurt', 'Hague', 'The Hague', 'Saigon', 'Bombay', 'Calcutta', 'Peking', 'Munich',
  'Naples', 'Florence', 'Venice', 'Turin', 'Milan', 'Lisbon', 'Bucharest', 'Warsaw', 'Prague', 'Belgrade',
];

/** Nationality adjectives that the nationality list lacks, with the place they point to. */
export const EXTRA_NATIONALITIES: ReadonlyArray<readonly [string, string]> = [
  ['American', 'United States'], ['U.S.', 'United States'], ['US', 'United States'], ['British', 'United Kingdom'],
  ['English', 'England'], ['Scottish', 'Scotland'], ['Welsh', 'Wales'], ['Soviet', 'Soviet Union'],
  ['European', 'Europe'], ['Palestinian', 'Palestine'], ['Taiwanese', 'Taiwan'], ['Kosovar', 'Kosovo'],
  ['Chechen', 'Chechnya'], ['Crimean', 'Crimea'], ['Kurdish', 'Kurdistan'], ['Argentine', 'Argentina'],
  ['Filipino', 'Philippines'], ['Dutch', 'Netherlands'], ['Czech', 'Czechia'], ['Slovak', 'Slovakia'],
  ['Bosnian', 'Bosnia and Herzegovina'], ['Herzegovinian', 'Bosnia and Herzegovina'], ['Serb', 'Serbia'],
  ['Croat', 'Croatia'], ['Afghani', 'Afghanistan'], ['Kazakh', 'Kazakhstan'], ['Uzbek', 'Uzbekistan'],
  ['Kyrgyz', 'Kyrgyzstan'], ['Tajik', 'Tajikistan'], ['Turkmen', 'Turkmenistan'], ['Belarusian', 'Belarus'],
  ['Belorussian', 'Belarus'], ['Moldovan', 'Moldova'], ['Emirati', 'United Arab Emirates'], ['Saudi', 'Saudi Arabia'],
  ['Iraqi', 'Iraq'], ['Iranian', 'Iran'], ['Syrian', 'Syria'], ['Lebanese', 'Lebanon'], ['Israeli', 'Israel'],
  ['Korean', 'Korea'], ['Vietnamese', 'Vietnam'], ['Laotian', 'Laos'], ['Burmese', 'Myanmar'], ['Thai', 'Thailand'],
  ['New Zealand', 'New Zealand'], ['Kiwi', 'New Zealand'], ['Congolese', 'Congo'], ['Ivorian', 'Ivory Coast'],
  ['Arab', 'Arab world'], ['Western', 'West'], ['Asian', 'Asia'], ['African', 'Africa'], ['Latin American', 'Latin America'],
  ['Baltic', 'Baltic states'], ['Balkan', 'Balkans'], ['Nordic', 'Nordic countries'], ['Ukranian', 'Ukraine'],
];

/** Organisations that news text names as a place-like actor ("the Kremlin said"); never people. */
export const INSTITUTION_NAMES = new Set(['kremlin', 'white house', 'pentagon', 'downing street', 'elysee', 'élysée',
  'quai d\'orsay', 'foggy bottom', 'capitol hill', 'whitehall', 'vatican', 'bundestag', 'duma', 'knesset']);

/** Month and weekday names: capitalised, but never names of entities by themselves. */
export const CALENDAR_WORDS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august',
  'september', 'october', 'november', 'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday',
  'saturday', 'sunday']);

/**
 * Role words a definite description may stand for beyond its own head word: "the diplomat" can be a
 * foreign minister or an ambassador. Heads not listed here match roles that contain the head itself.
 */
export const TITLE_FAMILIES: ReadonlyMap<string, readonly string[]> = new Map([
  ['diplomat', ['minister', 'ambassador', 'envoy', 'diplomat', 'negotiator', 'consul', 'secretary', 'attaché', 'delegation']],
  ['envoy', ['envoy', 'ambassador', 'representative', 'negotiator']],
  ['spokesman', ['spokesman', 'spokesperson', 'spokeswoman', 'press secretary']],
  ['spokeswoman', ['spokeswoman', 'spokesperson', 'spokesman', 'press secretary']],
  ['spokesperson', ['spokesman', 'spokesperson', 'spokeswoman', 'press secretary']],
  ['leader', ['president', 'prime minister', 'premier', 'chancellor', 'leader', 'king', 'queen', 'chairman', 'head']],
  ['lawmaker', ['senator', 'congressman', 'congresswoman', 'lawmaker', 'legislator', 'mp', 'deputy', 'representative']],
  ['negotiator', ['negotiator', 'minister', 'envoy', 'diplomat', 'delegation']],
  ['chief', ['chief', 'head', 'director', 'chairman']],
  ['senator', ['senator']],
]);

/** Titles too vague to point back to anyone ("the man", "the head", "the deputy"). */
export const NON_REFERRING_TITLES = new Set(['head', 'father', 'mother', 'husband', 'wife', 'son', 'daughter',
  'brother', 'sister', 'count', 'major', 'general', 'opposition', 'deputy', 'chair', 'speaker',
  'player', 'rebel', 'activist', 'expert', 'analyst', 'official', 'executive', 'delegate', 'representative']);

/**
 * Spelling rules that bring transliteration variants of one name to one key ("Sergei"/"Sergey",
 * "Dmitriy"/"Dmitry", "Aleksey"/"Alexey", "Zelenskyy"/"Zelensky"); applied per word, in order.
 */
export const TRANSLITERATION_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/ks/g, 'x'],
  [/^ye/, 'e'],
  [/(?:iy|yy|ij|ii)$/, 'y'],
  [/ei$/, 'ey'],
  [/ai$/, 'ay'],
  [/([^aeiouy])i$/, '$1y'],
];

/** Words in a title that describe rather than name an office: "the senior diplomat" needs no "senior" in the role. */
export const TITLE_DESCRIPTIVE = new Set(['senior', 'top', 'former', 'veteran', 'new', 'outgoing', 'incoming',
  'acting', 'interim', 'longtime', 'chief', 'lead', 'first']);

/** Titles that may point to a person whose role the text never stated ("the diplomat" for a named delegate). */
export const VAGUE_TITLES = new Set(['diplomat', 'negotiator', 'envoy', 'lawmaker', 'politician', 'leader']);

/** Nouns of institutions that, inside a title, end the affiliation: "Russian Foreign Ministry | spokeswoman". */
export const INSTITUTION_NOUNS = new Set(['ministry', 'department', 'office', 'council', 'committee', 'commission',
  'party', 'agency', 'service', 'bureau', 'parliament', 'senate', 'duma', 'government', 'administration', 'staff']);

/** Reporting verbs: a name next to one is a speaker, which makes the person more salient. */
export const REPORTING_VERBS = new Set(['said', 'says', 'told', 'tells', 'added', 'adds', 'noted', 'notes', 'explained',
  'stated', 'insisted', 'stressed', 'emphasised', 'emphasized', 'pointed', 'argued', 'warned', 'claimed', 'declared',
  'announced', 'replied', 'answered', 'recalled', 'concluded', 'continued', 'asked', 'wrote', 'tweeted', 'believes',
  'believed', 'thinks', 'described', 'acknowledged', 'admitted', 'denied', 'confirmed', 'suggested', 'urged']);
