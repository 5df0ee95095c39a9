import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier } from '../db/quoteIdentifier';
import { appendedIdsRelation, replacedRowsRelation } from '../load/appendDirectory';
import { contractTables, tableRules } from '../load/contractRules';

/**
 * What an increment changed, as temp tables the incremental model rebuild
 * reads (incrementalModels.ts): per raw table the old and new version of
 * every row it touched; the branches it touched; and the contacts whose
 * fact row may change: those changed, those a changed rating is linked to
 * (before or after), every contact of their customers (FCR looks across a
 * customer's contacts), and every contact of a changed branch.
 * Runs after appendDirectory merged the increment into the raw tables.
 */
export const createChangeSet = async (connection: DuckDBConnection): Promise<void> => {
  for (const table of contractTables) {
    const key = quoteIdentifier(tableRules[table].key);
    await connection.run(
      `create or replace temp table ${quoteIdentifier(`changed_raw_${table}`)} as
       select * from ${replacedRowsRelation(table)}
       union all
       select * from raw.${quoteIdentifier(table)} where ${key} in (select ${key} from ${appendedIdsRelation(table)})`
    );
  }
  await connection.run(`
    create or replace temp table previous_model_info as select * from model_info;
    create or replace temp table changed_branches as select distinct branch_id from changed_raw_branches;
    -- The ratings the model held that changed: replaced, or at a changed branch. Not the new ones, which it
    -- cannot hold: with no rating replaced and no branch changed, a fact's lookup of them reads nothing.
    -- The ratings changed, and every rating of a changed branch (one list of ids, read with one semi join).
    create or replace temp table chg_response_ids as
      select response_id from changed_raw_responses
      union all
      select response_id from raw.responses where branch_id in (select branch_id from changed_branches);
    create or replace temp table chg_old_response_ids as
      select response_id from ${replacedRowsRelation('responses')}
      union all
      select response_id from raw.responses where branch_id in (select branch_id from changed_branches);
    create or replace temp table changed_response_days as
      select distinct branch_id, responded_at::date as responded_date from changed_raw_responses;
    create or replace temp table chg_seed_interactions as
      select interaction_id from changed_raw_interactions
      union select interaction_id from changed_raw_responses where interaction_id is not null;
    create or replace temp table chg_interaction_customers as
      select distinct customer_id from raw.interactions
      where interaction_id in (select interaction_id from chg_seed_interactions) and customer_id is not null
      union select customer_id from changed_raw_interactions where customer_id is not null;
    create or replace temp table chg_interaction_ids as
      select interaction_id from raw.interactions
      where interaction_id in (select interaction_id from chg_seed_interactions)
         or customer_id in (select customer_id from chg_interaction_customers)
         or branch_id in (select branch_id from changed_branches);
  `);
};
