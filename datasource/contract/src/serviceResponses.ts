import { z } from 'zod';
import { metricDefinitionSchema } from './metricDefinition';

/** A file at the warehouse path that could not be served, and why. */
export const refusedFileSchema = z.object({
  reason: z.string(),
  /** When it was first refused (epoch ms). */
  since: z.number(),
  /** The refused file's size and modification time, to tell it from the next one; absent when the file is missing. */
  size: z.number().optional(),
  modifiedAt: z.number().optional(),
});

/** What the watcher of the warehouse file saw. */
export const watchStatusSchema = z.object({
  /** When the file was last looked at (epoch ms); older than a few intervals means the watcher is stuck. */
  checkedAt: z.number(),
  watchIntervalMs: z.number(),
  /** New files served since the service started. */
  swaps: z.number(),
  /** Set while the file at the warehouse path cannot be served; the previous data is served meanwhile. */
  problem: refusedFileSchema.nullable(),
});

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
  /** Queries running and waiting, and what the watcher of the warehouse file saw. */
  load: z.object({ running: z.number(), queued: z.number() }).extend(watchStatusSchema.shape),
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
    })
  ),
  macros: z.array(z.string()),
  drills: z.array(z.string()),
});

/** The body of every failed request, and of every failed query inside one. */
export const errorResponseSchema = z.object({ code: z.string(), message: z.string() });

export type Health = z.infer<typeof healthSchema>;
export type RefusedFile = z.infer<typeof refusedFileSchema>;
export type WatchStatus = z.infer<typeof watchStatusSchema>;
export type CatalogResponse = z.infer<typeof catalogResponseSchema>;
