/**
 * The columns of a journey-leak frame (`kind: 'journey'`), in order, after
 * the group's own columns (`touchpoint`, then each `groupBy` dimension, and
 * `branch_name` when grouped by branch). One definition for the service that
 * writes them and the panel that reads them.
 */
export const journeyColumns = [
  /** Position of the touchpoint in the model's journey order (1 = first). */
  'touchpoint_order',
  /** Ratings in the range at this touchpoint (named customers or not). */
  'ratings',
  /** Of those, negative: SLI points below 0 or an NPS detractor. */
  'negative_ratings',
  /** negative_ratings / ratings, %. */
  'negative_share',
  /** The SLI of the group's ratings. */
  'sli',
  /** Exposed customers (a negative rating in the group) and how many churned within the window. */
  'exposed_n',
  'exposed_churned',
  /** The other customers of the group and how many churned within the window. */
  'other_n',
  'other_churned',
  /** Churned shares, %. */
  'churn_after_negative',
  'churn_after_other',
  /** churn_after_negative - churn_after_other, percentage points, with Newcombe's 95% interval. */
  'churn_lift',
  'churn_lift_low',
  'churn_lift_high',
  /** exposed_n x max(churn_lift, 0) / 100. */
  'customers_at_risk',
  /** Customers whose reference time is within the churn window of the data's end (their churn is not yet known in full). */
  'incomplete_customers',
] as const;
export type JourneyColumn = (typeof journeyColumns)[number];
