import type { DuckDBType, DuckDBValue } from '@duckdb/node-api';
import type { MetricDefinition } from '../catalog/metricCatalog';
import { bindTextList, bindTimestamp, type BoundQuery } from '../db/boundQuery';
import { quoteIdentifier } from '../db/quoteIdentifier';
import type { MetricQuery } from '@touchpoint/contract/src/metricQuery';
import { ceilDay, floorDay, type TimeRange } from '@touchpoint/contract/src/timeRange';

/**
 * Where a metric is read from: its daily rollup, its fact, or both at once
 * (whole days from the rollup, the partial days at the range's edges from
 * the fact), which is exact for any range and still never scans the fact
 * for more than two days, which its time order lets DuckDB find directly.
 */
export type MetricSource = 'rollup' | 'fact' | 'hybrid';

export interface MetricSqlOptions {
  /** Put before every parameter name, so that two of these queries can be bound in one statement. */
  paramPrefix?: string;
  /**
   * What the statement gives: the metric's value and n (the default); each
   * component summed per key, before the formula (`sums`), for a range's
   * whole days kept to add edges to; or the rows scanned, each with its
   * time in epoch microseconds as `__at`, in no order (`rows`, the fact
   * alone), for the days either side of them.
   */
  output?: 'value' | 'sums' | 'rows';
  /** The column a distribution's `rows` read: its value (metricQuantile.ts). A sum's rows read its components. */
  valueColumn?: string;
}

/**
 * The SQL for one catalog metric for a time range, grouped by dimensions and
 * optionally by a time bucket. Components are summed first and the catalog's
 * formula applied last, so a ratio is never averaged. `opening` components
 * (stocks) take the value on the first day present in each bucket.
 * Output columns: [time], ...groupBy, value, n.
 */
export const buildMetricSql = (
  metric: MetricDefinition,
  query: MetricQuery,
  range: TimeRange,
  source: MetricSource,
  { paramPrefix = '', output = 'value', valueColumn }: MetricSqlOptions = {}
): BoundQuery => {
  const { rollup, rollupTime, fact, factTime } = metric.source;
  const needsRollup = source !== 'fact';
  const needsFact = source !== 'rollup';
  if ((needsRollup && (!rollup || !rollupTime)) || (needsFact && (!fact || !factTime))) {
    throw new Error(`metric '${metric.name}' has no ${needsRollup ? 'rollup' : 'fact'} to read from`);
  }
  const hasOpening = metric.components.some((c) => c.agg === 'opening');
  if (hasOpening && needsFact) {
    throw new Error(`metric '${metric.name}' is a stock and is only kept in its rollup`);
  }
  const distribution = metric.components.length === 0;
  if (distribution && (needsRollup || output === 'sums' || (output === 'rows' && !valueColumn))) {
    throw new Error(`metric '${metric.name}' is a distribution and is only read from its fact`);
  }
  if (output === 'rows' && source !== 'fact') {
    throw new Error(`metric '${metric.name}': rows are read from the fact alone`);
  }
  for (const dimension of [...query.groupBy, ...Object.keys(query.filters)]) {
    if (!metric.dimensions.includes(dimension)) {
      throw new Error(
        `metric '${metric.name}' cannot be grouped or filtered by '${dimension}'; it has: ${metric.dimensions.join(', ')}`
      );
    }
  }

  const params: Record<string, DuckDBValue> = {};
  const types: Record<string, DuckDBType> = {};
  const bindTime = (name: string, ms: number) => {
    const b = bindTimestamp(ms);
    params[`${paramPrefix}${name}`] = b.value;
    types[`${paramPrefix}${name}`] = b.type;
    return `$${paramPrefix}${name}`;
  };
  const filters = Object.entries(query.filters).map(([dimension, values], i) => {
    const b = bindTextList(values);
    const name = `${paramPrefix}filter${i}`;
    params[name] = b.value;
    types[name] = b.type;
    return `list_contains($${name}, ${quoteIdentifier(dimension)})`;
  });

  const dims = query.groupBy.map(quoteIdentifier);
  const bucketOf = (timeColumn: string) =>
    query.interval ? `date_trunc('${query.interval}', ${quoteIdentifier(timeColumn)})::date` : null;
  const columnsOf = (timeColumn: string, dayColumn: string) => {
    const bucket = bucketOf(timeColumn);
    return [
      ...(bucket ? [`${bucket} as __time`] : []),
      ...(output === 'rows' ? [`epoch_us(${quoteIdentifier(timeColumn)}) as __at`] : []),
      // A stock's first day; rows handed out as they are need none.
      ...(output === 'rows' ? [] : [`${dayColumn} as __day`]),
      ...dims,
      ...(!distribution
        ? metric.components.map((c) => quoteIdentifier(c.name))
        : output === 'rows' && valueColumn
          ? [quoteIdentifier(valueColumn)]
          : ['*']),
    ].join(', ');
  };
  const where = (conditions: string[]) => [...conditions, ...filters].join(' and ');

  // Hybrid: whole UTC days from the rollup, the fact covers what is left.
  // Rollup alone: every day the range touches (stocks are kept per day).
  const dayFrom = source === 'hybrid' ? ceilDay(range.from) : floorDay(range.from);
  const dayTo = source === 'hybrid' ? floorDay(range.to) : ceilDay(range.to);
  const scans: string[] = [];
  if (needsRollup && rollup && rollupTime && dayFrom < dayTo) {
    const t = quoteIdentifier(rollupTime);
    scans.push(
      `select ${columnsOf(rollupTime, t)} from ${quoteIdentifier(rollup)} where ${where([`${t} >= ${bindTime('from_day', dayFrom)}::date`, `${t} < ${bindTime('to_day', dayTo)}::date`])}`
    );
  }
  if (needsFact && fact && factTime) {
    const t = quoteIdentifier(factTime);
    // One scan per span, never `a or b`: DuckDB's zone maps prune a plain
    // range on the fact's time order but read every row group for an OR.
    // An edge that is empty (a range starting on midnight) is not scanned.
    const spans: Array<[string, number, string, number]> =
      source === 'fact' || dayFrom >= dayTo
        ? [['from', range.from, 'to', range.to]]
        : [
            ['from', range.from, 'edge_from', dayFrom],
            ['edge_to', dayTo, 'to', range.to],
          ];
    for (const [fromName, fromMs, toName, toMs] of spans.filter(([, a, , b]) => a < b)) {
      scans.push(
        `select ${columnsOf(factTime, `${t}::date`)} from ${quoteIdentifier(fact)} where ${where([`${t} >= ${bindTime(fromName, fromMs)}`, `${t} < ${bindTime(toName, toMs)}`])}`
      );
    }
  }
  const scan = scans.length === 1 ? scans[0] : scans.map((s) => `(${s})`).join(' union all by name ');
  if (output === 'rows') {
    return { sql: scan, params, types };
  }
  // A stock is read on the first day the bucket covers in the range.
  const rows = hasOpening
    ? `select *, min(__day) over (${query.interval ? 'partition by __time' : ''}) as __first from (${scan})`
    : scan;

  const keys = [...(query.interval ? ['__time as time'] : []), ...dims];
  const order = [...(query.interval ? ['time'] : []), ...dims];
  const groupBy = keys.length > 0 ? ' group by all' : '';
  const orderBy = order.length > 0 ? ` order by ${order.join(', ')}` : '';

  if (distribution) {
    const sql = `select ${[...keys, `(${metric.formula})::double as value`, `(${metric.n})::bigint as n`].join(', ')} from (${rows})${groupBy}${orderBy}`;
    return { sql, params, types };
  }
  const aggregates = metric.components.map((c) => {
    const name = quoteIdentifier(c.name);
    return c.agg === 'sum' ? `sum(${name}) as ${name}` : `sum(${name}) filter (where __day = __first) as ${name}`;
  });
  const outputs =
    output === 'sums'
      ? metric.components.map((c) => quoteIdentifier(c.name))
      : [`(${metric.formula})::double as value`, `coalesce((${metric.n})::bigint, 0) as n`];
  const sql =
    `with aggregated as (select ${[...keys, ...aggregates].join(', ')} from (${rows})${groupBy}) ` +
    `select ${[...order, ...outputs].join(', ')} from aggregated${orderBy}`;
  return { sql, params, types };
};
