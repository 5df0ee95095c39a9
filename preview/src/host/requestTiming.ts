import { rangeUtil, type TimeRange } from '@grafana/data';

/**
 * What Grafana's query runner derives from the range and the points the
 * view can show, for a panel and Explore alike: the interval (also as the
 * `$__interval` variables), the browser's zone, and when the run started.
 */
export const requestTiming = (range: TimeRange, maxDataPoints: number) => {
  const { interval, intervalMs } = rangeUtil.calculateInterval(range, maxDataPoints);
  return {
    timezone: 'browser',
    range,
    interval,
    intervalMs,
    maxDataPoints,
    scopedVars: {
      __interval: { text: interval, value: interval },
      __interval_ms: { text: String(intervalMs), value: intervalMs },
    },
    startTime: Date.now(),
  };
};
