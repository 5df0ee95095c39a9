-- stg_followups: one row per follow-up case opened on a rating (key followup_id).
-- The optional fifth input: empty when a load had no followups file. The
-- loader enforces at most one case per rating and the order of its times.
-- references: response_id -> stg_responses.response_id
create or replace view stg_followups as
select
    followup_id,
    response_id,
    opened_at,
    first_contact_at,
    closed_at,
    owner,
    root_cause
from raw.followups;

comment on view stg_followups is 'One row per follow-up case opened on a rating (the optional followups input).';
