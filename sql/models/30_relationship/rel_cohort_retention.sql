-- rel_cohort_retention: one row per cohort and month since start (key
-- cohort_month, months_since_start): the retention triangle of
-- docs/metrics.md over every branch, the sum of rel_cohort_branch_retention
-- (where cohorts, cells and "active at k" are defined), so the company's
-- triangle and any branch's add up exactly.
-- not null: cohort_size, active
create or replace table rel_cohort_retention as
with branches as (
    select * from rel_cohort_branch_retention
),

final as (
    select
        cohort_month,
        months_since_start,
        any_value(month) as month,
        sum(cohort_size)::bigint as cohort_size,
        sum(active)::bigint as active
    from branches
    group by cohort_month, months_since_start
)

select *, active / cohort_size as retention
from final
order by cohort_month, months_since_start;

comment on table rel_cohort_retention is 'The cohort triangle: one row per cohort month and months since start (key cohort_month, months_since_start).';
