import { messages } from '../messages';
import type { DrillStep } from './drillPath';

/** A step's name in the breadcrumbs. */
export const stepLabel = (step: DrillStep): string => {
  switch (step.kind) {
    case 'branch':
      return messages.steps.branch(step.branchId);
    case 'customer':
      return messages.steps.customer(step.customerId);
    case 'cohort':
      return messages.steps.cohort(step.cohortMonth);
    case 'day':
      return messages.steps.day(step.day);
  }
};
