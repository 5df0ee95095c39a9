-- stg_customers: one row per customer (key customer_id).
create or replace view stg_customers as
select
    customer_id,
    branch_id,
    segment,
    started_at,
    ended_at,
    monthly_revenue::double as monthly_revenue
from raw.customers;

comment on view stg_customers is 'One row per customer.';
