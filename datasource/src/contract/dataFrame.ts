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

export const frameSchema = z.object({
  schema: z.object({
    refId: z.string().optional(),
    name: z.string().optional(),
    meta: z.record(z.string(), z.unknown()).optional(),
    fields: z.array(fieldSchema),
  }),
  data: z.object({ values: z.array(z.array(z.unknown())) }),
});

export type FieldJSON = z.infer<typeof fieldSchema>;
export type DataFrameJSON = z.infer<typeof frameSchema>;
