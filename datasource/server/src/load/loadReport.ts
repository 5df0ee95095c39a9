import type { DuckDBConnection } from '@duckdb/node-api';
import { readRows, readScalar } from '../db/readRows';
import { linesAtBytePositions, newlinesBeforeRecords } from './csvLineNumbers';
import { problemsTable } from './loadProblems';
import type { StagedTable } from './readTableFile';

/** One broken rule: where (file, line, column), what (value) and which rule. */
export interface Problem {
  file: string;
  /** The physical line of a CSV file (1 is the header), or the row of a Parquet file (1-based); null for the file as a whole. */
  line: number | null;
  column: string | null;
  value: string | null;
  rule: string;
}

export interface LoadReport {
  /** The first `reportLimit` problems, in the contract's file order, then by line. */
  problems: Problem[];
  /** How many problems there are in all. */
  total: number;
  /** Files with problems, in the contract's order. */
  files: Array<{ file: string; problems: number }>;
  /** Checks that could not run, and why. */
  notes: string[];
}

export const reportLimit = 100;

/** Longer values are cut in the report: a row holding a whole unterminated quote is not readable anyway. */
const valueLimit = 200;

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** Raised by loadDirectory when the files break the contract; the load writes nothing. */
export class LoadRejectedError extends Error {
  readonly report: LoadReport;

  constructor(report: LoadReport) {
    super(`load rejected: ${plural(report.total, 'problem')} in ${report.files.map((f) => f.file).join(', ')}`);
    this.name = 'LoadRejectedError';
    this.report = report;
  }
}

interface StoredProblem {
  file: string;
  source: string;
  rowIndex: number | null;
  bytePosition: number | null;
  column: string | null;
  value: string | null;
  rule: string;
}

const asNumber = (value: unknown): number | null => (value === null ? null : Number(value));
const asText = (value: unknown): string | null => (value === null ? null : String(value));

/** Turns stored row positions into the lines a person finds in the file. */
const resolveLines = async (
  connection: DuckDBConnection,
  problems: StoredProblem[],
  staged: StagedTable[]
): Promise<Problem[]> => {
  const lines = new Map<StoredProblem, number | null>();
  for (const file of new Set(problems.map((p) => p.file))) {
    const inFile = problems.filter((p) => p.file === file);
    const csv = staged.find((s) => s.file.name === file)?.csv;
    const rows = inFile.filter((p) => p.source === 'row' && p.rowIndex !== null);
    const rejects = inFile.filter((p) => p.source === 'reject' && p.bytePosition !== null);
    const before = csv
      ? await newlinesBeforeRecords(connection, csv, [...new Set(rows.map((p) => p.rowIndex as number))])
      : new Map<number, number>();
    const path = staged.find((s) => s.file.name === file)?.file.path;
    const atBytes =
      path && rejects.length > 0
        ? await linesAtBytePositions(
            path,
            rejects.map((p) => p.bytePosition as number)
          )
        : new Map<number, number>();
    for (const p of inFile) {
      if (p.source === 'header') {
        lines.set(p, csv ? 1 : null);
      } else if (p.source === 'reject') {
        lines.set(p, atBytes.get(p.bytePosition as number) ?? null);
      } else if (p.source === 'row' && p.rowIndex !== null) {
        lines.set(p, csv ? p.rowIndex + csv.headerLines + 1 + (before.get(p.rowIndex) ?? 0) : p.rowIndex + 1);
      } else {
        lines.set(p, null);
      }
    }
  }
  return problems.map((p) => ({
    file: p.file,
    line: lines.get(p) ?? null,
    column: p.column,
    value: p.value,
    rule: p.rule,
  }));
};

/**
 * Reads the report out of the problems table: the total, the files, and the
 * first `reportLimit` problems with their line numbers.
 */
export const readLoadReport = async (
  connection: DuckDBConnection,
  staged: StagedTable[],
  notes: string[]
): Promise<LoadReport> => {
  const total = Number(await readScalar(connection, `select count(*) from ${problemsTable}`));
  const files = await readRows(
    connection,
    `select file, count(*) as problems from ${problemsTable} group by file order by min(table_order), file`
  );
  const first = await readRows(
    connection,
    `select file, source, row_index, byte_position, column_name, left(value, ${valueLimit}) as value, rule
     from ${problemsTable}
     order by table_order, file, row_index nulls first, column_order, rule, value
     limit ${reportLimit}`
  );
  const stored = first.map((row) => ({
    file: String(row.file),
    source: String(row.source),
    rowIndex: asNumber(row.row_index),
    bytePosition: asNumber(row.byte_position),
    column: asText(row.column_name),
    value: asText(row.value),
    rule: String(row.rule),
  }));
  return {
    problems: await resolveLines(connection, stored, staged),
    total,
    files: files.map((row) => ({ file: String(row.file), problems: Number(row.problems) })),
    notes,
  };
};
