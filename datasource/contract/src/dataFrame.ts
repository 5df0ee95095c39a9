import { z } from 'zod';

/**
 * Grafana's DataFrameJSON, the shape @grafana/data's dataFrameFromJSON reads:
 * a schema of typed fields and their values column by column.
 */
export const fieldTypes = ['time', 'number', 'string', 'boolean', 'other'] as const;
export type FieldType = (typeof fieldTypes)[number];

export const fieldSchema = z.object({
  name: z.string(),
  type: z.enum(fieldTypes),
  labels: z.record(z.string(), z.string()).optional(),
  config: z.record(z.string(), z.unknown()).optional(),
});

/** Grafana's QueryResultMeta, the parts the service sets. */
export const frameMetaSchema = z.looseObject({
  type: z.string().optional(),
  preferredVisualisationType: z.string().optional(),
  executedQueryString: z.string().optional(),
  notices: z.array(z.object({ severity: z.enum(['info', 'warning', 'error']), text: z.string() })).optional(),
  custom: z.record(z.string(), z.unknown()).optional(),
});

export const frameSchema = z.object({
  schema: z.object({
    refId: z.string().optional(),
    name: z.string().optional(),
    meta: frameMetaSchema.optional(),
    fields: z.array(fieldSchema),
  }),
  data: z.object({ values: z.array(z.array(z.unknown())) }),
});

export type FieldJSON = z.infer<typeof fieldSchema>;
export type DataFrameJSON = z.infer<typeof frameSchema>;
