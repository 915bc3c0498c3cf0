// Shapes of the temporal-expression stage: what findTimexes returns and what it is anchored to.

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

/** The granularity a value pins down; 'other' covers quarters, seasons, decades, durations and vague references. */
export type TimexPrecision = 'day' | 'month' | 'year' | 'week' | 'time' | 'other';

/** TimeML 1.2 `mod` values. */
export type TimexMod =
  | 'BEFORE' | 'AFTER' | 'ON_OR_BEFORE' | 'ON_OR_AFTER'
  | 'LESS_THAN' | 'MORE_THAN' | 'EQUAL_OR_LESS' | 'EQUAL_OR_MORE'
  | 'START' | 'MID' | 'END' | 'APPROX';

/**
 * How the expression is used. 'modifier' marks a date that only qualifies a noun
 * ("the 1997 borders", "the 2008 summit") and so names no event time of its own.
 */
export type TimexRole = 'modifier';

export interface TimexAnchor {
  /** ISO date or datetime of the article (its publication or creation time); null when unknown. */
  date: string | null;
}

export interface Timex {
  /** Character offsets into the text given to findTimexes, end exclusive. */
  start: number;
  end: number;
  text: string;
  type: TimexType;
  /**
   * TIMEX3 value: '2022-01-10', '2022-01', '2022', '2022-W02', '2022-Q3', '2022-SU',
   * '2022-01-10T14:10', '2022-01-09TEV', 'P3D', 'PXY', 'PRESENT_REF', 'PAST_REF', 'FUTURE_REF',
   * 'XXXX-12-17' (year unknown), 'XXXX-WXX-5' (a weekday with no anchor).
   */
  value: string;
  precision: TimexPrecision;
  mod?: TimexMod;
  role?: TimexRole;
}
