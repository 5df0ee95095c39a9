-- rel_customer_month: one row per customer per month of the relationship
-- inside the data's period (key customer_id, month), from the month it
-- started (or the period's first month) to the month it ended (or as of).
-- Stocks are at the month's start, flows within the month, so a branch-month
-- is a plain sum of these rows. Contacts and ratings stay in the facts and in
-- dim_customers: joining them here per month costs more than it answers.
-- A view: 25M rows at scale 20 are cheaper to derive than to store. Its
-- customer_id is dim_customers' by construction, so no reference is declared:
-- checking one would derive all 25M rows at every build to learn nothing.
create or replace view rel_customer_month as
with info as (
    select first_month, as_of from model_info
),

months as (
    -- unnest repeats the customer's columns once per month of the relationship.
    select
        c.customer_id,
        c.branch_id,
        c.region,
        c.segment,
        c.cohort_month,
        c.started_at,
        c.ended_at,
        c.monthly_revenue,
        unnest(generate_series(
            greatest(c.cohort_month, info.first_month),
            date_trunc('month', least(coalesce(c.ended_at, info.as_of), info.as_of))::date,
            interval 1 month
        ))::date as month
    from dim_customers as c
    cross join info
    where date_trunc('month', least(coalesce(c.ended_at, info.as_of), info.as_of)) >= info.first_month
),

final as (
    select
        customer_id,
        month,
        branch_id,
        region,
        segment,
        cohort_month,
        datediff('month', cohort_month, month) as months_since_start,
        (started_at < month)::integer as active_at_start,
        (started_at >= month)::integer as started,
        coalesce(ended_at < month + interval 1 month, false)::integer as churned,
        case when started_at < month then monthly_revenue end as revenue_at_start,
        (started_at < month and monthly_revenue is not null)::integer as revenue_n
    from months
)

select * from final;

comment on view rel_customer_month is 'One row per customer per month of the relationship (key customer_id, month): stocks at the month start, flows within it.';
