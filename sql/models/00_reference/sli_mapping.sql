-- sli_mapping: one row per instrument of the active mapping version (key instrument).
-- not null: mapping_version, scale_min, scale_max, points_per_step
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

comment on table sli_mapping is 'One row per instrument of the active SLI mapping version: scale and points per step.';
