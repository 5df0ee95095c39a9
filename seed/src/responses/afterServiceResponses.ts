import { afterRecoverySql } from '../followupPolicy';
import type { RandomSource } from '../randomSource';
import type { SeedPlan } from '../seedPlan';
import { sqlOrdinal, sqlPick } from '../sqlValues';
import { comments } from '../vocabulary/comments';
import { responseKeySql } from './responseColumns';
import { CES_CUTS, CSAT_CUTS, cesAskedSql, cesLatentSql, csatLatentSql, surveyAnsweredEpochSql } from './surveyAnswer';

/**
 * After-service surveys, for the contacts whose customer answered: a CSAT
 * rating and, when asked, a CES rating, linked to the customer and the
 * interaction. Satisfaction drops with a slow first response or resolution,
 * a repeat contact, an issue that needed another contact, or one still
 * open; it rises with the branch's quality, the agent's skill, the
 * customer's leniency and a callback after an earlier complaint. Answers
 * after the customer left are never given.
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
            e.recovered_epoch,
            e.recovery_uplift,
            c.contact_key % ${plan.maxAttemptsPerIssue} > 0 as is_repeat,
            c.resolved_epoch is null as unresolved,
            ${surveyAnsweredEpochSql(random)} as responded_epoch
        from seed_contacts as c
        join seed_customer_ends as e using (customer_n)
        where c.surveyed
    ),
    answered as (
        select
            *,
            ${csatLatentSql(random, afterRecoverySql('responded_epoch'))} as csat_latent,
            ${cesLatentSql(random, afterRecoverySql('responded_epoch'))} as ces_latent,
            ${cesAskedSql(random)} as ces_asked
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
