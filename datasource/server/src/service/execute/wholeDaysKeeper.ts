import type { QueryRunner, WaitAside } from '../queryRunner';
import type { WholeDaysKeeper } from '../../days/splitWholeDays';
import type { ResultCache } from '../resultCache';

/** A keeper's key in the cache: the data's version, then the question. */
const cacheKey = (dataVersion: string, key: string) => `${dataVersion}|${key}`;

/**
 * The questions requests asked of one data version (since a time, when
 * given) that its cache still holds, the most recently used last. One
 * counted ahead (for a new file, a new day) and never asked is not among
 * them, so a wall taken down stops costing counts after the next load or
 * the next midnight.
 */
export const keptQuestions = <T>(
  wholeDays: { cache: ResultCache<T>; asked: ReadonlyMap<string, number> },
  dataVersion: string,
  since = -Infinity
): string[] =>
  wholeDays.cache
    .keys()
    // A key no request asked has no time: NaN, never at or after `since`.
    .filter((key) => key.startsWith(cacheKey(dataVersion, '')) && (wholeDays.asked.get(key) ?? NaN) >= since)
    .map((key) => key.slice(cacheKey(dataVersion, '').length));

/** Where a keeper keeps, and the runner its counts run on (with the ad-hoc limit, apart from requests'). */
export interface KeepingPlace<T> {
  cache: ResultCache<T>;
  runner: QueryRunner;
  /** Cache keys whose count was too large to keep: a request reads them at once, cheaper than counting again. */
  tooLarge?: ReadonlySet<string>;
  /** Told of a count no request waited for (one after a first request) that failed: the next request counts again. */
  countFailed?: (key: string, error: unknown) => void;
  /** Where a request's questions are noted, with when (keptQuestions); a count ahead passes none. */
  asked?: Map<string, number>;
  /** The service's clock, for when a question was asked. */
  now?: () => number;
}

/**
 * What a range's whole days give (the journey's counts, a metric's sums)
 * kept in a service cache, under the data's version: a wall's screens
 * asking for the same whole days at once share one count, and later
 * requests read it. The count is a job of its own on the keeping runner,
 * with that runner's limit (the ad-hoc one), not a job of the request
 * that started it: a request waits for it only within its own limit (or
 * until its client goes), and the count goes on without it, to be kept for
 * the next refresh. Counted on the request's connection, a count longer
 * than a dashboard's limit (the journey's first count at scale 100) was
 * stopped with every request that started it, and never kept.
 *
 * Given the request's `answered`, a question neither kept nor being counted
 * does not make it wait: the keeper gives nothing (the request reads its
 * range at once, one query) and counts the whole days after the request
 * has answered, for the next refresh. A count costs 2 to 10 times a query
 * at once (it also keeps the days either side, or ranks the values), so a
 * first request waited for it: at scale 100 a median's first answer took
 * 2 to 4 s against 0.5 s at once, and a wall started cold lost its first
 * minute waiting for a queue of counts. Requests that come while the count
 * runs wait for it, as before.
 */
export const wholeDaysKeeper =
  <T>(
    { cache, runner, asked, tooLarge, countFailed, now = Date.now }: KeepingPlace<T>,
    dataVersion: string,
    stopped: AbortSignal,
    /** The request's runner's way to wait without its slot (queryRunner.ts); a count ahead has no slot to give. */
    aside: WaitAside = (waited) => waited,
    /** Settles when the request has answered; a count ahead passes none, and always counts. */
    answered?: Promise<unknown>
  ): WholeDaysKeeper<T> =>
  async (key, count) => {
    const kept = cacheKey(dataVersion, key);
    asked?.set(kept, now());
    if (answered && tooLarge?.has(kept)) {
      return undefined;
    }
    // No signal for the job: a count every waiter has left still finishes, within its own limit.
    const job = () => runner.run('adhoc', undefined, count);
    if (answered && !cache.holds(kept)) {
      // Started now, so the requests after this one wait for it; run once this one has answered, not beside it.
      cache
        .get(kept, async () => {
          await answered;
          return job();
        })
        .catch((error: unknown) => countFailed?.(key, error));
      return undefined;
    }
    return (await aside(cache.get(kept, job, stopped))).value;
  };
