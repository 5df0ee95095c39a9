import type { DuckDBConnection } from '@duckdb/node-api';
import { appFailureEpochSql, leaveAfterFailureEpochSql } from './appLeak';
import { recoveredEpochSql, recoveryUpliftSql, winBackSql } from './followupPolicy';
import type { RandomSource } from './randomSource';
import { complainingAnswerSql, surveyAnsweredEpochSql } from './responses/surveyAnswer';
import type { SeedPlan } from './seedPlan';
import { branchIdSql, customerIdSql } from './seedIds';
import { sqlStringList, sqlTimestamp } from './sqlValues';
import { segments } from './vocabulary/segments';

/**
 * Decides when each relationship ends and writes raw.customers. A customer
 * leaves at the earlier of the baseline end drawn with the customer and the
 * first contact that made them leave, so bad service (slow, unresolved,
 * repeated contacts, weak branches) shortens relationships; an end after
 * the window is no end yet. A customer whose first complaint was followed
 * up gives up a later decision to leave with a chance that is higher the
 * quicker the callback came. The work table seed_customer_ends keeps the
 * end, the customer's service record and when a callback after their first
 * complaint won them back, for the surveys and follow-ups that follow.
 * At a branch whose app leaks (appLeak.ts) some customers leave within
 * weeks of the app failing them; the work table keeps when it failed.
 */
export const generateChurn = async (
  connection: DuckDBConnection,
  plan: SeedPlan,
  random: RandomSource
): Promise<void> => {
  await connection.run(`
    create or replace temp table seed_customer_ends as
    with experience as (
        select
            customer_n,
            count(*)::integer as contacts,
            count_if(is_bad)::integer as bad_contacts
        from seed_contacts
        group by customer_n
    ),
    answers as (
        select
            t.*,
            c.quality,
            c.leniency,
            t.contact_key % ${plan.maxAttemptsPerIssue} > 0 as is_repeat,
            t.resolved_epoch is null as unresolved
        from seed_contacts as t
        join (select customer_n, quality, leniency from seed_customers) as c using (customer_n)
        where t.surveyed
    ),
    complaints as (
        -- the first survey answer below the midpoint: when a follow-up case opens
        select customer_n, min(${surveyAnsweredEpochSql(random)}) as complained_epoch
        from answers
        where ${complainingAnswerSql(random)}
        group by customer_n
    ),
    followed_up as (
        select c.customer_n, c.callback_hours, q.complained_epoch + round(3600 * c.callback_hours)::bigint as called_back_epoch
        from seed_customers as c
        join complaints as q using (customer_n)
        where c.callback_hours is not null
    ),
    service_ends as (
        -- a customer called back after their first complaint is often won
        -- back: a decision to leave after the callback is averted
        select t.customer_n, min(t.churn_epoch) as service_end_epoch
        from seed_contacts as t
        left join followed_up as f using (customer_n)
        where t.churn_epoch is not null
            and not coalesce(
                t.churn_epoch > f.called_back_epoch
                    and ${random.uniform('contact/won-back', 't.contact_key')} < ${winBackSql('f.callback_hours')},
                false
            )
        group by t.customer_n
    ),
    app_failures as (
        -- at a leaking branch the app fails some customers, and many of them leave soon after
        -- (unless a quick callback on the bad rating wins them back, as after a complaint)
        select
            customer_n,
            failed_epoch,
            case when not coalesce(${random.uniform('app-leak/won-back', 'customer_n')} < ${winBackSql('callback_hours')}, false)
                then ${leaveAfterFailureEpochSql(random, 'failed_epoch')}
            end as leave_epoch
        from (
            select customer_n, callback_hours, ${appFailureEpochSql(random, 'active_from_epoch', 'active_to_epoch')} as failed_epoch
            from seed_customers
        )
        where failed_epoch is not null
    ),
    ends as (
        select
            c.*,
            a.failed_epoch,
            coalesce(e.contacts, 0) as contacts,
            coalesce(e.bad_contacts, 0) as bad_contacts,
            q.complained_epoch,
            least(c.baseline_end_epoch, coalesce(s.service_end_epoch, c.baseline_end_epoch), coalesce(a.leave_epoch, c.baseline_end_epoch)) as end_epoch
        from seed_customers as c
        left join experience as e using (customer_n)
        left join complaints as q using (customer_n)
        left join service_ends as s using (customer_n)
        left join app_failures as a using (customer_n)
    )
    select
        customer_n,
        -- formatted once here, read by every table that refers to the customer
        ${customerIdSql(plan, random, 'customer_n')} as customer_id,
        branch_n, region_n, segment_n, quality, leniency, started_epoch, monthly_revenue, contacts, bad_contacts,
        case when end_epoch < ${plan.windowEndEpoch} then end_epoch end as ended_epoch,
        callback_hours,
        -- a customer called back after their first complaint rates better from then on
        ${recoveredEpochSql('complained_epoch', 'callback_hours')} as recovered_epoch,
        ${recoveryUpliftSql('callback_hours')}::float as recovery_uplift,
        -- the app's failure, when the customer was still there to rate it
        case when failed_epoch < end_epoch then failed_epoch end as app_failed_epoch
    from ends
  `);
  await connection.run(`
    insert into raw.customers (customer_id, branch_id, segment, started_at, ended_at, monthly_revenue)
    select
        customer_id,
        ${branchIdSql(plan, 'branch_n')},
        list_extract(${sqlStringList(segments.map((segment) => segment.name))}, segment_n + 1),
        ${sqlTimestamp('started_epoch')},
        ${sqlTimestamp('ended_epoch')},
        monthly_revenue
    from seed_customer_ends
  `);
};
