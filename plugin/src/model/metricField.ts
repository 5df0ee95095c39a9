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

/** The catalog metric a number field carries in full, or undefined for any other field. */
export const metricInfo = (field: Field): MetricInfo | undefined => {
  if (field.type !== FieldType.number) {
    return undefined;
  }
  const custom = metricCustomSchema.safeParse(field.config.custom);
  return custom.success ? withDrawnConfig(custom.data, field) : undefined;
};

const withDrawnConfig = (custom: z.infer<typeof metricCustomSchema>, field: Field): MetricInfo => {
  const { displayName, unit, decimals, min, max } = field.config;
  return {
    ...custom,
    label: displayName ?? custom.metric,
    unit,
    decimals: decimals ?? undefined,
    min: min ?? undefined,
    max: max ?? undefined,
  };
};

/** A series after an answer's first names its metric only (the service's metricSeriesConfig). */
const namedOnlySchema = z.object({ metric: z.string() });

/** The details of a metric a series names only, from the first field of the answer that carries them in full. */
const detailsInAnswer = (metric: string, answer: DataFrame[]) => {
  for (const frame of answer) {
    for (const field of frame.fields) {
      const custom = field.type === FieldType.number ? metricCustomSchema.safeParse(field.config.custom) : undefined;
      if (custom?.success && custom.data.metric === metric) {
        return custom.data;
      }
    }
  }
  return undefined;
};

/**
 * A frame's metric value field and what it measures. The service sends a
 * metric's description and bands once per answer, on its first series:
 * a series that names its metric only takes them from `answer` (the
 * panel's frames), and is not a metric field when no frame carries them.
 */
export const metricFieldOf = (
  frame: DataFrame,
  answer: DataFrame[] = [frame]
): { field: Field; info: MetricInfo } | undefined => {
  for (const field of frame.fields) {
    const info = metricInfo(field);
    if (info) {
      return { field, info };
    }
    const named = field.type === FieldType.number ? namedOnlySchema.safeParse(field.config.custom) : undefined;
    const details = named?.success ? detailsInAnswer(named.data.metric, answer) : undefined;
    if (details) {
      return { field, info: withDrawnConfig(details, field) };
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
