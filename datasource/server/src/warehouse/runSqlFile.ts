import { readFileSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { errorMessage } from '../errorMessage';

/** Runs every statement of a SQL file; a failure names the file. */
export const runSqlFile = async (connection: DuckDBConnection, path: string): Promise<void> => {
  try {
    await connection.run(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: ${errorMessage(error)}`, { cause: error });
  }
};
