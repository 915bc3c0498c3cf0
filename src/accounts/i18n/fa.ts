import { en } from './en.ts';
import type { AccountsCatalogue } from './types.ts';

export const fa: AccountsCatalogue = en;
