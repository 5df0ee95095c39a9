import {
  LoadingState,
  rangeUtil,
  type DataFrame,
  type DataQuery,
  type DataQueryRequest,
  type DataSourceApi,
  type DataTransformerConfig,
  type PanelData,
  type TimeRange,
} from '@grafana/data';
import { useEffect, useState } from 'react';
import { from, map, mergeMap } from 'rxjs';
import { withTransformations } from './panelTransformations';
import type { DashboardPanel } from './dashboardModel';

/**
 * A panel's queries as Grafana's query runner sends them: the panel's
 * targets with the datasource ref, the range, an interval fitted to the
 * panel's width, and one request id per panel so a newer run cancels the
 * one before it.
 */
export const panelRequest = (panel: DashboardPanel, datasource: DataSourceApi, range: TimeRange, width: number, dashboardUid: string): DataQueryRequest<DataQuery> => {
  const maxDataPoints = panel.maxDataPoints ?? Math.max(1, Math.round(width));
  const { interval, intervalMs } = rangeUtil.calculateInterval(range, maxDataPoints);
  const ref = { type: datasource.type, uid: datasource.uid };
  return {
    app: 'dashboard',
    requestId: `Q${panel.id}`,
    panelId: panel.id,
    dashboardUID: dashboardUid,
    timezone: 'browser',
    range,
    interval,
    intervalMs,
    maxDataPoints,
    scopedVars: { __interval: { text: interval, value: interval }, __interval_ms: { text: String(intervalMs), value: intervalMs } },
    targets: panel.targets.map((target) => ({ ...target, datasource: target.datasource ?? ref }) as DataQuery),
    startTime: Date.now(),
  };
};

/** The panel's data, rerun whenever `runKey` (range, variables, size) changes. */
export const usePanelData = (
  request: DataQueryRequest<DataQuery>,
  transformations: DataTransformerConfig[],
  datasource: DataSourceApi,
  runKey: string,
): PanelData => {
  const [data, setData] = useState<PanelData>({ state: LoadingState.Loading, series: [], timeRange: request.range });
  useEffect(() => {
    setData((previous) => ({ ...previous, state: LoadingState.Loading, request }));
    // A datasource may answer with a promise or an observable, as Grafana allows;
    // the panel's transformations run on each answer, as Grafana's query runner does.
    const handle = from(datasource.query(request))
      .pipe(mergeMap((response) => withTransformations(transformations, response.data as DataFrame[]).pipe(map((series) => ({ response, series })))))
      .subscribe({
        next: ({ response, series }) =>
          setData({
            state: response.state ?? LoadingState.Done,
            series,
            errors: response.errors,
            error: response.errors?.[0] ?? response.error,
            timeRange: request.range,
            request,
          }),
        error: (error: unknown) =>
          setData({ state: LoadingState.Error, series: [], error: { message: error instanceof Error ? error.message : String(error) }, timeRange: request.range, request }),
      });
    return () => handle.unsubscribe();
    // The request is rebuilt on every render; what it depends on is in runKey.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [datasource, runKey]);
  return data;
};
