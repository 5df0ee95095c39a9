import type { TimeRange } from '@touchpoint/contract/src/timeRange';
import type { PlainValue } from '../db/plainValue';
import type { Row } from '../db/readRows';
import { firstAtOrAfter } from '../days/firstAtOrAfter';
import { mergeInKeyOrder } from '../db/mergeInKeyOrder';
import { metricBoundaryBytes, type MetricBoundary, type MetricShape } from './metricEdges';
import { quantileOfTwo, type QuantileOf } from './metricQuantile';

/**
 * A distribution's whole days as the keeper holds them: each key's values,
 * ascending, in one array (a key's from `start[key]` to `start[key + 1]`),
 * its quantile and count over the whole days alone (what a request with no
 * edge rows for it gives), and the days either side (their value in
 * `components[0]`).
 */
export interface KeptDistribution {
  rows: Row[];
  start: Int32Array;
  values: Float64Array;
  boundary: MetricBoundary;
}

const NO_VALUES = new Float64Array(0);

const number = (value: PlainValue | undefined) => (value === null || value === undefined ? NaN : Number(value));

/** The columns wholeValuesSql's keys carry: each key's rows, and how many of them have a value. */
export const DISTRIBUTION_ROWS = '__rows';
export const DISTRIBUTION_VALUES = '__values';

/**
 * The whole days' values as one array with each key's start: `keys` in
 * order, each with its rows and values (DISTRIBUTION_ROWS, _VALUES), and
 * `values` ordered by key then value, NULLs last within each key.
 * `boundaryOf` is keepMetricBoundary's over these keys.
 */
export const keepDistribution = (
  keys: readonly Row[],
  values: readonly PlainValue[],
  shape: MetricShape,
  quantile: QuantileOf,
  boundaryOf: (keys: Row[]) => MetricBoundary
): KeptDistribution => {
  const start = new Int32Array(keys.length + 1);
  const kept = new Float64Array(values.length);
  let read = 0;
  let count = 0;
  keys.forEach((key, k) => {
    start[k] = count;
    const withValue = Number(key[DISTRIBUTION_VALUES]);
    for (let i = 0; i < withValue; i += 1) {
      kept[count++] = number(values[read + i]);
    }
    read += Number(key[DISTRIBUTION_ROWS]);
  });
  start[keys.length] = count;
  const rows = keys.map((key, k) => ({
    ...Object.fromEntries(shape.keyColumns.map((column) => [column, key[column] ?? null])),
    value: quantileOfTwo(kept.subarray(start[k], start[k + 1]), NO_VALUES, quantile.fraction),
    n: start[k + 1] - start[k],
  }));
  return { rows, start, values: kept.slice(0, count), boundary: boundaryOf(rows) };
};

/** The bytes a kept distribution holds, for the keeper's budget. */
export const keptDistributionBytes = (kept: KeptDistribution): number =>
  kept.values.byteLength +
  kept.start.byteLength +
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
    const wholeValues = whole >= 0 ? kept.values.subarray(kept.start[whole], kept.start[whole + 1]) : NO_VALUES;
    const atEdges = Float64Array.from(values).sort();
    const row = {
      ...boundary.keys[key],
      value: quantileOfTwo(wholeValues, atEdges, quantile.fraction),
      n: wholeValues.length + atEdges.length,
    };
    if (whole >= 0) {
      rows[whole] = row;
    } else {
      added.push(row);
    }
  }
  return mergeInKeyOrder(rows, added, shape.keyColumns);
};
