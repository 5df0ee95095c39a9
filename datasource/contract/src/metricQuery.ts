import { z } from 'zod';

export const intervals = ['day', 'week', 'month'] as const;
export type Interval = (typeof intervals)[number];

/** What a metric query kind may ask for: a bucket, or `auto` for the one that fits the panel's interval. */
export const requestIntervals = ['auto', ...intervals] as const;
export type RequestInterval = (typeof requestIntervals)[number];

/** What a whole-range metric can be set beside: the same metric over the equally long period just before. */
export const metricComparisons = ['previous_period'] as const;
export type MetricComparison = (typeof metricComparisons)[number];

/** A request for one catalog metric: the shape of the service's `metric` query kind. */
export const metricQuerySchema = z.object({
  metric: z.string().min(1),
  groupBy: z.array(z.string().min(1)).default([]),
  interval: z.enum(intervals).optional(),
  filters: z.record(z.string(), z.array(z.string())).default({}),
  /** Adds previous, previous_n and change to a whole-range result (no interval). */
  compare: z.enum(metricComparisons).optional(),
});

export type MetricQuery = z.infer<typeof metricQuerySchema>;
export type MetricQueryInput = z.input<typeof metricQuerySchema>;
