import type { DuckDBConnection } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { catalogFile } from '../../../sql';
import { readRows } from '../db/readRows';

export const metricLevels = ['interaction', 'relationship'] as const;
export const componentAggregations = ['sum', 'opening'] as const;

const bandSchema = z.object({
  label: z.string().min(1),
  min: z.number(),
  max: z.number(),
  includeMin: z.boolean(),
  includeMax: z.boolean(),
  severity: z.enum(['excellent', 'good', 'neutral', 'warning', 'bad', 'critical']),
});

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
export const metricCatalogSchema = z.array(metricDefinitionSchema);

const parseCatalog = (value: unknown, where: string): MetricDefinition[] => {
  const parsed = metricCatalogSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`metric catalog in ${where} is invalid at ${issue.path.join('.')}: ${issue.message}`, {
      cause: parsed.error,
    });
  }
  return parsed.data;
};

/** The catalog as shipped in sql/catalog/metrics.json. */
export const readCatalogFile = (path: string = catalogFile): MetricDefinition[] =>
  parseCatalog(JSON.parse(readFileSync(path, 'utf8')), path);

/** The catalog a built warehouse was built with (table metric_catalog). */
export const readCatalogTable = async (connection: DuckDBConnection): Promise<MetricDefinition[]> =>
  parseCatalog(await readRows(connection, 'select * from metric_catalog order by name'), 'table metric_catalog');
