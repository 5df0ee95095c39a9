import type { DuckDBConnection } from '@duckdb/node-api';
import { contractTables } from './contractRules';
import { problemsTable } from './loadProblems';
import { stagedRelations } from './readTableFile';

/**
 * Drops what reading the files left in temp tables: the staged text copies
 * (as large as the data, so freed before the model is built), the CSV
 * reader's rejects and the problems.
 */
export const dropStagedFiles = async (connection: DuckDBConnection): Promise<void> => {
  const relations = [problemsTable, ...contractTables.flatMap(stagedRelations)];
  await connection.run(relations.map((relation) => `drop table if exists ${relation};`).join('\n'));
};
