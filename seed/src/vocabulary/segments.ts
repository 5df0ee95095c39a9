/**
 * Customer segments. The numbers are what makes a segment believable:
 * businesses pay more, contact more often and leave less readily.
 */
export interface Segment {
  name: string;
  /** Share of the customer base. */
  share: number;
  /** Median monthly revenue and lognormal spread. */
  revenueMedian: number;
  revenueSigma: number;
  /** Service issues a year for an average customer of the segment. */
  issuesPerYear: number;
  /** Churn a year that is not caused by service (moves, prices, needs). */
  baselineChurn: number;
  /** How strongly a bad contact pushes this segment towards leaving. */
  serviceSensitivity: number;
  /** Added to the log-odds that a negative rating of this segment is followed up (account managers call back). */
  followupPriority: number;
}

export const segments: readonly Segment[] = [
  {
    name: 'consumer',
    share: 0.8,
    revenueMedian: 45,
    revenueSigma: 0.55,
    issuesPerYear: 3.1,
    baselineChurn: 0.08,
    serviceSensitivity: 1.0,
    followupPriority: 0,
  },
  {
    name: 'small_business',
    share: 0.16,
    revenueMedian: 420,
    revenueSigma: 0.7,
    issuesPerYear: 6.6,
    baselineChurn: 0.07,
    serviceSensitivity: 0.8,
    followupPriority: 0.5,
  },
  {
    name: 'enterprise',
    share: 0.04,
    revenueMedian: 6500,
    revenueSigma: 0.9,
    issuesPerYear: 17,
    baselineChurn: 0.04,
    serviceSensitivity: 0.5,
    followupPriority: 1.2,
  },
];
