// Catalogue types of the accounts pages: every language carries the English keys, plural forms where English has them.
import type { en } from './en.ts';
import type { PluralMessage } from '../../web/i18n/types.ts';

export type AccountsMessageKey = keyof typeof en;
export type AccountsPluralKey = { [K in AccountsMessageKey]: (typeof en)[K] extends string ? never : K }[AccountsMessageKey];
export type AccountsKey = Exclude<AccountsMessageKey, AccountsPluralKey>;

export type AccountsCatalogue = { [K in AccountsMessageKey]: (typeof en)[K] extends string ? string : PluralMessage };
