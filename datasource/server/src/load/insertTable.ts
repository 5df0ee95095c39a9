import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier } from '../db/quoteIdentifier';
import type { StagedTable } from './readTableFile';

/**
 * Writes a validated file's rows into its raw table (or `into`, a table of its columns) in one pass, converted
 * values and all, in the file's order, and returns how many it wrote. No sort:
 * the model and the data version do not depend on the order of raw rows
 * (ties are broken by id wherever one row is picked), and sorting 20 million
 * rows by their text id cost more than writing them.
 */
export const insertTable = async (
  connection: DuckDBConnection,
  rows: Pick<StagedTable, 'table' | 'columns' | 'relation'>,
  into = `raw.${quoteIdentifier(rows.table)}`
): Promise<number> => {
  const names = rows.columns.map((c) => c.text).join(', ');
  const values = rows.columns.map((c) => c.typed).join(', ');
  const result = await connection.run(`insert into ${into} (${names}) select ${values} from ${rows.relation}`);
  return result.rowsChanged;
};
