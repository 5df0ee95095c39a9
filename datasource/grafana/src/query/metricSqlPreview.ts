import type { MetricDefinition } from '@touchpoint/contract/src/metricDefinition';
import type { SavedMetricQuery } from '@touchpoint/contract/src/savedQuery';
import { wholeReference } from './variableResolver';

export type MetricSqlPreview = { sql: string } | { reason: string };

const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** `dimension in (...)` for literals, `dimension in ($var)` per variable, OR'ed when mixed. */
const filterSql = (dimension: string, values: string[]): string => {
  const literals = values.filter((value) => wholeReference(value) === undefined);
  const parts = [
    ...(literals.length > 0 ? [`${dimension} in (${literals.map(quote).join(', ')})`] : []),
    ...values.filter((value) => wholeReference(value) !== undefined).map((value) => `${dimension} in (${value})`),
  ];
  return parts.length > 1 ? `(${parts.join(' or ')})` : parts[0];
};

/**
 * The SQL a metric query stands for, written with the service's macros so an
 * analyst can take it over (Edit as SQL). It reads whole days from the
 * rollup; the metric query itself also reads the partial edge days from the
 * facts. Stocks (churn, CLV) need each period's opening and have no
 * plain-SQL form.
 */
export const metricSqlPreview = (metric: MetricDefinition, query: SavedMetricQuery): MetricSqlPreview => {
  if (metric.components.some((component) => component.agg === 'opening')) {
    return {
      reason: `${metric.label} needs the customers active at each period's start, which plain SQL grouping cannot give. Use this metric query, or read rel_branch_month for monthly values.`,
    };
  }
  const table = metric.source.rollup ?? metric.source.fact;
  const time = metric.source.rollup ? metric.source.rollupTime : metric.source.factTime;
  if (!table || !time) {
    return { reason: `${metric.label} has no table to read in the catalog.` };
  }
  const bucket =
    query.interval === 'none'
      ? undefined
      : query.interval === 'auto'
        ? `$__timeGroupAlias(${time}, $__interval)`
        : `date_trunc('${query.interval}', ${time}) as time`;
  const filters = Object.entries(query.filters)
    .filter(([, values]) => values.length > 0)
    .map(([dimension, values]) => filterSql(dimension, values));
  const lines = [
    'select',
    `  ${[...(bucket ? [bucket] : []), ...query.groupBy, `$__metric(${metric.name}) as ${metric.name}`, `$__metricN(${metric.name}) as n`].join(',\n  ')}`,
    `from ${table}`,
    `where $__timeFilter(${time})`,
    ...filters.map((filter) => `  and ${filter}`),
    'group by all',
    ...(bucket ? ['order by time'] : query.groupBy.length > 0 ? ['order by all'] : []),
  ];
  return { sql: lines.join('\n') };
};
