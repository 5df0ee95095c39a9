import type { CatalogResponse, Health } from '@touchpoint/contract/src/serviceResponses';
import { DAY_MS } from '@touchpoint/contract/src/timeRange';
import { messages } from '../messages';

const age = (ms: number): string => {
  if (ms < 0) {
    return 'in the future: check clocks';
  }
  const hours = Math.floor(ms / 3_600_000);
  if (hours < 1) {
    return 'less than an hour old';
  }
  if (hours < 48) {
    return `${hours} hour${hours === 1 ? '' : 's'} old`;
  }
  return `${Math.floor(ms / DAY_MS)} days old`;
};

/**
 * What "Save & test" says when the service answered: who it is, which data,
 * how fresh, and a warning when a new file could not be served (the data
 * shown is then older than the last load).
 */
export const healthMessage = (
  health: Health,
  catalog: CatalogResponse,
  now: number
): { status: 'success' | 'warning'; message: string } => {
  const connected = messages.connected({
    version: health.version,
    dataVersion: health.dataVersion,
    mappingVersion: health.mappingVersion,
    metrics: catalog.metrics.length,
    freshness:
      health.asOf === null
        ? messages.noData
        : messages.asOf(
            `${new Date(health.asOf).toISOString().slice(0, 16).replace('T', ' ')} UTC`,
            age(now - health.asOf)
          ),
  });
  const problem = health.load.problem;
  return problem
    ? { status: 'warning', message: `${connected} ${messages.refusedFile(problem.reason)}` }
    : { status: 'success', message: connected };
};
