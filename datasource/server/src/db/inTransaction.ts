import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * Runs `work` in one transaction on `connection`: committed when it
 * resolves, rolled back when it throws (the error it threw is the one
 * raised). Within it no checkpoint runs, so a rowid read early still names
 * the same row when a later statement deletes or reads by it.
 */
export const inTransaction = async <T>(connection: DuckDBConnection, work: () => Promise<T>): Promise<T> => {
  await connection.run('begin transaction');
  let result: T;
  try {
    result = await work();
  } catch (error) {
    await connection.run('rollback').catch(() => undefined);
    throw error;
  }
  await connection.run('commit');
  return result;
};
