import { migrateQuery } from '@touchpoint/contract/src/migrateQuery';
import {
  QueryVariableError,
  toServiceQuery,
  type ServiceQuery,
} from '@touchpoint/duckdb-datasource/src/query/toServiceQuery';
import type { VariableResolver } from '@touchpoint/duckdb-datasource/src/query/variableResolver';
import type { TouchpointQuery } from '@touchpoint/contract/src/savedQuery';
import { readDashboardFiles, type DashboardPanel } from '../grafana/support/dashboardFiles';
import { panelTimeRange } from '../grafana/support/dashboardTimeRange';

/** One panel's request, as Grafana's query runner sends it: the panel's targets over its range. */
export interface PanelRequest {
  dashboard: string;
  panel: string;
  body: (now: number) => { from: number; to: number; maxDataPoints: number; queries: ServiceQuery[] };
}

/** A panel's targets as the datasource plugin sends them; undefined when one needs a variable a wall does not set (a drill's day). */
const serviceQueries = (targets: unknown[], resolve: VariableResolver): ServiceQuery[] | undefined => {
  try {
    return targets.map((target) => toServiceQuery(migrateQuery(target as TouchpointQuery), { resolve }));
  } catch (error) {
    if (error instanceof QueryVariableError) {
      return undefined;
    }
    throw error;
  }
};

/**
 * Every panel of the provisioned wall dashboards as a request per refresh:
 * relative ranges move with the clock, as they do on a real wall.
 */
export const wallScreenRequests = (dashboardUids: string[], resolve: VariableResolver): PanelRequest[] =>
  readDashboardFiles()
    .filter((file) => dashboardUids.includes(file.dashboard.uid))
    .flatMap((file) =>
      file.panels.flatMap((panel: DashboardPanel) => {
        const targets = serviceQueries(panel.targets ?? [], resolve);
        if (targets === undefined || targets.length === 0) {
          return [];
        }
        return [
          {
            dashboard: file.dashboard.uid,
            panel: panel.title ?? 'untitled',
            body: (now: number) => {
              // Read as Grafana reads the dashboard's range and the panel's own relative time.
              const range = panelTimeRange(file, panel, now);
              return { from: range.from.valueOf(), to: range.to.valueOf(), maxDataPoints: 1000, queries: targets };
            },
          },
        ];
      })
    );
