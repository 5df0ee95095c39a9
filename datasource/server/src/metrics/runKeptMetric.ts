import type { DuckDBConnection } from '@duckdb/node-api';
import type { MetricQuery } from '@touchpoint/contract/src/metricQuery';
import type { TimeRange } from '@touchpoint/contract/src/timeRange';
import type { MetricDefinition } from '../catalog/metricCatalog';
import { splitWholeDays, type WholeDaysKeeper } from '../days/splitWholeDays';
import { readRows, type Row } from '../db/readRows';
import { buildMetricSql, type MetricSource } from './buildMetricSql';
import { addMetricEdges, keepMetricBoundary, type KeptMetricDays, type MetricShape } from './metricEdges';
import { compileFormula, type Formula } from './metricFormula';

/** A metric question whose whole days can be kept: what it sums and how its value is made from the sums. */
export interface KeptMetricPlan {
  metric: MetricDefinition;
  query: MetricQuery;
  shape: MetricShape;
  value: Formula;
  n: Formula;
}

/**
 * The plan to keep a question's whole days, or undefined when it cannot be:
 * only a metric read from its rollup and its fact at once (the hybrid
 * source) has whole days apart from edges, only sums add up across them (a
 * stock's opening value and a distribution's quantiles do not), and only a
 * formula metricFormula.ts reads can be applied to the added sums.
 */
export const keptMetricPlan = (
  metric: MetricDefinition,
  query: MetricQuery,
  source: MetricSource
): KeptMetricPlan | undefined => {
  const { rollup, fact } = metric.source;
  const sums = metric.components.length > 0 && metric.components.every((c) => c.agg === 'sum');
  if (source !== 'hybrid' || !rollup || !fact || !sums) {
    return undefined;
  }
  const components = metric.components.map((c) => c.name);
  const value = compileFormula(metric.formula, components);
  const n = compileFormula(metric.n, components);
  if (!value || !n) {
    return undefined;
  }
  const keyColumns = [...(query.interval ? ['time'] : []), ...query.groupBy];
  return { metric, query, shape: { keyColumns, components }, value, n };
};

const finiteOrNull = (value: number | null) => (value !== null && Number.isFinite(value) ? value : null);

/** Each key's value and n from its sums, as buildMetricSql's value rows give them (a non-finite double is null). */
const metricValues = (sums: readonly Row[], plan: KeptMetricPlan): Row[] =>
  sums.map((row) => {
    const components = row as Readonly<Record<string, number | null>>;
    const values: Row = {};
    for (const column of plan.shape.keyColumns) {
      values[column] = row[column];
    }
    values.value = finiteOrNull(plan.value(components));
    values.n = finiteOrNull(plan.n(components)) ?? 0;
    return values;
  });

/**
 * One range of a kept question (keptMetricPlan): its whole days summed once
 * from the rollup and kept with the fact rows of the day on either side;
 * each request adds its partial days from those (metricEdges.ts) without a
 * statement, and applies the formula. A dashboard's `now-90d` moves with
 * every refresh, but its whole days stay the same all day. Undefined when
 * no whole day fits in the range: it is read at once.
 */
export const runKeptMetric = async (
  connection: DuckDBConnection,
  plan: KeptMetricPlan,
  range: TimeRange,
  keeper: WholeDaysKeeper<KeptMetricDays>
): Promise<{ sql: string; rows: Row[] } | undefined> => {
  const split = splitWholeDays(range);
  if (!split) {
    return undefined;
  }
  const { metric, query, shape } = plan;
  const sums = buildMetricSql(metric, query, split.whole, 'rollup', { output: 'sums' });
  const [before, after] = split.boundary.map((day, i) =>
    buildMetricSql(metric, query, day, 'fact', { output: 'rows', paramPrefix: `day${i}_` })
  );
  const boundary = {
    sql: `select * from ((${before.sql}) union all by name (${after.sql})) order by __at`,
    params: { ...before.params, ...after.params },
    types: { ...before.types, ...after.types },
  };
  const key = JSON.stringify({
    metric: metric.name,
    groupBy: query.groupBy,
    filters: query.filters,
    interval: query.interval ?? null,
    whole: split.whole,
  });
  const kept = await keeper(key, async () => {
    const summed = await readRows(connection, sums.sql, sums.params, sums.types);
    const rows = await readRows(connection, boundary.sql, boundary.params, boundary.types);
    return { sums: summed, boundary: keepMetricBoundary(rows, summed, shape) };
  });
  return {
    sql: `-- the whole days, summed once and kept\n${sums.sql};\n-- the days either side, kept to add the partial days at the edges from\n${boundary.sql}`,
    rows: metricValues(addMetricEdges(kept, split.edges, shape), plan),
  };
};
