import type { MetricDefinition } from '@touchpoint/server/src/catalog/metricCatalog';
import type { BoundQuery } from '@touchpoint/server/src/db/boundQuery';
import { buildMetricSql } from '@touchpoint/server/src/metrics/buildMetricSql';
import { previousPeriod } from '@touchpoint/server/src/metrics/previousPeriod';
import { chooseInterval } from '@touchpoint/server/src/service/execute/chooseInterval';
import { parseQuery } from '@touchpoint/server/src/service/execute/executeQuery';
import { effectiveRange, requestIntervalMs } from '@touchpoint/server/src/service/execute/requestRange';
import { expandSql } from '@touchpoint/server/src/service/sql/expandSql';
import { metricQuerySchema } from '@touchpoint/contract/src/metricQuery';
import type { QueryRequest } from '@touchpoint/contract/src/queryRequest';

/**
 * A panel's queries as plain SQL, what a plain DuckDB datasource runs for the
 * same question: each metric over the row-level tables (no rollup), and its
 * previous period when the panel compares; each SQL query as written, its
 * macros and variables expanded. Undefined for a panel with neither, or one
 * whose metric has no rows to read (a stock kept only per day).
 */
export const panelFloor = (
  body: Pick<QueryRequest, 'from' | 'to' | 'maxDataPoints' | 'intervalMs' | 'queries'>,
  catalog: MetricDefinition[],
  asOf: number
): BoundQuery[] | undefined => {
  const range = effectiveRange(body, asOf);
  const bound: BoundQuery[] = [];
  for (const raw of body.queries) {
    const query = parseQuery(raw);
    if (query.kind === 'sql') {
      const metrics = new Map(catalog.map((m) => [m.name, m]));
      const intervalMs = requestIntervalMs(body, range);
      bound.push(expandSql(query.sql, { range, intervalMs, variables: query.variables, metrics }));
      continue;
    }
    if (query.kind !== 'metric') {
      continue;
    }
    const metric = catalog.find((m) => m.name === query.metric);
    if (!metric?.source.fact) {
      return undefined;
    }
    const interval = query.interval
      ? chooseInterval(query.interval, range, body.maxDataPoints, requestIntervalMs(body, range))
      : undefined;
    const parsed = metricQuerySchema.parse({ ...query, interval });
    bound.push(buildMetricSql(metric, parsed, range, 'fact'));
    if (query.compare === 'previous_period') {
      bound.push(buildMetricSql(metric, parsed, previousPeriod(range), 'fact'));
    }
  }
  return bound.length > 0 ? bound : undefined;
};
