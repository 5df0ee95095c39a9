import type { DuckDBConnection } from '@duckdb/node-api';
import { readScalar } from '../db/readRows';
import { silentProgress, type Progress } from '../progress';
import { readContractColumns } from './contractColumns';
import { contractTables, optionalTables, rules, type ContractTable } from './contractRules';
import { findTableFile } from './findTableFile';
import { dropStagedFiles } from './dropStagedFiles';
import { insertTable } from './insertTable';
import { loadCleanDirectory } from './loadCleanDirectory';
import { addProblem, createProblemsTable, problemsTable } from './loadProblems';
import { LoadRejectedError, readLoadReport } from './loadReport';
import { readTableFile, type StagedTable } from './readTableFile';
import { validateTable } from './validateTable';

export interface LoadedTable {
  table: ContractTable;
  file: string;
  rows: number;
}

export interface LoadSummary {
  tables: LoadedTable[];
  rows: number;
}

const fileFixMessage = 'other checks skipped until its CSV structure is fixed';

/**
 * Offsets are converted to UTC and a value without one is read as UTC, both
 * through the session time zone that openDatabase sets.
 */
const requireUtcSession = async (connection: DuckDBConnection) => {
  const timeZone = await readScalar(connection, "select current_setting('TimeZone')");
  if (timeZone !== 'UTC') {
    throw new Error(`the load needs a UTC session, not ${String(timeZone)}: open the database with openDatabase`);
  }
};

/** The staged files of one directory, with the problems found while reading them recorded. */
export type StagedFiles = Partial<Record<ContractTable, StagedTable>>;

/**
 * Reads every contract file of `dir` into temp tables. A missing required
 * file is a problem unless `anySubset` (an increment may carry any of them);
 * two files for one table always are.
 */
export const stageDirectory = async (
  connection: DuckDBConnection,
  dir: string,
  progress: Progress,
  anySubset: boolean
): Promise<StagedFiles> => {
  await requireUtcSession(connection);
  const contractColumns = await readContractColumns(connection);
  await createProblemsTable(connection);
  const staged: StagedFiles = {};
  for (const [tableOrder, table] of contractTables.entries()) {
    const found = findTableFile(dir, table);
    if (found.kind === 'missing' && (anySubset || optionalTables.has(table))) {
      continue;
    }
    if (found.kind === 'missing') {
      await addProblem(connection, {
        tableOrder,
        file: found.expected[0],
        source: 'file',
        value: found.expected.join(', '),
        rule: rules.missingFile,
      });
    } else if (found.kind === 'ambiguous') {
      await addProblem(connection, {
        tableOrder,
        file: found.names[0],
        source: 'file',
        value: found.names.join(', '),
        rule: rules.ambiguousFile,
      });
    } else {
      progress.step(`reading ${found.file.name}`);
      staged[table] =
        (await readTableFile(connection, {
          table,
          tableOrder,
          file: found.file,
          contractColumns: contractColumns[table],
        })) ?? undefined;
    }
  }
  return staged;
};

/**
 * Checks every staged file against `targets` (the files a reference or a
 * time of another file is looked up in) and throws LoadRejectedError with the
 * report when any rule is broken. `extraChecks` records problems of its own
 * (an increment's rules against the warehouse it joins) before the count.
 */
export const checkStagedFiles = async (
  connection: DuckDBConnection,
  staged: StagedFiles,
  targets: StagedFiles,
  progress: Progress,
  extraChecks: () => Promise<void> = async () => undefined
): Promise<void> => {
  const notes: string[] = [];
  for (const table of contractTables) {
    const file = staged[table];
    if (!file) {
      continue;
    }
    if (file.rejects > 0) {
      notes.push(`${file.file.name}: ${fileFixMessage}`);
      continue;
    }
    progress.step(`checking ${file.file.name}`);
    notes.push(...(await validateTable(connection, file, targets)));
  }
  await extraChecks();
  const total = Number(await readScalar(connection, `select count(*) from ${problemsTable}`));
  if (total > 0) {
    progress.step('writing the report');
    const stagedFiles = contractTables.flatMap((table) => staged[table] ?? []);
    throw new LoadRejectedError(await readLoadReport(connection, stagedFiles, notes));
  }
};

/**
 * Fills the raw tables from `dir` through temp tables: every file is read
 * once into one as text, every rule is checked in SQL over those, and the
 * report names each problem with its line. Throws LoadRejectedError with it,
 * or inserts the clean files, one pass per table.
 */
export const loadStagedDirectory = async (
  connection: DuckDBConnection,
  dir: string,
  progress: Progress = silentProgress
): Promise<LoadSummary> => {
  try {
    const staged = await stageDirectory(connection, dir, progress, false);
    await checkStagedFiles(connection, staged, staged, progress);
    const tables: LoadedTable[] = [];
    for (const table of contractTables) {
      const file = staged[table];
      if (!file && optionalTables.has(table)) {
        continue;
      }
      if (!file) {
        throw new Error(`${table}: nothing staged although no problem was found`);
      }
      progress.step(`writing raw.${table} (${file.rows.toLocaleString('en-US')} rows)`);
      await insertTable(connection, file);
      tables.push({ table, file: file.file.name, rows: file.rows });
    }
    return { tables, rows: tables.reduce((sum, t) => sum + t.rows, 0) };
  } finally {
    await dropStagedFiles(connection);
  }
};

/**
 * Fills the raw tables of `connection` from the contract files in `dir` (four,
 * and the optional followups), or throws LoadRejectedError with a report and
 * writes nothing. A clean directory is written straight from its files and
 * checked there (loadCleanDirectory); anything else goes through the staged
 * load, which reports every problem. Expects the raw and reference tables of
 * sql/raw to exist.
 */
export const loadDirectory = async (
  connection: DuckDBConnection,
  dir: string,
  progress: Progress = silentProgress
): Promise<LoadSummary> => {
  await requireUtcSession(connection);
  return (
    (await loadCleanDirectory(connection, dir, progress)) ?? (await loadStagedDirectory(connection, dir, progress))
  );
};
