import { z } from 'zod';
import { metricQuerySchema, requestIntervals } from './metricQuery';
import { variablesSchema } from './variables';
import { frameSchema } from './dataFrame';

/** Epoch ms as Grafana sends it (a number or a numeric string), or an ISO 8601 time. */
const instantSchema = z.union([z.number(), z.string().min(1)]).transform((value, ctx) => {
  const ms = typeof value === 'number' ? value : /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  if (!Number.isFinite(ms)) {
    ctx.addIssue({ code: 'custom', message: `not a time: ${String(value)} (epoch milliseconds or ISO 8601)` });
    return z.NEVER;
  }
  return ms;
});

const baseQuery = {
  refId: z.string().min(1).max(64),
  hide: z.boolean().optional(),
  variables: variablesSchema.default({}),
};

export const queryFormats = ['table', 'time_series'] as const;

export const sqlQuerySchema = z.object({
  ...baseQuery,
  kind: z.literal('sql'),
  sql: z.string().trim().min(1).max(100_000),
  format: z.enum(queryFormats).default('table'),
});

export const metricKindQuerySchema = metricQuerySchema.extend({
  ...baseQuery,
  kind: z.literal('metric'),
  interval: z.enum(requestIntervals).optional(),
});

export const drillKinds = [
  'branch_customers',
  'customer_interactions',
  'cohort_customers',
  'day_interactions',
  'branch_awaiting_followup',
  'touchpoint_negative_ratings',
] as const;
export type DrillKind = (typeof drillKinds)[number];
export const drillParameterNames = ['branchId', 'customerId', 'cohortMonth', 'day', 'channel', 'touchpoint'] as const;
export type DrillParameter = (typeof drillParameterNames)[number];

/** What each drill needs and what narrows it further; the service checks `needs`, the editor shows both. */
export const drillParameters: Record<DrillKind, { needs: DrillParameter[]; optional: DrillParameter[] }> = {
  branch_customers: { needs: ['branchId'], optional: [] },
  customer_interactions: { needs: ['customerId'], optional: [] },
  cohort_customers: { needs: ['cohortMonth'], optional: ['branchId'] },
  day_interactions: { needs: ['day'], optional: ['branchId', 'channel'] },
  branch_awaiting_followup: { needs: ['branchId'], optional: [] },
  touchpoint_negative_ratings: { needs: ['touchpoint'], optional: ['branchId'] },
};

export const drillQuerySchema = z.object({
  ...baseQuery,
  kind: z.literal('drill'),
  drill: z.enum(drillKinds),
  branchId: z.string().min(1).optional(),
  customerId: z.string().min(1).optional(),
  /** First day of the cohort's month, YYYY-MM-DD. */
  cohortMonth: z
    .string()
    .regex(/^\d{4}-\d{2}(-\d{2})?$/)
    .optional(),
  /** A UTC day, YYYY-MM-DD. */
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  channel: z.string().min(1).optional(),
  touchpoint: z.string().min(1).optional(),
  limit: z.number().int().positive().max(10_000).default(500),
});

/** What a journey-leak query may group by besides the touchpoint, which it always has. */
export const journeyDimensions = ['branch_id', 'region', 'segment'] as const;
export type JourneyDimension = (typeof journeyDimensions)[number];

/**
 * Where the journey leaks (metrics.md): per touchpoint (and optionally
 * branch, region, segment) over the range, churn after a negative rating
 * against churn after others, with its interval and customers at risk.
 * One table frame, one row per group; see `journeyColumns`.
 */
export const journeyQuerySchema = z.object({
  ...baseQuery,
  kind: z.literal('journey'),
  groupBy: z.array(z.enum(journeyDimensions)).default([]),
  filters: z.partialRecord(z.enum(journeyDimensions), z.array(z.string().min(1))).default({}),
});

export const querySchema = z.discriminatedUnion('kind', [
  sqlQuerySchema,
  metricKindQuerySchema,
  drillQuerySchema,
  journeyQuerySchema,
]);

export const queryRequestSchema = z
  .object({
    from: instantSchema,
    to: instantSchema,
    intervalMs: z.number().positive().optional(),
    maxDataPoints: z.number().int().positive().optional(),
    queries: z.array(z.unknown()).min(1).max(50),
  })
  .refine((r) => r.from < r.to, { message: '"from" must be before "to"', path: ['from'] });

export type SqlQuery = z.infer<typeof sqlQuerySchema>;
export type MetricKindQuery = z.infer<typeof metricKindQuerySchema>;
export type DrillQuery = z.infer<typeof drillQuerySchema>;
export type JourneyQuery = z.infer<typeof journeyQuerySchema>;
export type Query = z.infer<typeof querySchema>;
export type QueryRequest = z.infer<typeof queryRequestSchema>;

export const queryResultSchema = z.object({
  frames: z.array(frameSchema),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  truncated: z.boolean().optional(),
});
export const queryResponseSchema = z.object({ results: z.record(z.string(), queryResultSchema) });

export type QueryResult = z.infer<typeof queryResultSchema>;
export type QueryResponse = z.infer<typeof queryResponseSchema>;
