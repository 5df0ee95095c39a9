-- model_info: one row describing the data: the period it covers and a
-- version derived from its content, so a rebuild of the same input gives the
-- same version and the service can tell when the data changed.
create or replace table model_info as
with event_times as (
    select min(opened_at) as first_at, max(greatest(opened_at, first_response_at, resolved_at)) as last_at
    from stg_interactions
    union all
    select min(responded_at), max(responded_at) from stg_responses
    union all
    select null, max(greatest(started_at, ended_at)) from stg_customers
    union all
    -- A case is opened after its rating, so it can only move the end.
    select null, max(greatest(opened_at, first_contact_at, closed_at)) from stg_followups
),

final as (
    select
        (select min(first_at) from event_times) as first_event_at,
        -- "as of": the latest event in the data, not the clock, so a build is reproducible.
        (select max(last_at) from event_times) as as_of,
        date_trunc('month', (select min(first_at) from event_times))::date as first_month,
        -- Follow-ups count only when there are some: the four files alone keep the version they always had.
        printf('%016x', (
            select bit_xor(hash(row_count, row_xor)) from model_versions
            where table_name <> 'followups' or row_count > 0
        )) as data_version,
        (select mapping_version from model_params) as mapping_version
)

select * from final;

comment on table model_info is 'One row: the period the data covers (first event, as of) and its content version.';
