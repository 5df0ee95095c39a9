import type { TimeRange } from '@touchpoint/contract/src/timeRange';
import type { PlainValue } from '../db/plainValue';
import type { Row } from '../db/readRows';
import { firstAtOrAfter } from '../days/firstAtOrAfter';
import { copyColumns } from '../db/copyColumns';
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
  const rows = keys.map((key, k) => {
    const row = copyColumns(key, shape.keyColumns);
    row.value = quantileOfTwo(windowOf(kept, k), NO_VALUES, quantile.fraction);
    row.n = kept.count[k];
    return row;
  });
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
  const keyCount = boundary.keys.length;
  // Each key's edge values in one array, counted first and then placed (a
  // list per key cost a map lookup and a growing array per row): key k's
  // are from `starts[k]` to `starts[k + 1]`.
  const touched = new Uint8Array(keyCount);
  const starts = new Int32Array(keyCount + 1);
  const spans = edges.map((edge) => ({
    from: firstAtOrAfter(boundary.at, edge.from * 1000),
    to: firstAtOrAfter(boundary.at, edge.to * 1000),
  }));
  const column = boundary.components[0];
  for (const span of spans) {
    for (let i = span.from; i < span.to; i += 1) {
      touched[boundary.key[i]] = 1;
      if (column[i] === column[i]) {
        starts[boundary.key[i] + 1] += 1;
      }
    }
  }
  for (let k = 0; k < keyCount; k += 1) {
    starts[k + 1] += starts[k];
  }
  const edgeValues = new Float64Array(starts[keyCount]);
  const placed = starts.slice(0, keyCount);
  for (const span of spans) {
    for (let i = span.from; i < span.to; i += 1) {
      if (column[i] === column[i]) {
        edgeValues[placed[boundary.key[i]]++] = column[i];
      }
    }
  }
  const rows = kept.rows.slice();
  const added: Row[] = [];
  for (let key = 0; key < keyCount; key += 1) {
    if (!touched[key]) {
      continue;
    }
    const whole = boundary.wholeRow[key];
    const wholeValues = whole >= 0 ? windowOf(kept, whole) : everyRank(NO_VALUES);
    const atEdges = edgeValues.subarray(starts[key], starts[key + 1]).sort();
    const row = copyColumns(boundary.keys[key], shape.keyColumns);
    row.value = quantileOfTwo(wholeValues, atEdges, quantile.fraction);
    row.n = wholeValues.count + atEdges.length;
    if (whole >= 0) {
      rows[whole] = row;
    } else {
      added.push(row);
    }
  }
  return mergeInKeyOrder(rows, added, shape.keyColumns);
};
