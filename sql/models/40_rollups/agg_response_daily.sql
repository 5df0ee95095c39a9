-- agg_response_daily: one row per branch, UTC day of response, touchpoint and
-- instrument (key branch_id, day, touchpoint, instrument). SLI and NPS
-- components, with the SLI level counts that explain a score.
-- references: branch_id -> dim_branches.branch_id
create or replace table agg_response_daily as
select
    r.branch_id,
    b.region,
    r.responded_date as day,
    r.touchpoint,
    r.instrument,
    sum(responses)::bigint as responses,
    sum(sli_n)::bigint as sli_n,
    sum(sli_weight) as sli_weight,
    sum(sli_weighted_points) as sli_weighted_points,
    count(*) filter (where sli_level = 'Excellent') as sli_excellent,
    count(*) filter (where sli_level = 'Good') as sli_good,
    count(*) filter (where sli_level = 'Neutral') as sli_neutral,
    count(*) filter (where sli_level = 'Bad') as sli_bad,
    count(*) filter (where sli_level = 'Unacceptable') as sli_unacceptable,
    sum(nps_n)::bigint as nps_n,
    sum(nps_promoters)::bigint as nps_promoters,
    sum(nps_detractors)::bigint as nps_detractors
from fct_responses as r
join dim_branches as b using (branch_id)
group by all
order by day, branch_id, touchpoint, instrument;

comment on table agg_response_daily is 'Rollup: one row per branch, UTC day, touchpoint and instrument; SLI and NPS components and SLI level counts.';
