import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier } from '../db/quoteIdentifier';
import { appendedRowsRelation, replacedRowsRelation } from '../load/appendDirectory';
import { contractTables } from '../load/contractRules';

/**
 * What an increment changed, as temp tables the incremental model rebuild
 * reads (incrementalModels.ts): per raw table the old and new version of
 * every row it touched; the branches it touched; and the contacts whose
 * fact row may change: those changed, those a changed rating is linked to
 * (before or after), their customers' contacts opened from one FCR window
 * before them on (FCR looks ahead across a customer's contacts), and every
 * contact of a changed branch.
 * Runs after appendDirectory merged the increment into the raw tables.
 */
export const createChangeSet = async (connection: DuckDBConnection): Promise<void> => {
  for (const table of contractTables) {
    await connection.run(
      `create or replace temp table ${quoteIdentifier(`changed_raw_${table}`)} as
       select * from ${replacedRowsRelation(table)} union all select * from ${appendedRowsRelation(table)}`
    );
  }
  await connection.run(`
    create or replace temp table previous_model_info as select * from model_info;
    create or replace temp table changed_branches as select distinct branch_id from changed_raw_branches;
    -- The ratings changed that the model held: replaced, or at a changed branch. Not the new ones, which it
    -- cannot hold: with no rating replaced and no branch changed, a fact's lookup of them reads nothing.
    create or replace temp table chg_old_response_ids as
      select response_id from ${replacedRowsRelation('responses')}
      union all
      select response_id from raw.responses where branch_id in (select branch_id from changed_branches);
    create or replace temp table changed_response_days as
      select distinct branch_id, responded_at::date as responded_date from changed_raw_responses;
    -- A contact's FCR counts its customer's contacts opened within the FCR window after it. A changed contact
    -- (its old or its new version) can change the FCR of its customer's contacts opened from one window
    -- before it; a changed rating, only the contact it is linked to; a changed branch, each of its contacts.
    -- What is rebuilt is every contact of such a customer from that time on, so that each rebuilt contact
    -- finds its whole window among the rebuilt: the customer's recent contacts, not their whole history,
    -- which lies in every row group of the facts.
    -- The contacts the raw table is read for, by id or branch: it is in the exports' order, so each is a
    -- scan of every contact; a changed contact is in changed_raw_interactions already.
    create or replace temp table chg_linked_interactions as
      select interaction_id, customer_id, opened_at from raw.interactions
      where interaction_id in (select interaction_id from changed_raw_responses where interaction_id is not null)
      union all
      select interaction_id, customer_id, opened_at from raw.interactions
      where branch_id in (select branch_id from changed_branches);
    create or replace temp table chg_interaction_customers as
      select customer_id, min(from_at) as from_at from (
        select customer_id, opened_at - to_days(getvariable('fcr_window_days')::integer) as from_at
          from changed_raw_interactions
        union all select customer_id, opened_at from chg_linked_interactions
      ) where customer_id is not null group by customer_id;
    set variable chg_customers_from = (select min(from_at) from chg_interaction_customers);
    -- Those customers' contacts from then on, found in fct_interactions as it was before the increment: it is
    -- in time order, and the earliest time bounds the scan (a constant DuckDB prunes row groups by), where
    -- the raw table would be read whole. A contact it lacks or holds otherwise is a changed one, old or new.
    create or replace temp table chg_interactions as
      select interaction_id, opened_at from changed_raw_interactions
      union all select interaction_id, opened_at from chg_linked_interactions
      union all select i.interaction_id, i.opened_at from fct_interactions as i
        join chg_interaction_customers as c on i.customer_id = c.customer_id and i.opened_at >= c.from_at
        where i.opened_at >= getvariable('chg_customers_from');
    create or replace temp table chg_interaction_ids as select distinct interaction_id from chg_interactions;
    -- The earliest of those contacts, old versions included: a constant bound on the time fct_interactions is
    -- ordered by, so that its scan skips the row groups before it (fct_interactions in incrementalModels.ts).
    set variable chg_interactions_from = (select min(opened_at) from chg_interactions);
    drop table chg_interactions;
  `);
};
