-- sli_touchpoint_weights: one row per touchpoint of the active mapping version
-- (key touchpoint).
-- not null: mapping_version, sli_weight, touchpoint_order
create or replace table sli_touchpoint_weights as
select mapping_version, touchpoint, label, sli_weight, touchpoint_order
from ref_touchpoints
where mapping_version = (select mapping_version from model_params);

comment on table sli_touchpoint_weights is 'One row per touchpoint of the active SLI mapping version, with its weight and journey order.';
