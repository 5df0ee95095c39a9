import { intervals, type Interval } from '../../contract/metricQuery';

const approximateMs: Record<Interval, number> = { day: 86_400_000, week: 604_800_000, month: 2_629_746_000 };

/**
 * The bucket for a metric time series: the one asked for, coarsened when it
 * would give more points than the panel can draw (maxDataPoints).
 */
export const chooseInterval = (
  requested: Interval,
  range: { from: number; to: number },
  maxDataPoints: number | undefined,
): Interval => {
  const span = range.to - range.from;
  const fits = (i: Interval) => maxDataPoints === undefined || span / approximateMs[i] <= maxDataPoints;
  return intervals.slice(intervals.indexOf(requested)).find(fits) ?? 'month';
};
