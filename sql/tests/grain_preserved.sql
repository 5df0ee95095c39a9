-- Each grain keeps every source row: facts have one row per raw row, and
-- rollups sum back to their facts. Returns the checks whose counts differ.
with checks as (
    select 'fct_interactions rows' as check_name, (select count(*) from raw.interactions) as expected, (select count(*) from fct_interactions) as actual
    union all
    select 'fct_responses rows', (select count(*) from raw.responses), (select count(*) from fct_responses)
    union all
    select 'rel_customer_profile rows', (select count(*) from raw.customers), (select count(*) from rel_customer_profile)
    union all
    select 'dim_customers rows', (select count(*) from rel_customer_profile), (select count(*) from dim_customers)
    union all
    select 'agg_interaction_daily sums to fct_interactions', (select count(*) from fct_interactions), (select coalesce(sum(interactions), 0) from agg_interaction_daily)
    union all
    select 'agg_response_daily sums to fct_responses', (select count(*) from fct_responses), (select coalesce(sum(responses), 0) from agg_response_daily)
    union all
    select 'agg_response_daily level counts', (select count(*) from fct_responses),
        (select coalesce(sum(sli_excellent + sli_good + sli_neutral + sli_bad + sli_unacceptable), 0) from agg_response_daily)
    union all
    select 'fct_journey_ratings rows', (select count(*) from fct_responses), (select count(*) from fct_journey_ratings)
    union all
    select 'fct_negative_ratings rows', (select count(*) from fct_responses where is_negative), (select count(*) from fct_negative_ratings)
    union all
    select 'agg_followup_daily sums to fct_negative_ratings', (select count(*) from fct_negative_ratings), (select coalesce(sum(negative_ratings), 0) from agg_followup_daily)
    union all
    select 'agg_followup_daily cases sum to fct_negative_ratings', (select coalesce(sum(followup_cases + recovery_n), 0) from fct_negative_ratings),
        (select coalesce(sum(followup_cases + recovery_n), 0) from agg_followup_daily)
    union all
    select 'rel_branch_month churned equals agg_customer_daily', (select coalesce(sum(churned), 0) from agg_customer_daily), (select coalesce(sum(churned), 0) from rel_branch_month)
)

select * from checks where expected <> actual
