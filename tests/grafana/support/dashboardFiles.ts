import {
  DASHBOARD_DIR,
  readDashboardFiles as readProvisioned,
  type DashboardFile as ProvisionedFile,
} from '@touchpoint/preview/src/server/previewSources';
import type { DashboardPanel } from '@touchpoint/preview/src/host/dashboardModel';

export { DASHBOARD_DIR };
export type { DashboardPanel, DashboardVariable } from '@touchpoint/preview/src/host/dashboardModel';

export interface DashboardFile extends ProvisionedFile {
  /** Every panel, those inside rows included; rows themselves left out. */
  panels: DashboardPanel[];
}

/** Every provisioned dashboard with all its panels, read at once so tests can be named after them. */
export const readDashboardFiles = (): DashboardFile[] =>
  readProvisioned().map((file) => ({
    ...file,
    panels: file.dashboard.panels
      .flatMap(({ panels: inRow, ...panel }) => [panel, ...inRow])
      .filter((panel) => panel.type !== 'row'),
  }));

/** Every `datasource` reference anywhere in a dashboard's JSON, with where it is. */
export const datasourceRefs = (json: unknown, path = ''): Array<{ path: string; ref: unknown }> => {
  if (Array.isArray(json)) {
    return json.flatMap((item, index) => datasourceRefs(item, `${path}[${index}]`));
  }
  if (typeof json !== 'object' || json === null) {
    return [];
  }
  return Object.entries(json).flatMap(([key, value]) => [
    ...(key === 'datasource' ? [{ path: `${path}.${key}`, ref: value }] : []),
    ...datasourceRefs(value, `${path}.${key}`),
  ]);
};
