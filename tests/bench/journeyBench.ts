import type { DuckDBConnection } from '@duckdb/node-api';
import { queryResponseSchema } from '@touchpoint/contract/src/queryRequest';
import { lastDays } from '@touchpoint/contract/src/timeRange';
import { runJourney } from '@touchpoint/server/src/journey/runJourney';
import { startServiceProcess } from '../support/serviceProcess';
import { printTable } from './printTable';
import { formatNumber, median, timed } from './stats';

/** The journey view's requests: per branch as the panel asks, and for the whole company. */
const journeyCases = [
  { name: 'by branch, 90 days', days: 90, query: { refId: 'J', kind: 'journey', groupBy: ['branch_id'] } },
  { name: 'by branch, 1 year', days: 365, query: { refId: 'J', kind: 'journey', groupBy: ['branch_id'] } },
  { name: 'by branch, 3 years', days: 3 * 365, query: { refId: 'J', kind: 'journey', groupBy: ['branch_id'] } },
  { name: 'company, 90 days', days: 90, query: { refId: 'J', kind: 'journey', groupBy: [] } },
  {
    name: 'by region and segment, 1 year',
    days: 365,
    query: { refId: 'J', kind: 'journey', groupBy: ['region', 'segment'] },
  },
] as const;

const rounds = 8;

/**
 * Where the journey leaks, timed: each case through the service over HTTP,
 * uncached (every round moves the start by a millisecond, as a relative
 * range does), and the same question in this process straight on DuckDB,
 * counted at once. The service's first request counts the range's whole
 * days and keeps them; the later ones add their partial days to those.
 */
export const runJourneyBench = async (db: string, connection: DuckDBConnection, asOf: number): Promise<void> => {
  const service = await startServiceProcess(db);
  const rows: string[][] = [];
  try {
    for (const c of journeyCases) {
      const { from, to } = lastDays(asOf, c.days);
      const overHttp: number[] = [];
      const inProcess: number[] = [];
      let first = NaN;
      let groups = 0;
      let failed = 0;
      for (let round = 0; round < rounds; round += 1) {
        const started = performance.now();
        const response = await fetch(`${service.url}/api/query`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ from: from + round + 1, to, queries: [c.query] }),
        });
        const { results } = queryResponseSchema.parse(await response.json());
        const ms = performance.now() - started;
        // A failed answer (the service's time limit on a loaded machine) is counted, not a figure.
        if (results.J.error) {
          failed += 1;
        } else {
          groups = results.J.frames[0].data.values[0]?.length ?? 0;
        }
        const direct = await timed(() =>
          runJourney(connection, { groupBy: [...c.query.groupBy], filters: {} }, { from: from + round + 1, to })
        );
        // The first round counts the whole days (and warms the file's pages); the figures are the rest.
        if (round === 0) {
          first = ms;
        } else if (!results.J.error) {
          overHttp.push(ms);
          inProcess.push(direct.ms);
        }
      }
      rows.push([
        c.name,
        String(groups),
        formatNumber(first),
        formatNumber(median(overHttp)),
        formatNumber(median(inProcess)),
        String(failed),
      ]);
    }
  } finally {
    await service.stop();
  }
  printTable(
    'Where the journey leaks (whole days counted once and kept; each moving range adds its partial days), ms',
    [
      'request',
      'groups',
      'first request',
      'service p50 (uncached, moving)',
      'in-process p50 (counted at once)',
      'failed requests',
    ],
    rows
  );
};
