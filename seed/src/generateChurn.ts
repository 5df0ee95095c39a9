import type { DuckDBConnection } from '@duckdb/node-api';
import type { RandomSource } from './randomSource';
import type { SeedPlan } from './seedPlan';
import { branchIdSql, customerIdSql } from './seedIds';
import { sqlStringList, sqlTimestamp } from './sqlValues';
import { segments } from './vocabulary/segments';

/**
 * Decides when each relationship ends and writes raw.customers. A customer
 * leaves at the earlier of the baseline end drawn with the customer and the
 * first contact that made them leave, so bad service (slow, unresolved,
 * repeated contacts, weak branches) shortens relationships; an end after
 * the window is no end yet. The work table seed_customer_ends keeps the
 * end and the customer's service record for the surveys that follow.
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
            count_if(is_bad)::integer as bad_contacts,
            min(churn_epoch) as service_end_epoch
        from seed_contacts
        group by customer_n
    ),
    ends as (
        select
            c.*,
            coalesce(e.contacts, 0) as contacts,
            coalesce(e.bad_contacts, 0) as bad_contacts,
            least(c.baseline_end_epoch, coalesce(e.service_end_epoch, c.baseline_end_epoch)) as end_epoch
        from seed_customers as c
        left join experience as e using (customer_n)
    )
    select
        customer_n,
        -- formatted once here, read by every table that refers to the customer
        ${customerIdSql(plan, random, 'customer_n')} as customer_id,
        branch_n, region_n, segment_n, quality, leniency, started_epoch, monthly_revenue, contacts, bad_contacts,
        case when end_epoch < ${plan.windowEndEpoch} then end_epoch end as ended_epoch
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
