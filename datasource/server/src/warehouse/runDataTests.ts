import type { DuckDBConnection } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { dataTestFiles, modelFiles } from '@touchpoint/sql';
import { quoteIdentifier } from '../db/quoteIdentifier';
import { silentProgress, type Progress } from '../progress';
import { changedRowsTable, declaredTests, type CheckScope, type DeclaredTest } from './declaredTests';
import { readModelDeclaration } from './modelDeclarations';

export interface DataTestFailure {
  test: string;
  failingRows: number;
  example: string;
}

/** How each check is named as a step of a load's progress: this, then the test's name. */
export const CHECK_STEP = 'checking ';

/** The header line of a sql/tests query that looks at each row alone. */
const ROW_BY_ROW = /^--\s*checked row by row\b/m;

/**
 * A sql/tests query as a check after an increment runs it. One whose
 * header says `-- checked row by row` looks at each row alone, so it reads
 * only the changed rows (`changed_<model>`, old and new) of each model the
 * increment updated row by row: a row that did not change passed the last
 * check, as the declared tests reason (declaredTests.ts). Any other query,
 * and every query of a full build, reads the models whole.
 */
export const scopedTestSql = (sql: string, scope?: CheckScope): string => {
  if (!scope || !ROW_BY_ROW.test(sql)) {
    return sql;
  }
  let scoped = sql;
  for (const model of scope.updated) {
    const read = new RegExp(`\\bfrom\\s+${model}\\b(\\s+as\\s+[a-z_][a-z0-9_]*)?`, 'g');
    scoped = scoped.replace(
      read,
      (_match, alias: string | undefined) =>
        `from ${quoteIdentifier(changedRowsTable(model))}${alias ?? ` as ${model}`}`
    );
  }
  return scoped;
};

/** Every data test: those each model declares in its header, then the queries of sql/tests. */
export const dataTests = (scope?: CheckScope): DeclaredTest[] => [
  ...declaredTests(modelFiles().map(readModelDeclaration), scope),
  ...dataTestFiles().map((file) => ({
    name: basename(file, '.sql'),
    sql: scopedTestSql(readFileSync(file, 'utf8').trim().replace(/;\s*$/, ''), scope),
  })),
];

/**
 * Runs the data tests: each is one query returning the rows that break an
 * invariant, so an empty result is a pass (dbt's convention). After an
 * increment, the models it updated row by row are checked where they
 * changed (declaredTests.ts). Each test is a step of `progress`: a load's
 * checks are a hundred queries, and which of them its time goes to is what
 * the benchmark's steps show.
 */
export const runDataTests = async (
  connection: DuckDBConnection,
  scope?: CheckScope,
  progress: Progress = silentProgress
): Promise<DataTestFailure[]> => {
  const failures: DataTestFailure[] = [];
  for (const test of dataTests(scope)) {
    progress.step(`${CHECK_STEP}${test.name}`);
    const reader = await connection.runAndReadAll(`select count(*) over () as n, * from (${test.sql}) limit 1`);
    const rows = reader.getRowObjectsJson();
    if (rows.length > 0) {
      const { n, ...example } = rows[0];
      failures.push({ test: test.name, failingRows: Number(n), example: JSON.stringify(example) });
    }
  }
  return failures;
};
