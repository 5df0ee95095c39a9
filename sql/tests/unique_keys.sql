-- Every model's key is unique: returns the models and keys that repeat.
select 'fct_interactions' as model, interaction_id as key from fct_interactions group by interaction_id having count(*) > 1
union all
select 'fct_responses', response_id from fct_responses group by response_id having count(*) > 1
union all
select 'dim_customers', customer_id from dim_customers group by customer_id having count(*) > 1
union all
select 'dim_branches', branch_id from dim_branches group by branch_id having count(*) > 1
union all
select 'rel_customer_month', customer_id || '/' || month from rel_customer_month group by customer_id, month having count(*) > 1
union all
select 'rel_branch_month', branch_id || '/' || month from rel_branch_month group by branch_id, month having count(*) > 1
union all
select 'rel_cohort_retention', cohort_month || '/' || months_since_start from rel_cohort_retention group by all having count(*) > 1
union all
select 'agg_interaction_daily', branch_id || '/' || day || '/' || channel from agg_interaction_daily group by all having count(*) > 1
union all
select 'agg_response_daily', branch_id || '/' || day || '/' || touchpoint || '/' || instrument from agg_response_daily group by all having count(*) > 1
union all
select 'agg_customer_daily', branch_id || '/' || day from agg_customer_daily group by all having count(*) > 1
union all
select 'metric_catalog', name from metric_catalog group by name having count(*) > 1
