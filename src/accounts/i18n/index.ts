// The accounts pages' strings in the five UI languages, on top of the site's translator (dates, digits, paths).
import { LOCALES, LOCALE_CODES, translator, type Locale, type Translator } from '../../web/i18n/index.ts';
import { en } from './en.ts';
import { ru } from './ru.ts';
import { ar } from './ar.ts';
import { fa } from './fa.ts';
import { tr } from './tr.ts';
import type { AccountsCatalogue, AccountsKey, AccountsPluralKey } from './types.ts';

export type { Locale };
export { LOCALE_CODES };

const CATALOGUES: Record<Locale, AccountsCatalogue> = { en, ru, ar, fa, tr };

type Vars = Record<string, string | number>;

export interface AccountsText {
  locale: Locale;
  /** The site's translator: dates, numbers, language names, localised paths and the site's own strings. */
  site: Translator;
  t(key: AccountsKey, vars?: Vars): string;
  n(key: AccountsPluralKey, count: number, vars?: Vars): string;
  has(key: string): key is AccountsKey;
}

const cache = new Map<Locale, AccountsText>();

export function accountsText(locale: Locale): AccountsText {
  let a = cache.get(locale);
  if (!a) cache.set(locale, (a = build(locale)));
  return a;
}

function build(locale: Locale): AccountsText {
  const catalogue = CATALOGUES[locale];
  const site = translator(locale);
  const plural = new Intl.PluralRules(LOCALES[locale].intl);
  const fill = (s: string, vars: Vars = {}) =>
    s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? (typeof vars[k] === 'number' ? site.num(vars[k] as number) : String(vars[k])) : m));
  return {
    locale,
    site,
    t: (key, vars) => fill(catalogue[key] as string, vars),
    n: (key, count, vars) => {
      const forms = catalogue[key] as { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;
      return fill(forms[plural.select(count)] ?? forms.other, { ...vars, count });
    },
    has: (key): key is AccountsKey => Object.hasOwn(catalogue, key) && typeof catalogue[key as AccountsKey] === 'string',
  };
}

/** A site path in a language: ('fa', '/login') → '/fa/login'. */
export function localePath(locale: Locale, path: string): string {
  return LOCALES[locale].prefix + path;
}
