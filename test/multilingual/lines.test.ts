// Plain-text captures in Russian, Arabic, Persian and Turkish: line kinds and the header read around the body.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitLines } from '../../src/lib/lines.ts';
import { classify, type Kind } from '../../src/pipeline/extract/text-classify.ts';
import { extractPlainText } from '../../src/pipeline/extract/text.ts';

function kindOf(line: string): Kind {
  return classify(splitLines(line)[0]).kind;
}

const KINDS: Array<[line: string, kind: Kind, reason: string]> = [
  ['پنجشنبه ۲۳ دی ۱۴۰۰ - ۱۹:۴۶', 'date', 'Persian date line in Persian digits'],
  ['۱۴۰۰/۱۰/۲۲ - ۱۵:۲۰', 'date', 'numeric Solar Hijri date line'],
  ['سه‌شنبه ۲۱ دی، ۱۲:۰۹', 'date', 'year-less Persian date line with a compound weekday'],
  ['الخميس ١٣ يناير ٢٠٢٢ - ١٩:٤٦', 'date', 'Arabic date line in Arabic-Indic digits'],
  ['12:09 م 11 يناير', 'date', 'Arabic time with pm marker before the date'],
  ['الخميس 10 جمادى الآخرة 1443 هـ الموافق 13 يناير 2022 م', 'date', 'Hijri and Gregorian date line'],
  ['13 Ocak 2022 Perşembe 19:46', 'date', 'Turkish date line with weekday'],
  ['Güncelleme Tarihi: 13.01.2022 20:10', 'date', 'Turkish update line'],
  ['9 ЯНВ, 18:45', 'date', 'TASS upper-case abbreviated month'],
  ['کد خبر: ۱۴۰۰۱۰۲۳۰۰۰۷۹۵', 'chrome', 'a news code is no byline'],
  ['انتهای پیام/', 'chrome', 'Persian end-of-story marker'],
  ['انتهى/', 'chrome', 'Arabic end-of-story marker'],
  ['رمز الخبر: 4301234', 'chrome', 'Arabic news code'],
  ['Anadolu Ajansı web sitesinde, AA Haber Akış Sistemi (HAS) üzerinden abonelere sunulan haberler, özetlenerek yayımlanmaktadır.', 'chrome', 'wire subscription notice'],
  ['Haberin Devamı', 'chrome', 'Turkish "read on" button'],
  ['Пресс-секретарь президента России Дмитрий Песков. Архивное фото', 'caption', 'Russian archive photo caption'],
  ['تابعونا عبر تطبيق تلغرام', 'chrome', 'Arabic follow prompt'],
  ['روسيا', 'section', 'Arabic section label'],
  ['Международная панорама', 'section', 'TASS section label'],
  ['نویسنده: علی رضایی', 'byline', 'Persian byline still read'],
];

for (const [line, kind, reason] of KINDS) {
  test(`line kind: ${reason}`, () => assert.equal(kindOf(line), kind, line));
}

const RU_BODY = [
  'ЖЕНЕВА, 9 января. /ТАСС/. Ожидать прогресса по вопросам гарантий безопасности было бы наивно, заявил в воскресенье замглавы МИД России.',
  'По словам дипломата, Москва хотела бы услышать что-то более внятное по нерасширению НАТО и по отзыву решений Бухарестского саммита.',
  'Переговоры России и США по гарантиям безопасности пройдут в Женеве в понедельник, затем в Брюсселе соберется Совет Россия - НАТО.',
];

test('extractPlainText: a section label inside a menu of labels is not the section', () => {
  const capture = ['Политика', 'В мире', 'Экономика', 'Общество', 'Спорт', '', 'Рябков назвал наивными ожидания прогресса', '', ...RU_BODY].join('\n');
  assert.equal(extractPlainText(capture).section, null);
});

test('extractPlainText: a label standing apart from the menu is the section', () => {
  const capture = ['Политика', 'В мире', 'Экономика', 'Общество', '', 'Политика', '', 'Рябков назвал наивными ожидания прогресса', '', ...RU_BODY].join('\n');
  assert.equal(extractPlainText(capture).section, 'Политика');
});

test('extractPlainText: a standfirst without a full stop under the headline is the standfirst', () => {
  const capture = ['Рябков назвал наивными ожидания прогресса', 'По словам замглавы МИД России, позиция американской стороны не дает поводов для оптимизма', 'Поделиться', '', ...RU_BODY].join('\n');
  const x = extractPlainText(capture);
  assert.equal(x.title, 'Рябков назвал наивными ожидания прогресса');
  assert.equal(x.standfirst, 'По словам замглавы МИД России, позиция американской стороны не дает поводов для оптимизма');
  assert.ok(x.text.startsWith('Ожидать прогресса'), x.text.slice(0, 40));
});

test('extractPlainText: a headline and a shorter standfirst stacked above a dateline', () => {
  const capture = [
    'Ryabkov: ABD ile müzakerelerin yeniden başlaması için bir neden görmüyoruz',
    'Ryabkov, güvenlik garantileri müzakerelerinin çıkmaza girdiğini söyledi',
    '13.01.2022',
    'MOSKOVA (AA) - Rusya Dışişleri Bakan Yardımcısı Sergey Ryabkov, müzakerelerin çıkmaza girdiğini belirterek açıklama yaptı.',
    'Ryabkov, bir televizyon kanalına yaptığı açıklamada, ABD ve müttefiklerinin kilit noktalara fiilen hayır dediğini ifade etti.',
    'NATO-Rusya Konseyi toplantısı Çarşamba günü Brüksel\'de yapılmış, müzakereler ise Pazartesi günü Cenevre\'de gerçekleşmişti.',
  ].join('\n');
  const x = extractPlainText(capture);
  assert.equal(x.title, 'Ryabkov: ABD ile müzakerelerin yeniden başlaması için bir neden görmüyoruz');
  assert.equal(x.standfirst, 'Ryabkov, güvenlik garantileri müzakerelerinin çıkmaza girdiğini söyledi');
  assert.ok(x.text.startsWith('Rusya Dışişleri'), x.text.slice(0, 40));
});

test('extractPlainText: a Persian lead above the agency credit is the standfirst', () => {
  const capture = [
    'لاوروف: روسیه تا ابد منتظر پاسخ غرب نخواهد ماند',
    '۱۴۰۰/۱۰/۲۲ - ۱۵:۲۰',
    'وزیر خارجه روسیه گفت مسکو قصد ندارد برای همیشه منتظر واکنش غرب به پیشنهادهایش بماند.',
    'به گزارش خبرگزاری تسنیم، سرگئی لاوروف وزیر امور خارجه روسیه روز چهارشنبه گفت که پاسخ‌های غرب باید مکتوب باشد.',
    'لاوروف یادآور شد که پیشنهادهای روسیه در اواسط ماه دسامبر به طرف آمریکایی تحویل داده شده است.',
    'به گفته وی، نشست این هفته شورای روسیه و ناتو نشان خواهد داد که آیا غرب برای گفت‌وگوی جدی آماده است.',
  ].join('\n');
  const x = extractPlainText(capture);
  assert.equal(x.title, 'لاوروف: روسیه تا ابد منتظر پاسخ غرب نخواهد ماند');
  assert.equal(x.standfirst, 'وزیر خارجه روسیه گفت مسکو قصد ندارد برای همیشه منتظر واکنش غرب به پیشنهادهایش بماند.');
  assert.equal(x.dateLine, '۱۴۰۰/۱۰/۲۲ - ۱۵:۲۰');
  assert.ok(x.text.startsWith('به گزارش خبرگزاری تسنیم'), x.text.slice(0, 40));
});

test('extractPlainText: the publication line is handed over, not the update line nearer the headline', () => {
  const capture = ['9 января 2022, 18:45', 'Обновлено 9 января 2022, 19:10', '', 'Рябков назвал наивными ожидания прогресса', '', ...RU_BODY].join('\n');
  assert.equal(extractPlainText(capture).dateLine, '9 января 2022, 18:45');
});

test('extractPlainText: a short kicker above the headline of a datelined story stays out of the title', () => {
  const capture = [
    'Kriz: Son durum',
    'Rusya Dışişleri Bakan Yardımcısı Ryabkov ABD ile müzakerelerin yeniden başlaması için bir neden görmediğini söyledi',
    'MOSKOVA (AA) - Rusya Dışişleri Bakan Yardımcısı Sergey Ryabkov, müzakerelerin çıkmaza girdiğini belirterek açıklama yaptı.',
    'Ryabkov, bir televizyon kanalına yaptığı açıklamada, ABD ve müttefiklerinin kilit noktalara fiilen hayır dediğini ifade etti.',
    'NATO-Rusya Konseyi toplantısı Çarşamba günü Brüksel\'de yapılmış, müzakereler ise Pazartesi günü Cenevre\'de gerçekleşmişti.',
  ].join('\n');
  const x = extractPlainText(capture);
  assert.equal(x.title, 'Rusya Dışişleri Bakan Yardımcısı Ryabkov ABD ile müzakerelerin yeniden başlaması için bir neden görmediğini söyledi');
  assert.equal(x.standfirst, null);
});
