-- dim_customers: one row per customer (key customer_id): the relationship as
-- of the data's end, with cohort, tenure, status, and the experience the
-- customer reported across every touchpoint (SLI, latest NPS answer).
-- not null: branch_id, started_at, cohort_month
-- references: branch_id -> dim_branches.branch_id
create or replace table dim_customers as
with customers as (
    select * from stg_customers
),

info as (
    select as_of from model_info
),

contacts as (
    select
        customer_id,
        count(*) as contacts,
        sum(open_contacts)::bigint as open_contacts,
        max(opened_at) as last_contact_at
    from fct_interactions
    where customer_id is not null
    group by customer_id
),

ratings as (
    select
        customer_id,
        sum(sli_n)::bigint as sli_n,
        sum(sli_weight) as sli_weight,
        sum(sli_weighted_points) as sli_weighted_points,
        sum(nps_n)::bigint as nps_n,
        arg_max(score, (responded_at, response_id)) filter (where instrument = 'nps_11') as latest_nps_score
    from fct_responses
    where customer_id is not null
    group by customer_id
),

final as (
    select
        c.customer_id,
        c.branch_id,
        b.region,
        c.segment,
        c.started_at,
        c.ended_at,
        c.monthly_revenue,
        date_trunc('month', c.started_at)::date as cohort_month,
        case when c.ended_at is not null and c.ended_at <= info.as_of then 'churned' else 'active' end as status,
        datediff('day', c.started_at, least(coalesce(c.ended_at, info.as_of), info.as_of)) as tenure_days,
        datediff('month', c.started_at, least(coalesce(c.ended_at, info.as_of), info.as_of)) as tenure_months,
        coalesce(ct.contacts, 0) as contacts,
        coalesce(ct.open_contacts, 0) as open_contacts,
        ct.last_contact_at,
        coalesce(r.sli_n, 0) as sli_n,
        coalesce(r.sli_weight, 0) as sli_weight,
        coalesce(r.sli_weighted_points, 0) as sli_weighted_points,
        100.0 * r.sli_weighted_points / nullif(10.0 * r.sli_weight, 0) as sli,
        r.latest_nps_score,
        case
            when r.latest_nps_score >= 9 then 'promoter'
            when r.latest_nps_score >= 7 then 'passive'
            when r.latest_nps_score is not null then 'detractor'
        end as nps_class
    from customers as c
    cross join info
    join dim_branches as b using (branch_id)
    left join contacts as ct using (customer_id)
    left join ratings as r using (customer_id)
)

select * from final;

comment on table dim_customers is 'Relationship grain: one row per customer (key customer_id) with cohort, tenure, status, contacts, SLI and latest NPS.';
