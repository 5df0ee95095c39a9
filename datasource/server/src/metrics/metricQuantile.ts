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

/**
 * Ascending values of which only some ranks are held: ranks `offset` to
 * `offset + values.length - 1` of `count`. A distribution's whole days keep
 * only the ranks a quantile can reach once the edges' values are added
 * (distributionEdges.ts), not every value.
 */
export interface RankWindow {
  values: Float64Array;
  offset: number;
  count: number;
}

/** Every value held: the window of a plain ascending array. */
export const everyRank = (values: Float64Array): RankWindow => ({ values, offset: 0, count: values.length });

// A rank the window does not hold means the window was cut too narrow: a bug, never a silently wrong answer.
const rankIn = (a: RankWindow, rank: number): number => {
  const index = rank - a.offset;
  if (index < 0 || index >= a.values.length) {
    throw new RangeError(
      `rank ${rank} of ${a.count} is outside the kept ranks ${a.offset} to ${a.offset + a.values.length - 1}`
    );
  }
  return a.values[index];
};

/**
 * The value of rank `k` (from 0) among the values of `a` and `b` together,
 * by binary search on how many come from `b`. It reads `a` only at ranks
 * `k - b.length` to `k`.
 */
const rankOfTwo = (a: RankWindow, b: Float64Array, k: number): number => {
  const taken = k + 1;
  let low = Math.max(0, taken - a.count);
  let high = Math.min(taken, b.length);
  while (low < high) {
    const fromB = (low + high) >>> 1;
    const fromA = taken - fromB;
    if (fromA > 0 && rankIn(a, fromA - 1) > b[fromB]) {
      low = fromB + 1;
    } else {
      high = fromB;
    }
  }
  const fromA = taken - low;
  const lastA = fromA > 0 ? rankIn(a, fromA - 1) : -Infinity;
  const lastB = low > 0 ? b[low - 1] : -Infinity;
  return Math.max(lastA, lastB);
};

/**
 * DuckDB's `quantile_cont` over the values of `a` and `b` together (both
 * ascending), without merging them: the position `(n - 1) * fraction`, and
 * between the values on either side of it, with `d` the position less its
 * floor, `lo * (1 - d) + hi * d`: DuckDB's interpolation of doubles, to
 * the last bit (`lo + (hi - lo) * d` differs in it). Null when there are
 * no values.
 */
export const quantileOfTwo = (a: RankWindow, b: Float64Array, fraction: number): number | null => {
  const n = a.count + b.length;
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
  const d = position - below;
  return lo * (1 - d) + hi * d;
};

/**
 * The ranks of a key's `count` whole-day values that quantileOfTwo can
 * read once at most `edge` values are added, as SQL over those column
 * expressions. With `e` values added the quantile reads ranks
 * `floor((count + e - 1) * fraction)` and the `ceil`, and rankOfTwo reads
 * `a` from `e` below the rank to the rank; so over every `e` up to `edge`,
 * from `floor((count - 1) * fraction) - edge` to `ceil((count - 1 + edge)
 * * fraction)`. One more each side, so that a double rounded otherwise
 * than JavaScript's cannot cut the window short.
 */
export const rankWindowSql = (count: string, edge: string, fraction: number): { from: string; to: string } => ({
  from: `floor((${count} - 1) * ${fraction}) - ${edge} - 1`,
  to: `ceil((${count} - 1 + ${edge}) * ${fraction}) + 1`,
});
