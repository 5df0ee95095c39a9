import type { DuckDBConnection } from '@duckdb/node-api';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rawTablesFile, referenceFile } from '@touchpoint/sql';
import { openDatabase } from '../../db/openDatabase';
import { quoteLiteral } from '../../db/quoteIdentifier';
import { readRows } from '../../db/readRows';
import { runSqlFile } from '../../warehouse/runSqlFile';
import { contractTables } from '../contractRules';

/** The hand-written valid input files. */
export const validFixture = join(__dirname, '..', 'fixtures', 'valid');

/** A fresh temp directory; tests remove it themselves. */
export const tempDir = (prefix: string): string => mkdtempSync(join(tmpdir(), `touchpoint-${prefix}-`));

/** A copy of the valid fixture in a temp directory, for a test to break. */
export const copyValidFixture = (): string => {
  const dir = tempDir('load-input');
  cpSync(validFixture, dir, { recursive: true });
  return dir;
};

/** Replaces one exact piece of a file's text; fails loudly if the piece is not there exactly once. */
export const editFile = (path: string, from: string, to: string): void => {
  const text = readFileSync(path, 'utf8');
  if (text.split(from).length !== 2) {
    throw new Error(`${path}: expected exactly one '${from}'`);
  }
  writeFileSync(path, text.replace(from, to));
};

export const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** An in-memory database with the raw and reference tables and nothing else. */
export const withRawDatabase = async <T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> => {
  const instance = await openDatabase(':memory:');
  const connection = await instance.connect();
  try {
    await runSqlFile(connection, rawTablesFile);
    await runSqlFile(connection, referenceFile);
    return await work(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
};

/** One hash per raw table over its rows in stored order: equal hashes, equal tables. */
export const rawTableHashes = async (connection: DuckDBConnection): Promise<Record<string, string>> => {
  const hashes: Record<string, string> = {};
  for (const table of contractTables) {
    const rows = await readRows(
      connection,
      `select md5(coalesce(string_agg(cast(t as varchar), chr(10) order by t.rowid), '')) as hash from raw.${table} t`
    );
    hashes[table] = String(rows[0].hash);
  }
  return hashes;
};

/** Writes every fixture CSV as Parquet with text columns, the way an export tool would hand them over. */
export const writeParquetCopy = async (connection: DuckDBConnection, fromDir: string, toDir: string): Promise<void> => {
  for (const table of contractTables) {
    const source = `read_csv(${quoteLiteral(join(fromDir, `${table}.csv`))}, header = true, all_varchar = true)`;
    await connection.run(
      `copy (select * from ${source}) to ${quoteLiteral(join(toDir, `${table}.parquet`))} (format parquet)`
    );
  }
};
