import type { FastifyPluginAsync, FastifyRouterOptions, RawServerDefault } from 'fastify';
import { ARROW_STREAM, servicePaths } from '@touchpoint/contract/src/servicePaths';
import type { DrillQuery, SqlQuery } from '@touchpoint/contract/src/queryRequest';
import { writeArrowStream } from '../arrow/writeArrowStream';
import { bindStatement } from '../execute/bindStatement';
import { parseQuery } from '../execute/executeQuery';
import { QueryError, queryErrorCodes } from '../queryError';
import { queryFailure } from '../queryFailure';
import { RETRY_AFTER_SECONDS } from '../queryRunner';
import { clientGone, type QueryContext } from './queryContext';
import { parseQueryRequest } from './parseQueryRequest';

/** A custom route constraint in fastify's router, typed from fastify's own options. */
type ConstraintStrategy = NonNullable<FastifyRouterOptions<RawServerDefault>['constraints']>[string];
type Handlers = ReturnType<ConstraintStrategy['storage']>;

/**
 * Which answer a request asks for, by its Accept header: a route constrained
 * to Arrow is matched only when the header names Arrow; every other request
 * falls through to the unconstrained JSON route.
 */
export const acceptConstraint: ConstraintStrategy = {
  name: 'accept',
  storage: () => {
    const handlers = new Map<string, Parameters<Handlers['set']>[1]>();
    return {
      get: (value) => handlers.get(value) ?? null,
      set: (value, handler) => void handlers.set(value, handler),
    };
  },
  deriveConstraint: (request) => {
    const accept = request.headers.accept;
    return (Array.isArray(accept) ? accept.join(',') : (accept ?? '')).includes(ARROW_STREAM) ? ARROW_STREAM : 'json';
  },
  mustMatchWhenDerived: false,
  validate: (value) => {
    if (value !== ARROW_STREAM) {
      throw new Error(`an accept constraint names ${ARROW_STREAM}, not ${String(value)}`);
    }
  },
};

/** Reads the one row query an Arrow request may hold, or says why not. */
const arrowQuery = (queries: unknown[]): SqlQuery | DrillQuery => {
  if (queries.length !== 1) {
    throw new QueryError('bad_request', 'an Arrow answer holds one query: send one query per request');
  }
  const query = parseQuery(queries[0]);
  if (query.kind === 'metric' || query.kind === 'journey') {
    throw new QueryError(
      'bad_request',
      `Arrow export is for sql and drill queries; a ${query.kind} answer is a few rows of JSON`
    );
  }
  return query;
};

/**
 * `POST /api/query` with `Accept: application/vnd.apache.arrow.stream`:
 * one SQL or drill query streamed as Arrow IPC, batch by batch, for
 * exports far larger than a JSON answer may be. The row count and whether
 * the cap cut it short come as trailers.
 */
export const arrowStreaming: FastifyPluginAsync<QueryContext> = async (app, { runner, maxArrowRows }) => {
  app.post(servicePaths.query, { constraints: { accept: ARROW_STREAM } }, async (request, reply) => {
    const body = parseQueryRequest(request.body);
    if ('code' in body) {
      return reply.code(400).send(body);
    }
    const started = performance.now();
    let query: SqlQuery | DrillQuery;
    try {
      query = arrowQuery(body.queries);
    } catch (error) {
      const failure = queryFailure(error, request.log);
      return reply.code(queryErrorCodes[failure.code]).send(failure.toJSON());
    }
    const logged = { kind: query.kind, refId: query.refId, format: 'arrow' };
    try {
      await runner.run('adhoc', clientGone(reply), async (connection, database) => {
        const { bound } = await bindStatement(connection, database, body, query);
        const stream = await connection.stream(bound.sql, bound.params, bound.types);
        reply.hijack();
        reply.raw.writeHead(200, {
          'content-type': ARROW_STREAM,
          trailer: 'x-touchpoint-truncated, x-touchpoint-rows',
        });
        const written = await writeArrowStream(stream, reply.raw, maxArrowRows);
        reply.raw.addTrailers({
          'x-touchpoint-truncated': String(written.truncated),
          'x-touchpoint-rows': String(written.rows),
        });
        reply.raw.end();
        request.log.info(
          { ...logged, durationMs: Math.round(performance.now() - started), rows: written.rows, outcome: 'ok' },
          'query'
        );
      });
    } catch (error) {
      const failure = queryFailure(error, request.log);
      request.log.info({ ...logged, outcome: failure.code }, 'query');
      // Once the stream has begun, the only honest signal left is a broken stream.
      if (reply.sent || reply.raw.headersSent) {
        return void reply.raw.destroy(failure);
      }
      if (failure.code === 'busy') {
        reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      }
      return reply.code(queryErrorCodes[failure.code]).send(failure.toJSON());
    }
  });
};
