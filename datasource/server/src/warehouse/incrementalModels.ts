/**
 * How an increment rebuilds a model table: only the rows it affects. Every
 * model not declared here is rebuilt whole after its inputs (its file run
 * again), which is always right and costs a full pass; a declared one has
 * its affected rows deleted and built again from its own SQL with its inputs
 * narrowed to what those rows are made of.
 *
 * Predicates read the change tables of changeSet.ts (`changed_raw_<table>`:
 * the old and the new version of every row the increment touched;
 * `chg_interaction_ids`; `changed_branches`) and `changed_<model>`: the old
 * and new rows of a model updated before this one.
 *
 * Rebuilt whole, and why: model_info (its as-of and version span all the
 * data); dim_customers, rel_cohort_retention, agg_customer_daily and
 * rel_branch_month (each holds every active customer's tenure or every
 * day or month up to the as-of, which moves with every increment);
 * fct_negative_ratings (each open case's overdue flag is relative to the
 * as-of); agg_followup_daily (read from it); the small reference and
 * catalog tables; and any model added later until it is declared here.
 */
export interface IncrementalModel {
  /** The model's rows to delete and build again, as a predicate over its columns (old rows and new). */
  affected: string;
  /** Inputs narrowed to what those rows are made of: relation read in the model's SQL -> predicate over its columns. */
  narrow: Record<string, string>;
}

const interactionIds = 'interaction_id in (select interaction_id from chg_interaction_ids)';
const changedResponseDays = `((branch_id, {day}) in (select branch_id, responded_at::date from changed_raw_responses)
  or branch_id in (select branch_id from changed_branches))`;
const changedInteractionDays = '(branch_id, {day}) in (select branch_id, opened_date from changed_fct_interactions)';

export const incrementalModels: Record<string, IncrementalModel> = {
  // A contact's FCR looks at its customer's other contacts on the topic, so
  // chg_interaction_ids holds every contact of a customer with a changed one.
  fct_interactions: {
    affected: interactionIds,
    narrow: { stg_interactions: interactionIds, stg_responses: interactionIds },
  },
  agg_interaction_daily: {
    affected: changedInteractionDays.replace('{day}', 'day'),
    narrow: { fct_interactions: changedInteractionDays.replace('{day}', 'opened_date') },
  },
  agg_response_daily: {
    affected: changedResponseDays.replace('{day}', 'day'),
    narrow: { fct_responses: changedResponseDays.replace('{day}', 'responded_date') },
  },
};
