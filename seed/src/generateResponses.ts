import type { DuckDBConnection } from '@duckdb/node-api';
import type { RandomSource } from './randomSource';
import type { SeedPlan } from './seedPlan';
import { afterServiceResponses } from './responses/afterServiceResponses';
import { branchResponses, generateBranchDays } from './responses/branchResponses';
import { digitalResponses } from './responses/digitalResponses';
import { relationshipResponses } from './responses/relationshipResponses';
import { responseColumns } from './responses/responseColumns';
import { branchIdSql, interactionIdSql, responseIdSql } from './seedIds';
import { sqlTimestamp } from './sqlValues';

/**
 * Writes raw.responses from its four sources in one statement: after-service
 * CSAT/CES, relationship NPS, anonymous branch ratings and app/web stars.
 */
export const generateResponses = async (
  connection: DuckDBConnection,
  plan: SeedPlan,
  random: RandomSource
): Promise<void> => {
  await generateBranchDays(connection, plan, random);
  const columns = responseColumns.join(', ');
  const sources = [
    afterServiceResponses(plan, random),
    relationshipResponses(plan, random),
    branchResponses(plan, random),
    digitalResponses(plan, random),
  ];
  await connection.run(`
    insert into raw.responses (
        response_id, branch_id, customer_id, interaction_id, touchpoint, instrument, score, responded_at, comment
    )
    with all_responses as (
        ${sources.map((source) => `select ${columns} from (${source})`).join('\n        union all\n        ')}
    )
    select
        ${responseIdSql(plan, random, 'response_key')},
        ${branchIdSql(plan, 'branch_n')},
        customer_id,
        case when contact_key is not null then ${interactionIdSql(plan, random, 'contact_key')} end,
        touchpoint,
        instrument,
        score,
        ${sqlTimestamp('responded_epoch')},
        comment
    from all_responses
  `);
};
