-- agg_followup_daily: one row per branch, UTC day of the negative rating,
-- touchpoint and instrument (key branch_id, day, touchpoint, instrument).
-- The closed loop's components summed from fct_negative_ratings. Its own
-- rollup rather than columns of agg_response_daily: a rollup holds exactly
-- the groups of the fact it is read with, so a metric read from the rollup,
-- the fact or both gives the same rows.
-- references: branch_id -> dim_branches.branch_id
create or replace table agg_followup_daily as
select
    branch_id,
    region,
    responded_date as day,
    touchpoint,
    instrument,
    sum(negative_ratings)::bigint as negative_ratings,
    sum(followup_eligible)::bigint as followup_eligible,
    sum(followup_cases)::bigint as followup_cases,
    sum(followup_closed_in_sla)::bigint as followup_closed_in_sla,
    sum(followups_overdue)::bigint as followups_overdue,
    sum(recovery_n)::bigint as recovery_n,
    sum(recovered)::bigint as recovered
from fct_negative_ratings
group by all
order by day, branch_id, touchpoint, instrument;

comment on table agg_followup_daily is 'Rollup: one row per branch, UTC day of the negative rating, touchpoint and instrument; the closed loop''s components.';
