-- rel_customer_month: one row per customer per month of the relationship
-- inside the data's period (key customer_id, month), from the month it
-- started (or the period's first month) to the month it ended (or as of).
-- Stocks are at the month's start, flows within the month, so a branch-month
-- is a plain sum of these rows.
create or replace table rel_customer_month as
with customers as (
    select * from dim_customers
),

info as (
    select first_month, as_of from model_info
),

months as (
    select
        c.customer_id,
        unnest(generate_series(
            greatest(c.cohort_month, info.first_month),
            date_trunc('month', least(coalesce(c.ended_at, info.as_of), info.as_of))::date,
            interval 1 month
        ))::date as month
    from customers as c
    cross join info
    where date_trunc('month', least(coalesce(c.ended_at, info.as_of), info.as_of)) >= info.first_month
),

contacts as (
    select
        customer_id,
        date_trunc('month', opened_at)::date as month,
        count(*) as contacts,
        sum(csat_rated) as csat_rated,
        sum(csat_satisfied) as csat_satisfied
    from fct_interactions
    where customer_id is not null
    group by all
),

ratings as (
    select
        customer_id,
        date_trunc('month', responded_at)::date as month,
        sum(sli_n) as sli_n,
        sum(sli_weight) as sli_weight,
        sum(sli_weighted_points) as sli_weighted_points,
        sum(nps_n) as nps_n,
        sum(nps_promoters) as nps_promoters,
        sum(nps_detractors) as nps_detractors
    from fct_responses
    where customer_id is not null
    group by all
),

final as (
    select
        m.customer_id,
        m.month,
        c.branch_id,
        c.region,
        c.segment,
        c.cohort_month,
        datediff('month', c.cohort_month, m.month) as months_since_start,
        (c.started_at < m.month)::integer as active_at_start,
        (c.started_at >= m.month)::integer as started,
        coalesce(c.ended_at < m.month + interval 1 month, false)::integer as churned,
        case when c.started_at < m.month then c.monthly_revenue end as revenue_at_start,
        (c.started_at < m.month and c.monthly_revenue is not null)::integer as revenue_n,
        coalesce(ct.contacts, 0) as contacts,
        coalesce(ct.csat_rated, 0) as csat_rated,
        coalesce(ct.csat_satisfied, 0) as csat_satisfied,
        coalesce(r.sli_n, 0) as sli_n,
        coalesce(r.sli_weight, 0) as sli_weight,
        coalesce(r.sli_weighted_points, 0) as sli_weighted_points,
        coalesce(r.nps_n, 0) as nps_n,
        coalesce(r.nps_promoters, 0) as nps_promoters,
        coalesce(r.nps_detractors, 0) as nps_detractors
    from months as m
    join customers as c using (customer_id)
    left join contacts as ct using (customer_id, month)
    left join ratings as r using (customer_id, month)
)

select * from final;

comment on table rel_customer_month is 'One row per customer per month of the relationship (key customer_id, month): stocks at the month start, flows within it.';
