import type { DuckDBType, DuckDBValue } from '@duckdb/node-api';
import { bindTextList, bindTimestamp, type BoundQuery } from '../db/boundQuery';
import { quoteIdentifier } from '../db/quoteIdentifier';
import type { MetricDefinition } from '../catalog/metricCatalog';
import type { MetricQuery } from './metricQuery';

export type MetricSource = 'rollup' | 'fact';

export interface TimeRange {
  /** Inclusive start, epoch ms (UTC). */
  from: number;
  /** Exclusive end, epoch ms (UTC). */
  to: number;
}

/**
 * The SQL for one catalog metric over a rollup or a fact, for a time range,
 * grouped by dimensions and optionally by a time bucket. Components are
 * aggregated first and the catalog's formula applied last, so a ratio is
 * never averaged. `opening` components (stocks) take the value on the first
 * day present in each bucket. Output columns: [time], ...groupBy, value, n.
 */
export const buildMetricSql = (
  metric: MetricDefinition,
  query: MetricQuery,
  range: TimeRange,
  source: MetricSource,
): BoundQuery => {
  const table = source === 'rollup' ? metric.source.rollup : metric.source.fact;
  const timeColumn = source === 'rollup' ? metric.source.rollupTime : metric.source.factTime;
  if (!table || !timeColumn) throw new Error(`metric '${metric.name}' has no ${source} to read from`);
  if (metric.components.some((c) => c.agg === 'opening') && source === 'fact') {
    throw new Error(`metric '${metric.name}' is a stock and is only kept in its rollup`);
  }
  for (const dimension of [...query.groupBy, ...Object.keys(query.filters)]) {
    if (!metric.dimensions.includes(dimension)) {
      throw new Error(`metric '${metric.name}' cannot be grouped or filtered by '${dimension}'; it has: ${metric.dimensions.join(', ')}`);
    }
  }

  const params: Record<string, DuckDBValue> = {};
  const types: Record<string, DuckDBType> = {};
  const bind = (name: string, bound: { value: DuckDBValue; type: DuckDBType }) => {
    params[name] = bound.value;
    types[name] = bound.type;
    return `$${name}`;
  };

  const time = quoteIdentifier(timeColumn);
  // Rollups are keyed by UTC day; a fact by its event time.
  const lower = source === 'rollup' ? `${bind('from', bindTimestamp(range.from))}::date` : bind('from', bindTimestamp(range.from));
  const upper = source === 'rollup' ? `${bind('to', bindTimestamp(range.to))}::date` : bind('to', bindTimestamp(range.to));
  const where = [`${time} >= ${lower}`, `${time} < ${upper}`];
  Object.entries(query.filters).forEach(([dimension, values], i) => {
    where.push(`list_contains(${bind(`filter${i}`, bindTextList(values))}, ${quoteIdentifier(dimension)})`);
  });

  const bucket = query.interval ? `date_trunc('${query.interval}', ${time})::date` : null;
  const dims = query.groupBy.map(quoteIdentifier);
  const keys = [...(bucket ? ['__time as time'] : []), ...dims];
  const order = [...(bucket ? ['time'] : []), ...dims];
  const hasOpening = metric.components.some((c) => c.agg === 'opening');

  const scan = `select *${bucket ? `, ${bucket} as __time` : ''} from ${quoteIdentifier(table)} where ${where.join(' and ')}`;
  // A stock is read on the first day the bucket covers in the range.
  const filteredSql = hasOpening
    ? `select *, min(${time}) over (${bucket ? 'partition by __time' : ''}) as __first from (${scan})`
    : scan;

  const select = (columns: string[]) => [...keys, ...columns].join(', ');
  const groupBy = keys.length > 0 ? ' group by all' : '';
  const orderBy = order.length > 0 ? ` order by ${order.join(', ')}` : '';

  if (metric.components.length === 0) {
    const sql = `select ${select([`(${metric.formula})::double as value`, `(${metric.n})::bigint as n`])} from (${filteredSql})${groupBy}${orderBy}`;
    return { sql, params, types };
  }

  const aggregates = metric.components.map((c) =>
    c.agg === 'sum'
      ? `sum(${quoteIdentifier(c.name)}) as ${quoteIdentifier(c.name)}`
      : `sum(${quoteIdentifier(c.name)}) filter (where ${time} = __first) as ${quoteIdentifier(c.name)}`,
  );
  const outerKeys = [...(bucket ? ['time'] : []), ...dims];
  const sql =
    `with aggregated as (select ${select(aggregates)} from (${filteredSql})${groupBy}) ` +
    `select ${[...outerKeys, `(${metric.formula})::double as value`, `coalesce((${metric.n})::bigint, 0) as n`].join(', ')} ` +
    `from aggregated${orderBy}`;
  return { sql, params, types };
};
