import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { servicePaths } from '@touchpoint/contract/src/servicePaths';
import type { Query, QueryRequest, QueryResult } from '@touchpoint/contract/src/queryRequest';
import { executeQuery, frameRows, parseQuery } from '../execute/executeQuery';
import { effectiveRange, requestIntervalMs } from '../execute/requestRange';
import { queryFailure } from '../queryFailure';
import { RETRY_AFTER_SECONDS } from '../queryRunner';
import { clientGone, measured, type Answer, type QueryContext } from './queryContext';
import { parseQueryRequest } from './parseQueryRequest';

const refIdOf = (query: Query | undefined, raw: unknown, index: number) =>
  query?.refId ?? (typeof raw === 'object' && raw !== null && 'refId' in raw ? String(raw.refId) : `#${index}`);

/**
 * `POST /api/query` answered as JSON data frames: each query runs (or comes
 * from the cache) on its own, and one that fails does not fail the others.
 */
export const jsonQueries: FastifyPluginAsync<QueryContext> = async (app, context) => {
  const { runner, cache, caps } = context;

  const logQuery = (
    request: FastifyRequest,
    query: Query | undefined,
    started: number,
    answer: Answer,
    cached: boolean
  ) => {
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
      'query'
    );
  };

  const answerOne = async (
    request: FastifyRequest,
    body: QueryRequest,
    raw: unknown,
    index: number,
    signal: AbortSignal
  ): Promise<[string, QueryResult]> => {
    const started = performance.now();
    let query: Query | undefined;
    let answer: Answer;
    let cached = false;
    try {
      query = parseQuery(raw);
      if (query.hide) {
        return [query.refId, { frames: [] }];
      }
      const parsed = query;
      const { info } = app.warehouse.current();
      // The key holds exactly what the answer depends on, each as the query will use it.
      const range = effectiveRange(body, info.asOf);
      const key = JSON.stringify([info.version, parsed, range, requestIntervalMs(body, range), body.maxDataPoints]);
      ({ value: answer, cached } = await cache.get(
        key,
        async (shared) => measured(await executeQuery({ runner, caps }, body, parsed, shared)),
        signal
      ));
    } catch (error) {
      answer = measured({ frames: [], error: queryFailure(error, request.log).toJSON() });
    }
    logQuery(request, query, started, answer, cached);
    return [refIdOf(query, raw, index), answer.result];
  };

  app.post(servicePaths.query, async (request, reply) => {
    const body = parseQueryRequest(request.body);
    if ('code' in body) {
      return reply.code(400).send(body);
    }
    const signal = clientGone(reply);
    const outcomes = await Promise.all(body.queries.map((raw, index) => answerOne(request, body, raw, index, signal)));
    if (outcomes.every(([, result]) => result.error?.code === 'busy')) {
      reply.code(503).header('retry-after', String(RETRY_AFTER_SECONDS));
    }
    return { results: Object.fromEntries(outcomes) };
  });
};
