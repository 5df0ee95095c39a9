import type { DuckDBConnection } from '@duckdb/node-api';
import { readCatalogTable } from '@touchpoint/server/src/catalog/metricCatalog';
import { queryResponseSchema } from '@touchpoint/contract/src/queryRequest';
import { readTableColumns } from '@touchpoint/server/src/db/readTableColumns';
import { metricQuerySchema } from '@touchpoint/contract/src/metricQuery';
import { planMetricSql } from '@touchpoint/server/src/metrics/planMetricSource';
import { lastDays } from '@touchpoint/contract/src/timeRange';
import { printTable } from './printTable';
import { startServiceProcess } from '../support/serviceProcess';
import { formatNumber, median, percentile, timed } from './stats';

/** The leadership wall's panels: one request each, as Grafana sends them. */
export const leadershipPanels = [
  { refId: 'sli_branch', kind: 'metric', metric: 'sli', groupBy: ['branch_id'] },
  { refId: 'nps_branch', kind: 'metric', metric: 'nps', groupBy: ['branch_id'] },
  { refId: 'churn_branch', kind: 'metric', metric: 'churn_rate', groupBy: ['branch_id'] },
  { refId: 'sli_trend', kind: 'metric', metric: 'sli', interval: 'week' },
  { refId: 'nps_trend', kind: 'metric', metric: 'nps', interval: 'week' },
  { refId: 'csat_trend', kind: 'metric', metric: 'csat', interval: 'day' },
  { refId: 'ces_trend', kind: 'metric', metric: 'ces_mean', interval: 'day' },
  { refId: 'volume_channel', kind: 'metric', metric: 'volume', groupBy: ['channel'] },
  { refId: 'retention_region', kind: 'metric', metric: 'retention_rate', groupBy: ['region'] },
  {
    refId: 'cohorts',
    kind: 'sql',
    sql: 'select cohort_month, months_since_start, retention, cohort_size from rel_cohort_retention where cohort_month >= $__timeFrom()::date - interval 1 year order by 1, 2',
  },
] as const;

const post = async (url: string, body: unknown) => {
  const started = performance.now();
  const response = await fetch(`${url}/api/query`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = await response.json();
  const ms = performance.now() - started;
  const ok = response.status === 200 && Object.values(queryResponseSchema.parse(json).results).every((r) => !r.error);
  return { ms, ok };
};

export const runServiceBench = async (db: string, connection: DuckDBConnection, asOf: number): Promise<void> => {
  // A 90-day range ending at the data's end, its start aligned to a day as
  // the provisioned dashboards ask (now-90d/d).
  const { from, to } = lastDays(asOf, 90);
  const request = (panel: (typeof leadershipPanels)[number], fromMs: number) => ({
    from: fromMs,
    to,
    maxDataPoints: 1000,
    queries: [panel],
  });

  const service = await startServiceProcess(db);
  try {
    // Uncached: every round moves the start by a millisecond, as a plain
    // relative range (now-90d) does, so no answer is reused.
    const uncached: Record<string, number[]> = {};
    const cached: Record<string, number[]> = {};
    for (let round = 0; round < 12; round += 1) {
      for (const panel of leadershipPanels) {
        const { ms } = await post(service.url, request(panel, from + round + 1));
        if (round >= 2) {
          (uncached[panel.refId] ??= []).push(ms);
        }
      }
    }
    for (let round = 0; round < 12; round += 1) {
      for (const panel of leadershipPanels) {
        const { ms } = await post(service.url, request(panel, from));
        if (round >= 2) {
          (cached[panel.refId] ??= []).push(ms);
        }
      }
    }

    // The floor: the same SQL run in this process straight on DuckDB.
    const catalog = await readCatalogTable(connection);
    const columnsOf = await readTableColumns(connection);
    const inProcess: Record<string, number[]> = {};
    for (const panel of leadershipPanels) {
      let run: () => Promise<unknown>;
      if (panel.kind === 'metric') {
        const definition = catalog.find((m) => m.name === panel.metric);
        if (!definition) {
          throw new Error(`no metric ${panel.metric}`);
        }
        const query = metricQuerySchema.parse(panel);
        run = async () => {
          const { bound } = planMetricSql(definition, query, { from: from + 1, to }, columnsOf);
          return (await connection.runAndReadAll(bound.sql, bound.params, bound.types)).getRows();
        };
      } else {
        const sql = panel.sql.replace(
          '$__timeFrom()',
          `timestamp '${new Date(from).toISOString().slice(0, 19).replace('T', ' ')}'`
        );
        run = async () => (await connection.runAndReadAll(sql)).getRows();
      }
      for (let round = 0; round < 12; round += 1) {
        const { ms } = await timed(run);
        if (round >= 2) {
          (inProcess[panel.refId] ??= []).push(ms);
        }
      }
    }
    const all = (byPanel: Record<string, number[]>) => Object.values(byPanel).flat();
    printTable(
      'Leadership scorecard through the service (10 panels, 90 days, ms per panel request)',
      ['panel', 'uncached p50', 'cached p50', 'in-process p50', 'service / in-process'],
      [
        ...leadershipPanels.map((p) => [
          p.refId,
          formatNumber(median(uncached[p.refId])),
          formatNumber(median(cached[p.refId])),
          formatNumber(median(inProcess[p.refId])),
          formatNumber(median(uncached[p.refId]) / median(inProcess[p.refId]), 2),
        ]),
        [
          'all panels',
          `p50 ${formatNumber(median(all(uncached)))} / p95 ${formatNumber(percentile(all(uncached), 0.95))}`,
          `p50 ${formatNumber(median(all(cached)))} / p95 ${formatNumber(percentile(all(cached), 0.95))}`,
          formatNumber(median(all(inProcess))),
          formatNumber(
            leadershipPanels.reduce((s, p) => s + median(uncached[p.refId]), 0) /
              leadershipPanels.reduce((s, p) => s + median(inProcess[p.refId]), 0),
            2
          ),
        ],
      ]
    );

    // 100 wall screens, each refreshing all panels every 10 s for 60 s,
    // their refreshes spread evenly over the 10 s.
    const screens = 100;
    const periodMs = 10_000;
    const durationMs = 60_000;
    const latencies: number[] = [];
    let errors = 0;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: screens }, async (_, screen) => {
        await new Promise((r) => setTimeout(r, (screen * periodMs) / screens));
        while (Date.now() - started < durationMs) {
          const tick = Date.now();
          const answers = await Promise.all(
            leadershipPanels.map((p) =>
              post(service.url, request(p, from)).catch(() => ({ ms: Number.NaN, ok: false }))
            )
          );
          for (const a of answers) {
            if (a.ok) {
              latencies.push(a.ms);
            } else {
              errors += 1;
            }
          }
          await new Promise((r) => setTimeout(r, Math.max(0, periodMs - (Date.now() - tick))));
        }
      })
    );
    printTable(
      'Wall screens: 100 screens x 10 panels, refreshing every 10 s for 60 s',
      ['requests', 'errors', 'p50 ms', 'p99 ms', 'peak RSS MB'],
      [
        [
          latencies.length + errors,
          errors,
          formatNumber(median(latencies)),
          formatNumber(percentile(latencies, 0.99)),
          formatNumber(service.peakRssMb(), 0),
        ],
      ]
    );
  } finally {
    await service.stop();
  }
};
