import type { RandomSource } from './randomSource';
import { sqlAt, sqlDouble, sqlDoubleList } from './sqlValues';
import { segments } from './vocabulary/segments';

/*
 * The closed loop's story, decided before churn and ratings are drawn: a
 * customer's first complaint (a negative after-service answer) is followed
 * up after their callback hours, or never; a quick callback makes later
 * decisions to leave likelier to be given up (generateChurn) and lifts
 * the ratings that follow for a few months (the response sources). The
 * cases themselves are written last, from the ratings (generateFollowups).
 */

/** Log-odds that an average branch follows up a consumer's negative ratings. */
const COVERAGE_LOG_ODDS = 1.2;
/** How much a branch's own habits, beyond its quality, move that log-odds. */
const COVERAGE_BRANCH_SIGMA = 0.9;
/** Median hours from a negative rating to reaching the customer at an average branch. */
const CALLBACK_MEDIAN_HOURS = 30;
const CALLBACK_BRANCH_SIGMA = 0.6;
const CALLBACK_CUSTOMER_SIGMA = 0.7;
/** Median hours from reaching the customer to closing the case. */
export const CLOSE_MEDIAN_HOURS = 18;
/**
 * Chance that a decision to leave, taken after a callback that came right
 * after the complaint, is given up; the effect of a callback (this and the
 * uplift) falls by e every RECOVERY_HOURS of delay.
 */
const WIN_BACK = 0.8;
const RECOVERY_HOURS = 48;
/**
 * Rise of the latent satisfaction of the ratings after a recovered
 * complaint; the goodwill fades by e every RECOVERY_MEMORY_DAYS.
 */
const RECOVERY_UPLIFT = 1.3;
const RECOVERY_MEMORY_DAYS = 90;

/**
 * How a branch follows up a customer's negative ratings, decided with the
 * customer (before churn and ratings are drawn, so both can depend on it):
 * the typical hours from a negative rating to reaching them, or null when
 * the branch never calls this customer back. Better branches cover more
 * and call back sooner, each branch also has habits of its own, and
 * account managers call business customers back more often. Reads the
 * columns customer_n, branch_n, quality and segment_n.
 */
export const callbackHoursSql = (random: RandomSource): string => {
  const priority = sqlAt(sqlDoubleList(segments.map((segment) => segment.followupPriority)), 'segment_n');
  const coverage = `1 / (1 + exp(-(${sqlDouble(COVERAGE_LOG_ODDS)} + 0.5 * quality
      + ${COVERAGE_BRANCH_SIGMA} * ${random.normal('branch/followup-coverage', 'branch_n')} + ${priority})))`;
  return `case
        when ${random.uniform('customer/followup-covered', 'customer_n')} < ${coverage}
            then ${sqlDouble(CALLBACK_MEDIAN_HOURS)}
                * exp(-0.3 * quality + ${CALLBACK_BRANCH_SIGMA} * ${random.normal('branch/followup-speed', 'branch_n')})
                * ${random.lognormal('customer/followup-speed', 'customer_n', 1, CALLBACK_CUSTOMER_SIGMA)}
    end`;
};

/** What a callback after `hours` is worth, from `scale` for an immediate one down to 0 for none. */
const callbackEffect = (scale: number, hours: string): string =>
  `coalesce(${sqlDouble(scale)} * exp(-(${hours}) / ${sqlDouble(RECOVERY_HOURS)}), 0)`;

/** Chance that the customer's callback averts a later decision to leave. */
export const winBackSql = (callbackHours: string): string => callbackEffect(WIN_BACK, callbackHours);

/** The rise of the latent satisfaction of the customer's ratings once their complaint was dealt with. */
export const recoveryUpliftSql = (callbackHours: string): string => callbackEffect(RECOVERY_UPLIFT, callbackHours);

/**
 * About when the customer's first complaint was dealt with: the complaining
 * answer, the callback and the case's closing (null without both).
 */
export const recoveredEpochSql = (complainedEpoch: string, callbackHours: string): string =>
  `${complainedEpoch} + round(3600 * (${callbackHours} + ${sqlDouble(CLOSE_MEDIAN_HOURS)}))::bigint`;

/**
 * The latent uplift of a rating given at `respondedEpoch`, read from the
 * customer's recovered_epoch and recovery_uplift (seed_customer_ends).
 */
export const afterRecoverySql = (respondedEpoch: string): string =>
  `coalesce(case when ${respondedEpoch} > recovered_epoch
        then recovery_uplift * exp((recovered_epoch - ${respondedEpoch}) / ${sqlDouble(RECOVERY_MEMORY_DAYS * 86_400)}) end, 0)`;
