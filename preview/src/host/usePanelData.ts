import {
  LoadingState,
  type DataFrame,
  type DataQuery,
  type DataQueryRequest,
  type DataSourceApi,
  type DataTransformerConfig,
  type PanelData,
  type TimeRange,
} from '@grafana/data';
import { useEffect, useState } from 'react';
import { useStableByKey } from '@touchpoint/scorecard-panel/src/hooks/useStableByKey';
import { from, map, mergeMap } from 'rxjs';
import { withTransformations } from './panelTransformations';
import { requestTiming } from './requestTiming';
import type { DashboardPanel } from './dashboardModel';

/**
 * A panel's queries as Grafana's query runner sends them: the panel's
 * targets with the datasource ref, the range, an interval fitted to the
 * panel's width, and one request id per panel so a newer run cancels the
 * one before it.
 */
export const panelRequest = (
  panel: DashboardPanel,
  datasource: DataSourceApi,
  range: TimeRange,
  width: number,
  dashboardUid: string
): DataQueryRequest<DataQuery> => {
  const maxDataPoints = panel.maxDataPoints ?? Math.max(1, Math.round(width));
  const ref = { type: datasource.type, uid: datasource.uid };
  return {
    app: 'dashboard',
    requestId: `Q${panel.id}`,
    panelId: panel.id,
    dashboardUID: dashboardUid,
    ...requestTiming(range, maxDataPoints),
    targets: panel.targets.map((target) => ({ ...target, datasource: target.datasource ?? ref }) as DataQuery),
  };
};

/** The panel's data, rerun whenever `runKey` (range, variables, size) changes. */
export const usePanelData = (
  request: DataQueryRequest<DataQuery>,
  transformations: DataTransformerConfig[],
  datasource: DataSourceApi,
  runKey: string
): PanelData => {
  // The request is rebuilt on every render; what it depends on is in runKey.
  const inputs = useStableByKey(`${datasource.uid}|${runKey}`, { request, transformations, datasource });
  // Each answer says which inputs it answers: until a run's first answer, the panel keeps its last data, loading.
  const [answer, setAnswer] = useState<{ inputs: typeof inputs; data: PanelData }>();
  useEffect(() => {
    const { request: run, transformations: steps, datasource: source } = inputs;
    const settle = (data: PanelData) => setAnswer({ inputs, data });
    // A datasource may answer with a promise or an observable, as Grafana allows;
    // the panel's transformations run on each answer, as Grafana's query runner does.
    const handle = from(source.query(run))
      .pipe(
        mergeMap((response) =>
          withTransformations(steps, response.data as DataFrame[]).pipe(map((series) => ({ response, series })))
        )
      )
      .subscribe({
        next: ({ response, series }) =>
          settle({
            state: response.state ?? LoadingState.Done,
            series,
            errors: response.errors,
            error: response.errors?.[0] ?? response.error,
            timeRange: run.range,
            request: run,
          }),
        error: (error: unknown) =>
          settle({
            state: LoadingState.Error,
            series: [],
            error: { message: error instanceof Error ? error.message : String(error) },
            timeRange: run.range,
            request: run,
          }),
      });
    return () => handle.unsubscribe();
  }, [inputs]);
  if (answer?.inputs === inputs) {
    return answer.data;
  }
  return {
    ...(answer?.data ?? { series: [], timeRange: inputs.request.range }),
    state: LoadingState.Loading,
    request: inputs.request,
  };
};
