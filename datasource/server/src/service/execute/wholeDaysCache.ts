import type { FastifyBaseLogger } from 'fastify';
import { boundaryBytes, type KeptWholeDays } from '../../journey/journeyEdges';
import { ResultCache } from '../resultCache';

/**
 * The journey's whole days, kept per question and data version
 * (runJourney), within a budget of their own: one is as large as a day's
 * ratings on either side of them, not an answer. A question too large for
 * the budget is counted again on every request; the operator is told once
 * per question and file.
 */
export interface WholeDaysCache {
  cache: ResultCache<KeptWholeDays>;
  /** The cache keys requests asked for (wholeDaysKeeper), apart from counts ahead. */
  asked: Set<string>;
  /** A new file: nothing kept from the old one holds, and its questions may fit or not anew. */
  clear: () => void;
}

export const wholeDaysCache = (budgetBytes: number, log: FastifyBaseLogger): WholeDaysCache => {
  const warned = new Set<string>();
  const asked = new Set<string>();
  const cache = new ResultCache<KeptWholeDays>(budgetBytes, {
    // The counts as JSON text, two bytes a unit; the boundary's columns as they are.
    sizeOf: (kept) => 2 * JSON.stringify(kept.groups).length + boundaryBytes(kept.boundary),
    cacheable: () => true,
    tooLarge: (key, bytes) => {
      if (!warned.has(key)) {
        warned.add(key);
        log.warn(
          { question: key, bytes, budget: budgetBytes },
          `a journey question's whole days need ${Math.ceil(bytes / 2 ** 20)} MiB, more than TOUCHPOINT_JOURNEY_CACHE_BYTES allows: every request counts them again`
        );
      }
    },
  });
  return {
    cache,
    asked,
    clear: () => {
      cache.clear();
      warned.clear();
      asked.clear();
    },
  };
};
