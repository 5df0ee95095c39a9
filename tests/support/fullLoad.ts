import { readScalar } from '@touchpoint/server/src/db/readRows';
import { withDatabase } from '@touchpoint/server/src/db/withDatabase';
import { loadDirectory } from '@touchpoint/server/src/load/loadDirectory';
import type { ModelParamsInput } from '@touchpoint/server/src/warehouse/modelParams';
import { replaceDatabase } from '@touchpoint/server/src/warehouse/replaceDatabase';
import { warehouseHashes } from './warehouseHashes';

/** `touchpoint load` of every file in `dir` into `db`, model built. */
export const loadFull = (db: string, dir: string, params?: ModelParamsInput) =>
  replaceDatabase(
    db,
    async (connection) => {
      await loadDirectory(connection, dir);
    },
    { params }
  );

/** What an increment must leave equal to a full load: every relation's content hash and the data version. */
export const readWarehouse = (db: string) =>
  withDatabase(db, { readOnly: true }, async (connection) => ({
    hashes: await warehouseHashes(connection),
    dataVersion: String(await readScalar(connection, 'select data_version from model_info')),
  }));
