-- Every reference between models resolves: returns the dangling ones.
select 'fct_interactions.branch_id' as reference, branch_id as value from fct_interactions anti join dim_branches using (branch_id)
union all
select 'fct_interactions.customer_id', customer_id from fct_interactions where customer_id is not null and customer_id not in (select customer_id from dim_customers)
union all
select 'fct_responses.branch_id', branch_id from fct_responses anti join dim_branches using (branch_id)
union all
select 'fct_responses.interaction_id', interaction_id from fct_responses where interaction_id is not null and interaction_id not in (select interaction_id from fct_interactions)
union all
select 'dim_customers.branch_id', branch_id from dim_customers anti join dim_branches using (branch_id)
union all
select 'rel_customer_month.customer_id', customer_id from rel_customer_month anti join dim_customers using (customer_id)
