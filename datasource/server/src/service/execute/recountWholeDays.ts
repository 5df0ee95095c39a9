import type { FastifyBaseLogger } from 'fastify';
import { errorMessage } from '../../errorMessage';
import type { KeptWholeDays } from '../../journey/journeyEdges';
import { runJourney, wholeDaysQuestion } from '../../journey/runJourney';
import type { QueryRunner } from '../queryRunner';
import type { ResultCache } from '../resultCache';
import { wholeDaysKeeper } from './wholeDaysKeeper';

/** How many of the last file's journey questions a new file counts ahead: a wall asks a few, each one count. */
export const RECOUNT_QUESTIONS = 4;

/**
 * After a new file is served: the journey questions last asked of the old
 * one (its keeper's keys, most recent first) counted on the new one, one at
 * a time, as dashboard queries with their limits. A wall's screens then find
 * their whole days kept, instead of all waiting for one count after every
 * load. A question that fails is logged and left to the first request.
 */
export const recountWholeDays = async (
  keys: readonly string[],
  runner: QueryRunner,
  cache: ResultCache<KeptWholeDays>,
  log: FastifyBaseLogger
): Promise<void> => {
  for (const key of [...keys].reverse().slice(0, RECOUNT_QUESTIONS)) {
    const question = wholeDaysQuestion(key);
    if (!question) {
      continue;
    }
    const started = performance.now();
    try {
      const dataVersion = await runner.run('dashboard', undefined, async (connection, database, stopped) => {
        // The range of the whole days alone has no edges: it counts them and the days either side, and keeps them.
        await runJourney(connection, question, question.whole, wholeDaysKeeper(cache, database.info.version, stopped));
        return database.info.dataVersion;
      });
      log.info(
        { question, dataVersion, ms: Math.round(performance.now() - started) },
        'journey whole days counted ahead for the new data'
      );
    } catch (error) {
      log.warn({ question, err: error }, `journey whole days not counted ahead: ${errorMessage(error)}`);
    }
  }
};
