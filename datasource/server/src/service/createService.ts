import compress from '@fastify/compress';
import Fastify, { type FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { servicePaths } from '@touchpoint/contract/src/servicePaths';
import { arrowStreaming, acceptConstraint } from './plugins/arrowStreaming';
import { bearerAuth } from './plugins/bearerAuth';
import { reloadingWarehouse } from './plugins/reloadingWarehouse';
import { jsonQueries } from './plugins/jsonQueries';
import type { Answer, CachedBody, QueryContext } from './plugins/queryContext';
import { warehouseRoutes } from './plugins/warehouseRoutes';
import { PgExecutor } from '../postgres/pgExecutor';
import { PgServer } from '../postgres/pgServer';
import { QueryRunner } from './queryRunner';
import { COMPRESS_THRESHOLD_BYTES } from './encodedBody';
import { ResultCache } from './resultCache';
import { everyUtcMidnight } from './execute/everyUtcMidnight';
import { recountWholeDays } from './execute/recountWholeDays';
import { DAY_MS } from '@touchpoint/contract/src/timeRange';
import { countJourneyAhead, journeyKeyForNextDay } from '../journey/runJourney';
import { wholeDaysCache } from './execute/wholeDaysCache';
import { keptQuestions } from './execute/wholeDaysKeeper';
import { serviceEnvNames, type ServiceConfig } from './serviceConfig';
import { boundaryBytes, type KeptWholeDays } from '../journey/journeyEdges';
import { countMetricAhead, keptMetricBytes, metricKeyForNextDay } from '../metrics/runKeptMetric';
import type { ServingDatabase } from './servingDatabase';

export { ARROW_STREAM } from '@touchpoint/contract/src/servicePaths';

export interface Service {
  app: FastifyInstance;
  /** The PostgreSQL protocol's server, when --pg-port asked for it. */
  pg?: PgServer;
  /** The database being served now; the watcher swaps it when a new file is loaded. */
  database(): ServingDatabase;
  close(): Promise<void>;
}

export interface ServiceOptions {
  /** Where the structured log goes; stdout when not given. */
  logStream?: NodeJS.WritableStream;
  /** The service's clock: when questions were asked, and when UTC midnight comes. Date.now unless a test moves it. */
  now?: () => number;
}

/**
 * How many questions last asked of the old file a new one counts ahead,
 * one at a time, most recent first: a wall asks a few journeys, each a
 * long count, and a few dozen metric questions, each a short one.
 */
const RECOUNT_JOURNEYS = 4;
const RECOUNT_METRICS = 64;
/** How many counts of whole days run at once (see keepRunner). */
const KEEP_CONCURRENCY = 1;

/**
 * The query service: fastify plugins with one job each: the reloading
 * warehouse (one read-only file, swapped for each new one `touchpoint load`
 * writes), bearer auth, health and catalog, JSON queries, Arrow streaming.
 */
export const createService = async (config: ServiceConfig, options: ServiceOptions = {}): Promise<Service> => {
  if (!existsSync(config.db)) {
    throw new Error(`no warehouse at ${config.db}: create one with 'touchpoint seed' or 'touchpoint load'`);
  }
  const app = Fastify({
    logger: { level: config.logLevel, ...(options.logStream ? { stream: options.logStream } : {}) },
    bodyLimit: 1024 * 1024,
    routerOptions: { constraints: { accept: acceptConstraint } },
  });
  // One budget for both caches, halved: whole answers (what a wall's refresh
  // asks again) and each query's answer (shared by panels asking the same).
  const cacheBudget = Math.floor(config.cacheBytes / 2);
  const now = options.now ?? Date.now;
  const cache = new ResultCache<Answer>(cacheBudget, {
    sizeOf: (answer) => answer.bytes,
    cacheable: (answer) => answer.result.error === undefined,
  });
  const bodies = new ResultCache<CachedBody>(cacheBudget, {
    sizeOf: (body) => body.bytes,
    cacheable: (body) => body.status === 200 && body.queries.every((q) => q.outcome === 'ok'),
  });
  // Counts of whole days run apart from requests, with the ad-hoc limit: a
  // request waits for one within its own limit, and the count goes on to be
  // kept for the next refresh (wholeDaysKeeper). One at a time: a count is
  // a large statement that uses every DuckDB thread, and a wall's first
  // refresh asks for all its questions at once. Run side by side they share
  // the cores and each misses the requests' limit; one after another, the
  // first are kept within it. Every question a wall asks is coalesced, so
  // the queue holds at most one count per question.
  const keepRunner = new QueryRunner({ ...config, concurrency: KEEP_CONCURRENCY }, () => warehouse.current());
  const journeyDays = wholeDaysCache(
    {
      budgetBytes: config.journeyCacheBytes,
      // The counts as JSON text, two bytes a unit; the boundary's columns as they are.
      sizeOf: (kept: KeptWholeDays) => 2 * JSON.stringify(kept.groups).length + boundaryBytes(kept.boundary),
      what: 'a journey question',
      setting: serviceEnvNames.journeyCacheBytes,
      runner: keepRunner,
      now,
    },
    app.log
  );
  const metricDays = wholeDaysCache(
    {
      budgetBytes: config.metricDaysCacheBytes,
      sizeOf: keptMetricBytes,
      what: 'a metric question',
      setting: serviceEnvNames.metricDaysCacheBytes,
      runner: keepRunner,
      now,
    },
    app.log
  );
  await app.register(reloadingWarehouse, {
    config,
    onSwap: (_next, previous) => {
      cache.clear();
      bodies.clear();
      const journeys = keptQuestions(journeyDays, previous.info.version);
      const metrics = keptQuestions(metricDays, previous.info.version);
      journeyDays.clear();
      metricDays.clear();
      void countAhead(journeys, metrics, 'the new data');
    },
  });
  const { warehouse } = app;
  const runner = new QueryRunner(config, () => warehouse.current());

  /** Counts the given questions' whole days before a wall asks: the journeys first, each the longer count. */
  const countAhead = async (journeys: string[], metrics: string[], why: string) => {
    const database = () => warehouse.current();
    const log = app.log;
    await recountWholeDays(journeys, {
      place: journeyDays,
      database,
      log,
      what: 'journey',
      why,
      limit: RECOUNT_JOURNEYS,
      count: (_database, key, keeper) => countJourneyAhead(key, keeper),
    });
    await recountWholeDays(metrics, {
      place: metricDays,
      database,
      log,
      what: 'metric',
      why,
      limit: RECOUNT_METRICS,
      count: countMetricAhead,
    });
  };
  // At UTC midnight a wall's moving ranges move on to the next whole days:
  // the questions asked the day before are counted a day on, before the
  // wall's screens all wait for them together.
  const stopMidnights = everyUtcMidnight((midnight) => {
    const { version } = warehouse.current().info;
    const onward = (keys: string[], next: (key: string, midnight: number) => string | undefined) =>
      keys.flatMap((key) => next(key, midnight) ?? []);
    void countAhead(
      onward(keptQuestions(journeyDays, version, midnight - DAY_MS), journeyKeyForNextDay),
      onward(keptQuestions(metricDays, version, midnight - DAY_MS), metricKeyForNextDay),
      'the new day'
    );
  }, now);
  app.addHook('onClose', async () => stopMidnights());
  const context: QueryContext = {
    runner,
    cache,
    bodies,
    caps: { maxRows: config.maxRows, maxBytes: config.maxBytes },
    maxArrowRows: config.maxArrowRows,
    journeyDays,
    metricDays,
  };

  await app.register(compress, { global: true, threshold: COMPRESS_THRESHOLD_BYTES });
  await app.register(bearerAuth, { token: config.token, open: [servicePaths.health] });
  await app.register(warehouseRoutes, { runner });
  await app.register(jsonQueries, context);
  await app.register(arrowStreaming, context);

  const pg =
    config.pgPort === undefined
      ? undefined
      : await PgServer.start({
          host: config.host,
          port: config.pgPort,
          token: config.token,
          tls: config.pgTlsCert && config.pgTlsKey ? { cert: config.pgTlsCert, key: config.pgTlsKey } : undefined,
          maxConnections: config.pgMaxConnections,
          idleTimeoutMs: config.pgIdleTimeoutMs,
          executor: new PgExecutor(runner, () => warehouse.current(), config.adhocTimeoutMs),
          log: app.log,
        });
  // Closed first, so its clients' queries end before the warehouse closes under them.
  app.addHook('preClose', async () => pg?.close());

  return { app, pg, database: () => warehouse.current(), close: () => app.close() };
};
