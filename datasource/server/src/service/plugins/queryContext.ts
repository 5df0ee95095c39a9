import type { FastifyReply } from 'fastify';
import type { QueryResult } from '@touchpoint/contract/src/queryRequest';
import type { ResultCaps } from '../frames/readFrame';
import type { QueryRunner } from '../queryRunner';
import type { EncodedBody } from '../encodedBody';
import type { ResultCache } from '../resultCache';
import type { WholeDaysCache } from '../execute/wholeDaysCache';
import type { KeptWholeDays } from '../../journey/journeyEdges';
import type { KeptMetricDays } from '../../metrics/runKeptMetric';

/** One answer of the JSON route, measured once when made: the cache budgets by it and the log reports it. */
export interface Answer {
  result: QueryResult;
  /** It as JSON, written once: a response is put together from these texts. */
  json: string;
  /** Its size as JSON. */
  bytes: number;
}

export const measured = (result: QueryResult): Answer => {
  const json = JSON.stringify(result);
  return { result, json, bytes: json.length };
};

/** What the log says of one query of a request, kept with an encoded response to log it again when reused. */
export interface QueryLogLine {
  kind: string;
  refId: string | undefined;
  rows: number;
  bytes: number;
  outcome: string;
}

/** A whole response, encoded once: its status, its bytes in each encoding, and its queries for the log. */
export interface CachedBody extends EncodedBody {
  status: number;
  queries: QueryLogLine[];
}

/** What the query routes share (the warehouse itself is `app.warehouse`). */
export interface QueryContext {
  runner: QueryRunner;
  cache: ResultCache<Answer>;
  /** Whole responses by request, encoded: a repeated request writes stored bytes. */
  bodies: ResultCache<CachedBody>;
  caps: ResultCaps;
  maxArrowRows: number;
  /** The journey's counts over whole days (wholeDaysCache.ts). */
  journeyDays: WholeDaysCache<KeptWholeDays>;
  /** Metrics' sums over whole days (wholeDaysCache.ts). */
  metricDays: WholeDaysCache<KeptMetricDays>;
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
