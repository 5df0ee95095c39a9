import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

/**
 * A connection to an in-memory DuckDB for the tests of the suite that calls
 * it: opened before them (then `setup` runs on it), closed after them.
 * Returns how to reach it from a test.
 */
export const memoryConnection = (setup?: (connection: DuckDBConnection) => Promise<void>) => {
  let instance: DuckDBInstance | undefined;
  let connection: DuckDBConnection | undefined;
  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    connection = await instance.connect();
    await setup?.(connection);
  });
  afterAll(() => {
    connection?.closeSync();
    instance?.closeSync();
  });
  return (): DuckDBConnection => {
    if (!connection) {
      throw new Error('the in-memory connection is open only while the suite runs');
    }
    return connection;
  };
};
