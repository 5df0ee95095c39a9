import { readFileSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';

/** Runs every statement of a SQL file; a failure names the file. */
export const runSqlFile = async (connection: DuckDBConnection, path: string): Promise<void> => {
  try {
    await connection.run(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`, { cause: error });
  }
};
