import { FieldType, type DataFrame, type Field } from '@grafana/data';
import { z } from 'zod';
import { bandSchema, metricLevels } from '@touchpoint/contract/src/metricDefinition';

/** What the service puts in a metric value field's config.custom (metricFrames.ts). */
const metricCustomSchema = z.object({
  metric: z.string(),
  level: z.enum(metricLevels),
  direction: z.enum(['higher_is_better', 'lower_is_better', 'neutral']).catch('neutral'),
  goal: z.number().nullable().catch(null),
  bands: z.array(bandSchema).catch([]),
});

export interface MetricInfo extends z.infer<typeof metricCustomSchema> {
  label: string;
  unit?: string;
  decimals?: number;
  min?: number;
  max?: number;
}

/** The catalog metric a number field carries, or undefined for any other field. */
export const metricInfo = (field: Field): MetricInfo | undefined => {
  if (field.type !== FieldType.number) {
    return undefined;
  }
  const custom = metricCustomSchema.safeParse(field.config.custom);
  if (!custom.success) {
    return undefined;
  }
  const { displayName, unit, decimals, min, max } = field.config;
  return {
    ...custom.data,
    label: displayName ?? custom.data.metric,
    unit,
    decimals: decimals ?? undefined,
    min: min ?? undefined,
    max: max ?? undefined,
  };
};

/** A frame's metric value field and what it measures. */
export const metricFieldOf = (frame: DataFrame): { field: Field; info: MetricInfo } | undefined => {
  for (const field of frame.fields) {
    const info = metricInfo(field);
    if (info) {
      return { field, info };
    }
  }
  return undefined;
};

export const fieldNamed = (frame: DataFrame, name: string): Field | undefined =>
  frame.fields.find((field) => field.name === name);

export const numberAt = (field: Field | undefined, index: number): number | null => {
  const value: unknown = field?.values[index];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
};

export const stringAt = (field: Field | undefined, index: number): string | undefined => {
  const value: unknown = field?.values[index];
  return value === null || value === undefined ? undefined : String(value);
};

/** Freshness and minimum n the service stamps on metric frames (meta.custom). */
const frameCustomSchema = z.object({ asOf: z.number().nullable().optional(), minN: z.number().optional() });

export const frameStamp = (frames: DataFrame[]): { asOf?: number; minN?: number } => {
  for (const frame of frames) {
    const custom = frameCustomSchema.safeParse(frame.meta?.custom);
    if (custom.success && (custom.data.asOf || custom.data.minN)) {
      return { asOf: custom.data.asOf ?? undefined, minN: custom.data.minN };
    }
  }
  return {};
};
