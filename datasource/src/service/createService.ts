import compress from '@fastify/compress';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { timingSafeEqual } from 'node:crypto';
import { drillKinds, queryRequestSchema, type Query, type QueryRequest, type QueryResult } from '../contract/queryRequest';
import { writeArrowStream } from './arrow/writeArrowStream';
import { drillSql } from './drill/drillSql';
import { effectiveRange, executeQuery, frameRows, parseQuery, requestIntervalMs } from './execute/executeQuery';
import { QueryError, queryErrorCodes } from './queryError';
import { QueryRunner, RETRY_AFTER_SECONDS } from './queryRunner';
import { ResultCache } from './resultCache';
import type { ServiceConfig } from './serviceConfig';
import { ReloadingWarehouse } from './reloadingWarehouse';
import type { ServingDatabase } from './servingDatabase';
import { macroNames } from '../contract/macros';
import { expandSql } from './sql/expandSql';
import { guardSql } from './sql/guardSql';

export const ARROW_STREAM = 'application/vnd.apache.arrow.stream';

export interface Service {
  app: FastifyInstance;
  /** The database being served now; the watcher swaps it when a new file is loaded. */
  database(): ServingDatabase;
  close(): Promise<void>;
}

const bearer = (header: string | undefined) => (header?.startsWith('Bearer ') ? header.slice(7) : undefined);
const sameSecret = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

const errorBody = (error: QueryError) => error.toJSON();

interface Answer {
  result: QueryResult;
  /** Its size as JSON. */
  bytes: number;
}

const measured = (result: QueryResult): Answer => ({ result, bytes: JSON.stringify(result).length });

/** An AbortSignal that fires when the client goes away before its answer is sent. */
const clientGone = (reply: FastifyReply): AbortSignal => {
  const controller = new AbortController();
  reply.raw.on('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller.signal;
};

/**
 * The query service: health, catalog and query routes over one read-only
 * warehouse, swapped for a new file when `touchpoint load` writes one.
 */
export interface ServiceOptions {
  /** Where the structured log goes; stdout when not given. */
  logStream?: NodeJS.WritableStream;
}

export const createService = async (config: ServiceConfig, options: ServiceOptions = {}): Promise<Service> => {
  if (!existsSync(config.db)) {
    throw new Error(`no warehouse at ${config.db}: create one with 'touchpoint seed' or 'touchpoint load'`);
  }
  const caps = { maxRows: config.maxRows, maxBytes: config.maxBytes };
  // Each answer is measured once, when it is made: the cache budgets by it
  // and the query log reports it, hits included, without serializing again.
  const cache = new ResultCache<Answer>(config.cacheBytes, {
    sizeOf: (answer) => answer.bytes,
    cacheable: (answer) => answer.result.error === undefined,
  });
  const app = Fastify({
    logger: { level: config.logLevel, ...(options.logStream ? { stream: options.logStream } : {}) },
    bodyLimit: 1024 * 1024,
  });
  await app.register(compress, { global: true, threshold: 1024 });

  const warehouse = await ReloadingWarehouse.open(config.db, { threads: config.threads, memoryLimit: config.memoryLimit }, config.watchIntervalMs, {
    swapped: (next) => {
      cache.clear();
      app.log.info({ dataVersion: next.info.dataVersion, asOf: next.info.asOf }, 'new data loaded');
    },
    refused: (problem, error) => app.log.warn({ err: error, problem }, `refused the new warehouse file: ${problem.reason}; still serving the previous data`),
  });
  const current = () => warehouse.current().info;
  const runner = new QueryRunner(config, () => warehouse.current());

  app.addHook('onRequest', async (request, reply) => {
    if (!config.token || request.url === '/api/health') return;
    const given = bearer(request.headers.authorization);
    if (!given || !sameSecret(given, config.token)) {
      reply.code(401).header('www-authenticate', 'Bearer').send({ code: 'unauthorized', message: 'missing or wrong bearer token (Authorization: Bearer <token>)' });
    }
  });

  app.get('/api/health', async () => {
    const info = current();
    return {
      status: 'ok',
      service: 'touchpoint',
      dataVersion: info.dataVersion,
      version: info.version,
      mappingVersion: info.mappingVersion,
      asOf: info.asOf,
      firstEventAt: info.firstEventAt,
      loadedAt: info.loadedAt,
      load: { ...runner.load, ...warehouse.watchStatus() },
    };
  });

  app.get('/api/catalog', async () => {
    const database = warehouse.current();
    return {
      dataVersion: database.info.dataVersion,
      metrics: database.catalog,
      dimensions: [...new Set(database.catalog.flatMap((m) => m.dimensions))].sort(),
      tables: database.tables,
      macros: macroNames,
      drills: drillKinds,
    };
  });

  const logQuery = (request: FastifyRequest, query: Pick<Query, 'kind' | 'refId'> | undefined, started: number, answer: Answer, cached: boolean) => {
    request.log.info(
      {
        kind: query?.kind ?? 'unknown',
        refId: query?.refId,
        durationMs: Math.round(performance.now() - started),
        rows: frameRows(answer.result),
        bytes: answer.bytes,
        outcome: answer.result.error ? answer.result.error.code : 'ok',
        cached,
      },
      'query',
    );
  };

  app.post('/api/query', async (request, reply) => {
    const parsed = queryRequestSchema.safeParse(request.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return reply.code(400).send({ code: 'bad_request', message: `invalid request at ${issue.path.join('.') || 'body'}: ${issue.message}` });
    }
    const body = parsed.data;
    const signal = clientGone(reply);

    if (request.headers.accept?.includes(ARROW_STREAM)) return answerArrow(request, reply, body, signal);

    const outcomes = await Promise.all(
      body.queries.map(async (raw, index): Promise<[string, QueryResult]> => {
        const started = performance.now();
        let query: Query | undefined;
        let answer: Answer;
        let cached = false;
        try {
          query = parseQuery(raw);
          if (query.hide) return [query.refId, { frames: [] }];
          const parsedQuery = query;
          // The key holds exactly what the answer depends on, each as the query will use it.
          const info = current();
          const range = effectiveRange(body, info.asOf);
          const key = JSON.stringify([info.version, parsedQuery, range, requestIntervalMs(body, range), body.maxDataPoints]);
          ({ value: answer, cached } = await cache.get(key, async (shared) => measured(await executeQuery({ runner, caps }, body, parsedQuery, shared)), signal));
        } catch (error) {
          const failure = error instanceof QueryError ? error : new QueryError('internal', 'the query failed inside the service; see its log', { cause: error });
          if (failure.code === 'internal') request.log.error({ err: error }, 'query failed');
          answer = measured({ frames: [], error: errorBody(failure) });
        }
        logQuery(request, query, started, answer, cached);
        const refId = query?.refId ?? (typeof raw === 'object' && raw !== null && 'refId' in raw ? String(raw.refId) : `#${index}`);
        return [refId, answer.result];
      }),
    );
    if (outcomes.every(([, r]) => r.error?.code === 'busy')) {
      reply.code(503).header('retry-after', String(RETRY_AFTER_SECONDS));
    }
    return { results: Object.fromEntries(outcomes) };
  });

  const answerArrow = async (request: FastifyRequest, reply: FastifyReply, body: QueryRequest, signal: AbortSignal) => {
    const started = performance.now();
    let query: Query;
    try {
      if (body.queries.length !== 1) throw new QueryError('bad_request', 'an Arrow answer holds one query: send one query per request');
      query = parseQuery(body.queries[0]);
      if (query.kind === 'metric') throw new QueryError('bad_request', 'Arrow export is for sql and drill queries; a metric is a few rows of JSON');
    } catch (error) {
      const failure = error as QueryError;
      return reply.code(queryErrorCodes[failure.code] ?? 400).send(errorBody(failure));
    }
    const arrowQuery = query;
    try {
      await runner.run('adhoc', signal, async (connection, database) => {
        const range = effectiveRange(body, database.info.asOf);
        const bound =
          arrowQuery.kind === 'sql'
            ? expandSql(arrowQuery.sql, {
                range,
                intervalMs: requestIntervalMs(body, range),
                variables: arrowQuery.variables,
                metrics: database.metrics,
              })
            : drillSql(arrowQuery as Extract<Query, { kind: 'drill' }>, range);
        if (arrowQuery.kind === 'sql') await guardSql(connection, bound.sql);
        const stream = await connection.stream(bound.sql, bound.params, bound.types);
        reply.hijack();
        reply.raw.writeHead(200, { 'content-type': ARROW_STREAM, trailer: 'x-touchpoint-truncated, x-touchpoint-rows' });
        const written = await writeArrowStream(stream, reply.raw, config.maxArrowRows);
        reply.raw.addTrailers({ 'x-touchpoint-truncated': String(written.truncated), 'x-touchpoint-rows': String(written.rows) });
        reply.raw.end();
        request.log.info({ kind: arrowQuery.kind, refId: arrowQuery.refId, format: 'arrow', durationMs: Math.round(performance.now() - started), rows: written.rows, outcome: 'ok' }, 'query');
      });
    } catch (error) {
      const failure = error instanceof QueryError ? error : new QueryError('internal', (error as Error).message);
      request.log.info({ kind: arrowQuery.kind, refId: arrowQuery.refId, format: 'arrow', outcome: failure.code }, 'query');
      if (reply.sent || reply.raw.headersSent) {
        reply.raw.destroy(failure);
        return;
      }
      if (failure.code === 'busy') reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      return reply.code(queryErrorCodes[failure.code]).send(errorBody(failure));
    }
  };

  return {
    app,
    database: () => warehouse.current(),
    close: async () => {
      await app.close();
      await warehouse.close();
    },
  };
};
