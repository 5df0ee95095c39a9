import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { servicePaths } from '@touchpoint/contract/src/servicePaths';
import type { Query, QueryRequest } from '@touchpoint/contract/src/queryRequest';
import { executeQuery, frameRows, parseQuery } from '../execute/executeQuery';
import { effectiveRange, requestIntervalMs } from '../execute/requestRange';
import { queryFailure } from '../queryFailure';
import { RETRY_AFTER_SECONDS } from '../queryRunner';
import { bodyIn, chooseEncoding, encodeBody } from '../encodedBody';
import {
  clientGone,
  measured,
  type Answer,
  type CachedBody,
  type QueryContext,
  type QueryLogLine,
} from './queryContext';
import { parseQueryRequest } from './parseQueryRequest';
import { serverTiming } from '../serverTiming';

const refIdOf = (query: Query | undefined, raw: unknown, index: number) =>
  query?.refId ?? (typeof raw === 'object' && raw !== null && 'refId' in raw ? String(raw.refId) : `#${index}`);

/**
 * `POST /api/query` answered as JSON data frames: each query runs (or comes
 * from the cache) on its own, and one that fails does not fail the others.
 */
export const jsonQueries: FastifyPluginAsync<QueryContext> = async (app, context) => {
  const { cache, bodies } = context;

  const logLine = (query: Query | undefined, answer: Answer): QueryLogLine => ({
    kind: query?.kind ?? 'unknown',
    refId: query?.refId,
    rows: frameRows(answer.result),
    bytes: answer.bytes,
    outcome: answer.result.error ? answer.result.error.code : 'ok',
  });
  const logQuery = (request: FastifyRequest, line: QueryLogLine, started: number, cached: boolean) => {
    request.log.info({ ...line, durationMs: Math.round(performance.now() - started), cached }, 'query');
  };

  const answerOne = async (
    request: FastifyRequest,
    body: QueryRequest,
    raw: unknown,
    index: number,
    signal: AbortSignal
  ): Promise<{ refId: string; answer: Answer; line?: QueryLogLine }> => {
    const started = performance.now();
    let query: Query | undefined;
    let answer: Answer;
    let cached = false;
    try {
      query = parseQuery(raw);
      if (query.hide) {
        return { refId: query.refId, answer: measured({ frames: [] }) };
      }
      const parsed = query;
      const { info } = app.warehouse.current();
      // The key holds exactly what the answer depends on, each as the query will use it.
      const range = effectiveRange(body, info.asOf);
      const key = JSON.stringify([info.version, parsed, range, requestIntervalMs(body, range), body.maxDataPoints]);
      ({ value: answer, cached } = await cache.get(
        key,
        async (shared) => measured(await executeQuery(context, body, parsed, shared)),
        signal
      ));
    } catch (error) {
      answer = measured({ frames: [], error: queryFailure(error, request.log).toJSON() });
    }
    const line = logLine(query, answer);
    logQuery(request, line, started, cached);
    return { refId: refIdOf(query, raw, index), answer, line };
  };

  /** Every query of a request answered, as one response encoded in each way it is served. */
  const answerAll = async (request: FastifyRequest, body: QueryRequest, signal: AbortSignal): Promise<CachedBody> => {
    const outcomes = await Promise.all(body.queries.map((raw, index) => answerOne(request, body, raw, index, signal)));
    const busy = outcomes.every(({ answer }) => answer.result.error?.code === 'busy');
    // Put together from each answer's JSON text: nothing is serialised twice.
    const json = `{"results":{${outcomes.map(({ refId, answer }) => `${JSON.stringify(refId)}:${answer.json}`).join(',')}}}`;
    return {
      ...encodeBody(json),
      status: busy ? 503 : 200,
      queries: outcomes.flatMap((o) => (o.line ? [o.line] : [])),
    };
  };

  // Compressed here, not by @fastify/compress: a stored answer keeps its compressed bytes.
  app.post(servicePaths.query, { compress: false }, async (request, reply) => {
    const started = performance.now();
    const body = parseQueryRequest(request.body);
    if ('code' in body) {
      return reply.code(400).send(body);
    }
    const signal = clientGone(reply);
    const { info } = app.warehouse.current();
    // The whole request as each query will read it: relative ends past the data give one key until the next load.
    const key = JSON.stringify([info.version, { ...body, to: effectiveRange(body, info.asOf).to }]);
    const { value: answer, cached } = await bodies.get(key, (shared) => answerAll(request, body, shared), signal);
    if (cached) {
      for (const line of answer.queries) {
        logQuery(request, line, started, true);
      }
    }
    if (answer.status === 503) {
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    }
    const { bytes, encoding } = await bodyIn(answer, chooseEncoding(request.headers['accept-encoding']));
    reply
      .code(answer.status)
      .header('content-type', 'application/json; charset=utf-8')
      .header('vary', 'accept-encoding')
      .header('server-timing', serverTiming(reply.elapsedTime, cached));
    if (encoding !== 'identity') {
      reply.header('content-encoding', encoding);
    }
    return reply.send(bytes);
  });
};
