// Month and weekday names by language, as data for the date finders (Gregorian, plus the Solar Hijri and Hijri months).

/**
 * Gregorian month names, index 0 = January. Each cell lists full names, case forms and common
 * abbreviations, written as they appear in text (lower case). Accent-free spellings are added
 * automatically by `monthIndex`, so only the proper spelling is listed here.
 * Croatian month names are left out on purpose: "listopad" means October there but November in
 * Polish and Czech, and a page's language is not always known when dates are read.
 */
export const GREGORIAN_MONTHS: Record<string, string[][]> = {
  en: [
    ['january', 'jan'], ['february', 'feb'], ['march', 'mar'], ['april', 'apr'], ['may'], ['june', 'jun'],
    ['july', 'jul'], ['august', 'aug'], ['september', 'sep', 'sept'], ['october', 'oct'],
    ['november', 'nov'], ['december', 'dec'],
  ],
  ru: [
    ['январь', 'января', 'янв'], ['февраль', 'февраля', 'фев', 'февр'], ['март', 'марта', 'мар'],
    ['апрель', 'апреля', 'апр'], ['май', 'мая'], ['июнь', 'июня', 'июн'], ['июль', 'июля', 'июл'],
    ['август', 'августа', 'авг'], ['сентябрь', 'сентября', 'сен', 'сент'], ['октябрь', 'октября', 'окт'],
    ['ноябрь', 'ноября', 'ноя', 'нояб'], ['декабрь', 'декабря', 'дек'],
  ],
  uk: [
    ['січень', 'січня', 'січ'], ['лютий', 'лютого', 'лют'], ['березень', 'березня', 'бер'],
    ['квітень', 'квітня', 'квіт'], ['травень', 'травня', 'трав'], ['червень', 'червня', 'черв'],
    ['липень', 'липня', 'лип'], ['серпень', 'серпня', 'серп'], ['вересень', 'вересня', 'вер'],
    ['жовтень', 'жовтня', 'жовт'], ['листопад', 'листопада', 'лист'], ['грудень', 'грудня', 'груд'],
  ],
  bg: [
    ['януари'], ['февруари'], ['март'], ['април'], ['май'], ['юни'], ['юли'], ['август'], ['септември'],
    ['октомври'], ['ноември'], ['декември'],
  ],
  sr_cyrl: [
    ['јануар', 'јануара', 'јануари'], ['фебруар', 'фебруара', 'февруари'], ['март', 'марта'], ['април', 'априла'],
    ['мај', 'маја'], ['јун', 'јуна', 'јуни'], ['јул', 'јула', 'јули'], ['август', 'августа'],
    ['септембар', 'септембра', 'септември'], ['октобар', 'октобра', 'октомври'], ['новембар', 'новембра', 'ноември'],
    ['децембар', 'децембра', 'декември'],
  ],
  tr: [
    ['ocak'], ['şubat'], ['mart'], ['nisan'], ['mayıs'], ['haziran'], ['temmuz'], ['ağustos'], ['eylül'],
    ['ekim'], ['kasım'], ['aralık'],
  ],
  de: [
    ['januar', 'jänner'], ['februar', 'feber'], ['märz', 'mrz'], ['april'], ['mai'], ['juni'], ['juli'],
    ['august'], ['september'], ['oktober', 'okt'], ['november'], ['dezember', 'dez'],
  ],
  fr: [
    ['janvier', 'janv'], ['février', 'févr', 'fév'], ['mars'], ['avril', 'avr'], ['mai'], ['juin'],
    ['juillet', 'juil'], ['août'], ['septembre'], ['octobre'], ['novembre'], ['décembre', 'déc'],
  ],
  es: [
    ['enero', 'ene'], ['febrero'], ['marzo'], ['abril', 'abr'], ['mayo'], ['junio'], ['julio'], ['agosto', 'ago'],
    ['septiembre', 'setiembre', 'set'], ['octubre'], ['noviembre'], ['diciembre', 'dic'],
  ],
  it: [
    ['gennaio', 'gen'], ['febbraio'], ['marzo'], ['aprile'], ['maggio', 'mag'], ['giugno', 'giu'],
    ['luglio', 'lug'], ['agosto'], ['settembre'], ['ottobre', 'ott'], ['novembre'], ['dicembre'],
  ],
  pt: [
    ['janeiro'], ['fevereiro', 'fev'], ['março'], ['abril'], ['maio', 'mai'], ['junho'], ['julho'],
    ['agosto'], ['setembro'], ['outubro', 'out'], ['novembro'], ['dezembro', 'dez'],
  ],
  pl: [
    ['styczeń', 'stycznia', 'sty'], ['luty', 'lutego', 'lut'], ['marzec', 'marca'], ['kwiecień', 'kwietnia', 'kwi'],
    ['maj', 'maja'], ['czerwiec', 'czerwca', 'cze'], ['lipiec', 'lipca', 'lip'], ['sierpień', 'sierpnia', 'sie'],
    ['wrzesień', 'września', 'wrz'], ['październik', 'października', 'paź'], ['listopad', 'listopada', 'lis'],
    ['grudzień', 'grudnia', 'gru'],
  ],
  cs: [
    ['leden', 'ledna'], ['únor', 'února'], ['březen', 'března'], ['duben', 'dubna'], ['květen', 'května'],
    ['červen', 'června'], ['červenec', 'července'], ['srpen', 'srpna'], ['září'], ['říjen', 'října'],
    ['listopadu'], ['prosinec', 'prosince'],
  ],
  sk: [
    ['január', 'januára'], ['február', 'februára'], ['marec', 'marca'], ['apríl', 'apríla'], ['máj', 'mája'],
    ['jún', 'júna'], ['júl', 'júla'], ['augusta'], ['septembra'], ['október', 'októbra'], ['novembra'],
    ['decembra'],
  ],
  hr: [
    ['siječanj', 'siječnja'], ['veljača', 'veljače'], ['ožujak', 'ožujka'], ['travanj', 'travnja'],
    ['svibanj', 'svibnja'], ['lipanj', 'lipnja'], ['srpanj', 'srpnja'], ['kolovoz', 'kolovoza'], ['rujan', 'rujna'],
    [], ['studeni', 'studenoga', 'studenog'], ['prosinac', 'prosinca'],
  ],
  bs_sr_latn: [
    ['januar', 'januara'], ['februar', 'februara'], ['mart', 'marta'], ['april', 'aprila'], ['maj', 'maja'],
    ['juni', 'jun', 'juna'], ['juli', 'jul', 'jula'], ['august', 'avgust', 'augusta', 'avgusta'],
    ['septembar', 'septembra'], ['oktobar', 'oktobra'], ['novembar', 'novembra'], ['decembar', 'decembra'],
  ],
  sl: [
    ['januar', 'januarja'], ['februar', 'februarja'], ['marec', 'marca'], ['april', 'aprila'], ['maj', 'maja'],
    ['junij', 'junija'], ['julij', 'julija'], ['avgust', 'avgusta'], ['september', 'septembra'],
    ['oktober', 'oktobra'], ['november', 'novembra'], ['december', 'decembra'],
  ],
  hu: [
    ['január'], ['február', 'febr'], ['március', 'márc'], ['április', 'ápr'], ['május', 'máj'], ['június', 'jún'],
    ['július', 'júl'], ['augusztus'], ['szeptember', 'szept'], ['október', 'okt'], ['november'], ['december'],
  ],
  ro: [
    ['ianuarie', 'ian'], ['februarie'], ['martie'], ['aprilie'], ['mai'], ['iunie', 'iun'], ['iulie', 'iul'],
    ['august'], ['septembrie'], ['octombrie'], ['noiembrie', 'noi'], ['decembrie'],
  ],
  nl: [
    ['januari'], ['februari'], ['maart', 'mrt'], ['april'], ['mei'], ['juni'], ['juli'], ['augustus'],
    ['september'], ['oktober', 'okt'], ['november'], ['december'],
  ],
  da_no_sv: [
    ['januar', 'januari'], ['februar', 'februari'], ['marts', 'mars'], ['april'], ['maj', 'mai'], ['juni'],
    ['juli'], ['august', 'augusti'], ['september'], ['oktober', 'okt'], ['november'], ['december', 'desember', 'des'],
  ],
  fi: [
    ['tammikuu', 'tammikuuta'], ['helmikuu', 'helmikuuta'], ['maaliskuu', 'maaliskuuta'],
    ['huhtikuu', 'huhtikuuta'], ['toukokuu', 'toukokuuta'], ['kesäkuu', 'kesäkuuta'], ['heinäkuu', 'heinäkuuta'],
    ['elokuu', 'elokuuta'], ['syyskuu', 'syyskuuta'], ['lokakuu', 'lokakuuta'], ['marraskuu', 'marraskuuta'],
    ['joulukuu', 'joulukuuta'],
  ],
  id_ms: [
    ['januari'], ['februari'], ['maret', 'mac'], ['april'], ['mei'], ['juni'], ['juli', 'julai'],
    ['agustus', 'ogos', 'agu', 'agt'], ['september'], ['oktober', 'okt'], ['november', 'nop'],
    ['desember', 'disember', 'des'],
  ],
  tl: [
    ['enero'], ['pebrero'], ['marso'], ['abril'], ['mayo'], ['hunyo'], ['hulyo'], ['agosto'], ['setyembre'],
    ['oktubre'], ['nobyembre'], ['disyembre'],
  ],
  sq: [
    ['janar', 'janarit'], ['shkurt', 'shkurtit'], ['mars', 'marsit'], ['prill', 'prillit'], ['maj', 'majit'],
    ['qershor', 'qershorit'], ['korrik', 'korrikut'], ['gusht', 'gushtit'], ['shtator', 'shtatorit'],
    ['tetor', 'tetorit'], ['nëntor', 'nëntorit'], ['dhjetor', 'dhjetorit'],
  ],
  el: [
    ['ιανουαρίου', 'ιανουάριος', 'ιαν'], ['φεβρουαρίου', 'φεβρουάριος', 'φεβ'], ['μαρτίου', 'μάρτιος', 'μαρ'],
    ['απριλίου', 'απρίλιος', 'απρ'], ['μαΐου', 'μάιος', 'μαι'], ['ιουνίου', 'ιούνιος', 'ιουν'],
    ['ιουλίου', 'ιούλιος', 'ιουλ'], ['αυγούστου', 'αύγουστος', 'αυγ'], ['σεπτεμβρίου', 'σεπτέμβριος', 'σεπ'],
    ['οκτωβρίου', 'οκτώβριος', 'οκτ'], ['νοεμβρίου', 'νοέμβριος', 'νοε'], ['δεκεμβρίου', 'δεκέμβριος', 'δεκ'],
  ],
  hy: [
    ['հունվար', 'հունվարի'], ['փետրվար', 'փետրվարի'], ['մարտ', 'մարտի'], ['ապրիլ', 'ապրիլի'], ['մայիս', 'մայիսի'],
    ['հունիս', 'հունիսի'], ['հուլիս', 'հուլիսի'], ['օգոստոս', 'օգոստոսի'], ['սեպտեմբեր', 'սեպտեմբերի'],
    ['հոկտեմբեր', 'հոկտեմբերի'], ['նոյեմբեր', 'նոյեմբերի'], ['դեկտեմբեր', 'դեկտեմբերի'],
  ],
  ka: [
    ['იანვარი'], ['თებერვალი'], ['მარტი'], ['აპრილი'], ['მაისი'], ['ივნისი'], ['ივლისი'], ['აგვისტო'],
    ['სექტემბერი'], ['ოქტომბერი'], ['ნოემბერი'], ['დეკემბერი'],
  ],
  ar: [
    ['يناير', 'كانون الثاني', 'جانفي'], ['فبراير', 'شباط', 'فيفري'], ['مارس', 'آذار'],
    ['أبريل', 'ابريل', 'إبريل', 'نيسان', 'أفريل'], ['مايو', 'أيار', 'ماي'], ['يونيو', 'يونيه', 'حزيران', 'جوان'],
    ['يوليو', 'يوليه', 'تموز', 'جويلية'], ['أغسطس', 'اغسطس', 'آب', 'أوت'], ['سبتمبر', 'أيلول'],
    ['أكتوبر', 'اكتوبر', 'تشرين الأول'], ['نوفمبر', 'تشرين الثاني'], ['ديسمبر', 'كانون الأول'],
  ],
  fa: [
    ['ژانویه'], ['فوریه'], ['مارس'], ['آوریل'], ['مه', 'می'], ['ژوئن'], ['ژوئیه', 'ژوییه', 'جولای'], ['اوت', 'آگوست'],
    ['سپتامبر'], ['اکتبر'], ['نوامبر'], ['دسامبر'],
  ],
  ur: [
    ['جنوری'], ['فروری'], ['مارچ'], ['اپریل'], ['مئی'], ['جون'], ['جولائی'], ['اگست'], ['ستمبر'], ['اکتوبر'],
    ['نومبر'], ['دسمبر'],
  ],
  hi_mr: [
    ['जनवरी'], ['फ़रवरी', 'फरवरी'], ['मार्च'], ['अप्रैल', 'एप्रिल'], ['मई', 'मे'], ['जून'], ['जुलाई', 'जुलै'],
    ['अगस्त', 'ऑगस्ट'], ['सितंबर', 'सितम्बर', 'सप्टेंबर'], ['अक्टूबर', 'अक्तूबर', 'ऑक्टोबर'],
    ['नवंबर', 'नवम्बर', 'नोव्हेंबर'], ['दिसंबर', 'दिसम्बर', 'डिसेंबर'],
  ],
  gu: [
    ['જાન્યુઆરી'], ['ફેબ્રુઆરી'], ['માર્ચ'], ['એપ્રિલ'], ['મે'], ['જૂન'], ['જુલાઈ'], ['ઓગસ્ટ'], ['સપ્ટેમ્બર'],
    ['ઓક્ટોબર'], ['નવેમ્બર'], ['ડિસેમ્બર'],
  ],
  bn: [
    ['জানুয়ারি', 'জানুয়ারী'], ['ফেব্রুয়ারি', 'ফেব্রুয়ারী'], ['মার্চ'], ['এপ্রিল'], ['মে'], ['জুন'], ['জুলাই'],
    ['আগস্ট'], ['সেপ্টেম্বর'], ['অক্টোবর'], ['নভেম্বর'], ['ডিসেম্বর'],
  ],
};

/** Solar Hijri (Persian calendar) month names, index 0 = Farvardin. */
export const PERSIAN_MONTHS: string[][] = [
  ['فروردین'], ['اردیبهشت'], ['خرداد'], ['تیر'], ['مرداد', 'امرداد'], ['شهریور'], ['مهر'], ['آبان'], ['آذر'],
  ['دی'], ['بهمن'], ['اسفند'],
];

/**
 * Hijri (Islamic lunar) month names, index 0 = Muharram, as Gulf and Saudi pages print them next to or instead
 * of the Gregorian date ("10 جمادى الآخرة 1443 هـ"), with the spellings with and without hamza.
 */
export const HIJRI_MONTHS: string[][] = [
  ['محرم'], ['صفر'], ['ربيع الأول', 'ربيع الاول'], ['ربيع الآخر', 'ربيع الاخر', 'ربيع الثاني'],
  ['جمادى الأولى', 'جمادى الاولى', 'جمادي الأولى', 'جمادي الاولى'],
  ['جمادى الآخرة', 'جمادى الاخرة', 'جمادى الثانية', 'جمادي الآخرة', 'جمادي الاخرة'], ['رجب'], ['شعبان'], ['رمضان'],
  ['شوال'], ['ذو القعدة', 'ذي القعدة'], ['ذو الحجة', 'ذي الحجة'],
];

/** Weekday names, index 0 = Sunday (as Date.getUTCDay), for inferring a missing year. */
export const WEEKDAYS: Record<string, string[][]> = {
  en: [['sunday'], ['monday'], ['tuesday'], ['wednesday'], ['thursday'], ['friday'], ['saturday']],
  ru: [
    ['воскресенье'], ['понедельник'], ['вторник'], ['среда', 'среду'], ['четверг'], ['пятница', 'пятницу'],
    ['суббота', 'субботу'],
  ],
  uk: [['неділя', 'неділю'], ['понеділок'], ['вівторок'], ['середа', 'середу'], ['четвер'], ['пʼятниця', "п'ятниця", 'пʼятницю', "п'ятницю"], ['субота', 'суботу']],
  de: [['sonntag'], ['montag'], ['dienstag'], ['mittwoch'], ['donnerstag'], ['freitag'], ['samstag', 'sonnabend']],
  fr: [['dimanche'], ['lundi'], ['mardi'], ['mercredi'], ['jeudi'], ['vendredi'], ['samedi']],
  es: [['domingo'], ['lunes'], ['martes'], ['miércoles'], ['jueves'], ['viernes'], ['sábado']],
  it: [['domenica'], ['lunedì'], ['martedì'], ['mercoledì'], ['giovedì'], ['venerdì'], ['sabato']],
  pt: [['domingo'], ['segunda-feira'], ['terça-feira'], ['quarta-feira'], ['quinta-feira'], ['sexta-feira'], ['sábado']],
  tr: [['pazar'], ['pazartesi'], ['salı'], ['çarşamba'], ['perşembe'], ['cuma'], ['cumartesi']],
  // Arabic with and without hamza, as pages write them ("الأربعاء", "الاربعاء").
  ar: [
    ['الأحد', 'الاحد'], ['الاثنين', 'الإثنين'], ['الثلاثاء'], ['الأربعاء', 'الاربعاء'], ['الخميس'], ['الجمعة'],
    ['السبت'],
  ],
  // Persian with the zero-width non-joiner, a space or nothing inside the compound ("سه‌شنبه", "سه شنبه").
  fa: [
    ['یکشنبه', 'یک‌شنبه', 'یک شنبه'], ['دوشنبه', 'دو‌شنبه', 'دو شنبه'], ['سه‌شنبه', 'سه شنبه', 'سهشنبه'],
    ['چهارشنبه', 'چهار‌شنبه', 'چهار شنبه'], ['پنجشنبه', 'پنج‌شنبه', 'پنج شنبه'], ['جمعه'], ['شنبه'],
  ],
};
