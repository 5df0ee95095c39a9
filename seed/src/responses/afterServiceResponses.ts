import { agentSkillSql } from '../generateContacts';
import type { RandomSource } from '../randomSource';
import type { SeedPlan } from '../seedPlan';
import { sqlOrdinal, sqlPick } from '../sqlValues';
import { comments } from '../vocabulary/comments';
import { responseKeySql } from './responseColumns';

/** Median delay of the survey answer after the contact, in seconds. */
const SURVEY_LAG_SECONDS = 5400;
/** Share of survey answers that also rate effort (CES). */
const CES_SHARE = 0.6;
/** Cut points of the latent satisfaction for CSAT 2..5 and effort for CES 2..7. */
const CSAT_CUTS = [-1.55, -0.75, 0.1, 1.05];
const CES_CUTS = [-1.9, -1.3, -0.7, -0.1, 0.55, 1.4];

/**
 * After-service surveys, for the contacts whose customer answered: a CSAT
 * rating and, when asked, a CES rating, linked to the customer and the
 * interaction. Satisfaction drops with a slow first response or resolution,
 * a repeat contact, an issue that needed another contact, or one still
 * open; it rises with the branch's quality, the agent's skill and the
 * customer's leniency. Answers after the customer left are never given.
 */
export const afterServiceResponses = (plan: SeedPlan, random: RandomSource): string => {
  const u = (stream: string) => random.uniform(stream, 'contact_key');
  return `
    with surveyed as (
        select
            c.*,
            e.customer_id,
            e.quality,
            e.leniency,
            e.ended_epoch,
            c.contact_key % ${plan.maxAttemptsPerIssue} > 0 as is_repeat,
            c.resolved_epoch is null as unresolved,
            coalesce(c.resolved_epoch, c.first_response_epoch + c.handle_seconds, c.opened_epoch + 600)
                + round(${random.lognormal('survey/lag', 'c.contact_key', SURVEY_LAG_SECONDS, 1.2)})::bigint as responded_epoch
        from seed_contacts as c
        join seed_customer_ends as e using (customer_n)
        where c.surveyed
    ),
    answered as (
        select
            *,
            2.0 + 0.25 * quality + 0.3 * coalesce(${agentSkillSql(random, 'branch_n', 'agent_n')}, 0) + 0.4 * leniency
                - 0.35 * greatest(frt_z, 0) - 0.45 * greatest(resolution_z, 0)
                - 0.7 * is_repeat::integer - 0.9 * will_repeat::integer - 1.2 * unresolved::integer
                + ${random.normal('survey/csat', 'contact_key')} as csat_latent,
            0.9 + 0.3 * quality + 0.3 * leniency - 0.3 * greatest(handle_z, 0)
                - 0.8 * is_repeat::integer - 0.6 * will_repeat::integer - 0.4 * greatest(resolution_z, 0) - 0.8 * unresolved::integer
                + ${random.normal('survey/ces', 'contact_key')} as ces_latent,
            ${u('survey/ces-asked')} < ${CES_SHARE} as ces_asked
        from surveyed
        where responded_epoch < ${plan.windowEndEpoch} and (ended_epoch is null or responded_epoch <= ended_epoch)
    ),
    scored as (
        select
            *,
            ${sqlOrdinal('csat_latent', CSAT_CUTS)} as csat,
            case when ces_asked then ${sqlOrdinal('ces_latent', CES_CUTS)} end as ces
        from answered
    ),
    commented as (
        select
            *,
            case
                when ${u('survey/comment')} >= case when csat <= 2 then 0.35 when csat = 3 then 0.1 else 0.12 end then null
                when csat <= 2 and (unresolved or will_repeat or is_repeat) then ${sqlPick(u('survey/comment-text'), comments.unresolved)}
                when csat <= 2 and (frt_z > 1 or resolution_z > 1) then ${sqlPick(u('survey/comment-text'), comments.slow)}
                when csat <= 2 then ${sqlPick(u('survey/comment-text'), comments.negative)}
                when csat = 3 then ${sqlPick(u('survey/comment-text'), comments.neutral)}
                else ${sqlPick(u('survey/comment-text'), comments.positive)}
            end as comment
        from scored
    ),
    rated as (
        select *, unnest(case when ces_asked then [0, 1] else [0] end) as instrument_n
        from commented
    )
    select
        ${responseKeySql(plan, 'afterService', 'contact_key * 2 + instrument_n')} as response_key,
        branch_n,
        customer_id,
        contact_key,
        'after_service' as touchpoint,
        case instrument_n when 0 then 'csat_5' else 'ces_7' end as instrument,
        (case instrument_n when 0 then csat else ces end)::double as score,
        responded_epoch,
        case instrument_n when 0 then comment end as comment
    from rated
  `;
};
