import type { KeptWholeDays } from '../../journey/journeyEdges';
import type { WholeDaysKeeper } from '../../journey/runJourney';
import type { ResultCache } from '../resultCache';

/**
 * The journey's whole days (runJourney) kept in a service cache, under the
 * data's version: a wall's screens asking for the same whole days at once
 * share one count, and later requests read it. The count runs on the
 * connection of the request that started it, so it stops with that request
 * (its time limit, its client gone); a request that was waiting for it then
 * counts on its own connection, within its own limits.
 */
/** A keeper's key in the cache: the data's version, then the question. */
const cacheKey = (dataVersion: string, key: string) => `${dataVersion}|${key}`;

/** The questions a cache holds for one data version, the most recently used last. */
export const keptQuestions = (cache: ResultCache<KeptWholeDays>, dataVersion: string): string[] =>
  cache
    .keys()
    .filter((key) => key.startsWith(cacheKey(dataVersion, '')))
    .map((key) => key.slice(cacheKey(dataVersion, '').length));

export const wholeDaysKeeper =
  (cache: ResultCache<KeptWholeDays>, dataVersion: string, stopped: AbortSignal): WholeDaysKeeper =>
  async (key, count) => {
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
