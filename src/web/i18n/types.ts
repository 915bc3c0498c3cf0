// Catalogue types: every language carries the English catalogue's keys, with plural forms where English has them.
import type { en } from './en.ts';

/** Forms by CLDR plural category; `other` is always required, the rest as the language needs them. */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export type MessageKey = keyof typeof en;
export type PluralKey = { [K in MessageKey]: (typeof en)[K] extends string ? never : K }[MessageKey];
export type TextKey = Exclude<MessageKey, PluralKey>;

export type Catalogue = { [K in MessageKey]: (typeof en)[K] extends string ? string : PluralMessage };
