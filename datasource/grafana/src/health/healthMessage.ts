import type { CatalogResponse, Health } from '../../../src/contract/serviceResponses';
import { DAY_MS } from '../../../src/metrics/timeRange';
import { messages } from '../messages';


const age = (ms: number): string => {
  if (ms < 0) return 'in the future: check clocks';
  const hours = Math.floor(ms / 3_600_000);
  if (hours < 1) return 'less than an hour old';
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'} old`;
  return `${Math.floor(ms / DAY_MS)} days old`;
};

/** What "Save & test" says when the service answered: who it is, which data, and how fresh. */
export const healthMessage = (health: Health, catalog: CatalogResponse, now: number): string =>
  messages.connected({
    version: health.version,
    dataVersion: health.dataVersion,
    mappingVersion: health.mappingVersion,
    metrics: catalog.metrics.length,
    freshness:
      health.asOf === null
        ? messages.noData
        : messages.asOf(`${new Date(health.asOf).toISOString().slice(0, 16).replace('T', ' ')} UTC`, age(now - health.asOf)),
  });
