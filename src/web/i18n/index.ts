// UI languages: the locale table, message lookup with plural rules, and localised dates and digits.
import { en } from './en.ts';
import { ru } from './ru.ts';
import { ar } from './ar.ts';
import { fa } from './fa.ts';
import { tr } from './tr.ts';
import type { Catalogue, PluralKey, TextKey } from './types.ts';

export type Locale = 'en' | 'ru' | 'ar' | 'fa' | 'tr';

interface LocaleSpec {
  catalogue: Catalogue;
  dir: 'ltr' | 'rtl';
  /** URL prefix: English lives at the root. */
  prefix: string;
  /** Name of the language in itself, for the switcher. */
  native: string;
  /**
   * BCP 47 tag handed to Intl. Arabic and Persian name their digit systems (Arabic-Indic, Persian) because
   * ICU's default for bare "ar" is Latin digits; Persian keeps the Gregorian calendar the sources are dated in.
   */
  intl: string;
}

export const LOCALES: Record<Locale, LocaleSpec> = {
  en: { catalogue: en, dir: 'ltr', prefix: '', native: 'English', intl: 'en-GB' },
  ru: { catalogue: ru, dir: 'ltr', prefix: '/ru', native: 'Русский', intl: 'ru' },
  ar: { catalogue: ar, dir: 'rtl', prefix: '/ar', native: 'العربية', intl: 'ar-u-nu-arab' },
  fa: { catalogue: fa, dir: 'rtl', prefix: '/fa', native: 'فارسی', intl: 'fa-u-ca-gregory-nu-arabext' },
  tr: { catalogue: tr, dir: 'ltr', prefix: '/tr', native: 'Türkçe', intl: 'tr' },
};

export const LOCALE_CODES = Object.keys(LOCALES) as Locale[];

type Vars = Record<string, string | number>;

/** Everything a template needs to speak one language. */
export interface Translator {
  locale: Locale;
  dir: 'ltr' | 'rtl';
  t(key: TextKey, vars?: Vars): string;
  /** A counted phrase with the language's plural form; {count} is written with the language's digits. */
  n(key: PluralKey, count: number, vars?: Vars): string;
  num(n: number): string;
  /** A 0..1 share as a percentage in the language's own form ("80%", "%80", "٨٠٪"). */
  pct(share: number): string;
  /** An ISO date or datetime at day precision ("2022-01-10", "2022-01", "2022" keep their precision). */
  date(iso: string | null | undefined): string;
  /** Date and wall-clock time as published, with the UTC offset when known. */
  dateTime(iso: string | null | undefined): string;
  /** Short axis label: day and month, or month and year. */
  axis(d: Date, unit: 'day' | 'month'): string;
  languageName(code: string | null | undefined): string;
  /** A site path in this language: '/stories/1' → '/fa/stories/1'. */
  path(p: string): string;
}

const cache = new Map<Locale, Translator>();

export function translator(locale: Locale): Translator {
  let t = cache.get(locale);
  if (!t) cache.set(locale, (t = build(locale)));
  return t;
}

function build(locale: Locale): Translator {
  const spec = LOCALES[locale];
  const nf = new Intl.NumberFormat(spec.intl);
  const pf = new Intl.NumberFormat(spec.intl, { style: 'percent', maximumFractionDigits: 0 });
  const plural = new Intl.PluralRules(spec.intl);
  const day = new Intl.DateTimeFormat(spec.intl, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(spec.intl, { year: 'numeric', month: 'long', timeZone: 'UTC' });
  const year = new Intl.DateTimeFormat(spec.intl, { year: 'numeric', timeZone: 'UTC' });
  const time = new Intl.DateTimeFormat(spec.intl, { timeStyle: 'short', timeZone: 'UTC' });
  const axisDay = new Intl.DateTimeFormat(spec.intl, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const axisMonth = new Intl.DateTimeFormat(spec.intl, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const names = new Intl.DisplayNames([spec.intl], { type: 'language', fallback: 'code' });
  const fill = (s: string, vars: Vars = {}) =>
    s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? (typeof vars[k] === 'number' ? nf.format(vars[k] as number) : String(vars[k])) : m));
  const parse = (iso: string): Date | null => {
    const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
    return Number.isNaN(d.getTime()) ? null : d;
  };
  return {
    locale,
    dir: spec.dir,
    t: (key, vars) => fill(spec.catalogue[key], vars),
    n: (key, count, vars) => {
      const forms = spec.catalogue[key];
      // Arabic "zero" and similar categories are used only when the catalogue has them; "other" always exists.
      return fill(forms[plural.select(count)] ?? forms.other, { ...vars, count });
    },
    num: (n) => nf.format(n),
    pct: (share) => pf.format(share),
    date: (iso) => {
      if (!iso) return '';
      if (/^\d{4}$/.test(iso)) return year.format(new Date(`${iso}-01-01T00:00:00Z`));
      if (/^\d{4}-\d{2}$/.test(iso)) return month.format(new Date(`${iso}-01T00:00:00Z`));
      // The calendar date as the outlet wrote it, not shifted to another time zone.
      const d = parse(iso.slice(0, 10));
      return d ? day.format(d) : iso;
    },
    dateTime: (iso) => {
      if (!iso) return '';
      const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(iso);
      if (!m) return translator(locale).date(iso);
      // The wall-clock time as published, with its offset when the source gave one.
      const clock = time.format(new Date(`1970-01-01T${m[2]}:00Z`));
      const zone = m[3] === undefined ? '' : m[3] === 'Z' ? ' UTC' : ` UTC${m[3]}`;
      return `${translator(locale).date(m[1])} ${clock}${zone}`;
    },
    axis: (d, unit) => (unit === 'day' ? axisDay : axisMonth).format(d),
    languageName: (code) => {
      if (!code) return '';
      try {
        return names.of(code) ?? code;
      } catch {
        return code;
      }
    },
    path: (p) => (spec.prefix && p === '/' ? spec.prefix + '/' : spec.prefix + p),
  };
}

/** The UI language a path is in, and the path without its language prefix. */
export function localeOfPath(path: string): { locale: Locale; rest: string } {
  const m = /^\/(ru|ar|fa|tr)(?=\/|$|\?)(.*)$/.exec(path);
  if (!m) return { locale: 'en', rest: path };
  return { locale: m[1] as Locale, rest: m[2].startsWith('?') ? `/${m[2]}` : m[2] || '/' };
}
