-- Every model's key is unique: returns the models and keys that repeat.
-- fct_responses is a view joining raw.responses (whose response_id the
-- loader checks) one to one with the reference tables checked here.
-- rel_customer_month is a view keyed by construction (one customer row times
-- the distinct months of generate_series); tests/model checks its key on
-- fixtures rather than every build paying 25M rows for it.
select 'fct_interactions' as model, interaction_id as key from fct_interactions group by interaction_id having count(*) > 1
union all
select 'sli_mapping', instrument from sli_mapping group by instrument having count(*) > 1
union all
select 'sli_touchpoint_weights', touchpoint from sli_touchpoint_weights group by touchpoint having count(*) > 1
union all
select 'dim_customers', customer_id from dim_customers group by customer_id having count(*) > 1
union all
select 'dim_branches', branch_id from dim_branches group by branch_id having count(*) > 1
union all
select 'rel_branch_month', any_value(branch_id || '/' || month) from rel_branch_month group by branch_id, month having count(*) > 1
union all
select 'rel_cohort_retention', any_value(cohort_month || '/' || months_since_start) from rel_cohort_retention group by cohort_month, months_since_start having count(*) > 1
union all
select 'agg_interaction_daily', any_value(branch_id || '/' || day || '/' || channel) from agg_interaction_daily group by branch_id, day, channel having count(*) > 1
union all
select 'agg_response_daily', any_value(branch_id || '/' || day || '/' || touchpoint || '/' || instrument) from agg_response_daily group by branch_id, day, touchpoint, instrument having count(*) > 1
union all
select 'agg_customer_daily', any_value(branch_id || '/' || day) from agg_customer_daily group by branch_id, day having count(*) > 1
union all
select 'metric_catalog', name from metric_catalog group by name having count(*) > 1
