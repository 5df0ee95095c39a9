import type { FastifyBaseLogger } from 'fastify';
import type { WholeDaysKeeper } from '../../days/splitWholeDays';
import { errorMessage } from '../../errorMessage';
import type { ServingDatabase } from '../servingDatabase';
import { wholeDaysKeeper, type KeepingPlace } from './wholeDaysKeeper';

/** One kept question counted again on the new file, from its key; false when the file has no such question. */
export type CountAhead<T> = (database: ServingDatabase, key: string, keeper: WholeDaysKeeper<T>) => Promise<boolean>;

export interface RecountOptions<T> {
  /** Where the counts are kept, and the runner they run on. */
  place: KeepingPlace<T>;
  /** The file being served now: the one counted on. */
  database: () => ServingDatabase;
  log: FastifyBaseLogger;
  /** What is counted, for the log: "journey", "metric". */
  what: string;
  /** Why, for the log: "the new data", "the new day". */
  why: string;
  /** How many of the last questions, most recent first: a wall asks a few journeys, a few dozen metrics. */
  limit: number;
  count: CountAhead<T>;
}

// Keys are JSON (wholeDaysKey, keptQuestionKey): logged as the question they name.
const parsedKey = (key: string): unknown => {
  try {
    return JSON.parse(key);
  } catch {
    return key;
  }
};

// A count ahead has no client to go away: only its job's limit stops it.
const NEVER = new AbortController().signal;

/**
 * Questions a wall will ask, counted before it asks: after a new file is
 * served, the ones last asked of the old file, counted on the new one;
 * after UTC midnight, the ones asked the day before, a day on. A keeper's
 * keys, most recent first, one at a time, each a job of the keeping runner
 * with its limit. A wall's screens then find their whole days kept,
 * instead of all waiting for the counts together after every load and at
 * every midnight. A question that fails is logged and left to the first
 * request.
 */
export const recountWholeDays = async <T>(
  keys: readonly string[],
  { place, database, log, what, why, limit, count }: RecountOptions<T>
): Promise<void> => {
  for (const key of [...keys].reverse().slice(0, limit)) {
    const question = parsedKey(key);
    const started = performance.now();
    const served = database();
    const { dataVersion } = served.info;
    try {
      // Noted as no request's: a count ahead that nobody asks for again is not counted ahead after the next load.
      if (
        await count(
          served,
          key,
          wholeDaysKeeper({ cache: place.cache, runner: place.runner }, served.info.version, NEVER)
        )
      ) {
        log.info(
          { question, dataVersion, ms: Math.round(performance.now() - started) },
          `${what} whole days counted ahead for ${why}`
        );
      }
    } catch (error) {
      log.warn({ question, err: error }, `${what} whole days not counted ahead: ${errorMessage(error)}`);
    }
  }
};
