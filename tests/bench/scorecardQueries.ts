import type { BoundQuery } from '@touchpoint/server/src/db/boundQuery';
import type { MetricDefinition } from '@touchpoint/server/src/catalog/metricCatalog';
import { buildMetricSql, type MetricSource } from '@touchpoint/server/src/metrics/buildMetricSql';
import type { TimeRange } from '@touchpoint/contract/src/timeRange';
import { metricQuerySchema, type MetricQueryInput } from '@touchpoint/contract/src/metricQuery';

export interface ScorecardQuery {
  name: string;
  fromRollup: BoundQuery;
  fromRaw: BoundQuery;
}

const plain = (sql: string): BoundQuery => ({ sql, params: {}, types: {} });

/**
 * The scorecard's queries over a range, each twice: as served (rollups) and
 * computed from row-level tables, the baseline the rollups exist to beat.
 */
export const scorecardQueries = (catalog: MetricDefinition[], range: TimeRange): ScorecardQuery[] => {
  const metric = (name: string) => {
    const found = catalog.find((m) => m.name === name);
    if (!found) {
      throw new Error(`no metric ${name}`);
    }
    return found;
  };
  const both = (
    name: string,
    label: string,
    query: Omit<MetricQueryInput, 'metric'>,
    raw?: BoundQuery
  ): ScorecardQuery => {
    const parsed = metricQuerySchema.parse({ ...query, metric: name });
    const build = (source: MetricSource) => buildMetricSql(metric(name), parsed, range, source);
    return { name: label, fromRollup: build('rollup'), fromRaw: raw ?? build('fact') };
  };
  const from = new Date(range.from).toISOString().slice(0, 19).replace('T', ' ');
  const to = new Date(range.to).toISOString().slice(0, 19).replace('T', ' ');
  return [
    both('sli', 'SLI per branch', { groupBy: ['branch_id'] }),
    both('nps', 'NPS per branch', { groupBy: ['branch_id'] }),
    both(
      'churn_rate',
      'churn per branch by month',
      { groupBy: ['branch_id'], interval: 'month' },
      plain(`
        with months as (select unnest(generate_series(date_trunc('month', timestamp '${from}'), timestamp '${to}' - interval 1 microsecond, interval 1 month)) as m)
        select m as time, c.branch_id,
               100.0 * count(*) filter (where c.ended_at >= m and c.ended_at < m + interval 1 month)
                     / nullif(count(*) filter (where c.started_at < m and (c.ended_at is null or c.ended_at >= m)), 0) as value
        from months, stg_customers as c
        group by all order by 1, 2`)
    ),
    both('csat', 'CSAT trend by month', { interval: 'month' }),
    both('ces_mean', 'CES trend by month', { interval: 'month' }),
    {
      name: 'cohort triangle',
      fromRollup: plain('select * from rel_cohort_retention order by cohort_month, months_since_start'),
      fromRaw: plain(`
        with c as (select date_trunc('month', started_at)::date as cohort, ended_at from stg_customers),
        cells as (
          select cohort, k from (select cohort, count(*) from c group by cohort), range(0, 48) as r(k)
          where cohort + to_months(k + 1) <= (select as_of from model_info) and cohort >= (select first_month from model_info)
        )
        select cells.cohort, cells.k, count(*) filter (where c.ended_at is null or c.ended_at >= cells.cohort + to_months(cells.k + 1)) / count(*) as retention
        from cells join c using (cohort) group by all order by 1, 2`),
    },
  ];
};
