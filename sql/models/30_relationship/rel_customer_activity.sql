-- rel_customer_activity: one row per customer with a contact or a rating
-- (key customer_id): their contacts and the experience they reported across
-- every touchpoint, summed over the whole relationship. It does not depend
-- on the as-of, so an increment updates only the customers whose facts
-- changed; dim_customers, which does (tenure, status), joins it whole.
-- references: customer_id -> dim_customers.customer_id
create or replace table rel_customer_activity as
with contacts as (
    select
        customer_id,
        count(*) as contacts,
        sum(open_contacts)::bigint as open_contacts,
        max(opened_at) as last_contact_at
    from fct_interactions
    where customer_id is not null
    group by customer_id
),

ratings as (
    select
        customer_id,
        sum(sli_n)::bigint as sli_n,
        sum(sli_weight) as sli_weight,
        sum(sli_weighted_points) as sli_weighted_points,
        arg_max(score, (responded_at, response_id)) filter (where instrument = 'nps_11') as latest_nps_score
    from fct_responses
    where customer_id is not null
    group by customer_id
),

final as (
    select
        customer_id,
        coalesce(ct.contacts, 0) as contacts,
        coalesce(ct.open_contacts, 0) as open_contacts,
        ct.last_contact_at,
        coalesce(r.sli_n, 0) as sli_n,
        coalesce(r.sli_weight, 0) as sli_weight,
        coalesce(r.sli_weighted_points, 0) as sli_weighted_points,
        r.latest_nps_score
    from contacts as ct
    full join ratings as r using (customer_id)
)

select * from final;

comment on table rel_customer_activity is 'One row per customer with a contact or rating (key customer_id): contacts, open contacts, SLI components and latest NPS answer.';
