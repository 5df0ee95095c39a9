import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { rawTablesFile, referenceFile } from '@touchpoint/sql';
import { openDatabase } from '@touchpoint/server/src/db/openDatabase';
import { buildModel } from '@touchpoint/server/src/warehouse/buildModel';
import type { ModelParamsInput } from '@touchpoint/server/src/warehouse/modelParams';
import { runDataTests } from '@touchpoint/server/src/warehouse/runDataTests';
import { runSqlFile } from '@touchpoint/server/src/warehouse/runSqlFile';

export interface TestWarehouse {
  instance: DuckDBInstance;
  connection: DuckDBConnection;
  close(): void;
}

/**
 * A real in-memory DuckDB with the raw tables filled by `fill` (SQL or a function) and the
 * whole model built on top, its data tests already passed.
 */
export const buildTestWarehouse = async (
  fill: string | ((connection: DuckDBConnection) => Promise<unknown>),
  params: ModelParamsInput = {}
): Promise<TestWarehouse> => {
  const instance = await openDatabase(':memory:');
  const connection = await instance.connect();
  await runSqlFile(connection, rawTablesFile);
  await runSqlFile(connection, referenceFile);
  if (typeof fill === 'string') {
    await connection.run(fill);
  } else {
    await fill(connection);
  }
  await buildModel(connection, params);
  const failures = await runDataTests(connection);
  if (failures.length > 0) {
    throw new Error(`data tests failed: ${JSON.stringify(failures)}`);
  }
  return {
    instance,
    connection,
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
};
