import {
  CoreApp,
  rangeUtil,
  type DataQuery,
  type DataQueryRequest,
  type DataSourceApi,
  type TimeRange,
} from '@grafana/data';

/** Grafana's request id for the queries of Explore's (left) pane: a newer run cancels the one before it. */
const EXPLORE_REQUEST_ID = 'explore_left';

/**
 * Explore's query as Grafana's Explore sends it: app `explore`, the range,
 * an interval fitted to the result's width, and the datasource reference.
 */
export const exploreRequest = (
  query: DataQuery,
  datasource: DataSourceApi,
  range: TimeRange,
  width: number
): DataQueryRequest<DataQuery> => {
  const maxDataPoints = Math.max(1, Math.round(width));
  const { interval, intervalMs } = rangeUtil.calculateInterval(range, maxDataPoints);
  return {
    app: CoreApp.Explore,
    requestId: EXPLORE_REQUEST_ID,
    timezone: 'browser',
    range,
    interval,
    intervalMs,
    maxDataPoints,
    scopedVars: {
      __interval: { text: interval, value: interval },
      __interval_ms: { text: String(intervalMs), value: intervalMs },
    },
    targets: [{ ...query, datasource: { type: datasource.type, uid: datasource.uid } }],
    startTime: Date.now(),
  };
};
