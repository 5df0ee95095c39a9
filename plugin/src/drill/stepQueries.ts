import type { SavedQuery } from '@touchpoint/contract/src/savedQuery';
import type { DrillStep } from './drillPath';
import { drillQuery } from './drillQuery';
import { whyQueries } from './whyQueries';

/** A step's queries, sent as one request: the why step's comparisons, or the one drill query of any other step. */
export const stepQueries = (step: DrillStep, context: { branchId?: string }): SavedQuery[] =>
  step.kind === 'why' ? whyQueries(step.branchId) : [drillQuery(step, context)];
