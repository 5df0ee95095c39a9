import type { PlainValue } from './plainValue';

/**
 * Two values in the order DuckDB's `order by` gives them (ascending, a
 * missing one last: NULLS LAST), for rows added in TypeScript to rows a
 * statement ordered. Text compares by UTF-16 units, DuckDB's by bytes: the
 * same order for every character below U+10000.
 */
export const compareValues = (a: PlainValue, b: PlainValue): number => {
  if (a === b) {
    return 0;
  }
  if (a === null || a === undefined) {
    return 1;
  }
  if (b === null || b === undefined) {
    return -1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
};
