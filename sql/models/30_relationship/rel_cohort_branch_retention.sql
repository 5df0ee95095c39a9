-- rel_cohort_branch_retention: one row per cohort, month since start and
-- branch (key cohort_month, months_since_start, branch_id): the retention
-- triangle's components per home branch, so that the triangle of any set of
-- branches or regions is a sum of these rows, then the ratio. Cohort = month
-- the relationship started; a customer counts as active at k when the
-- relationship had not ended by the end of month k (so k = 0 already loses
-- those who left in their first month). A cell exists only once the end of
-- its month k has passed, and only for a branch with customers in that
-- cohort. Cohorts are those starting inside the data's period: earlier ones
-- would miss the customers who left before it.
-- not null: region, month, cohort_size, active
-- references: branch_id -> dim_branches.branch_id
create or replace table rel_cohort_branch_retention as
with info as (
    select first_month, as_of from model_info
),

customers as (
    select
        cohort_month,
        branch_id,
        region,
        -- The first k at whose end the customer is gone; null while active.
        datediff('month', cohort_month, ended_at) as first_inactive_k
    from dim_customers, info
    where cohort_month >= info.first_month
),

cohorts as (
    select
        cohort_month,
        branch_id,
        any_value(region) as region,
        count(*) as cohort_size,
        datediff('month', cohort_month, any_value(info.as_of)) - 1 as max_k
    from customers, info
    group by cohort_month, branch_id
),

losses as (
    select cohort_month, branch_id, first_inactive_k as months_since_start, count(*) as lost
    from customers
    where first_inactive_k is not null
    group by all
),

cells as (
    select cohort_month, branch_id, region, cohort_size, unnest(generate_series(0, max_k)) as months_since_start
    from cohorts
    where max_k >= 0
),

final as (
    select
        cells.cohort_month,
        cells.months_since_start,
        cells.branch_id,
        cells.region,
        (cells.cohort_month + to_months(cells.months_since_start))::date as month,
        cells.cohort_size,
        (cells.cohort_size - sum(coalesce(losses.lost, 0)) over (
            partition by cells.cohort_month, cells.branch_id order by cells.months_since_start
            rows between unbounded preceding and current row
        ))::bigint as active
    from cells
    left join losses using (cohort_month, branch_id, months_since_start)
)

select * from final
order by cohort_month, months_since_start, branch_id;

comment on table rel_cohort_branch_retention is 'The cohort triangle per home branch: one row per cohort month, months since start and branch (key cohort_month, months_since_start, branch_id); sum cohort_size and active over any branches, then divide.';
