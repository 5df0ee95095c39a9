import type { DuckDBConnection } from '@duckdb/node-api';
import { readRows } from './readRows';

/** The names of the columns a select gives, in its order (DuckDB's `describe`, which plans it without running it). */
export const selectColumns = async (connection: DuckDBConnection, select: string): Promise<string[]> =>
  (await readRows(connection, `select column_name from (describe ${select})`)).map((row) => String(row.column_name));
