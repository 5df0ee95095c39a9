-- fct_negative_ratings: one row per negative rating (key response_id), the
-- closed loop (docs/metrics.md): the rating, the follow-up case it opened
-- (if any), whether the loop closed within the SLA, whether it is overdue
-- as of the data's end, and the customer's first rating after the case
-- closed (the recovery look-ahead). Components are 0/1 per rating and belong
-- to the rating's responded_at, so any rollup of them stays exact.
-- A table, as fct_responses: the look-ahead joins each closed case to
-- its customer's later ratings, a build-time job, not one for every query.
-- not null: branch_id, region, touchpoint, instrument, score, responded_at, sla_due_at
-- references: branch_id -> dim_branches.branch_id, customer_id -> dim_customers.customer_id, followup_id -> stg_followups.followup_id
create or replace table fct_negative_ratings as
with negatives as (
    select * from fct_responses where is_negative
),

cases as (
    select * from stg_followups
),

closed_cases as (
    select n.response_id, n.customer_id, c.closed_at
    from negatives as n
    join cases as c using (response_id)
    where n.customer_id is not null and c.closed_at is not null
),

next_ratings as (
    -- The customer's first rating (any branch, any touchpoint) strictly after
    -- the case closed and at most the recovery window after; ties in time
    -- go to the smaller response_id.
    select
        cc.response_id,
        arg_min(r.response_id, (r.responded_at, r.response_id)) as next_response_id,
        min(r.responded_at) as next_responded_at,
        arg_min(r.is_negative, (r.responded_at, r.response_id)) as next_is_negative
    from closed_cases as cc
    join fct_responses as r
        on r.customer_id = cc.customer_id
        and r.responded_at > cc.closed_at
        and r.responded_at <= cc.closed_at + to_days(getvariable('recovery_window_days')::integer)
    group by cc.response_id
),

joined as (
    select
        n.*,
        n.customer_id is not null as is_eligible,
        c.followup_id,
        c.opened_at,
        c.first_contact_at,
        c.closed_at,
        c.owner,
        c.root_cause,
        n.responded_at + to_hours(getvariable('followup_sla_hours')::integer) as sla_due_at,
        x.next_response_id,
        x.next_responded_at,
        x.next_is_negative
    from negatives as n
    left join cases as c using (response_id)
    left join next_ratings as x using (response_id)
),

final as (
    select
        response_id,
        branch_id,
        region,
        customer_id,
        interaction_id,
        touchpoint,
        instrument,
        score,
        comment,
        responded_at,
        responded_date,
        sli_points,
        sli_level,
        nps_class,
        is_eligible,
        followup_id,
        opened_at,
        first_contact_at,
        closed_at,
        owner,
        root_cause,
        sla_due_at,
        epoch(first_contact_at - responded_at) as first_contact_seconds,
        epoch(closed_at - responded_at) as close_seconds,
        coalesce(closed_at <= sla_due_at, false) as is_closed_in_sla,
        -- Awaiting follow-up: a customer to call back whose case is missing or still open.
        is_eligible and closed_at is null as is_awaiting,
        coalesce(is_eligible and closed_at is null and sla_due_at < (select as_of from model_info), false) as is_overdue,
        next_response_id,
        next_responded_at,
        not next_is_negative as is_recovered,
        -- components
        1 as negative_ratings,
        is_eligible::integer as followup_eligible,
        (is_eligible and followup_id is not null)::integer as followup_cases,
        (is_eligible and coalesce(closed_at <= sla_due_at, false))::integer as followup_closed_in_sla,
        coalesce(is_eligible and closed_at is null and sla_due_at < (select as_of from model_info), false)::integer as followups_overdue,
        (next_response_id is not null)::integer as recovery_n,
        coalesce(not next_is_negative, false)::integer as recovered
    from (select * from joined order by responded_at, response_id) as joined
)

-- In time order, as fct_responses: edge days read few row groups; sorted
-- before the derived columns are added.
select * from final;

comment on table fct_negative_ratings is 'Closed loop: one row per negative rating (key response_id) with its follow-up case, SLA, overdue flag, the customer''s next rating after the case closed, and ratio components.';
