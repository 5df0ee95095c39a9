import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { metricQuerySchema, type MetricQuery } from '@touchpoint/contract/src/metricQuery';
import { ceilDay, floorDay, type TimeRange } from '@touchpoint/contract/src/timeRange';
import type { MetricDefinition } from '../catalog/metricCatalog';
import { nextDays } from '../days/nextDays';
import { splitWholeDays, type WholeDaysKeeper } from '../days/splitWholeDays';
import type { BoundQuery } from '../db/boundQuery';
import { quoteIdentifier } from '../db/quoteIdentifier';
import { readColumns, readRows, type Row } from '../db/readRows';
import { buildMetricSql, type MetricSource } from './buildMetricSql';
import { planMetricSource } from './planMetricSource';
import {
  addDistributionEdges,
  DISTRIBUTION_RANK,
  DISTRIBUTION_VALUES,
  keepDistribution,
  keptDistributionBytes,
  type KeptDistribution,
} from './distributionEdges';
import {
  addMetricEdges,
  keepMetricBoundary,
  keepSums,
  metricBoundaryBytes,
  type KeptSums,
  type MetricShape,
  type ValueOf,
} from './metricEdges';
import { compileFormula, type Formula } from './metricFormula';
import { rankWindowSql, readQuantile, type QuantileOf } from './metricQuantile';

interface PlanBase {
  metric: MetricDefinition;
  query: MetricQuery;
  shape: MetricShape;
  /** Where the whole days are read: the rollup for a question it can answer, else the fact. */
  wholeSource: 'rollup' | 'fact';
}

/**
 * A metric question whose days can be kept: sums and the formula over
 * them, or a quantile of one column, each with its edges added; or a
 * question read from its rollup alone, whose answer is the same for every
 * range touching the same days.
 */
export type KeptMetricPlan =
  | (PlanBase & { kind: 'sums'; value: Formula; n: Formula })
  | (PlanBase & { kind: 'quantile'; quantile: QuantileOf })
  | { kind: 'days'; metric: MetricDefinition; query: MetricQuery };

/** What the keeper holds for one question and its days. */
export type KeptMetricDays =
  | { kind: 'sums'; sums: KeptSums }
  | { kind: 'quantile'; distribution: KeptDistribution }
  | { kind: 'days'; rows: Row[] };

/** The bytes a kept question holds, for the keeper's budget. */
export const keptMetricBytes = (kept: KeptMetricDays): number =>
  kept.kind === 'sums'
    ? 2 * (JSON.stringify(kept.sums.sums).length + JSON.stringify(kept.sums.answered).length) +
      metricBoundaryBytes(kept.sums.boundary)
    : kept.kind === 'quantile'
      ? keptDistributionBytes(kept.distribution)
      : 2 * JSON.stringify(kept.rows).length;

/**
 * The plan to keep a question's days, or undefined when it cannot be. Read
 * from its rollup alone (a stock, a metric with no fact), a question reads
 * every day its range touches, whole: kept by those days. Else it needs
 * its fact, whose rows on the days either side make the edges; then either
 * sums (a rollup's or the fact's) with a formula metricFormula.ts reads,
 * applied to the added sums, or a quantile of one column
 * (metricQuantile.ts), found across the whole days' values and the edges'.
 */
export const keptMetricPlan = (
  metric: MetricDefinition,
  query: MetricQuery,
  source: MetricSource
): KeptMetricPlan | undefined => {
  if (source === 'rollup') {
    return { kind: 'days', metric, query };
  }
  if (!metric.source.fact) {
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
  const formulas = compiledFormulas(metric);
  if (!formulas) {
    return undefined;
  }
  const { components, value, n } = formulas;
  return { kind: 'sums', metric, query, shape: { keyColumns, components }, wholeSource, value, n };
};

// A metric's formulas read once per definition (a warehouse's catalog), not on every request.
const compiled = new WeakMap<MetricDefinition, { components: string[]; value: Formula; n: Formula } | null>();

const compiledFormulas = (metric: MetricDefinition) => {
  if (!compiled.has(metric)) {
    const components = metric.components.map((c) => c.name);
    const value = compileFormula(metric.formula, components);
    const n = compileFormula(metric.n, components);
    compiled.set(metric, value && n ? { components, value, n } : null);
  }
  return compiled.get(metric) ?? undefined;
};

const finiteOrNull = (value: number | null) => (value !== null && Number.isFinite(value) ? value : null);

/** A key's value and n from its sums, as buildMetricSql's value rows give them (a non-finite double is null). */
const sumValue =
  (keyColumns: readonly string[], value: Formula, n: Formula): ValueOf =>
  (row) => {
    const components = row as Readonly<Record<string, number | null>>;
    const values: Row = {};
    for (const column of keyColumns) {
      values[column] = row[column];
    }
    values.value = finiteOrNull(value(components));
    values.n = finiteOrNull(n(components)) ?? 0;
    return values;
  };

/**
 * A distribution's whole days as one statement over the rows
 * buildMetricSql scans: per key (named as its value rows name it) only the
 * values at the ranks its quantile can reach once the edge days' values
 * are added (rankWindowSql, with the key's count of edge values from the
 * boundary statement), ordered by key and value, with each value's rank
 * and its key's count. A key with no value gives one row, its value null.
 * Reading every value into the service instead cost about a microsecond
 * each, and at scale 100 90 days hold 4M; the ranking costs DuckDB two to
 * three times `quantile_cont` at once, once a day.
 */
const windowedValuesSql = (
  plan: KeptMetricPlan & { kind: 'quantile' },
  whole: TimeRange,
  boundary: BoundQuery
): BoundQuery => {
  const rows = buildMetricSql(plan.metric, plan.query, whole, 'fact', {
    output: 'rows',
    valueColumn: plan.quantile.column,
  });
  const keys = plan.shape.keyColumns.map((column) => (column === 'time' ? '__time' : quoteIdentifier(column)));
  const value = quoteIdentifier(plan.quantile.column);
  const partition = keys.length > 0 ? `partition by ${keys.join(', ')} ` : '';
  const edgeKeys = keys.length > 0 ? `${keys.join(', ')}, ` : '';
  const grouped = keys.length > 0 ? ' group by all' : '';
  const joined =
    keys.length > 0
      ? `left join edge on ${keys.map((key) => `ranked.${key} is not distinct from edge.${key}`).join(' and ')}`
      : 'cross join edge';
  const named = plan.shape.keyColumns.map((column, i) => `ranked.${keys[i]} as ${quoteIdentifier(column)}`);
  const window = rankWindowSql(DISTRIBUTION_VALUES, 'coalesce(edge.__edge, 0)', plan.quantile.fraction);
  const sql = `with
  edge as (select ${edgeKeys}count(${value}) as __edge from (${boundary.sql})${grouped}),
  ranked as (
    select ${edgeKeys}${value},
      row_number() over (${partition}order by ${value} asc nulls last) - 1 as ${DISTRIBUTION_RANK},
      count(${value}) over (${partition.trimEnd()}) as ${DISTRIBUTION_VALUES}
    from (${rows.sql})
  )
select ${[...named, value, DISTRIBUTION_RANK, DISTRIBUTION_VALUES].join(', ')}
from ranked ${joined}
where (${DISTRIBUTION_VALUES} = 0 and ${DISTRIBUTION_RANK} = 0)
  or (${DISTRIBUTION_RANK} < ${DISTRIBUTION_VALUES} and ${DISTRIBUTION_RANK} between ${window.from} and ${window.to})
order by ${[...named.map((_, i) => `ranked.${keys[i]}`), DISTRIBUTION_RANK].join(', ')}`;
  return { sql, params: { ...rows.params, ...boundary.params }, types: { ...rows.types, ...boundary.types } };
};

/** A kept question (the contract's, as a request asks it) and its days: what a keeper's key names, and what a new file counts again. */
const keptQuestionSchema = metricQuerySchema
  .pick({ metric: true, groupBy: true, filters: true, interval: true })
  .extend({ days: z.object({ from: z.number(), to: z.number() }) });
type KeptQuestion = z.infer<typeof keptQuestionSchema>;

const keptQuestionKey = (question: KeptQuestion): string =>
  JSON.stringify({
    metric: question.metric,
    groupBy: question.groupBy,
    filters: question.filters,
    interval: question.interval,
    days: question.days,
  });

const parsedQuestion = (key: string): KeptQuestion | undefined => {
  try {
    return keptQuestionSchema.parse(JSON.parse(key));
  } catch {
    return undefined;
  }
};

/** A kept question's key for the next day (nextDays), or undefined for a key that names none. */
export const metricKeyForNextDay = (key: string, midnight: number): string | undefined => {
  const question = parsedQuestion(key);
  const days = question && nextDays(question.days, midnight);
  return question && days ? keptQuestionKey({ ...question, days }) : undefined;
};

/**
 * A kept question's days counted again on another warehouse (a new file),
 * from its key, as the first request would: false when that warehouse has
 * no such question to keep (its catalog lost the metric, its plan changed).
 */
export const countMetricAhead = async (
  warehouse: {
    metrics: ReadonlyMap<string, MetricDefinition>;
    columns: (table: string) => ReadonlySet<string>;
  },
  key: string,
  keeper: WholeDaysKeeper<KeptMetricDays>
): Promise<boolean> => {
  const question = parsedQuestion(key);
  const metric = question && warehouse.metrics.get(question.metric);
  if (!question || !metric) {
    return false;
  }
  const query = { ...question, compare: undefined };
  const plan = keptMetricPlan(metric, query, planMetricSource(metric, query, warehouse.columns));
  // The days themselves as the range: whole days with no edges, or every day a rollup question touches.
  return plan !== undefined && (await runKeptMetric(plan, question.days, keeper)) !== undefined;
};

/**
 * One range of a kept question (keptMetricPlan): its whole days read once
 * (summed, or their values in order) and kept with the fact rows of the
 * day on either side; each request adds its partial days from those
 * (metricEdges.ts, distributionEdges.ts) without a statement. A
 * dashboard's `now-90d` moves with every refresh, but its whole days stay
 * the same all day. A question read from its rollup alone is kept whole by
 * the days its range touches. Undefined when no whole day fits in the
 * range, or the keeper has nothing kept yet and does not make the request
 * wait (its first): it is read at once.
 */
export const runKeptMetric = async (
  plan: KeptMetricPlan,
  range: TimeRange,
  keeper: WholeDaysKeeper<KeptMetricDays>
): Promise<{ sql: string; rows: Row[] } | undefined> => {
  const { metric, query } = plan;
  // A question's key names its metric, so what it keeps is always of the plan's kind; the check tells TypeScript.
  const otherKind = () => new Error(`metric '${metric.name}': kept days of another kind`);
  const questionKey = (days: TimeRange) =>
    keptQuestionKey({
      metric: metric.name,
      groupBy: query.groupBy,
      filters: query.filters,
      interval: query.interval,
      days,
    });

  if (plan.kind === 'days') {
    const bound = buildMetricSql(metric, query, range, 'rollup');
    const days = { from: floorDay(range.from), to: ceilDay(range.to) };
    const kept = await keeper(questionKey(days), async (connection) => ({
      kind: 'days',
      rows: await readRows(connection, bound.sql, bound.params, bound.types),
    }));
    if (!kept) {
      return undefined;
    }
    if (kept.kind !== 'days') {
      throw otherKind();
    }
    return { sql: `-- every day the range touches, read once and kept\n${bound.sql}`, rows: kept.rows };
  }

  const split = splitWholeDays(range);
  if (!split) {
    return undefined;
  }
  const { shape } = plan;
  const valueColumn = plan.kind === 'quantile' ? plan.quantile.column : undefined;
  const [before, after] = split.boundary.map((day, i) =>
    buildMetricSql(metric, query, day, 'fact', { output: 'rows', paramPrefix: `day${i}_`, valueColumn })
  );
  const boundary = {
    sql: `select * from ((${before.sql}) union all by name (${after.sql})) order by __at`,
    params: { ...before.params, ...after.params },
    types: { ...before.types, ...after.types },
  };
  const readBoundary = (connection: DuckDBConnection) =>
    readColumns(connection, boundary.sql, boundary.params, boundary.types);
  const key = questionKey(split.whole);
  const edgesSql = `-- the days either side, kept to add the partial days at the edges from\n${boundary.sql}`;

  if (plan.kind === 'sums') {
    const whole = buildMetricSql(metric, query, split.whole, plan.wholeSource, { output: 'sums' });
    const valueOf = sumValue(shape.keyColumns, plan.value, plan.n);
    const kept = await keeper(key, async (connection) => {
      const sums = await readRows(connection, whole.sql, whole.params, whole.types);
      return {
        kind: 'sums',
        sums: keepSums(sums, keepMetricBoundary(await readBoundary(connection), sums, shape), valueOf),
      };
    });
    if (!kept) {
      return undefined;
    }
    if (kept.kind !== 'sums') {
      throw otherKind();
    }
    return {
      sql: `-- the whole days, summed once and kept\n${whole.sql};\n${edgesSql}`,
      rows: addMetricEdges(kept.sums, split.edges, shape, valueOf),
    };
  }

  const whole = windowedValuesSql(plan, split.whole, boundary);
  const kept = await keeper(key, async (connection): Promise<KeptMetricDays> => {
    const values = await readColumns(connection, whole.sql, whole.params, whole.types);
    const rows = await readBoundary(connection);
    const distribution = keepDistribution(values, shape, plan.quantile, (kept) =>
      keepMetricBoundary(rows, kept, shape)
    );
    return { kind: 'quantile', distribution };
  });
  if (!kept) {
    return undefined;
  }
  if (kept.kind !== 'quantile') {
    throw otherKind();
  }
  return {
    sql: `-- the whole days' values, kept in order by key: the ranks a quantile can reach\n${whole.sql};\n${edgesSql}`,
    rows: addDistributionEdges(kept.distribution, split.edges, shape, plan.quantile),
  };
};
