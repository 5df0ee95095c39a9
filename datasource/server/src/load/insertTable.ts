import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier } from '../db/quoteIdentifier';
import { tableRules } from './contractRules';
import type { StagedTable } from './readTableFile';

/**
 * Writes a validated staged file into its raw table in one pass, converted
 * values and all, ordered by the id: the same files then give the same table
 * whatever order their rows came in.
 */
export const insertTable = async (connection: DuckDBConnection, staged: StagedTable): Promise<void> => {
  const key = staged.columns.find((c) => c.name === tableRules[staged.table].key);
  if (!key) {
    throw new Error(`${staged.file.name}: cannot insert without its key ${tableRules[staged.table].key}`);
  }
  const names = staged.columns.map((c) => c.text).join(', ');
  const values = staged.columns.map((c) => c.typed).join(', ');
  await connection.run(
    `insert into raw.${quoteIdentifier(staged.table)} (${names}) select ${values} from ${staged.relation} order by ${key.text}`
  );
};
