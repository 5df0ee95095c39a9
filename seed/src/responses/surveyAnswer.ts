import { agentSkillSql } from '../agentSkill';
import type { RandomSource } from '../randomSource';
import { sqlDouble } from '../sqlValues';
import { negativeBelow } from '../vocabulary/followups';

/*
 * The answer to a contact's after-service survey, as expressions over the
 * contact's columns (seed_contacts, with the customer's quality and
 * leniency). generateContacts needs to know which answers complain before
 * churn is decided; the answers themselves are written with the responses.
 */

/** Median delay of the survey answer after the contact, in seconds. */
const SURVEY_LAG_SECONDS = 5400;
/** Share of survey answers that also rate effort (CES). */
const CES_SHARE = 0.6;
/** Cut points of the latent satisfaction for CSAT 2..5 and effort for CES 2..7. */
export const CSAT_CUTS = [-1.55, -0.75, 0.1, 1.05];
export const CES_CUTS = [-1.9, -1.3, -0.7, -0.1, 0.55, 1.4];

/** When the customer answers: after the resolution (or the reply, or the opening), with a lag. */
export const surveyAnsweredEpochSql = (random: RandomSource): string =>
  `coalesce(resolved_epoch, first_response_epoch + handle_seconds, opened_epoch + 600)
    + round(${random.lognormal('survey/lag', 'contact_key', SURVEY_LAG_SECONDS, 1.2)})::bigint`;

/** Latent satisfaction (CSAT), raised by `uplift`. */
export const csatLatentSql = (random: RandomSource, uplift: string): string =>
  `2.0 + 0.25 * quality + 0.3 * coalesce(${agentSkillSql(random, 'branch_n', 'agent_n')}, 0) + 0.4 * leniency
    - 0.35 * greatest(frt_z, 0) - 0.45 * greatest(resolution_z, 0)
    - 0.7 * is_repeat::integer - 0.9 * will_repeat::integer - 1.2 * unresolved::integer
    + ${uplift}
    + ${random.normal('survey/csat', 'contact_key')}`;

/** Latent ease (CES), raised by `uplift`. */
export const cesLatentSql = (random: RandomSource, uplift: string): string =>
  `0.9 + 0.3 * quality + 0.3 * leniency - 0.3 * greatest(handle_z, 0)
    - 0.8 * is_repeat::integer - 0.6 * will_repeat::integer - 0.4 * greatest(resolution_z, 0) - 0.8 * unresolved::integer
    + ${uplift}
    + ${random.normal('survey/ces', 'contact_key')}`;

export const cesAskedSql = (random: RandomSource): string =>
  `${random.uniform('survey/ces-asked', 'contact_key')} < ${CES_SHARE}`;

/**
 * The answer is negative (CSAT or CES below its midpoint) before any
 * uplift: exact for a customer's first complaint, which no earlier
 * recovery lifts.
 */
export const complainingAnswerSql = (random: RandomSource): string =>
  `(${csatLatentSql(random, '0')} <= ${sqlDouble(CSAT_CUTS[negativeBelow.csat_5 - 2])}
    or ${cesAskedSql(random)} and ${cesLatentSql(random, '0')} <= ${sqlDouble(CES_CUTS[negativeBelow.ces_7 - 2])})`;
