import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier, quoteLiteral } from '../db/quoteIdentifier';
import { readScalar } from '../db/readRows';
import { outOfMemory, outOfSpace } from '../db/resourceErrors';
import { selectColumns } from '../db/selectColumns';
import type { ContractColumn } from './contractColumns';
import { rules, type ContractTable } from './contractRules';
import type { TableFile } from './findTableFile';
import { addProblem, problemsTable } from './loadProblems';
import { parseValueSql, type ValueParser } from './parseValueSql';
import { readCsvHeader } from './readCsvHeader';
import { errorMessage } from '../errorMessage';

export interface StagedColumn extends ContractColumn {
  /** Position in the contract (the raw table), for ordering problems on one line. */
  order: number;
  /** The column holding the value as text, exactly as the file had it. */
  text: string;
  /** The column holding the converted value (the text column for text). */
  typed: string;
  parser: ValueParser | null;
}

export interface CsvSource {
  /** A read_csv over all of the file's columns, named c0..cN, all text. */
  readSql: (rejectsTable: string) => string;
  columnCount: number;
  /** Physical lines of the header record. */
  headerLines: number;
}

/** A file read into a temp table: every contract column it has, as text and converted. */
export interface StagedTable {
  table: ContractTable;
  tableOrder: number;
  file: TableFile;
  relation: string;
  /** SQL (over the staged table aliased `s`) for the row's 0-based index among the file's records. */
  rowIndex: string;
  columns: StagedColumn[];
  rows: number;
  /** CSV records DuckDB could not split into the header's columns. */
  rejects: number;
  csv?: CsvSource;
}

export interface ReadTableRequest {
  table: ContractTable;
  tableOrder: number;
  file: TableFile;
  contractColumns: ContractColumn[];
}

const stageRelation = (table: ContractTable) => quoteIdentifier(`load_stage_${table}`);
export const rejectsRelation = (table: ContractTable) => `load_rejects_${table}`;
const positional = (index: number) => `c${index}`;

const csvReader = (path: string, columnCount: number) => (rejectsTable: string) => {
  const columns = Array.from({ length: columnCount }, (_, i) => `${quoteLiteral(positional(i))}: 'VARCHAR'`).join(', ');
  // Every column is text: DuckDB's typed reader turns a bad timestamp into NULL
  // silently. Structural errors (wrong column count, bad quoting, bad UTF-8)
  // land in the rejects table with their line instead of failing the read.
  return `read_csv(${quoteLiteral(path)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
    encoding = 'utf-8', columns = {${columns}}, store_rejects = true,
    rejects_table = ${quoteLiteral(rejectsTable)}, rejects_scan = ${quoteLiteral(`${rejectsTable}_scans`)})`;
};

const stageColumns = (contractColumns: ContractColumn[], fileColumns: string[]): StagedColumn[] =>
  contractColumns.flatMap((column, order) => {
    if (!fileColumns.includes(column.name)) {
      return [];
    }
    const parser = parseValueSql(column.dataType);
    return [
      {
        ...column,
        order,
        text: quoteIdentifier(column.name),
        typed: quoteIdentifier(parser ? `${column.name}:typed` : column.name),
        parser,
      },
    ];
  });

/** A contract column the file lacks or names twice (every contract column must be there once). */
export interface HeaderProblem {
  column: string;
  columnOrder: number;
  rule: string;
}

export const headerProblems = (contractColumns: ContractColumn[], fileColumns: string[]): HeaderProblem[] =>
  contractColumns.flatMap((column, columnOrder) => {
    const count = fileColumns.filter((name) => name === column.name).length;
    return count === 1
      ? []
      : [{ column: column.name, columnOrder, rule: count === 0 ? rules.missingColumn : rules.duplicateColumn }];
  });

const reportHeader = async (
  connection: DuckDBConnection,
  request: ReadTableRequest,
  fileColumns: string[],
  source: 'header' | 'file'
) => {
  for (const problem of headerProblems(request.contractColumns, fileColumns)) {
    await addProblem(connection, { tableOrder: request.tableOrder, file: request.file.name, source, ...problem });
  }
};

/**
 * A file's contract columns as a query, before any row is read: what the
 * staged load copies into a temp table, and what a clean load inserts
 * straight into the raw table.
 */
export interface FileSource {
  /** The file's column names, in file order. */
  fileColumns: string[];
  /** Where the column names came from, for header problems. */
  namesFrom: 'header' | 'file';
  /** The contract columns the file has. */
  columns: StagedColumn[];
  /** Selects those columns as text (and a Parquet file's row number as `_row`). */
  select: string;
  csv?: CsvSource;
}

const csvSource = async (request: ReadTableRequest): Promise<FileSource> => {
  const { table, file, contractColumns } = request;
  const header = await readCsvHeader(file.path);
  const fileColumns = header.names.map((name) => name.trim());
  const columns = stageColumns(contractColumns, fileColumns);
  const readSql = csvReader(file.path, fileColumns.length);
  const picks = columns.map((c) => `${positional(fileColumns.indexOf(c.name))} as ${c.text}`);
  return {
    fileColumns,
    namesFrom: 'header',
    columns,
    select: `select ${picks.join(', ')} from ${readSql(rejectsRelation(table))}`,
    csv: { readSql, columnCount: fileColumns.length, headerLines: header.lines },
  };
};

const parquetSource = async (connection: DuckDBConnection, request: ReadTableRequest): Promise<FileSource> => {
  const { file, contractColumns } = request;
  const source = `read_parquet(${quoteLiteral(file.path)}, file_row_number = true)`;
  const fileColumns = (await selectColumns(connection, `select * from ${source}`)).filter(
    (name) => name !== 'file_row_number'
  );
  const columns = stageColumns(contractColumns, fileColumns);
  // Every value goes through text so Parquet and CSV are checked by the same
  // rules; an empty string is an empty value, as an empty CSV field is.
  const picks = columns.map((c) => `nullif(cast(${c.text} as varchar), '') as ${c.text}`);
  return {
    fileColumns,
    namesFrom: 'file',
    columns,
    select: `select ${['file_row_number as _row', ...picks].join(', ')} from ${source}`,
  };
};

/** Reads a file's column names (a CSV's header, a Parquet file's schema) and describes its rows as a query. */
export const readFileSource = (connection: DuckDBConnection, request: ReadTableRequest): Promise<FileSource> =>
  request.file.format === 'csv' ? csvSource(request) : parquetSource(connection, request);

/**
 * The source's rows with every converted value beside its text: checks and
 * the insert read the same conversion. `strict` raises an error for a value
 * that does not convert, instead of leaving it null for a check to find.
 */
export const convertedSelect = (source: FileSource, conversion: 'lenient' | 'strict' = 'lenient'): string => {
  const typed = source.columns.flatMap((c) => {
    if (!c.parser) {
      return [];
    }
    const value = c.parser.sql(c.text);
    // Strict: the conversion runs once, and only a null from text that was there reaches the error.
    const converted =
      conversion === 'lenient'
        ? value
        : `coalesce(${value}, case when ${c.text} is not null then error(${quoteLiteral(`${c.name}: ${c.parser.rule}`)}) end)`;
    return [`${converted} as ${c.typed}`];
  });
  return `select ${['*', ...typed].join(', ')} from (${source.select})`;
};

/** How many records DuckDB's CSV reader rejected in the last read of the table's file. */
export const countRejects = async (connection: DuckDBConnection, table: ContractTable): Promise<number> =>
  Number(await readScalar(connection, `select count(*) from ${quoteIdentifier(rejectsRelation(table))}`));

/** Records the CSV records DuckDB's reader rejected as problems, each with its line; returns how many. */
const recordRejects = async (connection: DuckDBConnection, request: ReadTableRequest, fileColumns: string[]) => {
  const rejectCount = await countRejects(connection, request.table);
  if (rejectCount > 0) {
    const names = fileColumns.map((name, i) => {
      const order = request.contractColumns.findIndex((c) => c.name === name);
      return `(${quoteLiteral(positional(i))}, ${quoteLiteral(name)}, ${order >= 0 ? order : 1000 + i})`;
    });
    // DuckDB's `line` counts records, not physical lines; the byte position
    // lets the report find the physical line.
    await connection.run(
      `insert into ${problemsTable}
       select $table_order, $file, 'reject', r.line - 2, r.line_byte_position, coalesce(h.column_order, 10000),
              h.header_name, left(trim(r.csv_line, chr(13) || chr(10)), 1000), '${rules.csvStructure}: ' || lower(r.error_type)
       from ${quoteIdentifier(rejectsRelation(request.table))} r
       left join (values ${names.join(', ')}) h(position_name, header_name, column_order) on r.column_name = h.position_name`,
      { table_order: request.tableOrder, file: request.file.name }
    );
  }
  return rejectCount;
};

const stageFile = async (connection: DuckDBConnection, request: ReadTableRequest): Promise<StagedTable | null> => {
  const { table, tableOrder, file } = request;
  const source = await readFileSource(connection, request);
  await reportHeader(connection, request, source.fileColumns, source.namesFrom);
  if (source.columns.length === 0) {
    return null;
  }
  const relation = stageRelation(table);
  // Converted once here; validation and the insert both read the result.
  await connection.run(`create or replace temp table ${relation} as ${convertedSelect(source)}`);
  const rejects = source.csv ? await recordRejects(connection, request, source.fileColumns) : 0;
  const rows = Number(await readScalar(connection, `select count(*) from ${relation}`));
  const rowIndex = source.csv ? 's.rowid' : 's._row';
  return { table, tableOrder, file, relation, rowIndex, columns: source.columns, rows, rejects, csv: source.csv };
};

/**
 * Reads one input file into a temp table, recording header problems and CSV
 * structure errors. Returns null when there is nothing to check: the file
 * cannot be read or has none of the contract's columns (recorded as problems).
 */
export const readTableFile = async (
  connection: DuckDBConnection,
  request: ReadTableRequest
): Promise<StagedTable | null> => {
  try {
    return await stageFile(connection, request);
  } catch (error) {
    const message = errorMessage(error).split('\n')[0];
    if (outOfMemory(message) || outOfSpace(message)) {
      // The machine ran short, not the file: the load stops and says so (replaceDatabase).
      throw error;
    }
    await addProblem(connection, {
      tableOrder: request.tableOrder,
      file: request.file.name,
      source: 'file',
      value: message,
      rule: rules.unreadableFile,
    });
    return null;
  }
};

/** Temp tables a staged file leaves behind. */
export const stagedRelations = (table: ContractTable): string[] => [
  stageRelation(table),
  quoteIdentifier(rejectsRelation(table)),
  quoteIdentifier(`${rejectsRelation(table)}_scans`),
];
