import type { TimeRange } from '@touchpoint/contract/src/timeRange';
import type { PlainValue } from '../db/plainValue';
import type { Row } from '../db/readRows';
import { firstAtOrAfter } from '../days/firstAtOrAfter';
import { mergeInKeyOrder } from '../db/mergeInKeyOrder';
import { metricBoundaryBytes, type MetricBoundary, type MetricShape } from './metricEdges';
import { everyRank, quantileOfTwo, type QuantileOf, type RankWindow } from './metricQuantile';

/**
 * A distribution's whole days as the keeper holds them: per key, only the
 * ranks of its values a quantile can reach once a request adds the edges'
 * values (rankWindowSql), ascending, in one array (a key's from
 * `start[key]` to `start[key + 1]`, the first of rank `offset[key]` of
 * `count[key]`); its quantile and count over the whole days alone (what a
 * request with no edge rows for it gives); and the days either side (their
 * value in `components[0]`). What it holds is bounded by the edge days'
 * values, not by the range's: 90 days at scale 100 hold 4M values, their
 * windows a few percent of that.
 */
export interface KeptDistribution {
  rows: Row[];
  start: Int32Array;
  offset: Int32Array;
  count: Int32Array;
  values: Float64Array;
  boundary: MetricBoundary;
}

const NO_VALUES = new Float64Array(0);

/** The columns the whole days' windowed values carry beside the keys and the value: each value's rank, and its key's count of values. */
export const DISTRIBUTION_RANK = '__rank';
export const DISTRIBUTION_VALUES = '__values';

const windowOf = (kept: Pick<KeptDistribution, 'start' | 'offset' | 'count' | 'values'>, k: number): RankWindow => ({
  values: kept.values.subarray(kept.start[k], kept.start[k + 1]),
  offset: kept.offset[k],
  count: kept.count[k],
});

/**
 * The whole days' windowed values, read as columns (keys, value,
 * DISTRIBUTION_RANK, DISTRIBUTION_VALUES) ordered by key then value, each
 * key with at least one row (its value null when it has none), kept as
 * one array with each key's start, rank and count. `boundaryOf` is
 * keepMetricBoundary's over these keys.
 */
export const keepDistribution = (
  columns: Readonly<Record<string, readonly PlainValue[]>>,
  shape: MetricShape,
  quantile: QuantileOf,
  boundaryOf: (keys: Row[]) => MetricBoundary
): KeptDistribution => {
  const keyValues = shape.keyColumns.map((column) => columns[column] ?? []);
  const ranks = columns[DISTRIBUTION_RANK] ?? [];
  const counts = columns[DISTRIBUTION_VALUES] ?? [];
  const read = columns[quantile.column] ?? [];
  const keys: Row[] = [];
  const start: number[] = [];
  const offset: number[] = [];
  const count: number[] = [];
  const values = new Float64Array(read.length);
  let held = 0;
  for (let i = 0; i < read.length; i += 1) {
    // Rows come in key order, so a key starts where any key column differs from the row before (keys are plain values).
    if (i === 0 || keyValues.some((column) => column[i] !== column[i - 1])) {
      keys.push(Object.fromEntries(shape.keyColumns.map((column, c) => [column, keyValues[c][i] ?? null])));
      start.push(held);
      offset.push(Number(ranks[i]));
      count.push(Number(counts[i]));
    }
    const value = read[i];
    if (value !== null && value !== undefined) {
      values[held++] = Number(value);
    }
  }
  start.push(held);
  const kept = {
    start: Int32Array.from(start),
    offset: Int32Array.from(offset),
    count: Int32Array.from(count),
    values: values.slice(0, held),
  };
  const rows = keys.map((key, k) => ({
    ...key,
    value: quantileOfTwo(windowOf(kept, k), NO_VALUES, quantile.fraction),
    n: kept.count[k],
  }));
  return { rows, ...kept, boundary: boundaryOf(rows) };
};

/** The bytes a kept distribution holds, for the keeper's budget. */
export const keptDistributionBytes = (kept: KeptDistribution): number =>
  kept.values.byteLength +
  kept.start.byteLength +
  kept.offset.byteLength +
  kept.count.byteLength +
  metricBoundaryBytes(kept.boundary) +
  2 * JSON.stringify(kept.rows).length;

/**
 * A range's quantile and count per key (buildMetricSql's value rows over
 * the range, in its order): each key's whole-day values with the values of
 * its edge rows, the quantile found across the two without merging them
 * (quantileOfTwo). A key with values only at an edge is put in its place.
 */
export const addDistributionEdges = (
  kept: KeptDistribution,
  edges: readonly TimeRange[],
  shape: MetricShape,
  quantile: QuantileOf
): Row[] => {
  const { boundary } = kept;
  const edgeValues = new Map<number, number[]>();
  for (const edge of edges) {
    const end = firstAtOrAfter(boundary.at, edge.to * 1000);
    for (let i = firstAtOrAfter(boundary.at, edge.from * 1000); i < end; i += 1) {
      const key = boundary.key[i];
      const values = edgeValues.get(key) ?? [];
      edgeValues.set(key, values);
      const value = boundary.components[0][i];
      if (!Number.isNaN(value)) {
        values.push(value);
      }
    }
  }
  const rows = kept.rows.slice();
  const added: Row[] = [];
  for (const [key, values] of edgeValues) {
    const whole = boundary.wholeRow[key];
    const wholeValues = whole >= 0 ? windowOf(kept, whole) : everyRank(NO_VALUES);
    const atEdges = Float64Array.from(values).sort();
    const row = {
      ...boundary.keys[key],
      value: quantileOfTwo(wholeValues, atEdges, quantile.fraction),
      n: wholeValues.count + atEdges.length,
    };
    if (whole >= 0) {
      rows[whole] = row;
    } else {
      added.push(row);
    }
  }
  return mergeInKeyOrder(rows, added, shape.keyColumns);
};
