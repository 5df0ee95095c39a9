import { CoreApp, type DataQuery, type DataQueryRequest, type DataSourceApi, type TimeRange } from '@grafana/data';
import { requestTiming } from '../requestTiming';

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
): DataQueryRequest<DataQuery> => ({
  app: CoreApp.Explore,
  requestId: EXPLORE_REQUEST_ID,
  ...requestTiming(range, Math.max(1, Math.round(width))),
  targets: [{ ...query, datasource: { type: datasource.type, uid: datasource.uid } }],
});
