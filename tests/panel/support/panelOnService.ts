import type { DataFrame, DataQueryRequest, TimeRange } from '@grafana/data';
import { setDataSourceSrv, type DataSourceSrv } from '@grafana/runtime';
import { lastValueFrom } from 'rxjs';
import type { TouchpointQuery } from '@touchpoint/contract/src/savedQuery';
import { touchpointDatasource } from '../../grafana/support/touchpointDatasource';
import { SERVICE_TOKEN } from '../../grafana/support/seededService';
import type { VariableSpec } from '@touchpoint/preview/src/host/dashboardTemplateSrv';
import { FIXTURE_RANGE } from './renderPanel';

/**
 * The Touchpoint datasource on a real service, registered as Grafana's
 * datasource service would hold it, so the panel's drill queries take the
 * same path as on a dashboard: panel -> datasource -> data proxy -> service.
 */
export const registerTouchpoint = (serviceUrl: string, variables: VariableSpec[] = []) => {
  const { datasource, settings } = touchpointDatasource(serviceUrl, SERVICE_TOKEN, variables);
  const srv: DataSourceSrv = {
    get: async () => datasource,
    getList: () => [settings],
    getInstanceSettings: () => settings,
    reload: async () => undefined,
    registerRuntimeDataSource: () => undefined,
  };
  setDataSourceSrv(srv);
  const ref = { type: datasource.type, uid: datasource.uid };

  /** What the panel's own queries return on a dashboard: frames and the request they came from. */
  const panelData = async (targets: Array<Omit<TouchpointQuery, 'datasource'>>, range: TimeRange = FIXTURE_RANGE) => {
    const request: DataQueryRequest<TouchpointQuery> = {
      requestId: 'panel-7',
      interval: '1w',
      intervalMs: 7 * 86_400_000,
      maxDataPoints: 500,
      range,
      scopedVars: {},
      targets: targets.map((target) => ({ ...target, datasource: ref })),
      timezone: 'utc',
      app: 'dashboard',
      startTime: Date.now(),
    };
    const response = await lastValueFrom(datasource.query(request));
    if (response.errors?.length) {
      throw new Error(response.errors.map((e) => e.message).join('; '));
    }
    return { series: response.data as DataFrame[], request };
  };
  return { datasource, panelData };
};
