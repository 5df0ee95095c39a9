import type { DataQuery } from '@grafana/schema';
import { z } from 'zod';
import { drillKinds, journeyDimensions, queryFormats } from './queryRequest';
import { intervals, metricComparisons, type RequestInterval } from './metricQuery';
import { variablesSchema } from './variables';

/** The version `migrateQuery` brings every saved query to. */
export const QUERY_VERSION = 1;

export const queryKinds = ['metric', 'sql', 'drill', 'journey'] as const;
export type QueryKind = (typeof queryKinds)[number];

/**
 * The service's intervals (`auto` follows the panel), and `none`: one value
 * per group over the whole range (gauges, stats, tables).
 */
export const metricIntervals = ['auto', 'none', ...intervals] as const satisfies ReadonlyArray<
  RequestInterval | 'none'
>;
export type MetricInterval = (typeof metricIntervals)[number];

const savedBase = {
  refId: z.string(),
  hide: z.boolean().optional(),
  version: z.literal(QUERY_VERSION),
};

export const savedMetricQuerySchema = z.object({
  ...savedBase,
  kind: z.literal('metric'),
  metric: z.string(),
  groupBy: z.array(z.string()),
  interval: z.enum(metricIntervals),
  /** Dimension -> values; a value may be a dashboard variable such as `$branch`. */
  filters: z.record(z.string(), z.array(z.string())),
  /** With the whole range only: the previous period and the change beside each value. Optional, so version 1 still reads. */
  compare: z.enum(metricComparisons).optional(),
});

export const savedSqlQuerySchema = z.object({
  ...savedBase,
  kind: z.literal('sql'),
  sql: z.string(),
  format: z.enum(queryFormats),
  /**
   * Variable values captured when a panel's query leaves its dashboard (Explore,
   * mixed datasources); still sent as bound values. The dashboard's own win.
   */
  variables: variablesSchema.optional(),
});

/** Each parameter may be a literal or a dashboard variable (`$branch`). */
export const savedDrillQuerySchema = z.object({
  ...savedBase,
  kind: z.literal('drill'),
  drill: z.enum(drillKinds),
  branchId: z.string().optional(),
  customerId: z.string().optional(),
  cohortMonth: z.string().optional(),
  day: z.string().optional(),
  channel: z.string().optional(),
  touchpoint: z.string().optional(),
  limit: z.number().int().positive().max(10_000).optional(),
});

/** Where the journey leaks, per touchpoint; filter values may be dashboard variables (`$branch`), as a metric's. */
export const savedJourneyQuerySchema = z.object({
  ...savedBase,
  kind: z.literal('journey'),
  groupBy: z.array(z.enum(journeyDimensions)),
  filters: z.partialRecord(z.enum(journeyDimensions), z.array(z.string())),
});

/** A query as a dashboard saves it: one shape per kind, keyed on `kind`. */
export const savedQuerySchema = z.discriminatedUnion('kind', [
  savedMetricQuerySchema,
  savedSqlQuerySchema,
  savedDrillQuerySchema,
  savedJourneyQuerySchema,
]);

export type SavedMetricQuery = z.infer<typeof savedMetricQuerySchema>;
export type SavedSqlQuery = z.infer<typeof savedSqlQuerySchema>;
export type SavedDrillQuery = z.infer<typeof savedDrillQuerySchema>;
export type SavedJourneyQuery = z.infer<typeof savedJourneyQuerySchema>;
export type SavedQuery = z.infer<typeof savedQuerySchema>;

/**
 * What Grafana hands the datasource: possibly an old or partial saved query.
 * `migrateQuery` turns it into a `SavedQuery`.
 */
type Loose<T> = Partial<Omit<T, 'kind' | 'version'>>;
export type TouchpointQuery = DataQuery &
  Loose<SavedMetricQuery> &
  Loose<SavedSqlQuery> &
  Loose<SavedDrillQuery> &
  Loose<Omit<SavedJourneyQuery, 'groupBy' | 'filters'>> & { kind?: string; version?: number };

export const DEFAULT_METRIC = 'sli';

const defaults: { [K in QueryKind]: (refId: string) => Extract<SavedQuery, { kind: K }> } = {
  metric: (refId) => ({
    refId,
    version: QUERY_VERSION,
    kind: 'metric',
    metric: DEFAULT_METRIC,
    groupBy: [],
    interval: 'auto',
    filters: {},
  }),
  sql: (refId) => ({ refId, version: QUERY_VERSION, kind: 'sql', sql: '', format: 'table' }),
  drill: (refId) => ({ refId, version: QUERY_VERSION, kind: 'drill', drill: 'branch_customers', branchId: '$branch' }),
  journey: (refId) => ({ refId, version: QUERY_VERSION, kind: 'journey', groupBy: [], filters: {} }),
};

/** A new query of each kind, the defaults stated once. */
export const newQuery = <K extends QueryKind>(kind: K, refId: string): Extract<SavedQuery, { kind: K }> =>
  defaults[kind](refId);
