import type { DuckDBConnection } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { dataTestFiles } from '@touchpoint/sql';

export interface DataTestFailure {
  test: string;
  failingRows: number;
  example: string;
}

/**
 * Runs sql/tests: each file is one query returning the rows that break an
 * invariant, so an empty result is a pass (dbt's convention).
 */
export const runDataTests = async (connection: DuckDBConnection): Promise<DataTestFailure[]> => {
  const failures: DataTestFailure[] = [];
  for (const file of dataTestFiles()) {
    const sql = readFileSync(file, 'utf8').trim().replace(/;\s*$/, '');
    const reader = await connection.runAndReadAll(`select count(*) over () as n, * from (${sql}) limit 1`);
    const rows = reader.getRowObjectsJson();
    if (rows.length > 0) {
      const { n, ...example } = rows[0];
      failures.push({ test: basename(file, '.sql'), failingRows: Number(n), example: JSON.stringify(example) });
    }
  }
  return failures;
};
