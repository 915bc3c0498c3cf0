// Publication dates of Russian, Arabic, Persian and Turkish pages: month names, digits, calendars, times and years from weekdays.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHtml } from '../../src/lib/dom.ts';
import { hijriToGregorian } from '../../src/pipeline/date/calendar.ts';
import { findPublishedInHtml } from '../../src/pipeline/date/html.ts';
import { findDates, parseDateValue, toIso } from '../../src/pipeline/date/parse.ts';
import { findPublishedInText } from '../../src/pipeline/date/text.ts';

const NOW = new Date('2026-11-23T12:00:00Z');

/** First date found in free text, as ISO with '????' for a missing year; null when none. */
function first(text: string): string | null {
  const m = findDates(text, { yearless: true })[0];
  if (!m) return null;
  return m.year === null ? toIso(m, 0).replace(/^0+-/, '????-') : toIso(m);
}

const DATES: Array<[text: string, expected: string | null, reason: string]> = [
  ['13 Ocak 2022 Perşembe 19:46', '2022-01-13T19:46', 'Turkish: weekday between the date and the time'],
  ['Обновлено 9 января 2022 года в 19:10', '2022-01-09T19:10', 'Russian "года в" before the time'],
  ['پنجشنبه ۲۳ دی ۱۴۰۰ - ۱۹:۴۶', '2022-01-13T19:46', 'Solar Hijri date with its time in Persian digits'],
  ['چهارشنبه ۲۲ دی ۱۴۰۰ ساعت ۱۵:۲۰', '2022-01-12T15:20', '"ساعت" (at the hour) between date and time'],
  ['۱۴۰۰/۱۰/۲۳، ۱۹:۴۶', '2022-01-13T19:46', 'numeric Solar Hijri date, Persian comma, time'],
  ['الخميس ١٣ يناير ٢٠٢٢ - ١٩:٤٦', '2022-01-13T19:46', 'Arabic-Indic digits with time'],
  ['الثلاثاء 18 يناير/كانون الثاني 2022', '2022-01-18', 'Arabic dual month name (Egyptian/Levantine)'],
  ['12:09 م 11 يناير', '????-01-11T12:09', 'time with the Arabic pm marker before a year-less date'],
  ['08:30 م 11 يناير', '????-01-11T20:30', 'Arabic pm marker turns 8:30 into 20:30'],
  ['10 جمادى الآخرة 1443 هـ', '2022-01-13', 'Hijri date converted (Umm al-Qura)'],
  ['١ رمضان ١٤٤٣', '2022-04-02', 'Hijri date in Arabic-Indic digits'],
  ['10 جمادى الآخرة 1300 هـ', null, 'a Hijri year before the news era is no date'],
  ['۲۱ دی', '????-10-21', 'year-less Solar Hijri day keeps its own month and day'],
  ['9 ЯНВ, 18:45', '????-01-09T18:45', 'upper-case abbreviated Russian month'],
];

for (const [text, expected, reason] of DATES) {
  test(`findDates: ${reason}`, () => assert.equal(first(text), expected));
}

const HIJRI: Array<[year: number, month: number, day: number, expected: string | null, reason: string]> = [
  [1443, 6, 10, '2022-01-13', 'Jumada al-Akhirah 1443'],
  [1416, 1, 1, '1995-05-31', 'first day of the earliest accepted Hijri year'],
  [1443, 9, 1, '2022-04-02', 'first of Ramadan 1443'],
  [1441, 2, 30, null, 'Safar 1441 had 29 days'],
  [1443, 13, 1, null, 'no thirteenth month'],
];

for (const [y, m, d, expected, reason] of HIJRI) {
  test(`hijriToGregorian: ${reason}`, () => {
    const g = hijriToGregorian(y, m, d);
    assert.equal(g && `${g.year}-${String(g.month).padStart(2, '0')}-${String(g.day).padStart(2, '0')}`, expected);
  });
}

interface Case {
  text: string;
  dateLine?: string | null;
  expected: string | null;
  source?: string;
  reason: string;
}

const PUBLISHED: Case[] = [
  {
    text: 'Лавров: Россия не будет ждать\n12 января, 15:20\nМинистр иностранных дел России Сергей Лавров в среду заявил, что Москва не будет ждать ответа.',
    expected: '2022-01-12T15:20', source: 'inferred', reason: 'Russian: year from "в среду" (12 January 2022 was a Wednesday)',
  },
  {
    text: 'Lavrov: Batı\'nın yanıtını beklemeyeceğiz\n12 Ocak, 15:20\nRusya Dışişleri Bakanı Sergey Lavrov, Çarşamba günü yaptığı açıklamada yanıt beklemeyeceklerini söyledi.',
    expected: '2022-01-12T15:20', source: 'inferred', reason: 'Turkish: year from "Çarşamba"',
  },
  {
    text: 'بيسكوف: موسكو ستنتظر\n12:09 م 11 يناير\nصرح المتحدث باسم الكرملين دميتري بيسكوف يوم الثلاثاء بأن نتائج المحادثات لا تدعو إلى التفاؤل حتى الآن.',
    expected: '2022-01-11T12:09', source: 'inferred', reason: 'Arabic: year from "الثلاثاء"',
  },
  {
    text: 'لافروف يتحدث\n12 يناير\nقال وزير الخارجية الروسي سيرغي لافروف يوم الأربعاء إن بلاده لن تنتظر طويلا ردا من الغرب على مقترحاتها.',
    expected: '2022-01-12', source: 'inferred', reason: 'Arabic: year from "الأربعاء"',
  },
  {
    text: 'پسکوف: دلیلی برای خوش‌بینی نیست\nسه‌شنبه ۲۱ دی، ۱۲:۰۹\nسخنگوی کرملین گفت مذاکرات ژنو دلیل چندانی برای خوش‌بینی به دست نداده است.',
    expected: '2022-01-11T12:09', source: 'inferred', reason: 'Persian: year-less Solar Hijri day dated through its weekday "سه‌شنبه"',
  },
  {
    text: 'لاوروف: منتظر پاسخ نمی‌مانیم\n۲۲ دی\nوزیر خارجه روسیه روز چهارشنبه در نشست خبری گفت که پاسخ‌های غرب باید مشخص و مکتوب باشد.',
    expected: '2022-01-12', source: 'inferred', reason: 'Persian: year from "چهارشنبه" in the lede',
  },
  {
    text: 'Делегация США прибыла в Женеву\n9 ЯНВ, 18:45\nВстреча пройдет в понедельник в здании постпредства США\nАмериканская делегация прибыла в воскресенье в Женеву, где в понедельник пройдут переговоры по гарантиям безопасности.',
    expected: '2022-01-09T18:45', source: 'inferred', reason: 'the lede\'s weekday wins over the standfirst\'s (the meeting is announced for Monday)',
  },
  {
    text: 'Рябков о переговорах\nОбновлено 9 января 2022, 19:10\n9 января 2022, 18:45\nОжидать прогресса было бы наивно, заявил Рябков.',
    expected: '2022-01-09T18:45', source: 'dateline', reason: 'the publication line, not the update line above it',
  },
  {
    text: 'Kar nedeniyle yollar kapandı\nGüncelleme Tarihi: 13.01.2022 20:10\nGiriş Tarihi: 13.01.2022 19:46\nKar yağışı etkili oldu.',
    expected: '2022-01-13T19:46', source: 'dateline', reason: 'Turkish: "Giriş" (published) over "Güncelleme" (updated)',
  },
  {
    text: 'مجلس الوزراء يوافق\nالخميس 10 جمادى الآخرة 1443 هـ الموافق 13 يناير 2022 م\nوافق مجلس الوزراء على تنظيم الهيئة.',
    expected: '2022-01-13', source: 'dateline', reason: 'the Gregorian date stated beside a Hijri one is the one read',
  },
  {
    text: 'الإمارات ترحب\nأبوظبي في 12 يناير / وام / رحبت دولة الإمارات يوم الأربعاء بالتوقيع على اتفاقية جديدة للتعاون في مجال الطاقة.',
    expected: '2022-01-12', source: 'inferred', reason: 'an Arabic wire dateline with a date, dated by the lede\'s weekday',
  },
  {
    text: 'قال المتحدث إن المحادثات لم تحقق تقدما يوم الثلاثاء. وتستمر المحادثات يوم الأربعاء.',
    expected: null, reason: 'Arabic weekdays alone never make a date',
  },
];

for (const c of PUBLISHED) {
  test(`findPublishedInText: ${c.reason}`, () => {
    const got = findPublishedInText(c.text, { dateLine: c.dateLine ?? null, url: null, now: NOW });
    assert.equal(got?.value ?? null, c.expected, got?.detail);
    if (c.source) assert.equal(got?.source, c.source);
  });
}

test('findPublishedInText: a wire dateline far below a long menu is still found', () => {
  const menu = Array.from({ length: 30 }, (_, i) => `Раздел ${i + 1}`).join('\n');
  const text = `${menu}\nЖЕНЕВА, 9 января. /ТАСС/. Американская делегация прибыла в воскресенье в Женеву для переговоров с Россией.`;
  assert.equal(findPublishedInText(text, { dateLine: null, url: null, now: NOW })?.value, '2022-01-09');
});

/** A small page in `lang`: head markup, a headline and the given body markup. */
function page(head: string, body: string, lang: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>t</title>${head}</head><body>`
    + `<nav><a href="/">صفحه اصلی</a></nav><h1>${HEADLINES[lang]}</h1>${body}<p>${HEADLINES[lang]}.</p></body></html>`;
}

const HEADLINES: Record<string, string> = {
  fa: 'امیرعبداللهیان: مذاکرات وین در مسیر درستی قرار دارد',
  ar: 'ارتفاع أسعار النفط مع تراجع المخزونات الأمريكية',
  ru: 'Песков оценил итоги переговоров с НАТО в Брюсселе',
  tr: 'Akaryakıta yeni zam geldi',
};

const HTML: Array<{ html: string; expected: string | null; reason: string }> = [
  {
    html: page('<meta property="article:published_time" content="1400-10-23T19:46:00+03:30">', '', 'fa'),
    expected: '2022-01-13T19:46:00+03:30', reason: 'Solar Hijri date written in a machine value',
  },
  {
    html: page('', '<div class="news-date">نشر في \u200f13\u200f/1\u200f/2022 - 19:46</div>', 'ar'),
    expected: '2022-01-13T19:46', reason: 'directional marks inside a numeric Arabic date',
  },
  {
    html: page('', '<span class="date">الخميس 10 جمادى الآخرة 1443 هـ</span>', 'ar'),
    expected: '2022-01-13', reason: 'a Hijri date alone, converted with the Umm al-Qura calendar',
  },
  {
    html: page('', '<div class="article__info-date">13:46 13.01.2022 (обновлено: 14:10 13.01.2022)</div>', 'ru'),
    expected: '2022-01-13T13:46', reason: 'Russian date element with the time before the date',
  },
  {
    html: page('', '<span class="tarih">12 Ocak 2022 Çarşamba 10:15</span>', 'tr'),
    expected: '2022-01-12T10:15', reason: 'Turkish date element with the weekday before the time',
  },
];

for (const c of HTML) {
  test(`findPublishedInHtml: ${c.reason}`, () => {
    const got = findPublishedInHtml(parseHtml(c.html), null, NOW);
    assert.equal(got?.value ?? null, c.expected, got?.detail);
  });
}

test('parseDateValue: a Gregorian ISO value is not mistaken for a Solar Hijri one', () => {
  assert.equal(toIso(parseDateValue('2022-01-13T19:46:00Z')!), '2022-01-13T19:46:00Z');
});
