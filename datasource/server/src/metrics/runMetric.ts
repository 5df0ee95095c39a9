import type { DuckDBConnection } from '@duckdb/node-api';
import type { MetricDefinition } from '../catalog/metricCatalog';
import { readRows, type Row } from '../db/readRows';
import { buildMetricSql, type MetricSource } from './buildMetricSql';
import type { TimeRange } from '@touchpoint/contract/src/timeRange';
import type { MetricQuery } from '@touchpoint/contract/src/metricQuery';

/** Evaluates one catalog metric; rows are [time], ...groupBy, value, n. */
export const runMetric = async (
  connection: DuckDBConnection,
  metric: MetricDefinition,
  query: MetricQuery,
  range: TimeRange,
  source: MetricSource
): Promise<Row[]> => {
  const { sql, params, types } = buildMetricSql(metric, query, range, source);
  return readRows(connection, sql, params, types);
};
