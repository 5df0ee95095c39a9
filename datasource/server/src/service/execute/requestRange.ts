import type { QueryRequest } from '@touchpoint/contract/src/queryRequest';
import type { TimeRange } from '@touchpoint/contract/src/timeRange';

/**
 * The range a query really covers: nothing exists after the data's latest
 * event, so an end past it is the same answer, and relative ranges such as
 * "now-90d/d to now" give the same cache key until the next load.
 */
export const effectiveRange = (request: Pick<QueryRequest, 'from' | 'to'>, asOf: number | null): TimeRange => ({
  from: request.from,
  to: asOf === null ? request.to : Math.max(request.from + 1, Math.min(request.to, asOf + 1)),
});

/**
 * The panel's interval: as Grafana sent it, or the effective range spread
 * over maxDataPoints (one point per second at the finest), or a minute.
 */
export const requestIntervalMs = (
  request: Pick<QueryRequest, 'intervalMs' | 'maxDataPoints'>,
  range: TimeRange
): number =>
  request.intervalMs ??
  (request.maxDataPoints ? Math.max(1000, Math.ceil((range.to - range.from) / request.maxDataPoints)) : 60_000);
