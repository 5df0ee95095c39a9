-- rel_cohort_retention: one row per cohort and month since start (key
-- cohort_month, months_since_start): the retention triangle of docs/metrics.md.
-- Cohort = month the relationship started; a customer counts as active at k
-- when the relationship had not ended by the end of month k (so k = 0 already
-- loses those who left in their first month). A cell exists only once the end
-- of its month k has passed. Cohorts are those starting inside the data's
-- period: earlier ones would miss the customers who left before it.
-- not null: cohort_size, active
create or replace table rel_cohort_retention as
with info as (
    select first_month, as_of from model_info
),

customers as (
    select
        cohort_month,
        -- The first k at whose end the customer is gone; null while active.
        datediff('month', cohort_month, ended_at) as first_inactive_k
    from dim_customers, info
    where cohort_month >= info.first_month
),

cohorts as (
    select
        cohort_month,
        count(*) as cohort_size,
        datediff('month', cohort_month, any_value(info.as_of)) - 1 as max_k
    from customers, info
    group by cohort_month
),

losses as (
    select cohort_month, first_inactive_k as months_since_start, count(*) as lost
    from customers
    where first_inactive_k is not null
    group by all
),

cells as (
    select cohort_month, cohort_size, unnest(generate_series(0, max_k)) as months_since_start
    from cohorts
    where max_k >= 0
),

final as (
    select
        cells.cohort_month,
        cells.months_since_start,
        (cells.cohort_month + to_months(cells.months_since_start))::date as month,
        cells.cohort_size,
        (cells.cohort_size - sum(coalesce(losses.lost, 0)) over (
            partition by cells.cohort_month order by cells.months_since_start
            rows between unbounded preceding and current row
        ))::bigint as active
    from cells
    left join losses using (cohort_month, months_since_start)
)

select *, active / cohort_size as retention
from final
order by cohort_month, months_since_start;

comment on table rel_cohort_retention is 'The cohort triangle: one row per cohort month and months since start (key cohort_month, months_since_start).';
