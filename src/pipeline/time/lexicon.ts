// Word lists for temporal expressions: calendar names, numbers, units, vague references, modifiers and tense cues.
import type { TimexMod } from './types.ts';

/** Month names and abbreviations (lower case, without the period) → month number. */
export const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5,
  june: 6, jun: 6, july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9,
  october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};

/** Month words that are also common English words: recognised only when capitalised and in a dated frame. */
export const AMBIGUOUS_MONTHS = new Set(['may', 'march', 'jan', 'mar', 'jun', 'dec', 'sep']);

/** Weekday names → ISO weekday (Monday 1). */
export const WEEKDAYS: Record<string, number> = {
  monday: 1, mon: 1, tuesday: 2, tues: 2, tue: 2, wednesday: 3, wed: 3, thursday: 4, thurs: 4, thu: 4,
  friday: 5, fri: 5, saturday: 6, sat: 6, sunday: 7, sun: 7,
};

/** Number words up to the tens; compounds ("twenty-four") are summed by the parser. */
export const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90, hundred: 100, thousand: 1000, dozen: 12, 'a dozen': 12, 'a hundred': 100,
  'one hundred': 100, 'a thousand': 1000, 'a couple of': 2, 'a couple': 2, couple: 2,
};

/** Quantities that name no number: TimeML writes them as X ("several years" → PXY). */
export const VAGUE_QUANTITIES = ['several', 'a few', 'few', 'many', 'some', 'numerous', 'the past few', 'a number of'];

/** Ordinal words → number (quarters, halves, centuries, "the second day"). */
export const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16,
  seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20, 'twenty-first': 21, last: -1, final: -1,
};

export interface UnitInfo {
  /** TIMEX3 duration letter: Y M W D H (hour) MIN S Q (quarter) DE (decade) CE (century). */
  code: 'Y' | 'M' | 'W' | 'D' | 'H' | 'MIN' | 'S' | 'Q' | 'DE' | 'CE' | 'WE';
}

/** Duration units (singular and plural) → unit. */
export const UNITS: Record<string, UnitInfo> = {
  year: { code: 'Y' }, years: { code: 'Y' }, month: { code: 'M' }, months: { code: 'M' },
  week: { code: 'W' }, weeks: { code: 'W' }, day: { code: 'D' }, days: { code: 'D' },
  'trading day': { code: 'D' }, 'trading days': { code: 'D' }, 'business day': { code: 'D' }, 'business days': { code: 'D' },
  hour: { code: 'H' }, hours: { code: 'H' }, minute: { code: 'MIN' }, minutes: { code: 'MIN' },
  second: { code: 'S' }, seconds: { code: 'S' }, quarter: { code: 'Q' }, quarters: { code: 'Q' },
  decade: { code: 'DE' }, decades: { code: 'DE' }, century: { code: 'CE' }, centuries: { code: 'CE' },
  weekend: { code: 'WE' }, weekends: { code: 'WE' },
};

/** Season words → TIMEX3 season code. */
export const SEASONS: Record<string, string> = {
  spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI',
};

/** Parts of the day → TIMEX3 part-of-day code. */
export const PARTS_OF_DAY: Record<string, string> = {
  morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', overnight: 'NI', noon: '12:00',
  midday: '12:00', midnight: '24:00',
};

/** Fixed-date holidays → month-day; computed ones are named in MOVABLE_HOLIDAYS. */
export const FIXED_HOLIDAYS: Record<string, [number, number]> = {
  'christmas day': [12, 25], christmas: [12, 25], 'christmas eve': [12, 24],
  "new year's day": [1, 1], "new year's eve": [12, 31], 'independence day': [7, 4],
  halloween: [10, 31], "valentine's day": [2, 14], 'veterans day': [11, 11], 'boxing day': [12, 26],
};

/** Holidays fixed by weekday rules: [month, ISO weekday, nth (-1 = last)], or 'easter'/'election'. */
export const MOVABLE_HOLIDAYS: Record<string, [number, number, number] | 'easter' | 'good friday' | 'election'> = {
  thanksgiving: [11, 4, 4], 'thanksgiving day': [11, 4, 4], 'labor day': [9, 1, 1], 'memorial day': [5, 1, -1],
  'martin luther king day': [1, 1, 3], "presidents' day": [2, 1, 3], 'mother\'s day': [5, 7, 2],
  "father's day": [6, 7, 3], easter: 'easter', 'easter sunday': 'easter', 'good friday': 'good friday',
  'election day': 'election',
};

/** Words for the present, past and future that TimeML values as PRESENT_REF / PAST_REF / FUTURE_REF. */
export const VAGUE_REFERENCES: Record<string, 'PRESENT_REF' | 'PAST_REF' | 'FUTURE_REF'> = {
  now: 'PRESENT_REF', 'right now': 'PRESENT_REF', 'just now': 'PRESENT_REF', currently: 'PRESENT_REF',
  'these days': 'PRESENT_REF', nowadays: 'PRESENT_REF', 'at present': 'PRESENT_REF', presently: 'PRESENT_REF',
  'the present': 'PRESENT_REF', 'at the moment': 'PRESENT_REF',
  current: 'PRESENT_REF',
  recently: 'PAST_REF', 'more recently': 'PAST_REF', 'most recently': 'PAST_REF',
  'the past': 'PAST_REF',
  'recent years': 'PAST_REF', 'the recent past': 'PAST_REF', 'the old days': 'PAST_REF',
  'the future': 'FUTURE_REF', soon: 'FUTURE_REF', 'the near future': 'FUTURE_REF',
  'the near term': 'FUTURE_REF', 'the short term': 'FUTURE_REF', 'the long term': 'FUTURE_REF',
  'the coming days': 'FUTURE_REF', 'the upcoming days': 'FUTURE_REF', 'the days ahead': 'FUTURE_REF',
  'the coming months': 'FUTURE_REF', 'coming months': 'FUTURE_REF', 'the months ahead': 'FUTURE_REF',
  'a later date': 'FUTURE_REF', 'as soon as possible': 'FUTURE_REF',
  'future quarters': 'FUTURE_REF', 'coming quarters': 'FUTURE_REF', 'the coming quarters': 'FUTURE_REF',
  'upcoming days': 'FUTURE_REF', 'the upcoming weeks': 'FUTURE_REF', 'the upcoming months': 'FUTURE_REF',
  'coming days': 'FUTURE_REF',
};

/** Words before a quantity that set TIMEX3 `mod` ("nearly two years", "at least 30 days"). */
export const QUANTITY_MODS: Record<string, TimexMod> = {
  about: 'APPROX', around: 'APPROX', approximately: 'APPROX', roughly: 'APPROX', some: 'APPROX',
  nearly: 'APPROX', almost: 'LESS_THAN', 'more than': 'MORE_THAN', over: 'MORE_THAN',
  'less than': 'LESS_THAN', under: 'LESS_THAN', 'at least': 'EQUAL_OR_MORE', 'up to': 'EQUAL_OR_LESS',
  'no more than': 'EQUAL_OR_LESS', 'not more than': 'EQUAL_OR_LESS', 'at most': 'EQUAL_OR_LESS',
  'no less than': 'EQUAL_OR_MORE', 'just over': 'MORE_THAN', 'just under': 'LESS_THAN',
};

/** Words before a date or period that set TIMEX3 `mod` ("early 1991", "the end of the year"). */
export const POINT_MODS: Record<string, TimexMod> = {
  early: 'START', earlier: 'START', 'the early': 'START', 'early in': 'START', 'the beginning of': 'START',
  'beginning of': 'START', 'the start of': 'START', 'start of': 'START', 'the first half of': 'START',
  'the early part of': 'START',
  mid: 'MID', 'the mid': 'MID', 'the middle of': 'MID', 'middle of': 'MID',
  late: 'END', later: 'END', 'the late': 'END', 'late in': 'END', 'the end of': 'END', 'end of': 'END',
  'the close of': 'END', 'the latter part of': 'END', 'the second half of': 'END', 'the last half of': 'END',
  // "about" is left out: before a date it is nearly always the preposition ("talked about Friday's vote").
  around: 'APPROX', sometime: 'APPROX',
};

/** Markers that a clause speaks of the future ("will meet on Friday", "is scheduled for Monday"); two-word cues are matched as pairs. */
export const FUTURE_CUES = [
  'will', "'ll", 'shall', "won't", 'going to', 'set to', 'is to', 'are to', 'due to', 'to be', 'to begin', 'to start',
  'to meet', 'to hold', 'to visit', 'to resume', 'to open', 'to close', 'to take', 'to leave', 'to return',
  'scheduled', 'expected', 'expects', 'expect', 'plans to', 'plan to', 'planning to', 'intends', 'aims',
  'hopes', 'upcoming', 'would', 'payable', 'effective', 'as soon', 'soon as', 'early as',
  'tomorrow', 'is being', 'are being',
];

/** Present-tense auxiliaries: in news a present-tense clause with a weekday speaks of the days ahead ("the talks are on Wednesday"). */
export const PRESENT_CUES = ['is', 'are', 'am'];

/** Past auxiliaries and frequent irregular past forms (regular ones end in -ed and are found by shape). */
export const PAST_CUES = [
  'was', 'were', 'had', 'did', 'said', 'told', 'made', 'met', 'took', 'came', 'went', 'gave', 'held', 'left',
  'saw', 'found', 'became', 'began', 'fell', 'rose', 'won', 'lost', 'sold', 'bought', 'paid', 'got', 'put',
  'ran', 'spoke', 'wrote', 'brought', 'thought', 'felt', 'kept', 'led', 'meant', 'sent', 'spent', 'stood',
  'struck', 'swore', 'threw', 'understood', 'broke', 'chose', 'drew', 'drove', 'flew', 'forgot', 'froze',
  'grew', 'hid', 'knew', 'laid', 'overtook', 'rode', 'rang', 'sank', 'shook', 'shot', 'slid', 'stole',
  'tore', 'woke', 'wore', 'ago', 'last', 'earlier', 'yesterday', 'previously', 'fled', 'has', 'have',
];

/** -ed words that are not past-tense verbs in practice, or that point forward ("scheduled"). */
export const NOT_PAST_ED = new Set([
  'scheduled', 'expected', 'planned', 'proposed', 'intended', 'needed', 'indeed', 'united', 'red', 'bed',
  'hundred', 'speed', 'need', 'feed', 'seed', 'shed', 'breed', 'proceed', 'succeed', 'exceed', 'embed',
  'limited', 'based', 'related', 'interested', 'concerned', 'involved', 'advanced', 'detailed', 'sized',
  'armed', 'skilled', 'alleged', 'so-called', 'supposed', 'required', 'anticipated', 'slated', 'designed',
  'aimed', 'determined', 'committed', 'prepared', 'wed', 'led', 'bled', 'fed', 'fled', 'sped', 'biased',
]);
