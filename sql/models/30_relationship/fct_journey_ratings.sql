-- fct_journey_ratings: one row per rating (key response_id), narrowed to what
-- "where the journey leaks" (docs/metrics.md) reads: when, where (touchpoint,
-- branch, region), who (the customer, their segment and when their
-- relationship ended) and whether it was negative, with its SLI points.
-- Why a table: the journey query de-duplicates customers per group for any
-- range, so it must read ratings, not daily rollups (a customer's first
-- rating in a range that starts mid-day is not in any rollup). Copying the
-- customer's segment and end beside each rating spares the query its join
-- to the customers, and the rows are stored in time order so that a range
-- reads only the row groups it covers.
-- Its key is fct_responses': every row of it, once, through a left join on
-- the customers' unique key, so its key is unique when that one is and the
-- counts agree (sql/tests/grain_preserved.sql). Grouping 20M keys again
-- cost 9 s of every build at scale 20.
-- key held by: fct_responses
-- not null: responded_at, touchpoint, branch_id, region, is_negative, sli_points
-- references: branch_id -> dim_branches.branch_id, customer_id -> dim_customers.customer_id
create or replace table fct_journey_ratings as
with ratings as (
    select response_id, responded_at, touchpoint, branch_id, region, customer_id, is_negative, sli_points
    from fct_responses
),

customers as (
    select customer_id, segment, ended_at
    from stg_customers
),

final as (
    select
        r.responded_at,
        r.touchpoint,
        r.branch_id,
        r.region,
        r.customer_id,
        c.segment,
        c.ended_at as customer_ended_at,
        r.is_negative,
        r.sli_points,
        r.response_id
    from ratings as r
    left join customers as c using (customer_id)
)

select * from final
order by responded_at, response_id;

comment on table fct_journey_ratings is 'One row per rating, in time order: touchpoint, branch, region, the customer with their segment and end, whether negative, SLI points. What the journey-leak query reads.';
