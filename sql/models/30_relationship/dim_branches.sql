-- dim_branches: one row per branch (key branch_id).
-- not null: branch_name
create or replace table dim_branches as
select * from stg_branches;

comment on table dim_branches is 'One row per branch (key branch_id).';
