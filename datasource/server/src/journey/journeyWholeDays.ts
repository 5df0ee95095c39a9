import { DAY_MS, ceilDay, floorDay, type TimeRange } from '@touchpoint/contract/src/timeRange';
import type { JourneyDimension } from '@touchpoint/contract/src/queryRequest';
import type { PlainValue } from '../db/plainValue';
import type { JourneyCountRow } from './journeyRows';
import { journeyGroupKeys } from './journeySql';

/** A range as the whole UTC days inside it and the partial days at its edges. */
export interface DaySplit {
  whole: TimeRange;
  edges: TimeRange[];
  /** The day before the whole days and the day after: where the edges of every range with these whole days fall. */
  boundary: [TimeRange, TimeRange];
}

/**
 * Splits a range where the metric panels split theirs (buildMetricSql's
 * hybrid source): the whole days, the same all day for a dashboard's moving
 * `now-90d`, and what is left at each end, within the day on either side.
 * Undefined when no whole day fits.
 */
export const splitWholeDays = (range: TimeRange): DaySplit | undefined => {
  const whole = { from: ceilDay(range.from), to: floorDay(range.to) };
  if (whole.to <= whole.from) {
    return undefined;
  }
  const edges: TimeRange[] = [];
  if (range.from < whole.from) {
    edges.push({ from: range.from, to: whole.from });
  }
  if (whole.to < range.to) {
    edges.push({ from: whole.to, to: range.to });
  }
  const boundary: [TimeRange, TimeRange] = [
    { from: whole.from - DAY_MS, to: whole.from },
    { from: whole.to, to: whole.to + DAY_MS },
  ];
  return { whole, edges, boundary };
};

/** The counts journeySql gives per group, each a sum over ratings or customers: what the edges add to. */
export const additiveCounts = [
  'ratings',
  'negative_ratings',
  'sli_points',
  'exposed_n',
  'exposed_churned',
  'other_n',
  'other_churned',
  'incomplete_customers',
] as const;

export type AdditiveCount = (typeof additiveCounts)[number];

/**
 * A group's row with its counts. A wall's request builds thousands of
 * these: copied with Object.assign from the counts made whole first, they
 * take a fifth of the time V8 needs when the counts are added to a copy
 * one computed key at a time, or spread after it.
 */
export const withCounts = (group: JourneyCountRow, count: (name: AdditiveCount) => number): JourneyCountRow => {
  const counts: Record<AdditiveCount, number> = {
    ratings: count('ratings'),
    negative_ratings: count('negative_ratings'),
    sli_points: count('sli_points'),
    exposed_n: count('exposed_n'),
    exposed_churned: count('exposed_churned'),
    other_n: count('other_n'),
    other_churned: count('other_churned'),
    incomplete_customers: count('incomplete_customers'),
  };
  return Object.assign({}, group, counts);
};

// In the statements' order: the touchpoint's place, then each key; a missing one last (DuckDB's NULLS LAST).
const compareValues = (a: PlainValue, b: PlainValue): number => {
  if (a === b) {
    return 0;
  }
  if (a === null || a === undefined) {
    return 1;
  }
  if (b === null || b === undefined) {
    return -1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
};

/** Groups in the order journeySql gives them: by the touchpoint's place, then each key. */
export const inGroupOrder = (rows: JourneyCountRow[], groupBy: readonly JourneyDimension[]): JourneyCountRow[] => {
  const keys = journeyGroupKeys(groupBy);
  return rows.sort(
    (a, b) =>
      compareValues(a.touchpoint_order, b.touchpoint_order) ||
      keys.reduce((order, key) => order || compareValues(a[key], b[key]), 0)
  );
};
