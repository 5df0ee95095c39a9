import type { FieldType } from '@touchpoint/contract/src/dataFrame';
import { journeyColumns } from '@touchpoint/contract/src/journeyColumns';
import type { JourneyDimension } from '@touchpoint/contract/src/queryRequest';
import type { PlainValue } from '../db/plainValue';
import type { ColumnarResult } from '../service/frames/readFrame';
import { journeyGroupColumns } from './journeySql';
import { newcombeInterval } from './newcombeInterval';

export type JourneyCountRow = Record<string, PlainValue>;

const count = (value: PlainValue): number => Number(value ?? 0);
const percent = (part: number, whole: number): number | null => (whole > 0 ? (100 * part) / whole : null);

/**
 * One group's journey columns from its counts (docs/metrics.md, "Where the
 * journey leaks"): the negative share and SLI of its ratings, the churned shares after a negative rating and after
 * others, their difference in percentage points with Newcombe's 95%
 * interval, and the customers at risk, exposed x max(lift, 0) / 100. With
 * no exposed customers or no others there is no lift, and no one at risk to
 * name: those stay null.
 */
export const journeyValues = (row: JourneyCountRow): Record<(typeof journeyColumns)[number], PlainValue> => {
  const exposedN = count(row.exposed_n);
  const exposedChurned = count(row.exposed_churned);
  const otherN = count(row.other_n);
  const otherChurned = count(row.other_churned);
  const lift = newcombeInterval(exposedChurned, exposedN, otherChurned, otherN);
  return {
    touchpoint_order: row.touchpoint_order,
    ratings: count(row.ratings),
    negative_ratings: count(row.negative_ratings),
    negative_share: percent(count(row.negative_ratings), count(row.ratings)),
    // SLI = 100 * sum(points) / (10 * n) (docs/metrics.md): each rating has -10 to 10 points.
    sli: percent(count(row.sli_points), 10 * count(row.ratings)),
    exposed_n: exposedN,
    exposed_churned: exposedChurned,
    other_n: otherN,
    other_churned: otherChurned,
    churn_after_negative: percent(exposedChurned, exposedN),
    churn_after_other: percent(otherChurned, otherN),
    churn_lift: lift ? 100 * lift.difference : null,
    churn_lift_low: lift ? 100 * lift.low : null,
    churn_lift_high: lift ? 100 * lift.high : null,
    customers_at_risk: lift ? (exposedN * Math.max(100 * lift.difference, 0)) / 100 : null,
    incomplete_customers: count(row.incomplete_customers),
  };
};

/** The journey frame's columns (journeyColumns, after the group's own) from the SQL's rows, in their order. */
export const journeyResult = (rows: JourneyCountRow[], groupBy: readonly JourneyDimension[]): ColumnarResult => {
  const groups = journeyGroupColumns(groupBy);
  const values = rows.map(journeyValues);
  const names = [...groups, ...journeyColumns];
  const columns: PlainValue[][] = [
    ...groups.map((name) => rows.map((row) => row[name] ?? null)),
    ...journeyColumns.map((name) => values.map((row) => row[name])),
  ];
  const types: FieldType[] = [
    ...groups.map((): FieldType => 'string'),
    ...journeyColumns.map((): FieldType => 'number'),
  ];
  return { names, types, columns, rows: rows.length, truncated: false };
};
