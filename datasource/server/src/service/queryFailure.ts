import type { FastifyBaseLogger } from 'fastify';
import { QueryError } from './queryError';

/**
 * Any failure of a query as the client may see it: a QueryError as it is;
 * anything else (a bug, a broken file) logged in full and answered without
 * its internal text, on every route alike.
 */
export const queryFailure = (error: unknown, log: FastifyBaseLogger): QueryError => {
  if (error instanceof QueryError) {
    return error;
  }
  log.error({ err: error }, 'query failed');
  return new QueryError('internal', 'the query failed inside the service; see its log', { cause: error });
};
