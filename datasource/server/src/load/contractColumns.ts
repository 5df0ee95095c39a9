import type { DuckDBConnection } from '@duckdb/node-api';
import { readRows } from '../db/readRows';
import { contractTables, type ContractTable } from './contractRules';

export interface ContractColumn {
  name: string;
  /** DuckDB's name of the raw column's type, e.g. VARCHAR, TIMESTAMP, DECIMAL(18,2). */
  dataType: string;
  /** NOT NULL in the raw table: the contract's "not empty". */
  required: boolean;
}

export type ContractColumns = Record<ContractTable, ContractColumn[]>;

/**
 * The expected columns of every input file, read from the raw tables that
 * sql/raw/raw_tables.sql created in this database, so they are never listed
 * twice.
 */
export const readContractColumns = async (connection: DuckDBConnection): Promise<ContractColumns> => {
  const rows = await readRows(
    connection,
    `select table_name, column_name, data_type, is_nullable
     from duckdb_columns()
     where database_name = current_database() and schema_name = 'raw'
     order by table_name, column_index`
  );
  const columns = Object.fromEntries(contractTables.map((table) => [table, [] as ContractColumn[]])) as ContractColumns;
  for (const row of rows) {
    const table = String(row.table_name) as ContractTable;
    columns[table]?.push({
      name: String(row.column_name),
      dataType: String(row.data_type),
      required: row.is_nullable === false,
    });
  }
  for (const table of contractTables) {
    if (columns[table].length === 0) {
      throw new Error(`raw.${table} does not exist: run sql/raw/raw_tables.sql first`);
    }
  }
  return columns;
};
