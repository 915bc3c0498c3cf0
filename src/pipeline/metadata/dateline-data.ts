// Word lists for dateline recognition: month names, city names the gazetteer lacks (exonyms, non-Latin scripts), and words that are no cities.

/** Month names and abbreviations that may stand in a dateline's date ("January 9", "Feb 3", "9 января"). */
export const MONTH_NAMES = [
  // English
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  // Russian (genitive, as written in dates, and the abbreviations of wire datelines: "МОСКВА, 13 янв")
  'января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря',
  'янв', 'фев', 'февр', 'мар', 'апр', 'июн', 'июл', 'авг', 'сен', 'сент', 'окт', 'ноя', 'нояб', 'дек',
  // Turkish
  'ocak', 'şubat', 'mart', 'nisan', 'mayıs', 'haziran', 'temmuz', 'ağustos', 'eylül', 'ekim', 'kasım', 'aralık',
];

/**
 * Dateline spellings of cities whose gazetteer entry uses another name: English exonyms (GeoNames keeps
 * the local form, "Genève", "Kyiv") and the Russian, Turkish, Arabic and Persian names of the cities that
 * wire copy in those languages is most often filed from. The gazetteer has Latin names only, so a dateline
 * in another script ("موسكو -", "Москва —", "Moskova -") validates through this list alone.
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
  // Russian, further
  'Рим', 'Мадрид', 'Варшава', 'Прага', 'Будапешт', 'Белград', 'Гаага', 'Страсбург', 'Хельсинки', 'Стокгольм',
  'Осло', 'Копенгаген', 'Рига', 'Вильнюс', 'Таллин', 'Кишинев', 'Кишинёв', 'Баку', 'Ереван', 'Тбилиси', 'Астана',
  'Нур-Султан', 'Ташкент', 'Бишкек', 'Душанбе', 'Ашхабад', 'Дамаск', 'Багдад', 'Бейрут', 'Каир', 'Эр-Рияд', 'Доха',
  'Дубай', 'Абу-Даби', 'Иерусалим', 'Тель-Авив', 'Кабул', 'Исламабад', 'Нью-Дели', 'Дели', 'Сеул', 'Пхеньян',
  'Ханой', 'Бангкок', 'Джакарта', 'Гавана', 'Каракас', 'Бразилиа', 'Мехико', 'Оттава', 'Канберра', 'ООН',
  'Владивосток', 'Новосибирск', 'Екатеринбург', 'Казань', 'Нижний Новгород', 'Самара', 'Сочи', 'Калининград',
  'Ростов-на-Дону', 'Краснодар', 'Волгоград', 'Красноярск', 'Иркутск', 'Хабаровск', 'Мурманск', 'Симферополь',
  'Севастополь', 'Донецк', 'Луганск', 'Харьков', 'Одесса', 'Львов', 'Гродно', 'Гомель',
  // Turkish
  'Moskova', 'Cenevre', 'Brüksel', 'Viyana', 'Tahran', 'Vaşington', 'Pekin', 'Kahire', 'Şam', 'Bağdat', 'Beyrut',
  'Kudüs', 'Gazze', 'Atina', 'Londra', 'Roma', 'Lahey', 'Varşova', 'Prag', 'Belgrad', 'Saraybosna', 'Üsküp',
  'Priştine', 'Bükreş', 'Sofya', 'Budapeşte', 'Lizbon', 'Kopenhag', 'Tiflis', 'Bakü', 'Erivan', 'Lefkoşa', 'Riyad',
  'Kuveyt', 'Abu Dabi', 'Kabil', 'İslamabad', 'Yeni Delhi', 'Seul', 'Halep', 'İdlib', 'Erbil', 'Musul', 'Kerkük',
  'Trablus', 'Bingazi', 'Tunus', 'Cezayir', 'Hartum', 'Ankara', 'İstanbul', 'İzmir', 'Diyarbakır', 'Şanlıurfa',
  'Kahramanmaraş', 'Gaziantep', 'Hatay', 'Antalya', 'Trabzon',
  // Arabic
  'موسكو', 'طهران', 'واشنطن', 'نيويورك', 'لندن', 'باريس', 'برلين', 'بروكسل', 'جنيف', 'فيينا', 'روما', 'مدريد',
  'أنقرة', 'إسطنبول', 'اسطنبول', 'القاهرة', 'الإسكندرية', 'الرياض', 'جدة', 'مكة المكرمة', 'الدوحة', 'دبي',
  'أبوظبي', 'أبو ظبي', 'الكويت', 'المنامة', 'مسقط', 'عمان', 'عمّان', 'بيروت', 'دمشق', 'حلب', 'إدلب', 'حمص',
  'اللاذقية', 'بغداد', 'أربيل', 'البصرة', 'الموصل', 'القدس', 'غزة', 'رام الله', 'تل أبيب', 'صنعاء', 'عدن',
  'الخرطوم', 'طرابلس', 'بنغازي', 'تونس', 'الجزائر', 'الرباط', 'الدار البيضاء', 'نواكشوط', 'كييف', 'مينسك',
  'بكين', 'طوكيو', 'نيودلهي', 'إسلام آباد', 'كابل', 'كابول', 'باكو', 'يريفان', 'تبليسي', 'الأمم المتحدة',
  // Persian
  'تهران', 'مسکو', 'واشنگتن', 'نیویورک', 'پاریس', 'برلین', 'بروکسل', 'ژنو', 'وین', 'رم', 'آنکارا', 'استانبول',
  'قاهره', 'ریاض', 'دوحه', 'دبی', 'ابوظبی', 'کویت', 'بیروت', 'بغداد', 'اربیل', 'بصره', 'قدس', 'غزه', 'صنعا',
  'کابل', 'اسلام‌آباد', 'دهلی نو', 'پکن', 'توکیو', 'ایروان', 'تفلیس', 'کی‌یف', 'کیف', 'مینسک', 'مشهد', 'اصفهان',
  'تبریز', 'شیراز', 'قم', 'اهواز', 'کرمان', 'کرمانشاه', 'رشت', 'ارومیه', 'زاهدان', 'بندرعباس', 'سازمان ملل',
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
