-- rel_branch_month: one row per branch and calendar month of the data's
-- period (key branch_id, month): the relationship scorecard. Its customer
-- stocks and flows are rel_customer_month's sums (tests/model compares them),
-- computed from each customer's span of months in dim_customers, not from the
-- daily rollup agg_customer_daily, so the tests comparing the two
-- (stocks_agree, grain_preserved) check one against the other. A span adds
-- to the stock from its first month after the cohort month and takes away
-- after its last, so a stock is a running sum over months: the customers,
-- not the 25M customer-months (3 s at scale 20, at every increment). Revenue
-- is summed as the decimal it was loaded as, so the running sum is exact. Its ratings and contacts are
-- the daily rollups' sums: a month is a sum of days, and the rollups are kept
-- up to date row by row, where the facts would be read whole at every build.
-- Churn = customers whose relationship ended in the month / customers active
-- at its start (docs/metrics.md); CLV = ARPU * gross margin / monthly churn, null
-- when churn is 0.
-- references: branch_id -> dim_branches.branch_id
create or replace table rel_branch_month as
with info as (
    select first_month, as_of from model_info
),

grid as (
    select b.branch_id, b.region, unnest(generate_series(info.first_month, date_trunc('month', info.as_of)::date, interval 1 month))::date as month
    from dim_branches as b, info
),

spans as (
    -- A customer's months as rel_customer_month unnests them: from the later
    -- of the cohort and the first month to the month the relationship ended
    -- (or the as-of's).
    select
        c.branch_id,
        c.cohort_month,
        c.ended_at,
        c.monthly_revenue::decimal(18, 2) as monthly_revenue,
        greatest(c.cohort_month, info.first_month) as first_month,
        date_trunc('month', least(coalesce(c.ended_at, info.as_of), info.as_of))::date as last_month,
        (c.cohort_month + interval 1 month)::date as stock_from
    from dim_customers as c, info
),

flows as (
    -- started: the cohort month, when the span begins there; churned: the
    -- span's last month, when the relationship ended in it; active, revenue:
    -- +1 from the first month the customer is active at the start of (after
    -- the cohort month), -1 after the span.
    select branch_id, first_month as month, 1 as started, 0 as churned, 0 as active, 0::decimal(18, 2) as revenue, 0 as revenue_n
    from spans where cohort_month = first_month and last_month >= first_month
    union all
    select branch_id, last_month, 0, 1, 0, 0, 0
    from spans where last_month >= first_month and date_trunc('month', ended_at) = last_month
    union all
    select branch_id, greatest(first_month, stock_from), 0, 0, 1, coalesce(monthly_revenue, 0), (monthly_revenue is not null)::integer
    from spans where greatest(first_month, stock_from) <= last_month
    union all
    select branch_id, (last_month + interval 1 month)::date, 0, 0, -1, -coalesce(monthly_revenue, 0), -(monthly_revenue is not null)::integer
    from spans where greatest(first_month, stock_from) <= last_month
),

monthly_flows as (
    select
        branch_id,
        month,
        sum(started)::bigint as started,
        sum(churned)::bigint as churned,
        sum(active)::bigint as active,
        sum(revenue) as revenue,
        sum(revenue_n)::bigint as revenue_n
    from flows
    group by all
),

customers as (
    select
        g.branch_id,
        g.month,
        (sum(coalesce(f.active, 0)) over months)::bigint as active_at_start,
        f.started,
        f.churned,
        (sum(coalesce(f.revenue, 0)) over months)::double as revenue_at_start,
        (sum(coalesce(f.revenue_n, 0)) over months)::bigint as revenue_n
    from grid as g
    left join monthly_flows as f using (branch_id, month)
    window months as (partition by g.branch_id order by g.month)
),

ratings as (
    select
        branch_id,
        date_trunc('month', day)::date as month,
        sum(sli_n)::bigint as sli_n,
        sum(sli_weight) as sli_weight,
        sum(sli_weighted_points) as sli_weighted_points,
        sum(nps_n)::bigint as nps_n,
        sum(nps_promoters)::bigint as nps_promoters,
        sum(nps_detractors)::bigint as nps_detractors
    from agg_response_daily
    group by all
),

contacts as (
    select branch_id, date_trunc('month', day)::date as month, sum(interactions)::bigint as interactions
    from agg_interaction_daily
    group by all
),

joined as (
    select
        g.branch_id,
        g.region,
        g.month,
        coalesce(c.active_at_start, 0) as active_at_start,
        coalesce(c.started, 0) as started,
        coalesce(c.churned, 0) as churned,
        coalesce(c.revenue_at_start, 0) as revenue_at_start,
        coalesce(c.revenue_n, 0) as revenue_n,
        coalesce(r.sli_n, 0) as sli_n,
        coalesce(r.sli_weight, 0) as sli_weight,
        coalesce(r.sli_weighted_points, 0) as sli_weighted_points,
        coalesce(r.nps_n, 0) as nps_n,
        coalesce(r.nps_promoters, 0) as nps_promoters,
        coalesce(r.nps_detractors, 0) as nps_detractors,
        coalesce(ct.interactions, 0) as interactions
    from grid as g
    left join customers as c using (branch_id, month)
    left join ratings as r using (branch_id, month)
    left join contacts as ct using (branch_id, month)
),

final as (
    select
        *,
        100.0 * sli_weighted_points / nullif(10.0 * sli_weight, 0) as sli,
        100.0 * (nps_promoters - nps_detractors) / nullif(nps_n, 0) as nps,
        churned / nullif(active_at_start, 0) as churn_rate,
        1 - churned / nullif(active_at_start, 0) as retention_rate,
        revenue_at_start / nullif(revenue_n, 0) as arpu,
        (revenue_at_start / nullif(revenue_n, 0)) * (select gross_margin from model_params)
            / nullif(churned / nullif(active_at_start, 0), 0) as clv
    from joined
)

select * from final
order by month, branch_id;

comment on table rel_branch_month is 'One row per branch and month (key branch_id, month): SLI, NPS, churn, retention, ARPU and CLV with their components.';
