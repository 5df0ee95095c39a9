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

type MetricCustom = z.infer<typeof metricCustomSchema>;

export interface MetricInfo extends MetricCustom {
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

const withDrawnConfig = (custom: MetricCustom, field: Field): MetricInfo => {
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

// Each answer's metrics in full, by name, read once per answer: a panel
// reads every series of a trend, and a per-branch trend is thousands, each
// of which would otherwise search the frames before it.
const detailsByAnswer = new WeakMap<DataFrame[], Map<string, MetricCustom>>();

/** The details of every metric some field of the answer carries in full, the first such field's. */
const detailsIn = (answer: DataFrame[]): Map<string, MetricCustom> => {
  let details = detailsByAnswer.get(answer);
  if (!details) {
    details = new Map();
    for (const frame of answer) {
      for (const field of frame.fields) {
        const custom = field.type === FieldType.number ? metricCustomSchema.safeParse(field.config.custom) : undefined;
        if (custom?.success && !details.has(custom.data.metric)) {
          details.set(custom.data.metric, custom.data);
        }
      }
    }
    detailsByAnswer.set(answer, details);
  }
  return details;
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
    const details = named?.success ? detailsIn(answer).get(named.data.metric) : undefined;
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
