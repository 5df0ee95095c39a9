import type { BoundQuery } from '../db/boundQuery';
import type { MetricDefinition } from '../catalog/metricCatalog';
import { buildMetricSql, type MetricSource, type MetricSqlOptions } from './buildMetricSql';
import type { MetricQuery } from '@touchpoint/contract/src/metricQuery';
import type { TimeRange } from '@touchpoint/contract/src/timeRange';

/**
 * Picks the cheapest exact source: the rollup (with the fact for partial
 * edge days) when it has every dimension asked for, else the fact. Stocks
 * live only in their rollup and distributions only in their fact.
 */
export const planMetricSource = (
  metric: MetricDefinition,
  query: MetricQuery,
  columnsOf: (table: string) => ReadonlySet<string>
): MetricSource => {
  const { rollup, fact } = metric.source;
  if (metric.components.length === 0 || !rollup) {
    return 'fact';
  }
  if (metric.components.some((c) => c.agg === 'opening') || !fact) {
    return 'rollup';
  }
  const rollupColumns = columnsOf(rollup);
  const dimensions = [...query.groupBy, ...Object.keys(query.filters)];
  return dimensions.every((d) => rollupColumns.has(d)) ? 'hybrid' : 'fact';
};

/** The planned source and its SQL: what every caller that evaluates a metric runs. */
export const planMetricSql = (
  metric: MetricDefinition,
  query: MetricQuery,
  range: TimeRange,
  columnsOf: (table: string) => ReadonlySet<string>,
  options: MetricSqlOptions = {}
): { source: MetricSource; bound: BoundQuery } => {
  const source = planMetricSource(metric, query, columnsOf);
  return { source, bound: buildMetricSql(metric, query, range, source, options) };
};
