// Catalogue completeness and the language rules: plurals, digits, dates, direction, paths.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LOCALES, LOCALE_CODES, localeOfPath, translator } from '../../src/web/i18n/index.ts';
import { en } from '../../src/web/i18n/en.ts';

test('every catalogue has every English key, no extra keys, and the same placeholders', () => {
  const keys = Object.keys(en).sort();
  const placeholders = (v: unknown) => [...new Set(JSON.stringify(v).match(/\{\w+\}/g) ?? [])].sort();
  for (const code of LOCALE_CODES) {
    const cat = LOCALES[code].catalogue as Record<string, unknown>;
    assert.deepEqual(Object.keys(cat).sort(), keys, `${code}: same keys`);
    for (const k of keys) {
      const v = cat[k];
      assert.ok(typeof v === 'string' ? v.trim().length > 0 : typeof v === 'object' && v !== null && 'other' in v, `${code}.${k}: present and non-empty`);
      assert.equal(typeof v, typeof (en as Record<string, unknown>)[k], `${code}.${k}: plural where English is plural`);
      assert.deepEqual(placeholders(v), placeholders((en as Record<string, unknown>)[k]), `${code}.${k}: placeholders`);
    }
  }
});

test('plural catalogues cover every category the language uses', () => {
  const samples = [0, 1, 2, 3, 5, 11, 21, 22, 25, 100, 101, 102, 1.5];
  for (const code of LOCALE_CODES) {
    const rules = new Intl.PluralRules(LOCALES[code].intl);
    const used = new Set(samples.map((n) => rules.select(n)));
    for (const [key, v] of Object.entries(LOCALES[code].catalogue)) {
      if (typeof v === 'string') continue;
      for (const cat of used) assert.ok(cat === 'other' || cat in v || code === 'tr' || code === 'fa' || cat === 'zero', `${code}.${key}: form '${cat}'`);
    }
  }
});

test('counted phrases pick the right plural form and digits', () => {
  const rows: Array<{ code: keyof typeof LOCALES; n: number; want: string; why: string }> = [
    { code: 'en', n: 1, want: '1 article', why: 'English one' },
    { code: 'en', n: 1000, want: '1,000 articles', why: 'English other with grouping' },
    { code: 'ru', n: 1, want: '1 статья', why: 'Russian one' },
    { code: 'ru', n: 3, want: '3 статьи', why: 'Russian few' },
    { code: 'ru', n: 5, want: '5 статей', why: 'Russian many' },
    { code: 'ru', n: 21, want: '21 статья', why: 'Russian one for 21' },
    { code: 'ar', n: 2, want: 'مقالان', why: 'Arabic dual' },
    { code: 'ar', n: 3, want: '٣ مقالات', why: 'Arabic few with Arabic-Indic digits' },
    { code: 'ar', n: 11, want: '١١ مقالًا', why: 'Arabic many' },
    { code: 'fa', n: 12, want: '۱۲ مقاله', why: 'Persian digits' },
    { code: 'tr', n: 2, want: '2 makale', why: 'Turkish has no plural noun after numbers' },
  ];
  for (const r of rows) assert.equal(translator(r.code).n('count.articles', r.n), r.want, r.why);
});

test('dates are localised, kept at their precision, and not shifted across time zones', () => {
  const rows: Array<{ code: keyof typeof LOCALES; iso: string; want: RegExp; why: string }> = [
    { code: 'en', iso: '2022-02-16', want: /^16 February 2022$/, why: 'day' },
    { code: 'en', iso: '2022-02-16T23:30:00-05:00', want: /^16 February 2022$/, why: 'the date as published, not UTC' },
    { code: 'en', iso: '2022-02', want: /^February 2022$/, why: 'month precision' },
    { code: 'fa', iso: '2022-02-16', want: /^۱۶ فوریه/, why: 'Persian: Gregorian month, Persian digits' },
    { code: 'ar', iso: '2022-02-16', want: /^١٦ فبراير ٢٠٢٢$/, why: 'Arabic-Indic digits' },
    { code: 'ru', iso: '2022-02-16', want: /^16 февраля 2022/, why: 'Russian genitive month' },
    { code: 'tr', iso: '2022-02-16', want: /^16 Şubat 2022$/, why: 'Turkish' },
  ];
  for (const r of rows) assert.match(translator(r.code).date(r.iso), r.want, r.why);
  assert.equal(translator('en').dateTime('2022-02-16T14:10:00+03:00'), '16 February 2022 14:10 UTC+03:00', 'wall-clock time with its offset');
});

test('direction and paths per language', () => {
  assert.deepEqual(LOCALE_CODES.filter((c) => LOCALES[c].dir === 'rtl').sort(), ['ar', 'fa']);
  assert.equal(translator('en').path('/stories/1'), '/stories/1');
  assert.equal(translator('fa').path('/stories/1'), '/fa/stories/1');
  assert.equal(translator('ru').path('/'), '/ru/');
  const rows: Array<{ path: string; locale: string; rest: string }> = [
    { path: '/', locale: 'en', rest: '/' },
    { path: '/fa', locale: 'fa', rest: '/' },
    { path: '/fa/search?q=x', locale: 'fa', rest: '/search?q=x' },
    { path: '/fa?x=1', locale: 'fa', rest: '/?x=1' },
    { path: '/fantasy', locale: 'en', rest: '/fantasy' },
  ];
  for (const r of rows) assert.deepEqual(localeOfPath(r.path), { locale: r.locale, rest: r.rest }, r.path);
});
