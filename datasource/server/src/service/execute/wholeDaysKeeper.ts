import type { WholeDaysKeeper } from '../../days/splitWholeDays';
import type { ResultCache } from '../resultCache';

/** A keeper's key in the cache: the data's version, then the question. */
const cacheKey = (dataVersion: string, key: string) => `${dataVersion}|${key}`;

/**
 * The questions requests asked of one data version that its cache still
 * holds, the most recently used last. One counted ahead for a new file and
 * never asked of it is not among them, so a wall taken down stops costing
 * counts after the next load.
 */
export const keptQuestions = <T>(
  wholeDays: { cache: ResultCache<T>; asked: ReadonlySet<string> },
  dataVersion: string
): string[] =>
  wholeDays.cache
    .keys()
    .filter((key) => key.startsWith(cacheKey(dataVersion, '')) && wholeDays.asked.has(key))
    .map((key) => key.slice(cacheKey(dataVersion, '').length));

/**
 * What a range's whole days give (the journey's counts, a metric's sums)
 * kept in a service cache, under the data's version: a wall's screens
 * asking for the same whole days at once share one count, and later
 * requests read it. The count runs on the connection of the request that
 * started it, so it stops with that request (its time limit, its client
 * gone); a request that was waiting for it then counts on its own
 * connection, within its own limits.
 */
export const wholeDaysKeeper =
  <T>(
    cache: ResultCache<T>,
    dataVersion: string,
    stopped: AbortSignal,
    /** Where a request's questions are noted (keptQuestions); a count ahead passes none. */
    asked?: Set<string>
  ): WholeDaysKeeper<T> =>
  async (key, count) => {
    asked?.add(cacheKey(dataVersion, key));
    for (;;) {
      let counted = false;
      try {
        const kept = await cache.get(
          cacheKey(dataVersion, key),
          () => {
            counted = true;
            return count();
          },
          stopped
        );
        return kept.value;
      } catch (error) {
        if (counted || stopped.aborted) {
          throw error;
        }
      }
    }
  };
