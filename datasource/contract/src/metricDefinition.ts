import { z } from 'zod';

export const metricLevels = ['interaction', 'relationship'] as const;
export const componentAggregations = ['sum', 'opening'] as const;

export const bandSchema = z.object({
  label: z.string().min(1),
  min: z.number(),
  max: z.number(),
  includeMin: z.boolean(),
  includeMax: z.boolean(),
  severity: z.enum(['excellent', 'good', 'neutral', 'warning', 'bad', 'critical']),
});

/** One entry of the metric catalog (sql/catalog/metrics.json), as the service serves it. */
export const metricDefinitionSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: z.string().min(1),
  level: z.enum(metricLevels),
  unit: z.enum(['percent', 'index', 'score', 'seconds', 'count', 'currency']),
  min: z.number().nullable(),
  max: z.number().nullable(),
  direction: z.enum(['higher_is_better', 'lower_is_better', 'neutral']),
  decimals: z.number().int().min(0),
  description: z.string().min(1),
  /** SQL over the aggregated components (or, with no components, an aggregate over the fact). */
  formula: z.string().min(1),
  components: z.array(z.object({ name: z.string().regex(/^[a-z][a-z0-9_]*$/), agg: z.enum(componentAggregations) })),
  /** SQL giving the sample size behind a value. */
  n: z.string().min(1),
  source: z.object({
    rollup: z.string().nullable(),
    rollupTime: z.string().nullable(),
    fact: z.string().nullable(),
    factTime: z.string().nullable(),
  }),
  dimensions: z.array(z.string().regex(/^[a-z][a-z0-9_]*$/)),
  bands: z.array(bandSchema),
  goal: z.number().nullable(),
});

export type MetricDefinition = z.infer<typeof metricDefinitionSchema>;
export type MetricBand = z.infer<typeof bandSchema>;

/** The whole catalog: sql/catalog/metrics.json, and the warehouse's metric_catalog table. */
export const metricCatalogSchema = z.array(metricDefinitionSchema);
