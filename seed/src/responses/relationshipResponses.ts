import { afterRecoverySql } from '../followupPolicy';
import type { RandomSource } from '../randomSource';
import type { SeedPlan } from '../seedPlan';
import { sqlPick, sqlStringList, sqlWeightedIndex } from '../sqlValues';
import { comments } from '../vocabulary/comments';
import { responseKeySql } from './responseColumns';

const YEAR_SECONDS = 365.25 * 86_400;
/** Relationship survey answers per customer and year (invitations times response rate). */
const SURVEYS_PER_YEAR = 0.65;
const touchpoints = ['email', 'sms', 'web', 'app'] as const;
const touchpointShares = [0.45, 0.25, 0.15, 0.15];

/**
 * Relationship NPS surveys sent by email, SMS, web and app while the
 * customer is active. The answer follows the customer's whole experience:
 * the share of their contacts that went badly, their branch's quality and
 * their own leniency, so leaving customers and weak branches score low;
 * a callback after a complaint lifts the answers that come after it.
 */
export const relationshipResponses = (plan: SeedPlan, random: RandomSource): string => `
    with customers as (
        select
            customer_n, customer_id, branch_n, quality, leniency, bad_contacts, recovered_epoch, recovery_uplift,
            bad_contacts / greatest(contacts, 1) as bad_share,
            greatest(started_epoch, ${plan.windowStartEpoch}) as active_from,
            coalesce(ended_epoch, ${plan.windowEndEpoch}) as active_to
        from seed_customer_ends
    ),
    surveys as (
        select
            *,
            unnest(range(least(
                ${plan.maxCustomerRatings - 1},
                floor((active_to - active_from) / ${YEAR_SECONDS} * ${SURVEYS_PER_YEAR} + ${random.uniform('nps/count', 'customer_n')})
            )::integer)) as survey_n
        from customers
    ),
    keyed as (
        select *, customer_n::bigint * ${plan.maxCustomerRatings} + survey_n as survey_key
        from surveys
    ),
    drawn as (
        select
            *,
            ${random.uniform('nps/touchpoint', 'survey_key')} as u_touchpoint,
            active_from + floor(${random.uniform('nps/time', 'survey_key')} * (active_to - active_from))::bigint as responded_epoch
        from keyed
    ),
    scored as (
        select
            *,
            least(10, greatest(0, round(7.6 + 1.8 * (
                1.1 + 0.1 * quality + 0.6 * leniency - 0.7 * bad_share - 0.05 * least(bad_contacts, 10)
                + ${afterRecoverySql('responded_epoch')}
                + ${random.normal('nps/score', 'survey_key')}
            ))))::integer as score
        from drawn
    )
    select
        ${responseKeySql(plan, 'relationship', 'survey_key')} as response_key,
        branch_n,
        customer_id,
        null::bigint as contact_key,
        list_extract(${sqlStringList(touchpoints)}, ${sqlWeightedIndex('u_touchpoint', touchpointShares)} + 1) as touchpoint,
        'nps_11' as instrument,
        score::double as score,
        responded_epoch,
        case
            when ${random.uniform('nps/comment', 'survey_key')} >= case when score <= 6 then 0.3 when score <= 8 then 0.08 else 0.15 end
                then null
            when score <= 6 and bad_share > 0.5 then ${sqlPick(random.uniform('nps/comment-text', 'survey_key'), comments.unresolved)}
            when score <= 6 then ${sqlPick(random.uniform('nps/comment-text', 'survey_key'), comments.negative)}
            when score <= 8 then ${sqlPick(random.uniform('nps/comment-text', 'survey_key'), comments.neutral)}
            else ${sqlPick(random.uniform('nps/comment-text', 'survey_key'), comments.positive)}
        end as comment
    from scored
`;
