import type { SeedOptions } from './seedOptions';

const DAY_SECONDS = 86_400;

/**
 * The sizes and key layouts every generator shares, derived once from the
 * options. Keys are integers built from a row's parents, so a draw keyed on
 * them does not depend on the order in which DuckDB produces rows.
 */
export interface SeedPlan {
  seed: number;
  scale: number;
  /** First day of the window, YYYY-MM-DD (inclusive). */
  windowStart: string;
  /** Day after the window, YYYY-MM-DD (exclusive): the --end option. */
  windowEnd: string;
  windowStartEpoch: number;
  windowEndEpoch: number;
  windowDays: number;
  /** ISO weekday of the first day minus one (0 = Monday). */
  firstWeekday: number;
  branchCount: number;
  customerCount: number;
  /** Issues per customer are capped so that issue keys fit their slot. */
  maxIssuesPerCustomer: number;
  /** Attempts (first contact plus repeats) per issue. */
  maxAttemptsPerIssue: number;
  /** Ratings per branch and day at a kiosk or QR code. */
  maxBranchRatingsPerDay: number;
  /** Ratings of one kind per customer (NPS surveys, app ratings). */
  maxCustomerRatings: number;
  /** Where each kind of response starts in the shared response key space. */
  responseKeyOffsets: Record<ResponseKind, number>;
  customerIdBits: number;
  interactionIdBits: number;
  responseIdBits: number;
}

/** Smallest b with 2^b >= n (at least 8, the smallest permutation). */
const bitsFor = (n: number): number => Math.max(8, Math.ceil(Math.log2(Math.max(n, 2))));

/** The same day three years earlier; 29 February falls back to the 28th. */
const threeYearsBefore = (end: Date): Date => {
  const start = new Date(Date.UTC(end.getUTCFullYear() - 3, end.getUTCMonth(), end.getUTCDate()));
  if (start.getUTCMonth() !== end.getUTCMonth()) {
    start.setUTCDate(0);
  }
  return start;
};

/**
 * The sources of responses. Each numbers its rows in its own key range, one
 * after the other, so response keys are unique and stay small enough for
 * short ids.
 */
export type ResponseKind = 'afterService' | 'relationship' | 'branch' | 'digital';

export const planSeed = (options: SeedOptions): SeedPlan => {
  const end = new Date(`${options.end}T00:00:00Z`);
  const start = threeYearsBefore(end);
  const windowStartEpoch = start.getTime() / 1000;
  const windowEndEpoch = end.getTime() / 1000;
  const windowDays = (windowEndEpoch - windowStartEpoch) / DAY_SECONDS;
  const branchCount = Math.max(3, Math.round(20 * options.scale));
  const customerCount = Math.max(branchCount, Math.round(50_000 * options.scale));
  const maxIssuesPerCustomer = 256;
  const maxAttemptsPerIssue = 4;
  const maxBranchRatingsPerDay = 1024;
  const maxCustomerRatings = 64;
  const contactKeys = customerCount * maxIssuesPerCustomer * maxAttemptsPerIssue;
  // after-service: a CSAT and a CES answer per contact; branch: ratings per
  // branch and day; relationship and digital: ratings per customer
  const keysPerKind: Array<[ResponseKind, number]> = [
    ['afterService', contactKeys * 2],
    ['relationship', customerCount * maxCustomerRatings],
    ['branch', branchCount * windowDays * maxBranchRatingsPerDay],
    ['digital', customerCount * maxCustomerRatings],
  ];
  const responseKeyOffsets = {} as Record<ResponseKind, number>;
  let responseKeys = 0;
  for (const [kind, keys] of keysPerKind) {
    responseKeyOffsets[kind] = responseKeys;
    responseKeys += keys;
  }
  return {
    seed: options.seed,
    scale: options.scale,
    windowStart: start.toISOString().slice(0, 10),
    windowEnd: options.end,
    windowStartEpoch,
    windowEndEpoch,
    windowDays,
    firstWeekday: (start.getUTCDay() + 6) % 7,
    branchCount,
    customerCount,
    maxIssuesPerCustomer,
    maxAttemptsPerIssue,
    maxBranchRatingsPerDay,
    maxCustomerRatings,
    responseKeyOffsets,
    customerIdBits: bitsFor(customerCount),
    interactionIdBits: bitsFor(contactKeys),
    responseIdBits: bitsFor(responseKeys),
  };
};
