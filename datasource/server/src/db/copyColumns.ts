import type { Row } from './readRows';

/**
 * A new row holding `columns` of `row`, copied one by one. A metric's
 * answer copies a row per key on every request (thousands of agents at
 * scale 100), and on Node 20 an object spread (`{ ...row }`) cost about
 * 0.7 µs a row of one column where this costs 0.1 (measured): most of a
 * quantile's edges.
 */
export const copyColumns = (row: Readonly<Row>, columns: readonly string[]): Row => {
  const copy: Row = {};
  for (const column of columns) {
    copy[column] = row[column] ?? null;
  }
  return copy;
};
