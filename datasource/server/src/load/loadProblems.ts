import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * Problems are collected in a temp table rather than in JavaScript: a file of
 * twenty million bad rows has twenty million problems, and only their count
 * and the first hundred ever leave DuckDB.
 *
 * `source` says how `row_index` turns into a line: 'file' has none, 'header'
 * is the header, 'row' is the row's index among the file's records, 'reject'
 * is a record DuckDB's CSV reader could not split (with its byte position).
 */
export const problemsTable = 'load_problems';

export const createProblemsTable = async (connection: DuckDBConnection): Promise<void> => {
  await connection.run(`
    create or replace temp table ${problemsTable} (
      table_order integer not null,
      file varchar not null,
      source varchar not null,
      row_index bigint,
      byte_position bigint,
      column_order integer not null,
      column_name varchar,
      value varchar,
      rule varchar not null
    )`);
};

export interface FileProblem {
  tableOrder: number;
  file: string;
  source: 'file' | 'header';
  column?: string;
  /** Position of the column in the contract, for ordering problems on one line. */
  columnOrder?: number;
  value?: string;
  rule: string;
}

/** Records a problem found outside SQL: a missing file, an unreadable one, a missing column. */
export const addProblem = async (connection: DuckDBConnection, problem: FileProblem): Promise<void> => {
  await connection.run(
    `insert into ${problemsTable} values ($table_order, $file, $source, $row_index, null, $column_order, $column_name, $value, $rule)`,
    {
      table_order: problem.tableOrder,
      file: problem.file,
      source: problem.source,
      row_index: problem.source === 'header' ? -1 : null,
      column_order: problem.columnOrder ?? -1,
      column_name: problem.column ?? null,
      value: problem.value ?? null,
      rule: problem.rule,
    }
  );
};
