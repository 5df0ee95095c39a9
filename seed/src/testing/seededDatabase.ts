import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { rawTablesFile, referenceFile } from '@touchpoint/sql';
import { openDatabase } from '@touchpoint/server/src/db/openDatabase';
import { readRows, readScalar, type Row } from '@touchpoint/server/src/db/readRows';
import { runSqlFile } from '@touchpoint/server/src/warehouse/runSqlFile';
import { randomSource } from '../randomSource';
import { seedOptionsSchema, type SeedOptionsInput } from '../seedOptions';
import { planSeed } from '../seedPlan';
import { seedRawTables, type SeedCounts } from '../seedRawTables';

/** Every test pins the end of the window, so results never move with the clock. */
export const TEST_END = '2026-06-30';

export interface SeededDatabase {
  instance: DuckDBInstance;
  connection: DuckDBConnection;
  counts: SeedCounts;
  rows: (sql: string) => Promise<Row[]>;
  scalar: (sql: string) => Promise<number>;
  close: () => void;
}

/**
 * An in-memory warehouse with only the raw and reference tables, filled by
 * the generator: the generator is tested without the model built on top.
 */
export const seededDatabase = async (options: SeedOptionsInput, threads?: number): Promise<SeededDatabase> => {
  const instance = await openDatabase(':memory:', { threads });
  const connection = await instance.connect();
  await runSqlFile(connection, rawTablesFile);
  await runSqlFile(connection, referenceFile);
  const plan = planSeed(seedOptionsSchema.parse({ end: TEST_END, ...options }));
  const counts = await seedRawTables(connection, plan, randomSource(plan.seed));
  return {
    instance,
    connection,
    counts,
    rows: (sql) => readRows(connection, sql),
    scalar: async (sql) => Number(await readScalar(connection, sql)),
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
};
