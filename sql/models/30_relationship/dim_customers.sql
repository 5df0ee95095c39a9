-- dim_customers: one row per customer (key customer_id): the relationship as
-- of the data's end, with cohort, tenure, status, and the experience the
-- customer reported across every touchpoint (SLI, latest NPS answer), which
-- rel_customer_activity sums: rebuilt whole as the as-of moves, this is a join.
-- Its key is stg_customers': every customer, once, through joins on the
-- branches' and the activity's unique keys, so its key is unique when the
-- raw ids are and the counts agree (sql/tests/grain_preserved.sql), and an
-- increment, which replaces or adds customers, never takes one away: the
-- changed rows that name a customer are checked against those alone.
-- key held by: stg_customers
-- not null: branch_id, started_at, cohort_month
-- references: branch_id -> dim_branches.branch_id
create or replace table dim_customers as
with customers as (
    select * from stg_customers
),

info as (
    select as_of from model_info
),

final as (
    select
        c.customer_id,
        c.branch_id,
        b.region,
        c.segment,
        c.started_at,
        c.ended_at,
        c.monthly_revenue,
        date_trunc('month', c.started_at)::date as cohort_month,
        case when c.ended_at is not null and c.ended_at <= info.as_of then 'churned' else 'active' end as status,
        datediff('day', c.started_at, least(coalesce(c.ended_at, info.as_of), info.as_of)) as tenure_days,
        datediff('month', c.started_at, least(coalesce(c.ended_at, info.as_of), info.as_of)) as tenure_months,
        coalesce(a.contacts, 0) as contacts,
        coalesce(a.open_contacts, 0) as open_contacts,
        a.last_contact_at,
        coalesce(a.sli_n, 0) as sli_n,
        coalesce(a.sli_weight, 0) as sli_weight,
        coalesce(a.sli_weighted_points, 0) as sli_weighted_points,
        100.0 * a.sli_weighted_points / nullif(10.0 * a.sli_weight, 0) as sli,
        a.latest_nps_score,
        case
            when a.latest_nps_score >= 9 then 'promoter'
            when a.latest_nps_score >= 7 then 'passive'
            when a.latest_nps_score is not null then 'detractor'
        end as nps_class
    from customers as c
    cross join info
    join dim_branches as b using (branch_id)
    left join rel_customer_activity as a using (customer_id)
)

select * from final;

comment on table dim_customers is 'Relationship grain: one row per customer (key customer_id) with cohort, tenure, status, contacts, SLI and latest NPS.';
