import type { FastifyBaseLogger } from 'fastify';
import type { QueryRunner } from '../queryRunner';
import { ResultCache } from '../resultCache';
import type { KeepingPlace } from './wholeDaysKeeper';

/**
 * What ranges' whole days give, kept per question and data version
 * (splitWholeDays), within a budget of their own: one is as large as a
 * day's facts on either side of them, not an answer. A question too large
 * for the budget is read at once by every request after its first count;
 * the operator is told once per question and file.
 */
export interface WholeDaysCache<T> extends KeepingPlace<T> {
  /** The cache keys requests asked for (wholeDaysKeeper), apart from counts ahead, with when each was last asked. */
  asked: Map<string, number>;
  /** A new file: nothing kept from the old one holds, and its questions may fit or not anew. */
  clear: () => void;
}

export interface WholeDaysCachePolicy<T> {
  budgetBytes: number;
  sizeOf: (kept: T) => number;
  /** What is kept, for the warning: "a journey question". */
  what: string;
  /** The setting that sets the budget, named in the warning. */
  setting: string;
  /** Where the counts run: apart from requests, with the ad-hoc limit. */
  runner: QueryRunner;
  /** The service's clock. */
  now: () => number;
}

export const wholeDaysCache = <T>(
  { budgetBytes, sizeOf, what, setting, runner, now }: WholeDaysCachePolicy<T>,
  log: FastifyBaseLogger
): WholeDaysCache<T> => {
  const tooLarge = new Set<string>();
  const asked = new Map<string, number>();
  const cache = new ResultCache<T>(budgetBytes, {
    sizeOf,
    cacheable: () => true,
    tooLarge: (key, bytes) => {
      if (!tooLarge.has(key)) {
        tooLarge.add(key);
        log.warn(
          { question: key, bytes, budget: budgetBytes },
          `${what}'s whole days need ${Math.ceil(bytes / 2 ** 20)} MiB, more than ${setting} allows: every request reads its range at once`
        );
      }
    },
  });
  return {
    cache,
    runner,
    asked,
    now,
    tooLarge,
    countFailed: (key, error) =>
      log.warn(
        { question: key, err: error },
        `${what}'s count of whole days failed after its first request: the next request counts again`
      ),
    clear: () => {
      cache.clear();
      tooLarge.clear();
      asked.clear();
    },
  };
};
