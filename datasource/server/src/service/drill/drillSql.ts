import { INTEGER, TIMESTAMP, VARCHAR, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import { drillParameters, type DrillQuery } from '@touchpoint/contract/src/queryRequest';
import { bindTimestamp, type BoundQuery } from '../../db/boundQuery';
import type { TimeRange } from '@touchpoint/contract/src/timeRange';
import { QueryError } from '../queryError';

/**
 * The drill path from relationship to interactions, each step one query:
 * a branch's customers, a customer's contacts and ratings, a cohort's
 * customers, a day's contacts. Values are bound, never spliced.
 */
const drills: Record<DrillQuery['drill'], { sql: string }> = {
  // Customers of the branch whose relationship overlaps the range, worst experience first.
  branch_customers: {
    sql: `
      with contacts as (
          select customer_id, count(*) as contacts_in_range, sum(open_contacts) as open_in_range
          from fct_interactions
          where customer_id is not null and opened_at >= $from and opened_at < $to
          group by customer_id
      )
      select c.customer_id, c.segment, c.status, c.started_at, c.ended_at, c.tenure_days,
             c.sli, c.sli_n, c.latest_nps_score as nps, c.nps_class,
             coalesce(k.contacts_in_range, 0) as contacts, coalesce(k.open_in_range, 0) as open_contacts,
             c.last_contact_at, c.monthly_revenue
      from dim_customers as c
      left join contacts as k using (customer_id)
      where c.branch_id = $branch_id
        and c.started_at < $to and (c.ended_at is null or c.ended_at >= $from)
      order by c.sli asc nulls last, c.customer_id
      limit $limit`,
  },
  // Every contact and every rating of one customer, in time order.
  customer_interactions: {
    sql: `
      with comments as (
          select interaction_id, string_agg(comment, ' | ' order by responded_at) as comment
          from fct_responses
          where customer_id = $customer_id and interaction_id is not null and comment is not null
          group by interaction_id
      )
      select * from (
          select i.opened_at as time, 'contact' as event, i.interaction_id as id, i.branch_id, i.channel, i.topic, i.agent_id,
                 i.first_response_seconds, i.resolution_seconds, case when i.is_open then 'open' else 'resolved' end as status,
                 i.csat_score as csat, i.ces_score as ces, null::varchar as touchpoint, null::varchar as instrument,
                 null::double as score, c.comment
          from fct_interactions as i
          left join comments as c using (interaction_id)
          where i.customer_id = $customer_id
          union all
          select responded_at, 'rating', response_id, branch_id, null, null, null, null, null, null,
                 null, null, touchpoint, instrument, score, comment
          from fct_responses
          where customer_id = $customer_id and interaction_id is null
      )
      order by time, id
      limit $limit`,
  },
  // The customers of one cohort: who stayed and who left, and how they felt.
  cohort_customers: {
    sql: `
      select customer_id, branch_id, region, segment, started_at, ended_at, status, tenure_months,
             sli, sli_n, latest_nps_score as nps, contacts, monthly_revenue
      from dim_customers
      where cohort_month = date_trunc('month', $cohort_month::date)::date
        and ($branch_id is null or branch_id = $branch_id)
      order by status, sli asc nulls last, customer_id
      limit $limit`,
  },
  // The contacts opened on one UTC day, optionally at one branch and channel.
  day_interactions: {
    sql: `
      select opened_at as time, interaction_id, customer_id, branch_id, channel, topic, agent_id,
             first_response_seconds, resolution_seconds, case when is_open then 'open' else 'resolved' end as status,
             csat_score as csat, ces_score as ces
      from fct_interactions
      where opened_date = $day::date
        and ($branch_id is null or branch_id = $branch_id)
        and ($channel is null or channel = $channel)
      order by opened_at, interaction_id
      limit $limit`,
  },
};

export const drillSql = (query: DrillQuery, range: TimeRange): BoundQuery => {
  const drill = drills[query.drill];
  const missing = drillParameters[query.drill].needs.filter((field) => query[field] === undefined);
  if (missing.length > 0) {
    throw new QueryError('bad_request', `drill '${query.drill}' needs ${missing.join(' and ')}`);
  }
  const params: Record<string, DuckDBValue> = {};
  const types: Record<string, DuckDBType> = {};
  const uses = (name: string) => new RegExp(`\\$${name}\\b`).test(drill.sql);
  const set = (name: string, value: DuckDBValue, type: DuckDBType) => {
    if (!uses(name)) {
      return;
    }
    params[name] = value;
    types[name] = type;
  };
  set('from', bindTimestamp(range.from).value, TIMESTAMP);
  set('to', bindTimestamp(range.to).value, TIMESTAMP);
  set('branch_id', query.branchId ?? null, VARCHAR);
  set('customer_id', query.customerId ?? null, VARCHAR);
  set('cohort_month', query.cohortMonth ? query.cohortMonth.slice(0, 7) + '-01' : null, VARCHAR);
  set('day', query.day ?? null, VARCHAR);
  set('channel', query.channel ?? null, VARCHAR);
  set('limit', query.limit, INTEGER);
  return { sql: drill.sql, params, types };
};
