import type { RandomSource } from './randomSource';

/*
 * Where the journey leaks, planted: at some branches the app fails
 * customers (a booking lost, a login locked out), they rate it badly, and
 * many of them leave within weeks. At the other branches the app is the
 * same as anywhere. The journey view should find it: the app at those
 * branches costs customers, with an interval that excludes no effect.
 */

/** One branch in this many leaks through its app (branch_n 3, 10, 17, ...: at least one from scale 0.2). */
const LEAK_EVERY = 7;
const LEAK_OFFSET = 3;
/** App failures per active customer and year at a leaking branch (at most one per customer). */
const FAILURES_PER_YEAR = 0.15;
/** Chance that a customer the app failed leaves because of it. */
const LEAVE_SHARE = 0.4;
/** They leave between these many days after the failure. */
const LEAVE_AFTER_DAYS = [3, 80] as const;
const YEAR_SECONDS = 365.25 * 86_400;

/** Whether branch number `branchN` (0-based) leaks through its app. */
export const isLeakingBranch = (branchN: number): boolean => branchN % LEAK_EVERY === LEAK_OFFSET;

/** Whether the branch's app leaks, over a branch_n column. */
export const isLeakingBranchSql = (branchN: string): string => `(${branchN}) % ${LEAK_EVERY} = ${LEAK_OFFSET}`;

/**
 * When the app failed the customer, or null: over the customer's columns
 * customer_n and branch_n and their active span (`from`, `to`, epochs).
 */
export const appFailureEpochSql = (random: RandomSource, from: string, to: string): string => `
  case when ${isLeakingBranchSql('branch_n')}
      and ${random.uniform('app-leak/failed', 'customer_n')} < least(0.9, ${FAILURES_PER_YEAR} * (${to} - ${from}) / ${YEAR_SECONDS})
    then ${from} + floor(${random.uniform('app-leak/when', 'customer_n')} * (${to} - ${from}))::bigint
  end`;

/** When the customer leaves because the app failed them at `failedEpoch`, or null when they stay. */
export const leaveAfterFailureEpochSql = (random: RandomSource, failedEpoch: string): string => `
  case when ${random.uniform('app-leak/leaves', 'customer_n')} < ${LEAVE_SHARE}
    then ${failedEpoch} + round(86400 * (${LEAVE_AFTER_DAYS[0]} + ${random.uniform('app-leak/after', 'customer_n')} * ${LEAVE_AFTER_DAYS[1] - LEAVE_AFTER_DAYS[0]}))::bigint
  end`;
