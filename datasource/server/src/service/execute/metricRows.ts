import type { DuckDBConnection } from '@duckdb/node-api';
import type { MetricQuery } from '@touchpoint/contract/src/metricQuery';
import type { TimeRange } from '@touchpoint/contract/src/timeRange';
import type { MetricDefinition } from '../../catalog/metricCatalog';
import type { WholeDaysKeeper } from '../../days/splitWholeDays';
import { readRows, type Row } from '../../db/readRows';
import { errorMessage } from '../../errorMessage';
import type { MetricSource } from '../../metrics/buildMetricSql';
import { periodsSql, splitPeriods } from '../../metrics/periodsSql';
import { planMetricSql } from '../../metrics/planMetricSource';
import { previousPeriod, withPreviousPeriod } from '../../metrics/previousPeriod';
import { keptMetricPlan, runKeptMetric, type KeptMetricDays } from '../../metrics/runKeptMetric';
import { QueryError } from '../queryError';

export interface MetricRowsInput {
  metric: MetricDefinition;
  query: MetricQuery;
  range: TimeRange;
  /** The columns of each table in the served warehouse, for the plan. */
  columnsOf: (table: string) => ReadonlySet<string>;
  /** Where questions' whole days are kept; without one, every range is read at once. */
  keeper?: WholeDaysKeeper<KeptMetricDays>;
}

/**
 * A metric query's rows over its range (beside its previous period's when
 * compared), the source planned and the SQL that gives them. A question
 * whose whole days can be kept is answered from them and its edges
 * (runKeptMetric); any other, or a range with no whole day, is one
 * statement, both periods in it when compared: one query's latency rather
 * than two in a row.
 */
export const metricRows = async (
  connection: DuckDBConnection,
  { metric, query, range, columnsOf, keeper }: MetricRowsInput
): Promise<{ source: MetricSource; sql: string; rows: Row[] }> => {
  const plan = (on: TimeRange, paramPrefix?: string) => {
    try {
      return planMetricSql(metric, query, on, columnsOf, { paramPrefix });
    } catch (error) {
      throw new QueryError('bad_request', errorMessage(error), { cause: error });
    }
  };
  const { source, bound } = plan(range);
  const previous = query.compare === 'previous_period' ? previousPeriod(range) : undefined;

  const kept = keeper && keptMetricPlan(metric, query, source);
  if (kept) {
    // Both asked even when the first is not kept yet: a question's first request starts both counts.
    const now = await runKeptMetric(kept, range, keeper);
    const then = previous ? await runKeptMetric(kept, previous, keeper) : undefined;
    if (now && (!previous || then)) {
      return {
        source,
        sql: then ? `${now.sql};\n-- the previous period\n${then.sql}` : now.sql,
        rows: then ? withPreviousPeriod(now.rows, then.rows, query.groupBy) : now.rows,
      };
    }
  }

  const executed = previous ? periodsSql(bound, plan(previous, 'previous_').bound, query.groupBy) : bound;
  const read = await readRows(connection, executed.sql, executed.params, executed.types);
  if (!previous) {
    return { source, sql: executed.sql, rows: read };
  }
  const periods = splitPeriods(read);
  return { source, sql: executed.sql, rows: withPreviousPeriod(periods.current, periods.previous, query.groupBy) };
};
