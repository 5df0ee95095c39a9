import type { DuckDBConnection } from '@duckdb/node-api';
import { DAY_MS, ceilDay, floorDay, type TimeRange } from '@touchpoint/contract/src/timeRange';

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

/**
 * Where what a range's whole days give is kept (the journey's counts, a
 * metric's sums): `key` names the question and the whole days (not the
 * data: a keeper belongs to one warehouse), and `count` reads them, on the
 * connection the keeper gives it, when it has not. The keeper chooses the
 * connection: the service's counts run as jobs of their own, so a count
 * outlives the request that started it. Undefined when the keeper has
 * nothing for the request yet and will not make it wait (a question's
 * first request, counted after it answers): the range is read at once.
 */
export type WholeDaysKeeper<T> = (
  key: string,
  count: (connection: DuckDBConnection) => Promise<T>
) => Promise<T | undefined>;
