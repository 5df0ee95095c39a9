import type { TimeRange } from '@touchpoint/contract/src/timeRange';

/**
 * The leadership scorecard's panels as ad-hoc SQL, written as an analyst
 * writes them for the Touchpoint datasource: `$__metric(name)` for a catalog
 * metric and `$__timeFilter(day)` for the dashboard's range. Grouping by
 * time is spelled out (`date_trunc`) rather than left to a macro, because
 * Touchpoint's `$__timeGroup` and Grafana's PostgreSQL one align weeks
 * differently and the two ways must be asked the same question. Churn and
 * retention come from the monthly relationship table: they need the stock
 * at each period's start, which `$__metric` over daily rows refuses to fake.
 */
export const scorecardSqlPanels = [
  {
    refId: 'sli_branch',
    sql: 'select branch_id, $__metric(sli) as sli from agg_response_daily where $__timeFilter(day) group by branch_id order by branch_id',
  },
  {
    refId: 'nps_branch',
    sql: 'select branch_id, $__metric(nps) as nps from agg_response_daily where $__timeFilter(day) group by branch_id order by branch_id',
  },
  {
    refId: 'churn_branch',
    sql: 'select branch_id, month, churn_rate from rel_branch_month where $__timeFilter(month) order by branch_id, month',
  },
  {
    refId: 'sli_trend',
    sql: "select date_trunc('week', day) as week, $__metric(sli) as sli from agg_response_daily where $__timeFilter(day) group by 1 order by 1",
  },
  {
    refId: 'nps_trend',
    sql: "select date_trunc('week', day) as week, $__metric(nps) as nps from agg_response_daily where $__timeFilter(day) group by 1 order by 1",
  },
  {
    refId: 'csat_trend',
    sql: 'select day, $__metric(csat) as csat from agg_interaction_daily where $__timeFilter(day) group by day order by day',
  },
  {
    refId: 'ces_trend',
    sql: 'select day, $__metric(ces_mean) as ces from agg_interaction_daily where $__timeFilter(day) group by day order by day',
  },
  {
    refId: 'volume_channel',
    sql: 'select channel, $__metric(volume) as contacts from agg_interaction_daily where $__timeFilter(day) group by channel order by channel',
  },
  {
    refId: 'retention_region',
    sql: 'select region, month, 100.0 - 100.0 * sum(churned) / nullif(sum(active_at_start), 0) as retention from rel_branch_month where $__timeFilter(month) group by region, month order by region, month',
  },
  {
    refId: 'cohorts',
    sql: 'select cohort_month, months_since_start, retention, cohort_size from rel_cohort_retention where $__timeFilter(cohort_month) order by 1, 2',
  },
] as const;

export type ScorecardSqlPanel = (typeof scorecardSqlPanels)[number];

/** Go's time.RFC3339Nano in UTC, as Grafana writes a range's bounds: trailing zeros of the fraction dropped. */
export const rfc3339Nano = (ms: number): string =>
  new Date(ms).toISOString().replace(/\.(\d*?)0*Z$/, (_, fraction: string) => (fraction ? `.${fraction}Z` : 'Z'));

/** `$__metric(x)` as the PostgreSQL port spells it, `metric('x')` (Grafana would refuse the macro). */
const withMetricCalls = (sql: string) => sql.replace(/\$__metric\((\w+)\)/g, "metric('$1')");

/**
 * The panel as Grafana's PostgreSQL datasource sends it: the analyst writes
 * `$__timeFilter(day::timestamp)` (docs/postgres.md: a date column is cast
 * so that the range's first, partial day stays out, as with the Touchpoint
 * datasource) and Grafana replaces it by literal RFC 3339 bounds.
 */
export const asGrafanaPostgresSql = (sql: string, range: TimeRange): string =>
  withMetricCalls(sql).replace(
    /\$__timeFilter\((\w+)\)/g,
    `$1::timestamp BETWEEN '${rfc3339Nano(range.from)}' AND '${rfc3339Nano(range.to)}'`
  );

/** The panel for a client that binds the range as parameters: `$1` is from, `$2` to. */
export const asParameterisedSql = (sql: string): string =>
  withMetricCalls(sql).replace(/\$__timeFilter\((\w+)\)/g, '$1::timestamp BETWEEN $$1 AND $$2');
