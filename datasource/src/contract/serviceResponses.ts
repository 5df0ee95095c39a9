import { z } from 'zod';
import { metricDefinitionSchema } from './metricDefinition';

/** GET /api/health */
export const healthSchema = z.object({
  status: z.literal('ok'),
  service: z.literal('touchpoint'),
  dataVersion: z.string(),
  version: z.string(),
  mappingVersion: z.string(),
  /** Latest event in the data (epoch ms): how fresh it is. */
  asOf: z.number().nullable(),
  firstEventAt: z.number().nullable(),
  loadedAt: z.number(),
  load: z.object({ running: z.number(), queued: z.number() }),
});

/** GET /api/catalog */
export const catalogResponseSchema = z.object({
  dataVersion: z.string(),
  metrics: z.array(metricDefinitionSchema),
  dimensions: z.array(z.string()),
  tables: z.array(
    z.object({
      schema: z.string(),
      table: z.string(),
      comment: z.string().nullable(),
      columns: z.array(z.object({ name: z.string(), type: z.string() })),
    }),
  ),
  macros: z.array(z.string()),
  drills: z.array(z.string()),
});

/** The body of every failed request, and of every failed query inside one. */
export const errorResponseSchema = z.object({ code: z.string(), message: z.string() });

export type Health = z.infer<typeof healthSchema>;
export type CatalogResponse = z.infer<typeof catalogResponseSchema>;
