-- agg_customer_daily: one row per branch and UTC day of the data's period
-- (key branch_id, day), dense: every branch has every day. Customers belong
-- to their home branch. Flows (started, churned) are per day; stocks
-- (active_at_start, revenue_at_start, revenue_n) are at the day's start, so a
-- period's stock is its first day's row and its flows are sums.
-- references: branch_id -> dim_branches.branch_id
create or replace table agg_customer_daily as
with info as (
    select first_month, as_of from model_info
),

days as (
    select unnest(generate_series(info.first_month, info.as_of::date, interval 1 day))::date as day
    from info
),

-- Each start is +1 from the day after it happened; each end is -1 from the
-- day after it. The stock at a day's start is the sum of events before it.
events as (
    select branch_id, started_at::date as day, 1 as started, 0 as churned,
        coalesce(monthly_revenue, 0) as revenue, (monthly_revenue is not null)::integer as revenue_n
    from stg_customers
    union all
    select branch_id, ended_at::date, 0, 1,
        -coalesce(monthly_revenue, 0), -(monthly_revenue is not null)::integer
    from stg_customers
    where ended_at is not null
),

-- Events before the period collapse onto its first day's opening stock.
by_day as (
    select
        e.branch_id,
        greatest(e.day, info.first_month) as day,
        sum(e.started) filter (where e.day >= info.first_month)::bigint as started,
        sum(e.churned) filter (where e.day >= info.first_month)::bigint as churned,
        sum(e.started - e.churned) filter (where e.day < info.first_month)::bigint as stock_before,
        sum(e.revenue) filter (where e.day < info.first_month) as revenue_before,
        sum(e.revenue_n) filter (where e.day < info.first_month) as revenue_n_before,
        sum(e.started - e.churned) filter (where e.day >= info.first_month)::bigint as stock_change,
        sum(e.revenue) filter (where e.day >= info.first_month) as revenue_change,
        sum(e.revenue_n) filter (where e.day >= info.first_month) as revenue_n_change
    from events as e, info
    group by all
),

grid as (
    select b.branch_id, b.region, d.day
    from dim_branches as b
    cross join days as d
),

filled as (
    select
        g.branch_id,
        g.region,
        g.day,
        coalesce(x.started, 0) as started,
        coalesce(x.churned, 0) as churned,
        coalesce(x.stock_before, 0) as stock_opening,
        coalesce(x.stock_change, 0) as stock_change,
        coalesce(x.revenue_before, 0) as revenue_opening,
        coalesce(x.revenue_change, 0) as revenue_change,
        coalesce(x.revenue_n_before, 0) as revenue_n_opening,
        coalesce(x.revenue_n_change, 0) as revenue_n_change
    from grid as g
    left join by_day as x using (branch_id, day)
),

final as (
    select
        branch_id,
        region,
        day,
        started,
        churned,
        -- Everything up to and including today, less today's own changes. The
        -- counts are summed as doubles: exact (each partial sum is a whole
        -- number far below 2^53), where DuckDB accumulates a running sum of
        -- integers in 128 bits (the three sums 0.6 s at scale 20, 0.33 s so).
        (sum((stock_opening + stock_change)::double) over w - stock_change)::bigint as active_at_start,
        sum(revenue_opening + revenue_change) over w - revenue_change as revenue_at_start,
        (sum((revenue_n_opening + revenue_n_change)::double) over w - revenue_n_change)::bigint as revenue_n
    from filled
    window w as (partition by branch_id order by day rows between unbounded preceding and current row)
)

select * from final
order by day, branch_id;

comment on table agg_customer_daily is 'Rollup: one row per branch and UTC day, dense; customer stocks at the day start and flows within it.';
