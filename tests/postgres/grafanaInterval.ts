import { parseGoDuration } from './goText';

const NANOS_PER_MS = 1_000_000n;

/**
 * The plugin SDK's `gtime.ParseInterval`: Go durations ("5m", "90s"), and
 * whole days, weeks, months and years ("1d", "2w", "1M", "1y") measured on
 * the calendar from `now` in UTC, so a month is as long as the one that
 * starts now. Nanoseconds.
 */
export const parseGrafanaInterval = (text: string, now: Date): bigint => {
  const calendar = /^(\d+)([dwMy])$/.exec(text);
  if (!calendar) {
    return parseGoDuration(text);
  }
  const count = Number(calendar[1]);
  const [years, months, days] = {
    d: [0, 0, count],
    w: [0, 0, count * 7],
    M: [0, count, 0],
    y: [count, 0, 0],
  }[calendar[2] as 'd' | 'w' | 'M' | 'y'];
  // Go's AddDate: every field moved at once, then normalised (31 January plus a month is 2 or 3 March).
  const later = Date.UTC(
    now.getUTCFullYear() + years,
    now.getUTCMonth() + months,
    now.getUTCDate() + days,
    now.getUTCHours(),
    now.getUTCMinutes(),
    now.getUTCSeconds(),
    now.getUTCMilliseconds()
  );
  return BigInt(later - now.getTime()) * NANOS_PER_MS;
};

const units: Array<[string, bigint]> = [
  ['y', 365n * 24n * 3600n * 1000n * NANOS_PER_MS],
  ['d', 24n * 3600n * 1000n * NANOS_PER_MS],
  ['h', 3600n * 1000n * NANOS_PER_MS],
  ['m', 60n * 1000n * NANOS_PER_MS],
  ['s', 1000n * NANOS_PER_MS],
  ['ms', NANOS_PER_MS],
];

/** The plugin SDK's `gtime.FormatInterval`, what `$__interval` becomes: the largest whole unit, "1ms" at least. */
export const formatGrafanaInterval = (nanos: bigint): string => {
  for (const [name, size] of units) {
    if (nanos >= size) {
      return `${nanos / size}${name}`;
    }
  }
  return '1ms';
};
