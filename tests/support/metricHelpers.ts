import type { DuckDBConnection } from '@duckdb/node-api';
import { readCatalogTable, type MetricDefinition } from '@touchpoint/server/src/catalog/metricCatalog';
import type { Row } from '@touchpoint/server/src/db/readRows';
import type { MetricSource } from '@touchpoint/server/src/metrics/buildMetricSql';
import type { TimeRange } from '@touchpoint/contract/src/timeRange';
import { metricQuerySchema, type MetricQueryInput } from '@touchpoint/contract/src/metricQuery';
import { runMetric } from '@touchpoint/server/src/metrics/runMetric';

export const utc = (iso: string): number => Date.parse(`${iso}Z`);

/** A metric evaluator bound to one warehouse, reading the catalog it was built with. */
export const metricEvaluator = async (connection: DuckDBConnection) => {
  const catalog = await readCatalogTable(connection);
  const byName = new Map<string, MetricDefinition>(catalog.map((m) => [m.name, m]));
  const definition = (name: string): MetricDefinition => {
    const found = byName.get(name);
    if (!found) {
      throw new Error(`no metric ${name}`);
    }
    return found;
  };
  const rows = (
    name: string,
    query: Omit<MetricQueryInput, 'metric'>,
    range: TimeRange,
    source: MetricSource
  ): Promise<Row[]> =>
    runMetric(connection, definition(name), metricQuerySchema.parse({ ...query, metric: name }), range, source);
  /** The single value of an ungrouped metric over the range. */
  const value = async (name: string, range: TimeRange, source: MetricSource = 'rollup') => {
    const [row] = await rows(name, {}, range, source);
    return row.value;
  };
  return { catalog, definition, rows, value };
};
