-- stg_branches: one row per branch (key branch_id). Region and timezone get their defaults here, once.
create or replace view stg_branches as
select
    branch_id,
    name as branch_name,
    coalesce(region, 'Unassigned') as region,
    coalesce(timezone, 'UTC') as timezone
from raw.branches;

comment on view stg_branches is 'One row per branch; region and timezone defaulted.';
