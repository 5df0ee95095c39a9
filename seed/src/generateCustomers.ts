import type { DuckDBConnection } from '@duckdb/node-api';
import { callbackHoursSql } from './followupPolicy';
import { issueAcceptance } from './generateContacts';
import type { RandomSource } from './randomSource';
import type { SeedPlan } from './seedPlan';
import { sqlAt, sqlDouble, sqlDoubleList, sqlWeightedIndex } from './sqlValues';
import { segments } from './vocabulary/segments';

const YEAR_SECONDS = 365.25 * 86_400;
/** Share of the customers who were already customers when the window opens. */
const EXISTING_SHARE = 0.62;
/** Longest tenure of an existing customer at the window's start. */
const MAX_TENURE_YEARS = 12;
/** Spread of how often customers of one segment need service. */
const ISSUE_RATE_SIGMA = 0.6;
/** Share of customers whose revenue the CRM does not know. */
const UNKNOWN_REVENUE_SHARE = 0.012;

/**
 * The customers before churn (work table seed_customers): home branch,
 * segment, start, revenue, a personal leniency in ratings, how often they
 * need service, and how their branch follows up their complaints. The end
 * of the relationship is decided later, from the service they get
 * (generateChurn), so only the churn that service cannot explain is drawn
 * here: a baseline exponential end, lower at good branches.
 */
export const generateCustomers = async (
  connection: DuckDBConnection,
  plan: SeedPlan,
  random: RandomSource
): Promise<void> => {
  const segmentOf = (column: string, pick: (segment: (typeof segments)[number]) => number) =>
    sqlAt(sqlDoubleList(segments.map(pick)), column);
  const windowSeconds = plan.windowEndEpoch - plan.windowStartEpoch;
  const acceptance = issueAcceptance();
  await connection.run(`
    create or replace temp table seed_customers as
    with expanded as (
        select branch_n, region_n, quality, agent_count, unnest(range(customer_lo, customer_hi))::integer as customer_n
        from seed_branches
    ),
    drawn as (
        select
            *,
            ${random.uniform('customer/segment', 'customer_n')} as u_segment,
            ${random.uniform('customer/existing', 'customer_n')} as u_existing,
            ${random.uniform('customer/start', 'customer_n')} as u_start,
            ${random.uniform('customer/issues', 'customer_n')} as u_issues
        from expanded
    ),
    segmented as (
        select *, ${sqlWeightedIndex(
          'u_segment',
          segments.map((segment) => segment.share)
        )}::utinyint as segment_n
        from drawn
    ),
    started as (
        select
            *,
            case
                when u_existing < ${EXISTING_SHARE}
                    -- tenures skew short: many recent customers, a long tail of loyal ones
                    then ${plan.windowStartEpoch} - 86400 - floor(pow(u_start, 1.6) * ${MAX_TENURE_YEARS * YEAR_SECONDS})::bigint
                -- acquisitions grow over the window
                else ${plan.windowStartEpoch} + floor(pow(u_start, 0.85) * ${windowSeconds})::bigint
            end as started_epoch,
            -- a service-independent yearly churn hazard, higher at weak branches
            -ln(1 - ${segmentOf('segment_n', (segment) => segment.baselineChurn)}) * exp(-0.3 * quality) as baseline_hazard
        from segmented
    ),
    ended as (
        select
            *,
            greatest(started_epoch, ${plan.windowStartEpoch})
                + floor(${random.exponential('customer/baseline-end', 'customer_n', `${YEAR_SECONDS} / baseline_hazard`)})::bigint
                as baseline_end_epoch
        from started
    ),
    active as (
        select
            *,
            greatest(started_epoch, ${plan.windowStartEpoch}) as active_from_epoch,
            least(baseline_end_epoch, ${plan.windowEndEpoch}) as active_to_epoch
        from ended
    )
    select
        customer_n,
        branch_n,
        region_n,
        agent_count,
        quality,
        segment_n,
        started_epoch,
        baseline_end_epoch,
        case
            when ${random.uniform('customer/revenue-unknown', 'customer_n')} < ${UNKNOWN_REVENUE_SHARE} then null
            else round(
                ${segmentOf('segment_n', (segment) => segment.revenueMedian)}
                * exp(${segmentOf('segment_n', (segment) => segment.revenueSigma)} * ${random.normal('customer/revenue', 'customer_n')}),
                2
            )::decimal(18, 2)
        end as monthly_revenue,
        -- how kindly this customer rates, whatever happens
        ${random.normal('customer/leniency', 'customer_n')}::float as leniency,
        -- how the branch follows up this customer's negative ratings
        (${callbackHoursSql(random)})::float as callback_hours,
        active_from_epoch,
        active_to_epoch,
        ((active_from_epoch - ${plan.windowStartEpoch}) // 86400)::integer as from_day,
        ((active_to_epoch - ${plan.windowStartEpoch} + 86399) // 86400)::integer as to_day,
        -- issues to draw: the rate times the active years, randomly rounded,
        -- and enough extra dates for the calendar thinning to reject
        least(
            ${plan.maxIssuesPerCustomer - 1},
            floor(
                ${segmentOf('segment_n', (segment) => segment.issuesPerYear)}
                * ${random.lognormal('customer/issue-rate', 'customer_n', Math.exp((-ISSUE_RATE_SIGMA * ISSUE_RATE_SIGMA) / 2), ISSUE_RATE_SIGMA)}
                * exp(-0.15 * quality)
                * greatest(active_to_epoch - active_from_epoch, 0) / ${YEAR_SECONDS}
                / ${sqlDouble(acceptance)}
                + u_issues
            )
        )::integer as issue_candidates
    from active
  `);
};
