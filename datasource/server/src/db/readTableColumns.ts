import type { DuckDBConnection } from '@duckdb/node-api';
import { readRows } from './readRows';

/** The column names of every table and view of the main schema, read once. */
export const readTableColumns = async (
  connection: DuckDBConnection
): Promise<(table: string) => ReadonlySet<string>> => {
  const rows = await readRows(
    connection,
    "select table_name, column_name from duckdb_columns() where database_name = current_database() and schema_name = 'main'"
  );
  const byTable = new Map<string, Set<string>>();
  for (const row of rows) {
    const columns = byTable.get(String(row.table_name)) ?? new Set<string>();
    columns.add(String(row.column_name));
    byTable.set(String(row.table_name), columns);
  }
  return (table) => byTable.get(table) ?? new Set();
};
