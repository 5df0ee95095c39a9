import { KeyIndex } from '../db/keyIndex';
import type { Row } from '../db/readRows';
import type { TimeRange } from '@touchpoint/contract/src/timeRange';

/** The equally long period that ends where `range` starts. */
export const previousPeriod = (range: TimeRange): TimeRange => ({
  from: range.from - (range.to - range.from),
  to: range.from,
});

/**
 * Sets each current row beside the same group's value in the previous
 * period: previous, previous_n and change (current minus previous, null
 * when either side has no value). Groups only in the previous period are
 * left out: there is nothing now to compare them with.
 */
export const withPreviousPeriod = (current: Row[], previous: Row[], groupBy: readonly string[]): Row[] => {
  const width = groupBy.length;
  const before = new KeyIndex();
  previous.forEach((row, index) => before.add(width, (c) => row[groupBy[c]] ?? null, index));
  return current.map((row) => {
    const at = before.find(width, (c) => row[groupBy[c]] ?? null);
    const then = at >= 0 ? previous[at] : undefined;
    const value = typeof row.value === 'number' ? row.value : null;
    const previousValue = typeof then?.value === 'number' ? then.value : null;
    // Object.assign, not a spread: many times faster per row on Node 20 (see copyColumns.ts).
    return Object.assign({}, row, {
      previous: previousValue,
      previous_n: then?.n ?? 0,
      change: value !== null && previousValue !== null ? value - previousValue : null,
    });
  });
};
