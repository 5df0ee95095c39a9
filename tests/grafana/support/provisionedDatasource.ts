import { setBackendSrv, setTemplateSrv } from '@grafana/runtime';
import { TouchpointDataSource } from '@touchpoint/duckdb-datasource/src/datasource';
import { DashboardTemplateSrv, type VariableSpec } from '@touchpoint/preview/src/host/dashboardTemplateSrv';
import { expandEnv } from './expandEnv';
import { GrafanaDataProxy } from './grafanaDataProxy';
import type { ProvisionedDatasource } from './provisioningFiles';
import { touchpointDatasource } from './touchpointDatasource';

/** Grafana expands environment variables in the text settings; numbers and switches stay as they are. */
const expandAll = <V>(values: Record<string, V>, env: Record<string, string | undefined>) =>
  Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, typeof value === 'string' ? expandEnv(value, env) : value])
  );

/**
 * The datasource as Grafana builds it from a provisioning file: its uid,
 * jsonData and secureJsonData (environment variables expanded) reach the
 * data proxy, which renders the plugin.json route from them. Only the URL is
 * replaced, by the test service's, since the compose network's host name
 * does not resolve here.
 */
export const provisionedDatasource = (
  provisioned: ProvisionedDatasource,
  serviceUrl: string,
  env: Record<string, string | undefined>,
  variables: VariableSpec[] = []
) => {
  const jsonData = { ...expandAll(provisioned.jsonData, env), url: serviceUrl };
  const proxy = new GrafanaDataProxy({
    uid: provisioned.uid,
    jsonData,
    secureJsonData: expandAll(provisioned.secureJsonData, env),
  });
  // The plugin metadata Grafana adds to the instance settings, as the other plugin tests build it.
  const { settings } = touchpointDatasource(serviceUrl, undefined);
  setBackendSrv(proxy.asBackendSrv());
  setTemplateSrv(new DashboardTemplateSrv(variables));
  return new TouchpointDataSource({
    ...settings,
    uid: provisioned.uid,
    name: provisioned.name,
    url: proxy.instanceUrl,
    jsonData,
  });
};
