// Outlets of Russian, Arabic, Persian and Turkish pages: credits, site names in other scripts, page titles and source lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DatelineGuess, OutletGuess } from '../../src/pipeline/contracts.ts';
import { findOutlet, opensWithCredit } from '../../src/pipeline/metadata/outlet.ts';

interface Case {
  siteName?: string | null;
  url?: string | null;
  text?: string;
  dateline?: DatelineGuess | null;
  expected: OutletGuess | null;
  reason: string;
}

const RU_LEDE = 'Министр иностранных дел России Сергей Лавров в среду заявил, что Москва не намерена ждать ответа.';
const FA_LEDE = 'وزیر امور خارجه روسیه روز چهارشنبه گفت که پاسخ‌های غرب باید مشخص و مکتوب باشد و نه کلی.';

const CASES: Case[] = [
  { siteName: 'РИА Новости', text: RU_LEDE, expected: { outlet: 'RIA Novosti', source: 'og:site_name' }, reason: 'a Russian site name is the canonical outlet' },
  { siteName: 'الجزيرة نت', text: 'نص', expected: { outlet: 'Al Jazeera', source: 'og:site_name' }, reason: 'an Arabic site name is the canonical outlet' },
  { siteName: 'Anadolu Ajansı', text: 'Metin', expected: { outlet: 'Anadolu Agency', source: 'og:site_name' }, reason: 'a Turkish site name is the canonical outlet' },
  { siteName: 'Lindenfeld Courier', text: RU_LEDE, expected: { outlet: 'Lindenfeld Courier', source: 'og:site_name' }, reason: 'an unknown site name is kept as written' },
  {
    text: `МОСКВА, 13 янв — РИА Новости. ${RU_LEDE}`, dateline: { city: 'Москва', dateText: '13 янв', credit: 'РИА Новости' },
    expected: { outlet: 'RIA Novosti', source: "credit '— РИА Новости.'" }, reason: 'dash credit of the dateline, quoted as written',
  },
  {
    text: `دمشق-سانا ${FA_LEDE}`, dateline: { city: 'دمشق', dateText: null, credit: 'سانا' },
    expected: { outlet: 'SANA', source: "credit '-سانا'" }, reason: 'credit glued to the city',
  },
  { text: `${RU_LEDE.replace(/\.$/, '')} (ИА REGNUM).`, expected: { outlet: 'REGNUM', source: "credit '(ИА REGNUM)'" }, reason: 'REGNUM credit closing the lede' },
  { text: `به گزارش خبرگزاری تسنیم به نقل از رسانه‌های روسیه، ${FA_LEDE}`, expected: { outlet: 'Tasnim News Agency', source: "credit 'به گزارش خبرگزاری تسنیم'" }, reason: 'Persian agency credit opening the lede' },
  { text: `به گزارش خبرنگار سیاسی ایرنا، ${FA_LEDE}`, expected: { outlet: 'IRNA', source: "credit 'به گزارش خبرنگار سیاسی ایرنا'" }, reason: 'Persian credit naming the desk first' },
  { text: `وی افزود که به گزارش رسانه‌های غربی، ${FA_LEDE}`, expected: null, reason: 'a report by unnamed media is no credit' },
  { text: `به گزارش خبرنگار ما از خلیج فارس، ${FA_LEDE}`, expected: null, reason: 'the Persian Gulf is not Fars News Agency' },
  { text: `به گزارش ۱۵ مهر ماه، ${FA_LEDE}`, expected: null, reason: 'the month Mehr is not Mehr News Agency' },
  { text: `Песков оценил итоги переговоров - РИА Новости, 13.01.2022\n${RU_LEDE}`, expected: { outlet: 'RIA Novosti', source: "site name 'РИА Новости'" }, reason: 'site name after the headline in the page title, date after it' },
  { text: `الكرملين: المحادثات وصلت إلى طريق مسدود | أخبار | الجزيرة نت\n${FA_LEDE}`, expected: { outlet: 'Al Jazeera', source: "site name 'الجزيرة نت'" }, reason: 'Arabic site name as the last segment of the page title' },
  { text: `ИА REGNUM\nНовости\n${RU_LEDE}`, expected: { outlet: 'REGNUM', source: "site name 'ИА REGNUM'" }, reason: 'logo line at the top of the capture' },
  { text: `Rusya - Ukrayna krizi\n${RU_LEDE}`, expected: null, reason: 'a page-title segment that names no known outlet' },
  { text: `${FA_LEDE}\nالمصدر : الجزيرة + وكالات`, expected: { outlet: 'Al Jazeera', source: "source line 'المصدر : الجزيرة + وكالات'" }, reason: 'Arabic source line naming the outlet' },
  { text: `${FA_LEDE}\nالمصدر : وكالات`, expected: null, reason: 'a source line naming only "agencies"' },
  { url: 'https://www.hurriyet.com.tr/gundem/haber-41234567', text: 'Metin', expected: { outlet: 'Hürriyet', source: 'host hurriyet.com.tr' }, reason: 'known Turkish host' },
];

for (const c of CASES) {
  test(`findOutlet: ${c.reason}`, () => {
    const guess = findOutlet({ siteName: c.siteName ?? null, url: c.url ?? null, text: c.text ?? '', dateline: c.dateline ?? null });
    assert.deepEqual(guess, c.expected);
  });
}

const OPENINGS: Array<[paragraph: string, expected: boolean, reason: string]> = [
  [`به گزارش خبرگزاری فارس، ${FA_LEDE}`, true, 'Persian credit at the very start'],
  [`(Reuters) - ${RU_LEDE}`, true, 'a wire credit at the very start'],
  [`${FA_LEDE} به گزارش خبرگزاری فارس`, false, 'a credit later in the paragraph does not open it'],
  [RU_LEDE, false, 'no credit at all'],
];

for (const [paragraph, expected, reason] of OPENINGS) {
  test(`opensWithCredit: ${reason}`, () => assert.equal(opensWithCredit(paragraph), expected));
}
