import type { MetricDefinition } from '../catalog/metricCatalog';

/** A distribution metric read as what it is: a quantile of one fact column, counted by its values. */
export interface QuantileOf {
  column: string;
  fraction: number;
}

const quantilePattern = /^\s*quantile_cont\(\s*([a-z_][a-z0-9_]*)\s*,\s*(0(?:\.\d+)?|1(?:\.0+)?)\s*\)\s*$/i;
const countPattern = /^\s*count\(\s*([a-z_][a-z0-9_]*)\s*\)\s*$/i;

/**
 * The column and fraction of a catalog distribution whose formula is
 * `quantile_cont(column, fraction)` and whose n is `count(column)`; any
 * other (a quantile of an expression, a different n) is undefined, and is
 * always evaluated by DuckDB.
 */
export const readQuantile = (metric: MetricDefinition): QuantileOf | undefined => {
  if (metric.components.length > 0) {
    return undefined;
  }
  const quantile = quantilePattern.exec(metric.formula);
  const count = countPattern.exec(metric.n);
  if (!quantile || !count || quantile[1].toLowerCase() !== count[1].toLowerCase()) {
    return undefined;
  }
  return { column: quantile[1].toLowerCase(), fraction: Number(quantile[2]) };
};

/** The value of rank `k` (from 0) among the values of two ascending arrays together, by binary search on how many come from `b`. */
const rankOfTwo = (a: Float64Array, b: Float64Array, k: number): number => {
  const taken = k + 1;
  let low = Math.max(0, taken - a.length);
  let high = Math.min(taken, b.length);
  while (low < high) {
    const fromB = (low + high) >>> 1;
    const fromA = taken - fromB;
    if (fromA > 0 && a[fromA - 1] > b[fromB]) {
      low = fromB + 1;
    } else {
      high = fromB;
    }
  }
  const fromA = taken - low;
  const lastA = fromA > 0 ? a[fromA - 1] : -Infinity;
  const lastB = low > 0 ? b[low - 1] : -Infinity;
  return Math.max(lastA, lastB);
};

/**
 * DuckDB's `quantile_cont` over the values of two ascending arrays
 * together, without merging them: the position `(n - 1) * fraction`, and
 * between the values on either side of it `lo + (hi - lo) * (position -
 * floor)`, as DuckDB interpolates. Null when there are no values.
 */
export const quantileOfTwo = (a: Float64Array, b: Float64Array, fraction: number): number | null => {
  const n = a.length + b.length;
  if (n === 0) {
    return null;
  }
  const position = (n - 1) * fraction;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const lo = rankOfTwo(a, b, below);
  if (below === above) {
    return lo;
  }
  const hi = rankOfTwo(a, b, above);
  return lo + (hi - lo) * (position - below);
};
