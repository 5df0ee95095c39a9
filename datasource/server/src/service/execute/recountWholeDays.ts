import type { DuckDBConnection } from '@duckdb/node-api';
import type { FastifyBaseLogger } from 'fastify';
import type { WholeDaysKeeper } from '../../days/splitWholeDays';
import { errorMessage } from '../../errorMessage';
import type { QueryRunner } from '../queryRunner';
import type { ResultCache } from '../resultCache';
import type { ServingDatabase } from '../servingDatabase';
import { wholeDaysKeeper } from './wholeDaysKeeper';

/** One kept question counted again on the new file, from its key; false when the file has no such question. */
export type CountAhead<T> = (
  connection: DuckDBConnection,
  database: ServingDatabase,
  key: string,
  keeper: WholeDaysKeeper<T>
) => Promise<boolean>;

export interface RecountOptions<T> {
  runner: QueryRunner;
  cache: ResultCache<T>;
  log: FastifyBaseLogger;
  /** What is counted, for the log: "journey", "metric". */
  what: string;
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

/**
 * After a new file is served: the questions last asked of the old one (a
 * keeper's keys, most recent first) counted on the new one, one at a time,
 * as dashboard queries with their limits. A wall's screens then find their
 * whole days kept, instead of all waiting for the counts together after
 * every load. A question that fails is logged and left to the first request.
 */
export const recountWholeDays = async <T>(
  keys: readonly string[],
  { runner, cache, log, what, limit, count }: RecountOptions<T>
): Promise<void> => {
  for (const key of [...keys].reverse().slice(0, limit)) {
    const question = parsedKey(key);
    const started = performance.now();
    try {
      const dataVersion = await runner.run('dashboard', undefined, async (connection, database, stopped) => {
        const counted = await count(connection, database, key, wholeDaysKeeper(cache, database.info.version, stopped));
        return counted ? database.info.dataVersion : undefined;
      });
      if (dataVersion !== undefined) {
        log.info(
          { question, dataVersion, ms: Math.round(performance.now() - started) },
          `${what} whole days counted ahead for the new data`
        );
      }
    } catch (error) {
      log.warn({ question, err: error }, `${what} whole days not counted ahead: ${errorMessage(error)}`);
    }
  }
};
