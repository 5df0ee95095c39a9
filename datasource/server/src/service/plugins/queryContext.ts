import type { FastifyReply } from 'fastify';
import type { QueryResult } from '@touchpoint/contract/src/queryRequest';
import type { ResultCaps } from '../frames/readFrame';
import type { QueryRunner } from '../queryRunner';
import type { ResultCache } from '../resultCache';

/** One answer of the JSON route, measured once when made: the cache budgets by it and the log reports it. */
export interface Answer {
  result: QueryResult;
  /** Its size as JSON. */
  bytes: number;
}

export const measured = (result: QueryResult): Answer => ({ result, bytes: JSON.stringify(result).length });

/** What the query routes share (the warehouse itself is `app.warehouse`). */
export interface QueryContext {
  runner: QueryRunner;
  cache: ResultCache<Answer>;
  caps: ResultCaps;
  maxArrowRows: number;
}

/** An AbortSignal that fires when the client goes away before its answer is sent. */
export const clientGone = (reply: FastifyReply): AbortSignal => {
  const controller = new AbortController();
  reply.raw.on('close', () => {
    if (!reply.raw.writableFinished) {
      controller.abort();
    }
  });
  return controller.signal;
};
