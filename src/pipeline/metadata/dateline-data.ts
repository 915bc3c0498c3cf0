// Word lists for dateline recognition: month names, English exonyms the gazetteer lacks, and non-city capitals.

/** Month names and abbreviations that may stand in a dateline's date ("January 9", "Feb 3", "9 января"). */
export const MONTH_NAMES = [
  // English
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  // Russian (genitive, as written in dates)
  'января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря',
  // Turkish
  'ocak', 'şubat', 'mart', 'nisan', 'mayıs', 'haziran', 'temmuz', 'ağustos', 'eylül', 'ekim', 'kasım', 'aralık',
];

/**
 * English dateline spellings of cities whose gazetteer entry uses another name (GeoNames keeps the
 * local form, "Genève", "Kyiv"), so a title-case dateline in English still validates.
 */
export const CITY_EXONYMS = [
  'Geneva', 'Kiev', 'Kyiv', 'Moscow', 'Munich', 'Cologne', 'Vienna', 'Prague', 'Warsaw', 'Brussels', 'Lisbon',
  'Rome', 'Milan', 'Naples', 'Florence', 'Venice', 'Athens', 'Bucharest', 'Belgrade', 'Copenhagen', 'The Hague',
  'Beijing', 'Peking', 'Hong Kong', 'New Delhi', 'Mumbai', 'Bombay', 'Kolkata', 'Calcutta', 'Tehran', 'Teheran',
  'Baghdad', 'Damascus', 'Beirut', 'Cairo', 'Riyadh', 'Doha', 'Dubai', 'Abu Dhabi', 'Ankara', 'Istanbul',
  'Jerusalem', 'Gaza', 'Tel Aviv', 'Kabul', 'Islamabad', 'Minsk', 'Tbilisi', 'Yerevan', 'Baku', 'Astana',
  'Tashkent', 'Havana', 'Mexico City', 'Sao Paulo', 'Brasilia', 'Bogota', 'Washington', 'New York', 'London',
  'Paris', 'Berlin', 'Madrid', 'Tokyo', 'Seoul', 'Pyongyang', 'Hanoi', 'Bangkok', 'Manila', 'Jakarta',
  'Singapore', 'Sydney', 'Canberra', 'Ottawa', 'United Nations', 'Vatican City', 'Strasbourg', 'Luxembourg',
  'Москва', 'Женева', 'Вена', 'Брюссель', 'Вашингтон', 'Лондон', 'Париж', 'Берлин', 'Киев', 'Минск', 'Пекин',
  'Санкт-Петербург', 'Нью-Йорк', 'Тегеран', 'Анкара', 'Стамбул', 'Токио',
];

/**
 * Capitalised words that name a small town somewhere but open ordinary sentences far more often;
 * a title-case dateline never accepts them ("Home —", "Breaking —").
 */
export const NOT_DATELINE_CITIES = [
  'home', 'breaking', 'update', 'updated', 'watch', 'live', 'video', 'photos', 'opinion', 'analysis', 'exclusive',
  'editor', 'news', 'world', 'sport', 'sports', 'business', 'today', 'tonight', 'yesterday', 'mobile', 'reading',
  'nice', 'split', 'police', 'president', 'minister', 'senator', 'trump', 'biden', 'putin', 'he', 'she', 'it', 'they',
];
