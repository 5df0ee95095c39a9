import { quoteIdentifier, quoteLiteral } from '../db/quoteIdentifier';
import { appendedRowsRelation, replacedRowsRelation } from '../load/appendDirectory';
import { contractTables } from '../load/contractRules';
import type { RowPredicate } from './rowsWhere';

/**
 * How an increment rebuilds a model table: only the rows it affects. Every
 * model not declared here is rebuilt whole after its inputs (its file run
 * again), which is always right and costs a full pass; a declared one has
 * its affected rows deleted and built again from its own SQL with its inputs
 * narrowed to what those rows are made of.
 *
 * Predicates read the change tables of changeSet.ts (`changed_raw_<table>`:
 * the old and the new version of every row the increment touched;
 * `changed_response_days`; `chg_old_response_ids`,
 * `chg_interaction_ids`; `changed_branches`; `previous_model_info`, the
 * model_info before the increment), the temp tables of a model's own
 * prepare, and `changed_<model>`: the old and new version of each row a
 * model updated before this one changed (rows rebuilt equal to what they
 * were are left out). Where the rows to rebuild all lie after a known time
 * (`chg_interactions_from`, `chg_negative_from`, `chg_journey_from`), the
 * predicate also bounds the column the fact is stored in order of: a
 * constant DuckDB prunes row groups by, where a semi join alone reads every
 * column of every row. Rows found two ways, one bounded and one not (a
 * customer's whole history), are declared as alternatives, each its own
 * scan (rowsWhere.ts).
 *
 * Rebuilt whole, and why: model_info (its as-of spans all the data; its
 * version is read from model_versions, folded in place); the cohort tables,
 * agg_customer_daily and rel_branch_month (each holds every day or month up
 * to the as-of, which moves with every increment; they read what is kept
 * row by row, rel_customer_profile and the daily rollups, not the facts, so
 * rebuilding them costs the customers and branches, not the contacts and
 * ratings); the
 * small reference and catalog tables; and any model added later until it
 * is declared here (tests/model/incrementalEquivalence.test.ts compares
 * the result with a full build, so a declaration that misses rows fails it).
 */
export interface RebuiltRows {
  /** Statements run at the model's turn, before its rows are touched: temp tables the predicates read. */
  prepare?: string;
  /**
   * The model's rows to build again, as a predicate over its columns, read on the rows it holds before
   * the increment (those of new ids it cannot hold yet: the narrowed inputs build them); `{t}` names the
   * relation. Alternatives (any of which picks a row) are read as disjoint parts, each its own scan
   * (rowsWhere.ts).
   */
  affected: RowPredicate;
  /** Inputs narrowed to what those rows are made of: relation read in the model's SQL -> predicate over its columns. */
  narrow: Record<string, RowPredicate>;
  /**
   * Rows of a narrowed input that the model's own old rows already hold: relation -> a select over
   * `{previous}` (the affected rows as the model held them, updateModel.ts), which must not pick the rows
   * `narrow` reads of it. Its columns the input has are added by name to what `narrow` reads (the others,
   * the model's own, are left out: narrowedInputs.ts). It must give every column of the input the model
   * reads: one it lacks is null in those rows, and the rebuilt rows then differ from a full build's
   * (tests/model/incrementalEquivalence.test.ts).
   */
  kept?: Record<string, string>;
  /**
   * Narrowed staging views, each a projection of a raw table, whose rows to read include every row the
   * increment merged into that table (its new rows and those replacing old ones): those are read from the
   * rows it merged (appendedRowsRelation) through the view's select, where finding them among the raw
   * table's rows is a scan of its every key (10M contacts, 20M ratings at scale 20). `narrow` then picks
   * the others to read from the view, NO_OTHER_ROWS for none; a merged row it picks too is read once.
   */
  merged?: string[];
}

/**
 * A small model whose rows are folds that the change set updates in place
 * (a count, an XOR): its SQL would read every input row again. The table is
 * compared whole before and after for its changed rows.
 */
export interface FoldedRows {
  /** Statements that bring the table up to date from the change set. */
  fold: string;
}

export type IncrementalModel = RebuiltRows | FoldedRows;

/** Raised when incrementalModels.ts no longer fits a model's SQL: a build must not guess. */
export class IncrementalModelError extends Error {}

/** A narrowed input's predicate picking none of its rows: with `merged`, only the increment's are read. */
export const NO_OTHER_ROWS = 'false';

const interactionIds = 'interaction_id in (select interaction_id from chg_interaction_ids)';
// Branch-days as an equality semi join (exists), which DuckDB runs as a hash join: far faster than a row-value IN.
const branchDays = (relation: string, day: string) =>
  `exists (select 1 from ${relation} as c where c.branch_id = {t}.branch_id and c.${day} = {t}.{day})`;
const changedResponseDays = `(${branchDays('changed_response_days', 'responded_date')}
  or branch_id in (select branch_id from changed_branches))`;
const changedInteractionDays = branchDays('changed_fct_interactions', 'opened_date');

// A journey row copies its customer's segment and end beside the rating: the rows to rebuild are every rating
// of a customer whose row changed, and each rating whose fct_responses row changed. Two parts, not
// an `or`: a customer who left has ratings in every row group, while the changed ratings lie after the
// earliest of them (chg_journey_from), a bound that prunes the rest.
const journeyChangedCustomers = 'customer_id in (select customer_id from chg_journey_customers)';
const journeyChangedRatings =
  "responded_at >= getvariable('chg_journey_from') and response_id in (select response_id from changed_fct_responses)";
// A negative rating's row reads its case, the as-of (overdue) and its customer's ratings after the case closed
// (recovery). None of the rows to rebuild, and none they read, is older than chg_negative_from: a constant
// bound on the time the facts are ordered by, so a scan skips the row groups before it. A semi join alone
// reads every column the model uses of every row (20M ratings at scale 20) before it keeps a few.
const negativeRatings =
  "responded_at >= getvariable('chg_negative_from') and response_id in (select response_id from chg_negative_rows)";
const negativeRatingDays = branchDays('changed_fct_negative_ratings', 'responded_date');
const activityCustomers = 'customer_id in (select customer_id from chg_activity_customers)';
const profileCustomers = 'customer_id in (select customer_id from chg_profile_customers)';

export const incrementalModels: Record<string, IncrementalModel> = {
  // changed_raw_<table> holds each replaced row's old version and every new row: XORed in, the old
  // go out and the new come in. The XOR of no rows is null, as table_version gives for an empty table.
  model_versions: {
    fold: contractTables
      .map(
        (table) => `update model_versions
          set row_count = new.row_count,
            row_xor = case when new.row_count > 0 then xor(coalesce(model_versions.row_xor, 0), coalesce(changed.row_xor, 0)) end
          from (select count(*) as row_count from raw.${quoteIdentifier(table)}) as new,
            table_version(${quoteLiteral(`changed_raw_${table}`)}) as changed
          where table_name = ${quoteLiteral(table)};`
      )
      .join('\n'),
  },
  // The ratings to rebuild are the increment's (a replaced one's id is its replacement's), read from the rows
  // it merged, and every rating of a changed branch, found by branch. The model's old rows are found with one
  // semi join, not an `or` of two (which reads every row of every column), among the ratings it held only:
  // none when no rating was replaced and no branch changed.
  fct_responses: {
    affected: 'response_id in (select response_id from chg_old_response_ids)',
    narrow: { stg_responses: 'branch_id in (select branch_id from changed_branches)' },
    merged: ['stg_responses'],
  },
  // A contact's FCR looks at its customer's other contacts on the topic, so
  // chg_interaction_ids holds every contact of a customer from one FCR window before a changed one on (changeSet.ts).
  fct_interactions: {
    affected: `opened_at >= getvariable('chg_interactions_from') and ${interactionIds}`,
    // Of the contacts, only the increment's are read as loaded, from the rows it merged: the others to rebuild
    // are the fact's old rows, which hold each contact's raw columns as they were loaded. Found again in
    // raw.interactions by id, they lie in every row group of a table in the exports' order (the seed's by
    // id, unrelated to time): a scan of 10M contacts, 0.9 s of the rebuild's 2.0 s at scale 20.
    narrow: { stg_interactions: NO_OTHER_ROWS, stg_responses: interactionIds },
    merged: ['stg_interactions'],
    kept: {
      stg_interactions:
        'select * from {previous} where interaction_id not in (select interaction_id from changed_raw_interactions)',
    },
  },
  agg_interaction_daily: {
    affected: changedInteractionDays.replace('{day}', 'day'),
    narrow: { fct_interactions: changedInteractionDays.replace('{day}', 'opened_date') },
  },
  fct_journey_ratings: {
    // A replaced customer whose row changed (the journey copies some of its columns: which ones is the
    // model's to say, not this list's); a new one has no rating the model held (a rating's customer is
    // checked to exist), and its ratings in the increment are among fct_responses' changed rows.
    prepare: `
      create or replace temp table chg_journey_customers as
        select customer_id from (
          select * from ${replacedRowsRelation('customers')} except select * from ${appendedRowsRelation('customers')}
        );
      set variable chg_journey_from = (select min(responded_at) from changed_fct_responses);`,
    affected: [journeyChangedCustomers, journeyChangedRatings],
    // Of fct_responses only the changed ratings are read. The other ratings of a customer whose row changed
    // are the journey's old rows without the customer's columns: found again among 20M ratings by customer,
    // they cost a scan of every rating's customer.
    narrow: { fct_responses: journeyChangedRatings },
    kept: {
      fct_responses: `select * from {previous}
        where ${journeyChangedCustomers} and response_id not in (select response_id from changed_fct_responses)`,
    },
  },
  fct_negative_ratings: {
    // The negatives that change themselves: a changed rating or case, a changed branch, and the overdue flag
    // the move of the as-of flips (due between the old and the new as-of); each found among the model's own
    // rows (2M at scale 20), not among every rating.
    // A negative's recovery reads its customer's ratings after its case closed, within the recovery window:
    // a changed rating changes the recovery of the customer's negatives closed within a window before it.
    // What is rebuilt is each such customer's ratings from the earliest of those negatives on (cases close
    // after their rating), so that every rebuilt negative finds its whole window among the rebuilt: a
    // customer's recent ratings, not their whole history.
    prepare: `
      create or replace temp table chg_negative_ids as
        select response_id from changed_raw_responses
        union select response_id from changed_raw_followups
        union select response_id from fct_negative_ratings where branch_id in (select branch_id from changed_branches)
        union select response_id from fct_negative_ratings, model_info m, previous_model_info p
          where sla_due_at >= least(m.as_of, p.as_of) and sla_due_at < greatest(m.as_of, p.as_of);
      create or replace temp table chg_negative_customers as
        with changed_ratings as (
          select customer_id, min(responded_at) as changed_from from changed_raw_responses
          where customer_id is not null group by customer_id
        )
        select customer_id, min(from_at) as from_at from (
          select customer_id, responded_at as from_at from fct_negative_ratings
            where response_id in (select response_id from chg_negative_ids)
          union all select customer_id, responded_at from changed_raw_responses
          union all select n.customer_id, n.responded_at from fct_negative_ratings as n
            join changed_ratings as c on n.customer_id = c.customer_id
              and n.closed_at >= c.changed_from - to_days(getvariable('recovery_window_days')::integer)
        ) where customer_id is not null group by customer_id;
      create or replace temp table chg_negative_rows as
        select response_id from chg_negative_ids
        union all select r.response_id from fct_responses as r
          join chg_negative_customers as c on r.customer_id = c.customer_id and r.responded_at >= c.from_at;
      set variable chg_negative_from = (select min(from_at) from (
        select from_at from chg_negative_customers
        union all select responded_at from changed_raw_responses
        union all select responded_at from fct_negative_ratings where response_id in (select response_id from chg_negative_ids)
      ));`,
    affected: negativeRatings,
    narrow: { fct_responses: negativeRatings },
  },
  // A customer's sums read only their own contacts and ratings: those of a changed one, old or new.
  rel_customer_activity: {
    prepare: `
      create or replace temp table chg_activity_customers as
        select customer_id from changed_fct_interactions where customer_id is not null
        union select customer_id from changed_fct_responses where customer_id is not null;`,
    affected: activityCustomers,
    narrow: { fct_interactions: activityCustomers, fct_responses: activityCustomers },
  },
  // A customer's profile reads their own raw row, their activity and their branch's region: those of a
  // changed customer, of one whose activity changed, and every customer of a changed branch.
  rel_customer_profile: {
    prepare: `
      create or replace temp table chg_profile_customers as
        select customer_id from changed_raw_customers
        union select customer_id from changed_rel_customer_activity
        union select customer_id from raw.customers where branch_id in (select branch_id from changed_branches);`,
    affected: profileCustomers,
    narrow: { stg_customers: profileCustomers, rel_customer_activity: profileCustomers },
  },
  agg_followup_daily: {
    affected: negativeRatingDays.replace('{day}', 'day'),
    narrow: { fct_negative_ratings: negativeRatingDays.replace('{day}', 'responded_date') },
  },
  agg_response_daily: {
    affected: changedResponseDays.replace('{day}', 'day'),
    narrow: { fct_responses: changedResponseDays.replace('{day}', 'responded_date') },
  },
};
