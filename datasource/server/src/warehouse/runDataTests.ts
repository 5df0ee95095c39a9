import type { DuckDBConnection } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { dataTestFiles, modelFiles } from '@touchpoint/sql';
import { declaredTests, type CheckScope, type DeclaredTest } from './declaredTests';
import { readModelDeclaration } from './modelDeclarations';

export interface DataTestFailure {
  test: string;
  failingRows: number;
  example: string;
}

/** Every data test: those each model declares in its header, then the queries of sql/tests. */
export const dataTests = (scope?: CheckScope): DeclaredTest[] => [
  ...declaredTests(modelFiles().map(readModelDeclaration), scope),
  ...dataTestFiles().map((file) => ({
    name: basename(file, '.sql'),
    sql: readFileSync(file, 'utf8').trim().replace(/;\s*$/, ''),
  })),
];

/**
 * Runs the data tests: each is one query returning the rows that break an
 * invariant, so an empty result is a pass (dbt's convention). After an
 * increment, the models it updated row by row are checked where they
 * changed (declaredTests.ts).
 */
export const runDataTests = async (connection: DuckDBConnection, scope?: CheckScope): Promise<DataTestFailure[]> => {
  const failures: DataTestFailure[] = [];
  for (const test of dataTests(scope)) {
    const reader = await connection.runAndReadAll(`select count(*) over () as n, * from (${test.sql}) limit 1`);
    const rows = reader.getRowObjectsJson();
    if (rows.length > 0) {
      const { n, ...example } = rows[0];
      failures.push({ test: test.name, failingRows: Number(n), example: JSON.stringify(example) });
    }
  }
  return failures;
};
