import { intervals, type Interval, type RequestInterval } from '@touchpoint/contract/src/metricQuery';

const approximateMs: Record<Interval, number> = { day: 86_400_000, week: 604_800_000, month: 2_629_746_000 };

/**
 * The bucket for a metric time series: the one asked for (for `auto`, the
 * finest no finer than the panel's interval), coarsened when it would give
 * more points than the panel can draw (maxDataPoints).
 */
export const chooseInterval = (
  requested: RequestInterval,
  range: { from: number; to: number },
  maxDataPoints: number | undefined,
  panelIntervalMs: number
): Interval => {
  const start =
    requested === 'auto' ? (intervals.find((i) => approximateMs[i] >= panelIntervalMs) ?? 'month') : requested;
  const span = range.to - range.from;
  const fits = (i: Interval) => maxDataPoints === undefined || span / approximateMs[i] <= maxDataPoints;
  return intervals.slice(intervals.indexOf(start)).find(fits) ?? 'month';
};
