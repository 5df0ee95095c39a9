import { join } from 'node:path';
import { loadDirectory } from '@touchpoint/server/src/load/loadDirectory';
import type { ServiceOptions } from '@touchpoint/server/src/service/createService';
import type { ServiceConfigInput } from '@touchpoint/server/src/service/serviceConfig';
import type { ModelParamsInput } from '@touchpoint/server/src/warehouse/modelParams';
import { replaceDatabase } from '@touchpoint/server/src/warehouse/replaceDatabase';
import { writeJourneyFixture } from './journeyFixture';
import { startTestService, type TestService } from './startTestService';

/**
 * The journey's hand-computed fixture (journeyFixture.ts) written to
 * `dir`/input, loaded into `dir`/w.duckdb built with `params`, and served
 * as in production.
 */
export const serveJourneyFixture = async (
  dir: string,
  params: ModelParamsInput = {},
  overrides: Partial<ServiceConfigInput> = {},
  options: Omit<ServiceOptions, 'logStream'> = {}
): Promise<TestService> => {
  const input = writeJourneyFixture(join(dir, 'input'));
  await replaceDatabase(
    join(dir, 'w.duckdb'),
    async (connection) => {
      await loadDirectory(connection, input);
    },
    { params }
  );
  return startTestService(join(dir, 'w.duckdb'), overrides, options);
};
