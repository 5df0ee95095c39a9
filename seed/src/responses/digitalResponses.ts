import { isLeakingBranchSql } from '../appLeak';
import { afterRecoverySql } from '../followupPolicy';
import type { RandomSource } from '../randomSource';
import type { SeedPlan } from '../seedPlan';
import { sqlOrdinal, sqlPick } from '../sqlValues';
import { comments } from '../vocabulary/comments';
import { responseKeySql } from './responseColumns';

const YEAR_SECONDS = 365.25 * 86_400;
/** App and website ratings per active customer and year. */
const RATINGS_PER_YEAR = 1.15;
const STARS_CUTS = [-1.3, -0.6, 0.2, 1.05];
/**
 * A troubled app release: for a few weeks around 60% into the window app
 * ratings drop, a dip worth finding in a trend.
 */
const RELEASE_DIP_START = 0.6;
const RELEASE_DIP_DAYS = 45;
/** At a branch whose app leaks (appLeak.ts), its app rates this much lower on the latent scale. */
const LEAKING_APP_PENALTY = 0.4;

/**
 * Star ratings of the app and the website by signed-in customers (so the
 * customer is known), booked to their home branch. They depend little on
 * the branch and more on the customer's leniency and the app's releases,
 * and rise for a while after a callback on a complaint. At a branch whose
 * app leaks it rates lower, and a customer it failed rates it at once.
 */
export const digitalResponses = (plan: SeedPlan, random: RandomSource): string => {
  const dipStart = plan.windowStartEpoch + Math.round(RELEASE_DIP_START * plan.windowDays) * 86_400;
  const dipEnd = dipStart + RELEASE_DIP_DAYS * 86_400;
  return `
    with customers as (
        select
            customer_n, customer_id, branch_n, quality, leniency, recovered_epoch, recovery_uplift,
            greatest(started_epoch, ${plan.windowStartEpoch}) as active_from,
            coalesce(ended_epoch, ${plan.windowEndEpoch}) as active_to
        from seed_customer_ends
    ),
    ratings as (
        select
            *,
            unnest(range(least(
                ${plan.maxCustomerRatings - 1},
                floor((active_to - active_from) / ${YEAR_SECONDS} * ${RATINGS_PER_YEAR} + ${random.uniform('digital/count', 'customer_n')})
            )::integer)) as rating_n
        from customers
    ),
    keyed as (
        select *, customer_n::bigint * ${plan.maxCustomerRatings} + rating_n as rating_key
        from ratings
    ),
    drawn as (
        select
            *,
            ${random.uniform('digital/touchpoint', 'rating_key')} < 0.65 as is_app,
            active_from + floor(${random.uniform('digital/time', 'rating_key')} * (active_to - active_from))::bigint as responded_epoch
        from keyed
    ),
    rated as (
        select
            *,
            1.0 + 0.2 * quality + 0.5 * leniency
                - 1.1 * (is_app and responded_epoch >= ${dipStart} and responded_epoch < ${dipEnd})::integer
                - ${LEAKING_APP_PENALTY} * (is_app and ${isLeakingBranchSql('branch_n')})::integer
                + ${afterRecoverySql('responded_epoch')}
                + ${random.normal('digital/score', 'rating_key')} as latent
        from drawn
    ),
    scored as (
        select *, ${sqlOrdinal('latent', STARS_CUTS)} as score
        from rated
    )
    select
        ${responseKeySql(plan, 'digital', 'rating_key')} as response_key,
        branch_n,
        customer_id,
        null::bigint as contact_key,
        case when is_app then 'app' else 'web' end as touchpoint,
        'stars_5' as instrument,
        score::double as score,
        responded_epoch,
        case
            when ${random.uniform('digital/comment', 'rating_key')} >= 0.06 then null
            when score <= 2 then ${sqlPick(random.uniform('digital/comment-text', 'rating_key'), comments.digitalNegative)}
            when score >= 4 then ${sqlPick(random.uniform('digital/comment-text', 'rating_key'), comments.digitalPositive)}
        end as comment
    from scored
    union all
    -- the app failing a customer at a leaking branch: rated 1 or 2 stars at once, in the last key of their ratings
    select
        ${responseKeySql(plan, 'digital', `customer_n::bigint * ${plan.maxCustomerRatings} + ${plan.maxCustomerRatings - 1}`)},
        branch_n,
        customer_id,
        null::bigint,
        'app',
        'stars_5',
        (1 + (${random.uniform('app-leak/score', 'customer_n')} < 0.4)::integer)::double,
        app_failed_epoch,
        case when ${random.uniform('app-leak/comment', 'customer_n')} < 0.3
            then ${sqlPick(random.uniform('app-leak/comment-text', 'customer_n'), comments.digitalNegative)}
        end
    from seed_customer_ends
    where app_failed_epoch is not null
  `;
};
