import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { memoryLimitSchema } from '../db/memoryLimit';

/**
 * Everything `touchpoint serve` can be told, with its default. Precedence,
 * highest first: command-line flag, environment variable (TOUCHPOINT_*), the
 * default here.
 */
export const serviceConfigSchema = z
  .object({
    db: z.string().min(1),
    /** Loopback unless told otherwise: the service holds customer data. */
    host: z.string().min(1).default('127.0.0.1'),
    port: z.coerce.number().int().min(0).max(65535).default(7400),
    /** When set, every route but /api/health needs `Authorization: Bearer <token>`. */
    token: z.string().min(1).optional(),
    /** DuckDB worker threads shared by all queries. */
    threads: z.coerce.number().int().positive().default(Math.max(1, availableParallelism())),
    memoryLimit: memoryLimitSchema.default('1GB'),
    /** Queries running at once; more wait in the queue. */
    concurrency: z.coerce.number().int().positive().default(4),
    /** Queries allowed to wait; beyond it the service answers 503 with Retry-After. */
    queueLimit: z.coerce.number().int().min(0).default(64),
    /** Dashboard (metric, drill) and ad-hoc SQL time limits. */
    dashboardTimeoutMs: z.coerce.number().int().positive().default(10_000),
    adhocTimeoutMs: z.coerce.number().int().positive().default(30_000),
    maxRows: z.coerce.number().int().positive().default(100_000),
    maxBytes: z.coerce
      .number()
      .int()
      .positive()
      .default(32 * 1024 * 1024),
    /** Arrow exports stream, so they may be far larger than JSON answers. */
    maxArrowRows: z.coerce.number().int().positive().default(10_000_000),
    /** Result cache budget across whole answers and each query's answer (half each); emptied when the data changes. */
    cacheBytes: z.coerce
      .number()
      .int()
      .min(0)
      .default(64 * 1024 * 1024),
    /**
     * Budget for the journey's whole days (runJourney): per question and day, its counts and the
     * ratings of the day either side, which a wall's moving ranges are answered from. Emptied when
     * the data changes; a question that does not fit is counted whole on every request.
     */
    journeyCacheBytes: z.coerce
      .number()
      .int()
      .min(0)
      .default(256 * 1024 * 1024),
    /**
     * Budget for metrics' whole days (runKeptMetric): per question and day, each key's sums and the
     * fact rows of the day either side, which a wall's moving ranges are answered from. Emptied when
     * the data changes; a question that does not fit is read whole on every request. Most of a
     * question is the fact rows of the day either side (at scale 100, a few MB each): a budget below
     * what a wall's questions hold together lets its refreshes, a panel at a time, push each other out.
     */
    metricDaysCacheBytes: z.coerce
      .number()
      .int()
      .min(0)
      .default(512 * 1024 * 1024),
    /** How often to look for a new database file from `touchpoint load`. */
    watchIntervalMs: z.coerce.number().int().positive().default(1000),
    /** The PostgreSQL protocol's port; off unless given. */
    pgPort: z.coerce.number().int().min(0).max(65535).optional(),
    /** With both, the PostgreSQL port upgrades SSLRequest to TLS; without, it says no. */
    pgTlsCert: z.string().min(1).optional(),
    pgTlsKey: z.string().min(1).optional(),
    /** PostgreSQL connections at once; more are refused as PostgreSQL refuses them (53300). */
    pgMaxConnections: z.coerce.number().int().positive().default(100),
    /** A PostgreSQL connection idle this long between statements is closed. */
    pgIdleTimeoutMs: z.coerce
      .number()
      .int()
      .positive()
      .default(30 * 60 * 1000),
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .refine((c) => (c.pgTlsCert === undefined) === (c.pgTlsKey === undefined), {
    message: 'give both --pg-tls-cert and --pg-tls-key, or neither',
    path: ['pgTlsKey'],
  });

export type ServiceConfig = z.infer<typeof serviceConfigSchema>;
export type ServiceConfigInput = z.input<typeof serviceConfigSchema>;

/** Each setting's environment variable, named in messages that tell an operator what to raise. */
export const serviceEnvNames: Record<keyof ServiceConfig, string> = {
  db: 'TOUCHPOINT_DB',
  host: 'TOUCHPOINT_HOST',
  port: 'TOUCHPOINT_PORT',
  token: 'TOUCHPOINT_TOKEN',
  threads: 'TOUCHPOINT_THREADS',
  memoryLimit: 'TOUCHPOINT_MEMORY_LIMIT',
  concurrency: 'TOUCHPOINT_CONCURRENCY',
  queueLimit: 'TOUCHPOINT_QUEUE_LIMIT',
  dashboardTimeoutMs: 'TOUCHPOINT_DASHBOARD_TIMEOUT_MS',
  adhocTimeoutMs: 'TOUCHPOINT_ADHOC_TIMEOUT_MS',
  maxRows: 'TOUCHPOINT_MAX_ROWS',
  maxBytes: 'TOUCHPOINT_MAX_BYTES',
  maxArrowRows: 'TOUCHPOINT_MAX_ARROW_ROWS',
  cacheBytes: 'TOUCHPOINT_CACHE_BYTES',
  journeyCacheBytes: 'TOUCHPOINT_JOURNEY_CACHE_BYTES',
  metricDaysCacheBytes: 'TOUCHPOINT_METRIC_DAYS_CACHE_BYTES',
  watchIntervalMs: 'TOUCHPOINT_WATCH_INTERVAL_MS',
  pgPort: 'TOUCHPOINT_PG_PORT',
  pgTlsCert: 'TOUCHPOINT_PG_TLS_CERT',
  pgTlsKey: 'TOUCHPOINT_PG_TLS_KEY',
  pgMaxConnections: 'TOUCHPOINT_PG_MAX_CONNECTIONS',
  pgIdleTimeoutMs: 'TOUCHPOINT_PG_IDLE_TIMEOUT_MS',
  logLevel: 'TOUCHPOINT_LOG_LEVEL',
};

type Flags = Partial<Record<keyof ServiceConfig, string | undefined>>;

/**
 * Flags over environment variables; what neither gives takes the schema's
 * default. A flag that names no setting does not compile: it would be dropped.
 */
export const withEnvironment = <F extends Flags>(
  flags: F & Record<Exclude<keyof F, keyof ServiceConfig>, never>,
  env: NodeJS.ProcessEnv = process.env
): Record<string, string> => {
  const merged: Record<string, string> = {};
  for (const [key, name] of Object.entries(serviceEnvNames) as Array<[keyof ServiceConfig, string]>) {
    const value = (flags as Flags)[key] ?? env[name];
    if (value !== undefined && value !== '') {
      merged[key] = value;
    }
  }
  return merged;
};
