-- rel_retention_curve: one row per month since start (key months_since_start),
-- the average retention curve weighted by cohort size (pooled, not a mean of
-- cohort percentages).
create or replace view rel_retention_curve as
select
    months_since_start,
    count(*) as cohorts,
    sum(cohort_size)::bigint as customers,
    sum(active)::bigint as active,
    sum(active) / sum(cohort_size) as retention
from rel_cohort_retention
group by months_since_start;

comment on view rel_retention_curve is 'One row per months since start: the retention curve weighted by cohort size.';
