// Datelines of Russian, Arabic, Persian and Turkish wire copy: city, the dateline's own date, the credit, and what is stripped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DatelineGuess } from '../../src/pipeline/contracts.ts';
import { findDateline, matchDateline } from '../../src/pipeline/metadata/dateline.ts';

const CASES: Array<[paragraph: string, expected: DatelineGuess | null, reason: string]> = [
  ['МОСКВА, 13 янв — РИА Новости. Переговоры прошли в Брюсселе.', { city: 'Москва', dateText: '13 янв', credit: 'РИА Новости' }, 'RIA: abbreviated month and a dash credit'],
  ['Москва. 13 января. INTERFAX.RU - Генсек НАТО заявил о готовности к диалогу.', { city: 'Москва', dateText: '13 января', credit: 'INTERFAX.RU' }, 'Interfax: full stops and a bare credit before the dash'],
  ['ЖЕНЕВА, 9 января. /ТАСС/. Ожидать прогресса было бы наивно.', { city: 'Женева', dateText: '9 января', credit: 'ТАСС' }, 'TASS in Russian'],
  ['САНКТ-ПЕТЕРБУРГ, 9 января. /ТАСС/. В городе выпал снег.', { city: 'Санкт-Петербург', dateText: '9 января', credit: 'ТАСС' }, 'hyphenated all-caps city title-cased'],
  ['MOSKOVA (AA) - Rusya Dışişleri Bakan Yardımcısı açıklama yaptı.', { city: 'Moskova', dateText: null, credit: 'AA' }, 'Turkish city name with a known wire credit, no date'],
  ['İSTANBUL (DHA) - Kentte kar yağışı etkili oldu.', { city: 'İstanbul', dateText: null, credit: 'DHA' }, 'dotted capital I kept dotted'],
  ['DİYARBAKIR (AA) - Kar nedeniyle köy yolları kapandı.', { city: 'Diyarbakır', dateText: null, credit: 'AA' }, 'Turkish title case: capital I becomes dotless ı'],
  ['طهران (فارس)- أعلن نائب وزير الخارجية الروسي اليوم.', { city: 'طهران', dateText: null, credit: 'فارس' }, 'Arabic Fars: bracketed credit glued to the dash'],
  ['موسكو - قال نائب وزير الخارجية الروسي اليوم الخميس.', { city: 'موسكو', dateText: null, credit: null }, 'Arabic bare dateline with a known city'],
  ['موسكو- أعلنت وزارة الدفاع الروسية بدء مناورات.', { city: 'موسكو', dateText: null, credit: null }, 'Arabic dash glued to the city'],
  ['أبوظبي في 12 يناير / وام / رحبت دولة الإمارات بالاتفاقية.', { city: 'أبوظبي', dateText: '12 يناير', credit: 'وام' }, 'WAM: date after "في" and a slashed credit'],
  ['دمشق-سانا بحث وزير الخارجية مع نظيره الإيراني العلاقات.', { city: 'دمشق', dateText: null, credit: 'سانا' }, 'SANA: credit after a dash'],
  ['الرياض 10 جمادى الآخرة 1443 هـ الموافق 13 يناير 2022 م واس', { city: 'الرياض', dateText: '10 جمادى الآخرة 1443 هـ الموافق 13 يناير 2022 م', credit: 'واس' }, 'SPA: Hijri date with its Gregorian equivalent, credit at the end of the line'],
  ['تهران- ایرنا- وزیر امور خارجه روز پنجشنبه گفت.', { city: 'تهران', dateText: null, credit: 'ایرنا' }, 'IRNA: city, dash, credit, dash'],
  ['حلب (رويترز) - قال مسؤولون إن القتال تجدد.', { city: 'حلب', dateText: null, credit: 'رويترز' }, 'Arabic Reuters credit'],
  ['الكرملين: محادثات الضمانات الأمنية وصلت إلى طريق مسدود', null, 'an Arabic headline with a colon is no dateline'],
  ['وأضاف - في تصريحات للصحفيين - أن المحادثات مستمرة.', null, 'a verb before a dash is no city'],
  ['الرئيس الروسي (بوتين) - قال إن بلاده مستعدة.', null, 'an unknown two-word name before an unknown credit'],
  ['به گزارش خبرگزاری فارس به نقل از رسانه‌های روسیه، ریابکوف گفت.', null, 'a Persian credit opening is no dateline'],
  ['منذ 12 يناير، تشهد المدينة تساقطا كثيفا للثلوج.', null, 'an Arabic sentence opening with a date ("since 12 January")'],
  ['القاهرة في 12 يناير شهدت أمطارا غزيرة.', null, 'a known city and a date without credit or dash open a sentence'],
  ['Berlin. 3.5 million people live in the city, officials said.', null, 'figures after a full stop are no dateline date'],
];

for (const [paragraph, expected, reason] of CASES) {
  test(`matchDateline: ${reason}`, () => assert.deepEqual(matchDateline(paragraph)?.guess ?? null, expected));
}

const STRIPPED: Array<[paragraph: string, rest: string, reason: string]> = [
  ['МОСКВА, 13 янв — РИА Новости. Переговоры прошли.', 'Переговоры прошли.', 'the dash credit and its full stop go with the dateline'],
  ['طهران (فارس)- أعلن نائب وزير الخارجية.', 'أعلن نائب وزير الخارجية.', 'Arabic credit and dash stripped'],
  ['أبوظبي في 12 يناير / وام / رحبت دولة الإمارات.', 'رحبت دولة الإمارات.', 'date and slashed credit stripped'],
];

for (const [paragraph, rest, reason] of STRIPPED) {
  test(`matchDateline length: ${reason}`, () => {
    const m = matchDateline(paragraph);
    assert.ok(m);
    assert.equal(paragraph.slice(m.length), rest);
  });
}

test('findDateline: a long page title on the first line does not hide the dateline below it', () => {
  const capture = [
    'Рябков: ожидать прогресса на переговорах с США в Женеве было бы наивно - ТАСС',
    'Политика',
    'Рябков: ожидать прогресса на переговорах с США в Женеве было бы наивно',
    'По словам замглавы МИД России, позиция американской стороны не дает поводов для оптимизма',
    'ЖЕНЕВА, 9 января. /ТАСС/. Ожидать прогресса было бы наивно, заявил в воскресенье замглавы МИД России.',
  ].join('\n');
  assert.equal(findDateline(capture)?.city, 'Женева');
});

test('findDateline: a text that opens with a paragraph has no dateline further down', () => {
  const text = 'قال المتحدث باسم الكرملين إن المحادثات لم تحقق تقدما يذكر حتى الآن في جنيف.\nموسكو - أعلنت الوزارة لاحقا أنها ستواصل الاتصالات.';
  assert.equal(findDateline(text), null);
});
