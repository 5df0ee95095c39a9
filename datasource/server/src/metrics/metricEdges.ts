import type { TimeRange } from '@touchpoint/contract/src/timeRange';
import { copyColumns } from '../db/copyColumns';
import { KeyIndex } from '../db/keyIndex';
import { mergeInKeyOrder } from '../db/mergeInKeyOrder';
import type { PlainValue } from '../db/plainValue';
import type { Row } from '../db/readRows';
import { firstAtOrAfter } from '../days/firstAtOrAfter';

/**
 * The boundary days' fact rows (buildMetricSql's `rows`), kept in columns:
 * per row its time (epoch microseconds, ascending), its key and each
 * component (NaN for NULL); per key its columns and its row among the whole
 * days' sums (-1 when it has none there).
 */
export interface MetricBoundary {
  at: Float64Array;
  key: Int32Array;
  components: Float64Array[];
  keys: Row[];
  wholeRow: Int32Array;
}

/** A sum metric's whole days as the keeper holds them: each key's component sums, in the statement's order, and the days either side. */
export interface KeptSums {
  sums: Row[];
  /**
   * Each key's answer over the whole days alone (`valueOf` its sums), made
   * once when kept: a request makes only the rows its edges touch, not
   * every key's (tens of thousands in a per-branch trend at scale 100).
   */
  answered: Row[];
  boundary: MetricBoundary;
}

/** A key's answer row (its key columns, value and n) from its component sums. */
export type ValueOf = (sums: Readonly<Row>) => Row;

/** The whole days' sums kept with their answers and the days either side. */
export const keepSums = (sums: Row[], boundary: MetricBoundary, valueOf: ValueOf): KeptSums => ({
  sums,
  answered: sums.map(valueOf),
  boundary,
});

/** How a metric's rows are keyed and what each fact row brings: the time bucket (when asked), the groups; the columns. */
export interface MetricShape {
  /** `time` first when the query has an interval, then its groupBy, in the statement's order. */
  keyColumns: readonly string[];
  /** A sum's components, or a distribution's one value column. */
  components: readonly string[];
}

// The boundary's rows name their bucket `__time`; the summed rows call it `time`.
const boundaryColumn = (column: string) => (column === 'time' ? '__time' : column);

/** A column of numbers as doubles, NaN for NULL; a plain loop (Float64Array.from with a map function is many times slower in V8). */
const doubles = (values: readonly PlainValue[]): Float64Array => {
  const column = new Float64Array(values.length);
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i];
    column[i] = value === null || value === undefined ? NaN : Number(value);
  }
  return column;
};

/**
 * The boundary days' rows (read as columns: an object per row costs twice
 * the time) kept in typed columns, each key matched with its row among the
 * whole days' sums: read once a day, added from on every request.
 */
export const keepMetricBoundary = (
  columns: Readonly<Record<string, readonly PlainValue[]>>,
  sums: readonly Row[],
  shape: MetricShape
): MetricBoundary => {
  const { keyColumns, components } = shape;
  const width = keyColumns.length;
  const wholeRows = new KeyIndex();
  sums.forEach((row, index) => wholeRows.add(width, (c) => row[keyColumns[c]] ?? null, index));
  const keyValues = keyColumns.map((column) => columns[boundaryColumn(column)] ?? []);
  const times = columns.__at ?? [];
  const keyIndex = new KeyIndex();
  const keys: Row[] = [];
  const wholeRow: number[] = [];
  const key = new Int32Array(times.length);
  // One function for every row, not one made per row (see journeyEdges.ts's keepBoundary).
  let i = 0;
  const valueAt = (c: number) => keyValues[c][i] ?? null;
  for (i = 0; i < times.length; i += 1) {
    let index = keyIndex.find(width, valueAt);
    if (index === -1) {
      index = keys.length;
      keyIndex.add(width, valueAt, index);
      keys.push(Object.fromEntries(keyColumns.map((column, c) => [column, valueAt(c)])));
      wholeRow.push(wholeRows.find(width, valueAt));
    }
    key[i] = index;
  }
  return {
    at: doubles(times),
    key,
    components: components.map((name) => doubles(columns[name] ?? [])),
    keys,
    wholeRow: Int32Array.from(wholeRow),
  };
};

/** The bytes a kept boundary holds, for the keeper's budget: the columns as they are, its keys as JSON text. */
export const metricBoundaryBytes = (boundary: MetricBoundary): number =>
  boundary.at.byteLength +
  boundary.key.byteLength +
  boundary.wholeRow.byteLength +
  boundary.components.reduce((bytes, column) => bytes + column.byteLength, 0) +
  2 * JSON.stringify(boundary.keys).length;

// SQL's sum: NULL plus a number is the number; NULL only when every part is.
const plus = (a: PlainValue | undefined, b: number | null): number | null =>
  a === null || a === undefined ? b : b === null ? Number(a) : Number(a) + b;

/**
 * A range's answer per key (`valueOf` of buildMetricSql's `sums` over the
 * range, in its order): its whole days' sums with each edge's fact rows
 * added. A sum over a range is the sum of its parts, so this is what the
 * statement gives over the range itself; a key rated only at an edge is
 * put in its place, as `order by` would. A key no edge touches keeps the
 * answer made when its days were kept.
 */
export const addMetricEdges = (
  kept: KeptSums,
  edges: readonly TimeRange[],
  shape: MetricShape,
  valueOf: ValueOf
): Row[] => {
  const { boundary } = kept;
  const { keyColumns, components } = shape;
  const width = components.length;
  const sums = new Float64Array(boundary.keys.length * width);
  const seen = new Uint8Array(boundary.keys.length * width);
  const touched = new Uint8Array(boundary.keys.length);
  for (const edge of edges) {
    const end = firstAtOrAfter(boundary.at, edge.to * 1000);
    for (let i = firstAtOrAfter(boundary.at, edge.from * 1000); i < end; i += 1) {
      const key = boundary.key[i];
      touched[key] = 1;
      for (let c = 0; c < width; c += 1) {
        const value = boundary.components[c][i];
        if (value === value) {
          sums[key * width + c] += value;
          seen[key * width + c] = 1;
        }
      }
    }
  }
  const rows = kept.answered.slice();
  const added: Row[] = [];
  for (let key = 0; key < touched.length; key += 1) {
    if (!touched[key]) {
      continue;
    }
    const whole = boundary.wholeRow[key];
    const base = whole >= 0 ? kept.sums[whole] : boundary.keys[key];
    const summed = copyColumns(base, keyColumns);
    for (let c = 0; c < width; c += 1) {
      const name = components[c];
      summed[name] = plus(base[name], seen[key * width + c] ? sums[key * width + c] : null);
    }
    if (whole >= 0) {
      rows[whole] = valueOf(summed);
    } else {
      added.push(valueOf(summed));
    }
  }
  return mergeInKeyOrder(rows, added, keyColumns);
};
