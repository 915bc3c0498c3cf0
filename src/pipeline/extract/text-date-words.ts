// Words that make up a page's date line ("14:10, 16 February", "Updated 1:39 am EST, Wednesday, November 20, 2019").
import { MONTH_NAMES } from '../metadata/dateline-data.ts';

/** Month, weekday and time words in the languages captures come in; a date line is mostly these and digits. */
export const DATE_WORDS = new Set([
  ...MONTH_NAMES,
  // English weekdays and time words
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon', 'tue', 'tues', 'wed', 'thu',
  'thurs', 'fri', 'sat', 'sun', 'am', 'pm', 'a.m', 'p.m', 'gmt', 'utc', 'et', 'est', 'edt', 'pst', 'pdt', 'cst', 'cdt',
  'bst', 'cet', 'cest', 'msk', 'ist', 'at', 'on', 'of', 'updated', 'published', 'posted', 'last', 'modified', 'date',
  'min', 'read', 'mins', 'minute', 'minutes', 'ago', 'hours', 'hour', 'today', 'yesterday',
  // Russian
  'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота', 'воскресенье', 'январь', 'февраль', 'март',
  'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь', 'обновлено',
  'опубликовано', 'г', 'года', 'в', 'мск', 'сегодня', 'вчера',
  // Turkish
  'pazartesi', 'salı', 'çarşamba', 'perşembe', 'cuma', 'cumartesi', 'pazar', 'güncelleme', 'yayınlanma', 'tarihi',
  'giriş', 'saat',
  // Arabic (Gregorian months, both Levantine and Egyptian names) and weekdays
  'يناير', 'فبراير', 'مارس', 'أبريل', 'ابريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'اغسطس', 'سبتمبر', 'أكتوبر',
  'اكتوبر', 'نوفمبر', 'ديسمبر', 'كانون', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران', 'تموز', 'آب', 'أيلول', 'تشرين',
  'الأول', 'الثاني', 'الاثنين', 'الإثنين', 'الثلاثاء', 'الأربعاء', 'الاربعاء', 'الخميس', 'الجمعة', 'السبت', 'الأحد',
  'الاحد', 'تاريخ', 'النشر', 'نشر', 'في', 'آخر', 'تحديث', 'ص', 'م',
  // Hijri months (Gulf pages print them beside the Gregorian date) and their markers
  'محرم', 'صفر', 'ربيع', 'الاول', 'الآخر', 'الاخر', 'جمادى', 'جمادي', 'الأولى', 'الاولى', 'الآخرة', 'الاخرة',
  'الثانية', 'رجب', 'شعبان', 'رمضان', 'شوال', 'ذو', 'ذي', 'القعدة', 'الحجة', 'هـ', 'ه', 'الموافق',
  // Portuguese, Spanish, French, German, Italian months, weekdays and joining words
  'janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro',
  'dezembro', 'enero', 'febrero', 'marzo', 'mayo', 'junio', 'julio', 'septiembre', 'octubre', 'noviembre',
  'diciembre', 'janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre',
  'novembre', 'décembre', 'januar', 'februar', 'märz', 'juni', 'juli', 'oktober', 'dezember', 'gennaio',
  'febbraio', 'aprile', 'maggio', 'giugno', 'luglio', 'settembre', 'ottobre', 'dicembre', 'segunda', 'terça',
  'quarta', 'quinta', 'sexta', 'feira', 'sábado', 'domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes',
  'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche', 'montag', 'dienstag', 'mittwoch',
  'donnerstag', 'freitag', 'samstag', 'sonntag', 'de', 'às', 'del', 'le', 'um', 'uhr', 'alle', 'h',
  // Persian (solar and Gregorian months) and weekdays
  'فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند', 'ژانویه',
  'فوریه', 'مارس', 'آوریل', 'مه', 'ژوئن', 'ژوئیه', 'اوت', 'سپتامبر', 'اکتبر', 'نوامبر', 'دسامبر', 'شنبه', 'یکشنبه',
  'دوشنبه', 'سه‌شنبه', 'چهارشنبه', 'پنجشنبه', 'جمعه', 'تاریخ', 'انتشار', 'امروز', 'ساعت', 'بروزرسانی',
  // first halves of weekday names that a zero-width non-joiner splits into two words ("سه‌شنبه")
  'سه', 'چهار', 'پنج', 'یک',
]);

/** Date-line words that are no calendar words themselves: a date line needs a month, a weekday or a number date. */
export const DATE_FILLER_WORDS = new Set([
  'am', 'pm', 'a.m', 'p.m', 'gmt', 'utc', 'et', 'est', 'edt', 'pst', 'pdt', 'cst', 'cdt', 'bst', 'cet', 'cest', 'msk',
  'ist', 'at', 'on', 'of', 'updated', 'published', 'posted', 'last', 'modified', 'date', 'min', 'read', 'mins',
  'minute', 'minutes', 'ago', 'hours', 'hour', 'today', 'yesterday', 'обновлено', 'опубликовано', 'г', 'года', 'в',
  'мск', 'сегодня', 'вчера', 'güncelleme', 'yayınlanma', 'tarihi', 'giriş', 'saat', 'تاريخ', 'النشر', 'نشر', 'في',
  'آخر', 'تحديث', 'ص', 'م', 'هـ', 'ه', 'الموافق', 'تاریخ', 'انتشار', 'سه', 'چهار', 'پنج', 'یک', 'امروز', 'ساعت',
  'بروزرسانی', 'de', 'às', 'del', 'le', 'um', 'uhr', 'alle', 'h',
]);
