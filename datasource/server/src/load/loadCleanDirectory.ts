import { statSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { rawTablesFile } from '@touchpoint/sql';
import { quoteIdentifier } from '../db/quoteIdentifier';
import { readScalar } from '../db/readRows';
import type { Progress } from '../progress';
import { runSqlFile } from '../warehouse/runSqlFile';
import { readContractColumns } from './contractColumns';
import { contractTables, optionalTables, type ContractTable } from './contractRules';
import { findTableFile } from './findTableFile';
import { insertTable } from './insertTable';
import type { LoadedTable, LoadSummary } from './loadDirectory';
import {
  convertedSelect,
  countRejects,
  headerProblems,
  readFileSource,
  stagedRelations,
  type ReadTableRequest,
  type StagedColumn,
} from './readTableFile';
import { anyBrokenRow, uniqueRules, type ReferenceTargets } from './validateTable';

/** A file's size and change time: a file rewritten between the check and the insert is not the file checked. */
const fileStamp = (path: string) => {
  const stat = statSync(path);
  return `${stat.size}:${stat.mtimeMs}`;
};

/** A loaded raw table as the target of the next files' references: its columns hold converted values only. */
const rawTarget = (table: ContractTable, columns: StagedColumn[]) => ({
  table,
  relation: `raw.${quoteIdentifier(table)}`,
  columns: columns.map((c) => ({ ...c, typed: c.text })),
  rejects: 0,
});

/** Whether a value that may appear once appears twice in the raw table just written. */
const anyRepeatedValue = async (connection: DuckDBConnection, table: ContractTable, columns: StagedColumn[]) => {
  for (const unique of uniqueRules(table)) {
    const column = columns.find((c) => c.name === unique.column);
    if (!column) {
      continue;
    }
    // On converted values, which repeat whenever the text does: a repeat here that the text lacks only sends the
    // load to the staged path, which decides on the text.
    const repeated = await readScalar(
      connection,
      `select exists (select 1 from raw.${quoteIdentifier(table)} where ${column.text} is not null
         group by ${column.text} having count(*) > 1)`
    );
    if (repeated === true) {
      return true;
    }
  }
  return false;
};

/**
 * Checks one file straight from disk and writes it into its raw table, or
 * returns null at the first sign of a problem of any kind.
 */
const loadCleanFile = async (
  connection: DuckDBConnection,
  request: ReadTableRequest,
  targets: ReferenceTargets,
  progress: Progress
): Promise<number | null> => {
  const { table, file } = request;
  const stamp = fileStamp(file.path);
  const source = await readFileSource(connection, request);
  if (headerProblems(request.contractColumns, source.fileColumns).length > 0) {
    return null;
  }
  const rows = { table, file, columns: source.columns, relation: `(${convertedSelect(source)})` };
  progress.step(`checking ${file.name}`);
  const broken = await anyBrokenRow(connection, rows, targets);
  if (broken || (source.csv && (await countRejects(connection, table)) > 0)) {
    return null;
  }
  // The insert reads the file again, and DuckDB will not reuse a rejects table: the first read's is empty.
  await dropRelations(connection, table);
  progress.step(`writing raw.${table}`);
  const written = await insertTable(connection, rows);
  // The check read only the columns its rules name; a record the insert's read rejected (bad UTF-8 in a comment)
  // was skipped, and the staged load would have reported it.
  if (source.csv && (await countRejects(connection, table)) > 0) {
    return null;
  }
  if (fileStamp(file.path) !== stamp || (await anyRepeatedValue(connection, table, source.columns))) {
    return null;
  }
  targets[table] = rawTarget(table, source.columns);
  return written;
};

const dropRelations = (connection: DuckDBConnection, table: ContractTable) =>
  connection.run(
    stagedRelations(table)
      .map((relation) => `drop table if exists ${relation};`)
      .join('\n')
  );

/**
 * The load of a directory whose files break no rule, without staging them:
 * each file is checked by one read of it, by the same rules as the staged
 * load (references looked up in the raw tables already written), then
 * written by a second read, in contract order. Reading a
 * file twice costs less than holding a text copy of it: the copy was most of
 * a load's time.
 *
 * Returns null, with the raw tables empty again, when a file is missing, ambiguous,
 * unreadable, changed while loading or breaks any rule: the staged load then
 * runs and reports every problem with its line. It decides; this path only
 * ever accepts what it would accept.
 */
export const loadCleanDirectory = async (
  connection: DuckDBConnection,
  dir: string,
  progress: Progress
): Promise<LoadSummary | null> => {
  const contractColumns = await readContractColumns(connection);
  const targets: ReferenceTargets = {};
  const tables: LoadedTable[] = [];
  let loaded = false;
  try {
    for (const [tableOrder, table] of contractTables.entries()) {
      const found = findTableFile(dir, table);
      if (found.kind === 'missing' && optionalTables.has(table)) {
        continue;
      }
      if (found.kind !== 'found') {
        return null;
      }
      const { file } = found;
      const rows = await loadCleanFile(
        connection,
        { table, tableOrder, file, contractColumns: contractColumns[table] },
        targets,
        progress
      );
      if (rows === null) {
        return null;
      }
      tables.push({ table, file: file.name, rows });
    }
    loaded = true;
    return { tables, rows: tables.reduce((sum, t) => sum + t.rows, 0) };
  } catch {
    // Whatever went wrong (an unreadable file, a value the insert could not take), the staged load meets it again
    // and says what it is.
    return null;
  } finally {
    for (const table of contractTables) {
      await dropRelations(connection, table);
    }
    if (!loaded) {
      await emptyRawTables(connection);
    }
  }
};

/**
 * Gives back the raw tables as sql/raw creates them, for the staged load. Not
 * a transaction: DuckDB writes and reads a transaction's own large inserts at
 * half speed, and a fresh table frees what was written.
 */
const emptyRawTables = async (connection: DuckDBConnection) => {
  await connection.run(contractTables.map((table) => `drop table if exists raw.${quoteIdentifier(table)};`).join('\n'));
  await runSqlFile(connection, rawTablesFile);
};
