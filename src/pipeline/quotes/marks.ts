// Quotation-mark data: which characters open and close quotations in the styles news text uses.

/** How a mark may act; 'either' marks ("straight" quotes) are decided by their neighbours. */
export type MarkRole = 'open' | 'close' | 'either';

export interface MarkInfo {
  role: MarkRole;
  /** Double marks outrank single ones: a single mark inside a double quotation is nested speech or an apostrophe. */
  weight: 'double' | 'single';
  /** Characters that can close a quotation opened by this mark. */
  closers: string;
}

export const MARKS: Record<string, MarkInfo> = {
  '“': { role: 'open', weight: 'double', closers: '”"' },
  '”': { role: 'close', weight: 'double', closers: '”' },
  '"': { role: 'either', weight: 'double', closers: '"”' },
  '„': { role: 'open', weight: 'double', closers: '“”' },
  '«': { role: 'open', weight: 'double', closers: '»' },
  '»': { role: 'close', weight: 'double', closers: '' },
  '「': { role: 'open', weight: 'double', closers: '」' },
  '」': { role: 'close', weight: 'double', closers: '' },
  '『': { role: 'open', weight: 'double', closers: '』' },
  '』': { role: 'close', weight: 'double', closers: '' },
  '‘': { role: 'open', weight: 'single', closers: '’\'' },
  '’': { role: 'close', weight: 'single', closers: '' },
  '\'': { role: 'either', weight: 'single', closers: '\'’' },
  '‚': { role: 'open', weight: 'single', closers: '‘’' },
  '‹': { role: 'open', weight: 'single', closers: '›' },
  '›': { role: 'close', weight: 'single', closers: '' },
};

export const MARK_CHARS = new Set(Object.keys(MARKS));

/** Characters after which a straight quote opens rather than closes. */
export const OPENING_CONTEXT = /[\s([{\u2014\u2013\-/:;]/u;
