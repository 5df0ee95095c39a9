import { PluginType, type DataSourceInstanceSettings } from '@grafana/data';
import { setBackendSrv, setTemplateSrv } from '@grafana/runtime';
import { TouchpointDataSource } from '@touchpoint/duckdb-datasource/src/datasource';
import type { TouchpointOptions } from '@touchpoint/duckdb-datasource/src/types';
import { datasourcePluginJson, GrafanaDataProxy } from './grafanaDataProxy';
import { DashboardTemplateSrv, type VariableSpec } from '@touchpoint/preview/src/host/dashboardTemplateSrv';

/**
 * A datasource as Grafana would create it from saved settings: the browser
 * side sees `jsonData` only; the token stays with the data proxy.
 */
export const touchpointDatasource = (
  serviceUrl: string | undefined,
  token: string | undefined,
  variables: VariableSpec[] = []
) => {
  const uid = 'touchpoint-test';
  const proxy = new GrafanaDataProxy({ uid, jsonData: { url: serviceUrl }, secureJsonData: token ? { token } : {} });
  setBackendSrv(proxy.asBackendSrv());
  setTemplateSrv(new DashboardTemplateSrv(variables));
  const settings: DataSourceInstanceSettings<TouchpointOptions> = {
    id: 1,
    uid,
    type: datasourcePluginJson.id,
    name: 'Touchpoint',
    url: proxy.instanceUrl,
    access: 'proxy',
    readOnly: false,
    jsonData: { url: serviceUrl },
    meta: {
      id: datasourcePluginJson.id,
      name: 'Touchpoint',
      type: PluginType.datasource,
      module: 'public/plugins/touchpoint-duckdb-datasource/module.js',
      baseUrl: 'public/plugins/touchpoint-duckdb-datasource',
      info: {
        author: { name: 'Touchpoint' },
        description: '',
        links: [],
        logos: { small: '', large: '' },
        screenshots: [],
        updated: '',
        version: '',
      },
    },
  };
  return { datasource: new TouchpointDataSource(settings), settings, proxy };
};
