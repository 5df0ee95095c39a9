-- sli_mapping: one row per instrument of the active mapping version.
-- Linear mapping of a scale min..max onto the SLI levels -10..+10
-- (docs/metrics.md): on any five-level scale it gives exactly -10, -5, 0, +5, +10.
create or replace table sli_mapping as
with mapping as (
    select * from ref_sli_mapping
    where mapping_version = (select mapping_version from model_params)
),

final as (
    select
        mapping_version,
        instrument,
        label,
        scale_min,
        scale_max,
        20.0 / (scale_max - scale_min) as points_per_step
    from mapping
)

select * from final;

-- sli_touchpoint_weights: one row per touchpoint of the active mapping version.
create or replace table sli_touchpoint_weights as
select mapping_version, touchpoint, label, sli_weight
from ref_touchpoints
where mapping_version = (select mapping_version from model_params);

-- The five SLI levels (docs/metrics.md), used to explain a score level by level.
create or replace table sli_levels as
select * from (values
    (5, 'Excellent', 10.0),
    (4, 'Good', 5.0),
    (3, 'Neutral', 0.0),
    (2, 'Bad', -5.0),
    (1, 'Unacceptable', -10.0)
) as t(level_rank, level, points);

comment on table sli_mapping is 'One row per instrument of the active SLI mapping version: scale and points per step.';
comment on table sli_touchpoint_weights is 'One row per touchpoint of the active SLI mapping version, with its weight.';
comment on table sli_levels is 'One row per SLI level: Excellent +10, Good +5, Neutral 0, Bad -5, Unacceptable -10.';
