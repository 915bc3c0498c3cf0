import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLanguage, normalizeLanguage } from '../../src/pipeline/language/detect.ts';

test('prose decides, not the statistics table after the first sentence', () => {
  const rows = [
    ['Ade Okafor', 63, 85, '1 tackle (1 combined). 1 sack, 1 TFL, 2 QH.'],
    ['Milo Garet', 57, 77, '1 tackle (1 combined). 3 QH.'],
    ['Chad Toma', 57, 77, '3 tackles (3 combined). 1 sack, 1 TFL, 1 QH, 1 pass defended.'],
    ['Shel Ricard', 49, 66, '2 tackles, 1 assist (3 combined). 1 QH.'],
    ['Kris Smit', 29, 39, '1 assist (1 combined). 1 QH.'],
    ['Devo Lorenz', 28, 38, 'No stats registered.'],
    ['Eli Anku', 13, 18, '1 tackle (1 combined). 1 TFL.'],
  ];
  const table = rows.map(([name, plays, pct, stats]) => `DL ${name} ${plays} ${pct}% ${stats}`).join('\n\n');
  const text = 'Below, we analyze the snap counts and stats on defense for the home team in the Week 11 game.\n\n'
    + `Defensive Line\n\nPos Player Plays % Stats\n\n${table}\n\n`
    + 'There is a lot to sort through here. As a defense, the team had eleven hits on the quarterback, and most of those hits came from the defensive line.';
  assert.equal(detectLanguage(text, null), 'en');
});

test('Persian and Arabic news prose are told apart', () => {
  const fa = 'به گزارش خبرگزاری فارس، وزیر امور خارجه روز چهارشنبه در نشست خبری گفت که مذاکرات وین با جدیت ادامه دارد و ایران منتظر پاسخ طرف‌های غربی است.';
  const ar = 'قال وزير الخارجية يوم الأربعاء في مؤتمر صحفي إن المحادثات في فيينا مستمرة بجدية وإن بلاده تنتظر رد الأطراف الغربية على المقترحات الأخيرة.';
  assert.equal(detectLanguage(fa, null), 'fa');
  assert.equal(detectLanguage(ar, null), 'ar');
});

test('Russian and Turkish prose', () => {
  assert.equal(detectLanguage('Заместитель министра иностранных дел России Сергей Рябков заявил в среду, что переговоры в Женеве были трудными, но полезными для обеих сторон.', null), 'ru');
  assert.equal(detectLanguage('Dışişleri Bakanı Çarşamba günü yaptığı açıklamada Cenevre görüşmelerinin zor geçtiğini ancak her iki taraf için de faydalı olduğunu söyledi.', null), 'tr');
});

test('too little text falls back to the declared language', () => {
  assert.equal(detectLanguage('Fotos 2019', 'de-DE'), 'de');
  assert.equal(detectLanguage('', null), null);
  assert.equal(normalizeLanguage('fa_IR'), 'fa');
  assert.equal(normalizeLanguage('not a tag!'), null);
});
