-- rel_branch_month: one row per branch and calendar month of the data's
-- period (key branch_id, month): the relationship scorecard. Its customer
-- stocks and flows come from rel_customer_month, not from the daily rollup
-- agg_customer_daily, so the tests comparing the two (stocks_agree,
-- grain_preserved) check one against the other. Its ratings and contacts are
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

customers as (
    select
        branch_id,
        month,
        sum(active_at_start)::bigint as active_at_start,
        sum(started)::bigint as started,
        sum(churned)::bigint as churned,
        sum(revenue_at_start) as revenue_at_start,
        sum(revenue_n)::bigint as revenue_n
    from rel_customer_month
    group by all
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
