import type { DuckDBConnection } from '@duckdb/node-api';
import type { MetricQuery } from '@touchpoint/contract/src/metricQuery';
import type { TimeRange } from '@touchpoint/contract/src/timeRange';
import type { MetricDefinition } from '../catalog/metricCatalog';
import { splitWholeDays, type WholeDaysKeeper } from '../days/splitWholeDays';
import type { BoundQuery } from '../db/boundQuery';
import { quoteIdentifier } from '../db/quoteIdentifier';
import { readColumns, readRows, type Row } from '../db/readRows';
import { buildMetricSql, type MetricSource } from './buildMetricSql';
import {
  addDistributionEdges,
  keepDistribution,
  keptDistributionBytes,
  type KeptDistribution,
} from './distributionEdges';
import {
  addMetricEdges,
  keepMetricBoundary,
  metricBoundaryBytes,
  type KeptSums,
  type MetricShape,
} from './metricEdges';
import { compileFormula, type Formula } from './metricFormula';
import { readQuantile, type QuantileOf } from './metricQuantile';

interface PlanBase {
  metric: MetricDefinition;
  query: MetricQuery;
  shape: MetricShape;
  /** Where the whole days are read: the rollup for a question it can answer, else the fact. */
  wholeSource: 'rollup' | 'fact';
}

/** A metric question whose whole days can be kept: sums and the formula over them, or a quantile of one column. */
export type KeptMetricPlan =
  (PlanBase & { kind: 'sums'; value: Formula; n: Formula }) | (PlanBase & { kind: 'quantile'; quantile: QuantileOf });

/** What the keeper holds for one question and its whole days. */
export type KeptMetricDays = { kind: 'sums'; sums: KeptSums } | { kind: 'quantile'; distribution: KeptDistribution };

/** The bytes a kept question holds, for the keeper's budget. */
export const keptMetricBytes = (kept: KeptMetricDays): number =>
  kept.kind === 'sums'
    ? 2 * JSON.stringify(kept.sums.sums).length + metricBoundaryBytes(kept.sums.boundary)
    : keptDistributionBytes(kept.distribution);

/**
 * The plan to keep a question's whole days, or undefined when it cannot be:
 * it needs a fact, whose rows on the days either side make the edges
 * (a stock lives only in its rollup); then either sums (a rollup's or the
 * fact's) with a formula metricFormula.ts reads, applied to the added sums,
 * or a quantile of one column (metricQuantile.ts), found across the whole
 * days' values and the edges'. A stock's opening value adds up to nothing.
 */
export const keptMetricPlan = (
  metric: MetricDefinition,
  query: MetricQuery,
  source: MetricSource
): KeptMetricPlan | undefined => {
  if (source === 'rollup' || !metric.source.fact) {
    return undefined;
  }
  const keyColumns = [...(query.interval ? ['time'] : []), ...query.groupBy];
  const wholeSource = source === 'hybrid' ? 'rollup' : 'fact';
  const quantile = readQuantile(metric);
  if (quantile) {
    const shape = { keyColumns, components: [quantile.column] };
    return { kind: 'quantile', metric, query, shape, wholeSource, quantile };
  }
  if (metric.components.length === 0 || metric.components.some((c) => c.agg !== 'sum')) {
    return undefined;
  }
  const components = metric.components.map((c) => c.name);
  const value = compileFormula(metric.formula, components);
  const n = compileFormula(metric.n, components);
  if (!value || !n) {
    return undefined;
  }
  return { kind: 'sums', metric, query, shape: { keyColumns, components }, wholeSource, value, n };
};

const finiteOrNull = (value: number | null) => (value !== null && Number.isFinite(value) ? value : null);

/** Each key's value and n from its sums, as buildMetricSql's value rows give them (a non-finite double is null). */
const sumValues = (sums: readonly Row[], keyColumns: readonly string[], value: Formula, n: Formula): Row[] =>
  sums.map((row) => {
    const components = row as Readonly<Record<string, number | null>>;
    const values: Row = {};
    for (const column of keyColumns) {
      values[column] = row[column];
    }
    values.value = finiteOrNull(value(components));
    values.n = finiteOrNull(n(components)) ?? 0;
    return values;
  });

/** A distribution's whole-day values, by key then value: the rows buildMetricSql scans, keyed as its value rows are. */
const wholeValuesSql = (plan: KeptMetricPlan & { kind: 'quantile' }, whole: TimeRange): BoundQuery => {
  const rows = buildMetricSql(plan.metric, plan.query, whole, 'fact', {
    output: 'rows',
    valueColumn: plan.quantile.column,
  });
  const keys = plan.shape.keyColumns.map((column) => (column === 'time' ? '__time' : quoteIdentifier(column)));
  const value = quoteIdentifier(plan.quantile.column);
  const named = plan.shape.keyColumns.map((column, i) => `${keys[i]} as ${quoteIdentifier(column)}`);
  return {
    ...rows,
    sql: `select ${[...named, value].join(', ')} from (${rows.sql}) order by ${[...keys, value].join(', ')}`,
  };
};

/**
 * One range of a kept question (keptMetricPlan): its whole days read once
 * (summed, or their values in order) and kept with the fact rows of the
 * day on either side; each request adds its partial days from those
 * (metricEdges.ts, distributionEdges.ts) without a statement. A
 * dashboard's `now-90d` moves with every refresh, but its whole days stay
 * the same all day. Undefined when no whole day fits in the range: it is
 * read at once.
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
  const whole =
    plan.kind === 'sums'
      ? buildMetricSql(metric, query, split.whole, plan.wholeSource, { output: 'sums' })
      : wholeValuesSql(plan, split.whole);
  const valueColumn = plan.kind === 'quantile' ? plan.quantile.column : undefined;
  const [before, after] = split.boundary.map((day, i) =>
    buildMetricSql(metric, query, day, 'fact', { output: 'rows', paramPrefix: `day${i}_`, valueColumn })
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
  const kept = await keeper(key, async (): Promise<KeptMetricDays> => {
    if (plan.kind === 'sums') {
      const sums = await readRows(connection, whole.sql, whole.params, whole.types);
      const rows = await readRows(connection, boundary.sql, boundary.params, boundary.types);
      return { kind: 'sums', sums: { sums, boundary: keepMetricBoundary(rows, sums, shape) } };
    }
    const columns = await readColumns(connection, whole.sql, whole.params, whole.types);
    const rows = await readRows(connection, boundary.sql, boundary.params, boundary.types);
    const distribution = keepDistribution(columns, shape, plan.quantile, (keys) =>
      keepMetricBoundary(rows, keys, shape)
    );
    return { kind: 'quantile', distribution };
  });
  const wholeText =
    plan.kind === 'sums' ? 'the whole days, summed once and kept' : 'the whole days, their values kept in order';
  const sql = `-- ${wholeText}\n${whole.sql};\n-- the days either side, kept to add the partial days at the edges from\n${boundary.sql}`;
  if (plan.kind === 'sums' && kept.kind === 'sums') {
    return {
      sql,
      rows: sumValues(addMetricEdges(kept.sums, split.edges, shape), shape.keyColumns, plan.value, plan.n),
    };
  }
  if (plan.kind === 'quantile' && kept.kind === 'quantile') {
    return { sql, rows: addDistributionEdges(kept.distribution, split.edges, shape, plan.quantile) };
  }
  throw new Error(`metric '${metric.name}': kept whole days of another kind`);
};
