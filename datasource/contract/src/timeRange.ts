/** A half-open time range in epoch milliseconds (UTC): from inclusive, to exclusive. */
export interface TimeRange {
  from: number;
  to: number;
}

export const DAY_MS = 86_400_000;
export const floorDay = (ms: number) => Math.floor(ms / DAY_MS) * DAY_MS;
export const ceilDay = (ms: number) => Math.ceil(ms / DAY_MS) * DAY_MS;

/**
 * The last `days` days of the data, up to and including its latest event, the
 * start aligned to a UTC day as a dashboard's `now-90d/d` is.
 */
export const lastDays = (asOf: number, days: number): TimeRange => {
  const to = asOf + 1;
  return { from: floorDay(to - days * DAY_MS), to };
};
