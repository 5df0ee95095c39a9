import { compareValues } from './compareValues';
import type { Row } from './readRows';

/**
 * Rows a statement gave in key order with rows of keys it did not have,
 * each put in its place, as `order by` would: both in key order, merged.
 * For a range's whole days with what only its edges have (metrics, the
 * journey).
 */
export const mergeInKeyOrder = <T extends Row>(rows: T[], added: T[], keyColumns: readonly string[]): T[] => {
  if (added.length === 0) {
    return rows;
  }
  // A loop, not a reduce: this compares every row of a long time series once per request.
  const order = (a: T, b: T) => {
    for (const column of keyColumns) {
      const result = compareValues(a[column], b[column]);
      if (result !== 0) {
        return result;
      }
    }
    return 0;
  };
  added.sort(order);
  // Most often the keys only the edges have are the range's last bucket: after every row.
  if (rows.length === 0 || order(added[0], rows[rows.length - 1]) > 0) {
    return rows.concat(added);
  }
  const merged: T[] = [];
  let next = 0;
  for (const row of rows) {
    while (next < added.length && order(added[next], row) < 0) {
      merged.push(added[next++]);
    }
    merged.push(row);
  }
  return merged.concat(added.slice(next));
};
