-- stg_interactions: one row per service contact (key interaction_id).
create or replace view stg_interactions as
select
    interaction_id,
    customer_id,
    branch_id,
    channel,
    agent_id,
    topic,
    opened_at,
    first_response_at,
    resolved_at,
    handle_seconds
from raw.interactions;

comment on view stg_interactions is 'One row per service contact.';
