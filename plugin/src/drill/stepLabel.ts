import { messages } from '../messages';
import type { DrillStep } from './drillPath';

/** A step's name in the breadcrumbs; a branch by its name when the panel's frames carry it. */
export const stepLabel = (step: DrillStep, branchNames: ReadonlyMap<string, string> = new Map()): string => {
  switch (step.kind) {
    case 'why':
      return messages.steps.why(branchNames.get(step.branchId) ?? step.branchId);
    case 'branch':
      return messages.steps.branch(branchNames.get(step.branchId) ?? step.branchId);
    case 'customer':
      return messages.steps.customer(step.customerId);
    case 'cohort':
      return messages.steps.cohort(step.cohortMonth);
    case 'day':
      return messages.steps.day(step.day);
    case 'followups':
      return messages.steps.followups(branchNames.get(step.branchId) ?? step.branchId);
    case 'touchpoint':
      return messages.steps.touchpoint(step.touchpoint);
  }
};
