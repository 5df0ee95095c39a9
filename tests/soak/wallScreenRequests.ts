import { migrateQuery } from '@touchpoint/contract/src/migrateQuery';
import {
  QueryVariableError,
  toServiceQuery,
  type ServiceQuery,
} from '@touchpoint/duckdb-datasource/src/query/toServiceQuery';
import type { VariableResolver } from '@touchpoint/duckdb-datasource/src/query/variableResolver';
import type { TouchpointQuery } from '@touchpoint/contract/src/savedQuery';
import { readDashboardFiles, type DashboardPanel } from '../grafana/support/dashboardFiles';

const DAY_MS = 86_400_000;

/** One panel's request, as Grafana's query runner sends it: the panel's targets over its range. */
export interface PanelRequest {
  dashboard: string;
  panel: string;
  body: (now: number) => { from: number; to: number; maxDataPoints: number; queries: ServiceQuery[] };
}

/** "now-90d/d" and a panel's "1y": how far back a wall screen's range starts, in ms. */
const lookBack = (relative: string): number => {
  const match = /^(?:now-)?(\d+)([dwMy])(?:\/d)?$/.exec(relative);
  if (!match) {
    throw new Error(`a relative range this soak does not read: ${relative}`);
  }
  const days = { d: 1, w: 7, M: 30, y: 365 }[match[2] as 'd' | 'w' | 'M' | 'y'];
  return Number(match[1]) * days * DAY_MS;
};

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
        const back = lookBack(panel.timeFrom ?? file.dashboard.time?.from ?? 'now-90d/d');
        const startOfDay = (ms: number) => ms - (ms % DAY_MS);
        return [
          {
            dashboard: file.dashboard.uid,
            panel: panel.title ?? 'untitled',
            body: (now: number) => ({ from: startOfDay(now - back), to: now, maxDataPoints: 1000, queries: targets }),
          },
        ];
      })
    );
