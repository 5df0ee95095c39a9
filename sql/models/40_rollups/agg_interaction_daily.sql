-- agg_interaction_daily: one row per branch, UTC day of opening and channel
-- (key branch_id, day, channel). Sums of fct_interactions' components only:
-- any coarser grain (month, region) is a sum of these rows, then the ratio.
-- references: branch_id -> dim_branches.branch_id
create or replace table agg_interaction_daily as
select
    i.branch_id,
    b.region,
    i.opened_date as day,
    i.channel,
    sum(interactions)::bigint as interactions,
    sum(open_contacts)::bigint as open_contacts,
    sum(csat_rated)::bigint as csat_rated,
    sum(csat_satisfied)::bigint as csat_satisfied,
    sum(ces_rated)::bigint as ces_rated,
    sum(ces_score_sum) as ces_score_sum,
    sum(ces_easy)::bigint as ces_easy,
    sum(ces_hard)::bigint as ces_hard,
    sum(frt_n)::bigint as frt_n,
    sum(frt_seconds_sum) as frt_seconds_sum,
    sum(resolution_n)::bigint as resolution_n,
    sum(resolution_seconds_sum) as resolution_seconds_sum,
    sum(handle_n)::bigint as handle_n,
    sum(handle_seconds_sum)::bigint as handle_seconds_sum,
    sum(fcr_eligible)::bigint as fcr_eligible,
    sum(fcr_resolved_first)::bigint as fcr_resolved_first
from fct_interactions as i
join dim_branches as b using (branch_id)
group by all
order by day, branch_id, channel;

comment on table agg_interaction_daily is 'Rollup: one row per branch, UTC day and channel; interaction ratio components only.';
