import type { DuckDBConnection } from '@duckdb/node-api';
import { readCatalogTable } from '@touchpoint/server/src/catalog/metricCatalog';
import { readRows } from '@touchpoint/server/src/db/readRows';
import { readTableColumns } from '@touchpoint/server/src/db/readTableColumns';
import { metricQuerySchema } from '@touchpoint/contract/src/metricQuery';
import { planMetricSql } from '@touchpoint/server/src/metrics/planMetricSource';
import type { TimeRange } from '@touchpoint/contract/src/timeRange';
import type { Cell } from './formatRows';

// The columns of the terminal scorecard: relationship first, then service.
const scorecardMetrics = ['sli', 'nps', 'churn_rate', 'csat', 'fcr'] as const;

/**
 * One row per branch with its relationship and service numbers over a
 * range, computed exactly as the service computes them. A value from fewer
 * responses than the model's minimum n carries a '*'.
 */
export const scorecardRows = async (
  connection: DuckDBConnection,
  range: TimeRange
): Promise<{ columns: string[]; rows: Cell[][] }> => {
  const catalog = await readCatalogTable(connection);
  const [{ min_n: minN }] = await readRows(connection, 'select min_n from model_params');
  const columnsOf = await readTableColumns(connection);
  const byMetric = new Map<string, Map<string, { value: number | null; n: number }>>();
  for (const name of scorecardMetrics) {
    const metric = catalog.find((m) => m.name === name);
    if (!metric) {
      throw new Error(`the catalog has no metric '${name}'`);
    }
    const query = metricQuerySchema.parse({ metric: name, groupBy: ['branch_id'] });
    const { bound } = planMetricSql(metric, query, range, columnsOf);
    const rows = await readRows(connection, bound.sql, bound.params, bound.types);
    byMetric.set(
      name,
      new Map(rows.map((r) => [String(r.branch_id), { value: r.value as number | null, n: Number(r.n) }]))
    );
  }
  const branches = await readRows(
    connection,
    'select branch_id, branch_name, region from dim_branches order by region, branch_name'
  );
  const decimals = new Map(catalog.map((m) => [m.name, m.decimals]));
  const cell = (name: string, branchId: string): Cell => {
    const found = byMetric.get(name)?.get(branchId);
    if (!found || found.value === null) {
      return null;
    }
    const text = found.value.toFixed(Math.min(decimals.get(name) ?? 1, 1));
    return found.n < Number(minN) ? `${text}*` : text;
  };
  return {
    columns: ['region', 'branch', 'SLI', 'NPS', 'churn %', 'CSAT %', 'FCR %'],
    rows: branches.map((b) => [
      String(b.region),
      String(b.branch_name),
      ...scorecardMetrics.map((m) => cell(m, String(b.branch_id))),
    ]),
  };
};
