import { z } from 'zod';

/**
 * Grafana's "Value options" of its single-value panels (stat, bar gauge):
 * one value per field reduced by `calcs`, or every row with `values`, with
 * the defaults Grafana's `addStandardDataReduceOptions` gives.
 */
export const reduceOptionsSchema = z.object({
  values: z.boolean().default(false),
  calcs: z.array(z.string()).default(['lastNotNull']),
  fields: z.string().default(''),
  limit: z.number().int().positive().optional(),
});
