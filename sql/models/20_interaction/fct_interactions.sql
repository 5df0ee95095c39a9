-- fct_interactions: one row per interaction (key interaction_id).
-- Service facts of one contact with its linked CSAT and CES, and the ratio
-- components every interaction metric is computed from (docs/metrics.md): each is
-- 0/1 or a value with its own count, so any rollup of them stays exact.
-- not null: branch_id, channel, opened_at
-- references: branch_id -> dim_branches.branch_id, customer_id -> dim_customers.customer_id
create or replace table fct_interactions as
with interactions as (
    select * from stg_interactions
),

linked_ratings as (
    -- A contact surveyed twice keeps its latest answer per instrument.
    select
        interaction_id,
        arg_max(score, (responded_at, response_id)) filter (where instrument = 'csat_5') as csat_score,
        arg_max(score, (responded_at, response_id)) filter (where instrument = 'ces_7') as ces_score
    from stg_responses
    where interaction_id is not null and instrument in ('csat_5', 'ces_7')
    group by interaction_id
),

repeat_contacts as (
    -- Contacts the same customer opened on the same topic within the FCR
    -- window of this one's opening. RANGE counts ties as other contacts;
    -- a missing topic is treated as one topic of its own.
    select
        interaction_id,
        count(*) over (
            partition by customer_id, topic
            order by opened_at
            range between current row and to_days(getvariable('fcr_window_days')::integer) following
        ) - 1 as later_contacts
    from interactions
    where customer_id is not null
),

joined as (
    select
        i.*,
        b.region,
        r.csat_score,
        r.ces_score,
        rc.later_contacts,
        epoch(i.first_response_at - i.opened_at) as first_response_seconds,
        epoch(i.resolved_at - i.opened_at) as resolution_seconds
    from interactions as i
    join stg_branches as b using (branch_id)
    left join linked_ratings as r using (interaction_id)
    left join repeat_contacts as rc using (interaction_id)
),

final as (
    select
        interaction_id,
        customer_id,
        branch_id,
        region,
        channel,
        agent_id,
        topic,
        opened_at,
        opened_at::date as opened_date,
        first_response_at,
        resolved_at,
        handle_seconds,
        first_response_seconds,
        resolution_seconds,
        resolved_at is null as is_open,
        csat_score,
        ces_score,
        -- components
        1 as interactions,
        (resolved_at is null)::integer as open_contacts,
        (csat_score is not null)::integer as csat_rated,
        coalesce(csat_score >= 4, false)::integer as csat_satisfied,
        (ces_score is not null)::integer as ces_rated,
        coalesce(ces_score, 0) as ces_score_sum,
        coalesce(ces_score >= 6, false)::integer as ces_easy,
        coalesce(ces_score < 4, false)::integer as ces_hard,
        (first_response_seconds is not null)::integer as frt_n,
        coalesce(first_response_seconds, 0) as frt_seconds_sum,
        (resolution_seconds is not null)::integer as resolution_n,
        coalesce(resolution_seconds, 0) as resolution_seconds_sum,
        (handle_seconds is not null)::integer as handle_n,
        coalesce(handle_seconds, 0)::bigint as handle_seconds_sum,
        -- FCR needs a known customer: without one a repeat cannot be seen.
        (resolved_at is not null and customer_id is not null)::integer as fcr_eligible,
        (resolved_at is not null and customer_id is not null and later_contacts = 0)::integer as fcr_resolved_first
    from (select * from joined order by opened_at, interaction_id) as joined
)

-- In time order: a range's rows sit in few row groups, which DuckDB's zone
-- maps find without reading the others (edge days, fact-only metrics).
-- Sorted before the components are derived, as fct_responses: the sort
-- carries half the columns.
select * from final;

comment on table fct_interactions is 'Interaction grain: one row per contact (key interaction_id), with response, resolution and handle times, FCR, linked CSAT and CES, and ratio components.';
