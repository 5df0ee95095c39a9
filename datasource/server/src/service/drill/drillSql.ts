import { INTEGER, TIMESTAMP, VARCHAR, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import { drillParameters, type DrillQuery } from '@touchpoint/contract/src/queryRequest';
import { bindTimestamp, type BoundQuery } from '../../db/boundQuery';
import type { TimeRange } from '@touchpoint/contract/src/timeRange';
import { QueryError } from '../queryError';

/**
 * The drill path from relationship to interactions, each step one query
 * (a row with a branch_id carries its branch_name, last, for people):
 * a branch's customers, a customer's contacts and ratings, a cohort's
 * customers, a day's contacts, a branch's ratings awaiting follow-up.
 * Values are bound, never spliced.
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
  // Every contact and every rating of one customer, in time order, each
  // rating with the follow-up case it opened beside it (a contact with the
  // case one of its own after-service ratings opened).
  customer_interactions: {
    sql: `
      with ratings as (
          select response_id, interaction_id, responded_at, branch_id, touchpoint, instrument, score, comment, is_negative
          from fct_responses
          where customer_id = $customer_id
      ),
      cases as (
          select r.response_id, r.interaction_id, f.followup_id, f.opened_at, f.first_contact_at, f.closed_at, f.owner
          from ratings as r
          join stg_followups as f using (response_id)
      ),
      linked as (
          select interaction_id, string_agg(comment, ' | ' order by responded_at) as comment, bool_or(is_negative) as negative
          from ratings
          where interaction_id is not null
          group by interaction_id
      ),
      linked_cases as (
          select * from cases
          where interaction_id is not null
          qualify row_number() over (partition by interaction_id order by opened_at, followup_id) = 1
      )
      select x.*, b.branch_name from (
          select i.opened_at as time, 'contact' as event, i.interaction_id as id, i.branch_id, i.channel, i.topic, i.agent_id,
                 i.first_response_seconds, i.resolution_seconds, case when i.is_open then 'open' else 'resolved' end as status,
                 i.csat_score as csat, i.ces_score as ces, null::varchar as touchpoint, null::varchar as instrument,
                 null::double as score, l.comment, l.negative,
                 c.followup_id, c.opened_at as case_opened_at, c.first_contact_at as case_contacted_at,
                 c.closed_at as case_closed_at, c.owner as case_owner
          from fct_interactions as i
          left join linked as l using (interaction_id)
          left join linked_cases as c using (interaction_id)
          where i.customer_id = $customer_id
          union all
          select r.responded_at, 'rating', r.response_id, r.branch_id, null, null, null, null, null, null,
                 null, null, r.touchpoint, r.instrument, r.score, r.comment, r.is_negative,
                 c.followup_id, c.opened_at, c.first_contact_at, c.closed_at, c.owner
          from ratings as r
          left join cases as c using (response_id)
          where r.interaction_id is null
      ) as x
      left join dim_branches as b using (branch_id)
      order by time, id
      limit $limit`,
  },
  // The customers of one cohort: who stayed and who left, and how they felt.
  cohort_customers: {
    sql: `
      select c.customer_id, c.branch_id, c.region, c.segment, c.started_at, c.ended_at, c.status, c.tenure_months,
             c.sli, c.sli_n, c.latest_nps_score as nps, c.contacts, c.monthly_revenue, b.branch_name
      from dim_customers as c
      join dim_branches as b using (branch_id)
      where c.cohort_month = date_trunc('month', $cohort_month::date)::date
        and ($branch_id is null or c.branch_id = $branch_id)
      order by c.status, c.sli asc nulls last, c.customer_id
      limit $limit`,
  },
  // The contacts opened on one UTC day, optionally at one branch and channel.
  day_interactions: {
    sql: `
      select i.opened_at as time, i.interaction_id, i.customer_id, i.branch_id, i.channel, i.topic, i.agent_id,
             i.first_response_seconds, i.resolution_seconds, case when i.is_open then 'open' else 'resolved' end as status,
             i.csat_score as csat, i.ces_score as ces, b.branch_name
      from fct_interactions as i
      join dim_branches as b using (branch_id)
      where i.opened_date = $day::date
        and ($branch_id is null or i.branch_id = $branch_id)
        and ($channel is null or i.channel = $channel)
      order by i.opened_at, i.interaction_id
      limit $limit`,
  },
  // A branch's negative ratings awaiting follow-up (naming a customer, no
  // closed case) given in the range, oldest first; age as of the data's end.
  branch_awaiting_followup: {
    sql: `
      select n.responded_at, n.response_id, n.customer_id, n.touchpoint, n.instrument, n.score, n.comment,
             epoch(i.as_of - n.responded_at) as age_seconds, n.sla_due_at, n.is_overdue as overdue,
             case when n.followup_id is null then 'no case' else 'open' end as status,
             n.followup_id, n.opened_at as case_opened_at, n.first_contact_at as case_contacted_at, n.owner as case_owner
      from fct_negative_ratings as n, model_info as i
      where n.branch_id = $branch_id and n.is_awaiting
        and n.responded_at >= $from and n.responded_at < $to
      order by n.responded_at, n.response_id
      limit $limit`,
  },
  // The negative ratings given at one touchpoint in the range (optionally at
  // one branch), each with its follow-up case where the closed loop has one.
  touchpoint_negative_ratings: {
    sql: `
      select n.responded_at, n.response_id, n.customer_id, n.branch_id, b.branch_name, n.instrument, n.score, n.comment,
             case when n.followup_id is null then 'no case' when n.closed_at is null then 'open' else 'closed' end as case_status,
             n.followup_id, n.opened_at as case_opened_at, n.first_contact_at as case_contacted_at,
             n.closed_at as case_closed_at, n.owner as case_owner
      from fct_negative_ratings as n
      left join dim_branches as b using (branch_id)
      where n.touchpoint = $touchpoint
        and ($branch_id is null or n.branch_id = $branch_id)
        and n.responded_at >= $from and n.responded_at < $to
      order by n.responded_at desc, n.response_id
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
  set('touchpoint', query.touchpoint ?? null, VARCHAR);
  set('limit', query.limit, INTEGER);
  return { sql: drill.sql, params, types };
};
