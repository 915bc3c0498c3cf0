// The accounts catalogues: every language has every English key, the same {placeholders}, and no empty text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { en } from '../../src/accounts/i18n/en.ts';
import { ru } from '../../src/accounts/i18n/ru.ts';
import { ar } from '../../src/accounts/i18n/ar.ts';
import { fa } from '../../src/accounts/i18n/fa.ts';
import { tr } from '../../src/accounts/i18n/tr.ts';
import { accountsText } from '../../src/accounts/i18n/index.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const texts = (v: string | Record<string, string>) => (typeof v === 'string' ? [v] : Object.values(v));

test('every catalogue has the English keys with the same placeholders', () => {
  for (const [lang, cat] of Object.entries({ ru, ar, fa, tr })) {
    assert.deepEqual(Object.keys(cat).sort(), Object.keys(en).sort(), lang);
    for (const [key, value] of Object.entries(en)) {
      const theirs = (cat as Record<string, string | Record<string, string>>)[key];
      // Plural forms may spell out small numbers ("نقطتان") instead of {count}; only non-count placeholders must match.
      const want = [...new Set(texts(value).flatMap(placeholders))].filter((p) => p !== 'count');
      for (const t of texts(theirs)) {
        assert.ok(t.trim(), `${lang} ${key} is empty`);
        assert.deepEqual([...new Set(placeholders(t))].filter((p) => p !== 'count'), want, `${lang} ${key}: ${t}`);
      }
    }
  }
});

test('plurals follow each language: Russian few/many, Arabic dual', () => {
  const rows: Array<[string, string, number, string]> = [
    ['English singular', 'en', 1, '1 Point'],
    ['English plural', 'en', 56, '56 Points'],
    ['Russian "few"', 'ru', 3, '3 балла'],
    ['Russian "many"', 'ru', 56, '56 баллов'],
    ['Arabic dual', 'ar', 2, 'نقطتان'],
    ['Arabic digits', 'ar', 56, '٥٦ نقطة'],
    ['Persian digits', 'fa', 56, '۵۶ امتیاز'],
    ['Turkish', 'tr', 56, '56 Puan'],
  ];
  for (const [reason, locale, n, expected] of rows) {
    assert.equal(accountsText(locale as 'en').n('count.points', n), expected, reason);
  }
});
