-- fct_responses: one row per response (key response_id), every instrument at
-- every touchpoint, with its SLI points under the active mapping version and
-- its touchpoint weight, its NPS class when it is an NPS answer, and whether
-- it is negative (the closed loop's trigger).
-- A table ordered by responded_at: the service reads the partial days at a
-- range's edges from it, and in time order DuckDB's zone maps skip every
-- row group outside the edge (a view over raw.responses, in load order,
-- scanned all of them on every uncached query).
-- references: branch_id -> dim_branches.branch_id, interaction_id -> fct_interactions.interaction_id
create or replace table fct_responses as
with responses as (
    select * from stg_responses
),

mapped as (
    select
        r.*,
        b.region,
        m.mapping_version,
        w.sli_weight,
        m.points_per_step * (r.score - m.scale_min) - 10.0 as sli_points
    from responses as r
    join stg_branches as b using (branch_id)
    join sli_mapping as m using (instrument)
    join sli_touchpoint_weights as w using (touchpoint)
),

final as (
    select
        response_id,
        branch_id,
        region,
        customer_id,
        interaction_id,
        touchpoint,
        instrument,
        score,
        responded_at,
        responded_at::date as responded_date,
        comment,
        mapping_version,
        sli_points,
        -- The nearest of the five levels: exact on five-level scales.
        case
            when sli_points >= 7.5 then 'Excellent'
            when sli_points >= 2.5 then 'Good'
            when sli_points > -2.5 then 'Neutral'
            when sli_points > -7.5 then 'Bad'
            else 'Unacceptable'
        end as sli_level,
        case when instrument = 'nps_11' then
            case when score >= 9 then 'promoter' when score >= 7 then 'passive' else 'detractor' end
        end as nps_class,
        -- Negative, the closed loop's trigger: below Neutral in SLI points
        -- (Bad or Unacceptable) or an NPS detractor, whose 6 maps to +2 points.
        sli_points < 0 or (instrument = 'nps_11' and score < 7) as is_negative,
        -- components
        1 as responses,
        1 as sli_n,
        sli_weight,
        sli_weight * sli_points as sli_weighted_points,
        (instrument = 'nps_11')::integer as nps_n,
        (instrument = 'nps_11' and score >= 9)::integer as nps_promoters,
        (instrument = 'nps_11' and score < 7)::integer as nps_detractors
    from (select * from mapped order by responded_at, response_id) as mapped
)

-- In time order, sorted before the columns derived from the sorted ones are
-- added: a sort carries every column beside its key, and the derived ones
-- (level, class, components: half the row) cost it a third of its time at
-- scale 20. A select over an ordered subquery keeps its order (DuckDB's
-- order preservation).
select * from final;

comment on table fct_responses is 'One row per rating (key response_id) with its SLI points, level, touchpoint weight, NPS class and whether it is negative.';
