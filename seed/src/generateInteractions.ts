import type { DuckDBConnection } from '@duckdb/node-api';
import type { RandomSource } from './randomSource';
import type { SeedPlan } from './seedPlan';
import { agentIdSql, branchIdSql, interactionIdSql } from './seedIds';
import { sqlStringList, sqlTimestamp } from './sqlValues';
import { channels } from './vocabulary/channels';
import { topics } from './vocabulary/topics';

/**
 * Writes raw.interactions: the contacts made before the customer left.
 * Closing an account closes its tickets, so nothing stays open, answered
 * or resolved after the relationship's end (DuckDB's least() skips nulls,
 * which is what closes a ticket that was still open).
 */
export const generateInteractions = async (
  connection: DuckDBConnection,
  plan: SeedPlan,
  random: RandomSource
): Promise<void> => {
  await connection.run(`
    insert into raw.interactions (
        interaction_id, customer_id, branch_id, channel, agent_id, topic,
        opened_at, first_response_at, resolved_at, handle_seconds
    )
    with kept as (
        select
            c.*,
            e.customer_id,
            e.ended_epoch
        from seed_contacts as c
        join seed_customer_ends as e using (customer_n)
        where e.ended_epoch is null or c.opened_epoch < e.ended_epoch
    )
    select
        ${interactionIdSql(plan, random, 'contact_key')},
        case when not anonymous then customer_id end,
        ${branchIdSql(plan, 'branch_n')},
        list_extract(${sqlStringList(channels.map((channel) => channel.name))}, channel_n + 1),
        case when agent_n is not null then ${agentIdSql(plan, 'branch_n', 'agent_n')} end,
        list_extract(${sqlStringList(topics.map((topic) => topic.name))}, topic_n + 1),
        ${sqlTimestamp('opened_epoch')},
        ${sqlTimestamp('case when ended_epoch is null or first_response_epoch is null then first_response_epoch else least(first_response_epoch, ended_epoch) end')},
        ${sqlTimestamp('case when ended_epoch is null then resolved_epoch else least(resolved_epoch, ended_epoch) end')},
        handle_seconds
    from kept
  `);
};
