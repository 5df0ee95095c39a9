-- stg_responses: one row per rating from any touchpoint (key response_id).
create or replace view stg_responses as
select
    response_id,
    branch_id,
    customer_id,
    interaction_id,
    touchpoint,
    instrument,
    score,
    responded_at,
    comment
from raw.responses;

comment on view stg_responses is 'One row per rating from any touchpoint.';
