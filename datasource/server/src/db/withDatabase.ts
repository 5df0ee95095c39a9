import type { DuckDBConnection } from '@duckdb/node-api';
import { openDatabase, type OpenOptions } from './openDatabase';

/** Opens a database file, hands `work` a connection, and closes both whatever `work` does. */
export const withDatabase = async <T>(
  path: string,
  options: OpenOptions,
  work: (connection: DuckDBConnection) => Promise<T>
): Promise<T> => {
  const instance = await openDatabase(path, options);
  try {
    const connection = await instance.connect();
    try {
      return await work(connection);
    } finally {
      connection.closeSync();
    }
  } finally {
    instance.closeSync();
  }
};
