-- Metric values and components stay within their definitions.
-- checked row by row: after an increment, the rows it changed in the models
-- it updated row by row (each row here is looked at alone).
select 'fct_responses.sli_points outside -10..10' as problem, response_id as key from fct_responses where sli_points not between -10 and 10
union all
select 'fct_interactions.resolution_seconds negative', interaction_id from fct_interactions where resolution_seconds < 0
union all
select 'fct_interactions.first_response_seconds negative', interaction_id from fct_interactions where first_response_seconds < 0
union all
select 'fct_interactions fcr_resolved_first without eligibility', interaction_id from fct_interactions where fcr_resolved_first > fcr_eligible
union all
select 'fct_negative_ratings.first_contact_seconds negative', response_id from fct_negative_ratings where first_contact_seconds < 0
union all
select 'fct_negative_ratings.close_seconds negative', response_id from fct_negative_ratings where close_seconds < 0
union all
-- Each closed-loop numerator is a subset of its denominator.
select 'fct_negative_ratings closed-loop components out of order', response_id from fct_negative_ratings
where not (followup_closed_in_sla <= followup_cases and followup_cases <= followup_eligible
    and followups_overdue + followup_closed_in_sla <= followup_eligible and recovered <= recovery_n
    and (recovery_n = 0 or closed_at is not null))
union all
select 'rel_branch_month.sli outside -100..100', branch_id || '/' || month from rel_branch_month where sli not between -100 and 100
union all
select 'rel_branch_month.nps outside -100..100', branch_id || '/' || month from rel_branch_month where nps not between -100 and 100
union all
select 'rel_cohort_retention.retention outside 0..1', cohort_month || '/' || months_since_start from rel_cohort_retention where retention not between 0 and 1
union all
select 'rel_cohort_retention not monotone', a.cohort_month || '/' || a.months_since_start
from rel_cohort_retention as a join rel_cohort_retention as b
    on a.cohort_month = b.cohort_month and b.months_since_start = a.months_since_start + 1
where b.active > a.active
union all
select 'agg_customer_daily.active_at_start negative', branch_id || '/' || day from agg_customer_daily where active_at_start < 0
