import type { MetricDefinition } from '../../catalog/metricCatalog';
import type { MetricSource } from '../../metrics/buildMetricSql';
import type { MetricQuery } from '../../metrics/metricQuery';

/**
 * Picks the cheapest exact source: the rollup (with the fact for partial
 * edge days) when it has every dimension asked for, else the fact. Stocks
 * live only in their rollup and distributions only in their fact.
 */
export const planMetricSource = (
  metric: MetricDefinition,
  query: MetricQuery,
  columnsOf: (table: string) => ReadonlySet<string>,
): MetricSource => {
  const { rollup, fact } = metric.source;
  if (metric.components.length === 0 || !rollup) return 'fact';
  if (metric.components.some((c) => c.agg === 'opening') || !fact) return 'rollup';
  const rollupColumns = columnsOf(rollup);
  const dimensions = [...query.groupBy, ...Object.keys(query.filters)];
  return dimensions.every((d) => rollupColumns.has(d)) ? 'hybrid' : 'fact';
};
