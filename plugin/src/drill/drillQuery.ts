import type { DrillKind } from '@touchpoint/contract/src/queryRequest';
import { QUERY_VERSION, type SavedDrillQuery } from '@touchpoint/contract/src/savedQuery';
import type { DrillStep } from './drillPath';

/** A step that is one drill query: every step but why, which is the branch's metrics beside the company's. */
export type DrillQueryStep = Exclude<DrillStep, { kind: 'why' }>;

/** The datasource's drill kind behind each step. */
export const drillKindOf: Record<DrillQueryStep['kind'], DrillKind> = {
  branch: 'branch_customers',
  customer: 'customer_interactions',
  cohort: 'cohort_customers',
  day: 'day_interactions',
  followups: 'branch_awaiting_followup',
  touchpoint: 'touchpoint_negative_ratings',
};

/**
 * The datasource query for a step, as a dashboard would save it. A cohort, a
 * day or a touchpoint is narrowed to the dashboard's branch when exactly one is selected,
 * so a cell clicked on one branch's dashboard lists that branch's customers.
 */
export const drillQuery = (step: DrillQueryStep, context: { branchId?: string; refId?: string }): SavedDrillQuery => {
  const base = {
    refId: context.refId ?? 'drill',
    version: QUERY_VERSION,
    kind: 'drill',
    drill: drillKindOf[step.kind],
  } satisfies Pick<SavedDrillQuery, 'refId' | 'version' | 'kind' | 'drill'>;
  const branch = context.branchId ? { branchId: context.branchId } : {};
  switch (step.kind) {
    case 'branch':
    case 'followups':
      return { ...base, branchId: step.branchId };
    case 'customer':
      return { ...base, customerId: step.customerId };
    case 'cohort':
      return { ...base, cohortMonth: step.cohortMonth, ...branch };
    case 'day':
      return { ...base, day: step.day, ...branch };
    case 'touchpoint':
      return { ...base, touchpoint: step.touchpoint, ...branch };
  }
};

/**
 * The one branch a dashboard variable selects, from its `csv` rendering:
 * nothing when the variable is missing (Grafana leaves `${branch:csv}` as
 * written), empty, All or several values.
 */
export const singleBranch = (csv: string): string | undefined =>
  csv === '' || csv.includes('$') || csv.includes(',') ? undefined : csv;
