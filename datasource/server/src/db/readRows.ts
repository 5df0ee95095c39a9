import type { DuckDBConnection, DuckDBType, DuckDBValue } from '@duckdb/node-api';
import { plainValueConverter, type PlainValue } from './plainValue';

export type Row = Record<string, PlainValue>;
type Params = Record<string, DuckDBValue> | DuckDBValue[];
type Types = Record<string, DuckDBType> | DuckDBType[];

/** Runs one query with bound parameters and returns plain rows. */
export const readRows = async (
  connection: DuckDBConnection,
  sql: string,
  params: Params = [],
  types?: Types
): Promise<Row[]> => {
  const reader = await connection.runAndReadAll(sql, params, types);
  return reader.convertRowObjects(plainValueConverter);
};

/** The first column of the first row, for scalar queries. */
export const readScalar = async (
  connection: DuckDBConnection,
  sql: string,
  params: Params = []
): Promise<PlainValue> => {
  const rows = (await connection.runAndReadAll(sql, params)).convertRows(plainValueConverter);
  return rows[0]?.[0] ?? null;
};

/** Runs one query and returns its plain values by column: for many rows, one array per column rather than an object per row. */
export const readColumns = async (
  connection: DuckDBConnection,
  sql: string,
  params: Params = [],
  types?: Types
): Promise<Record<string, PlainValue[]>> => {
  const reader = await connection.runAndReadAll(sql, params, types);
  return reader.convertColumnsObject(plainValueConverter);
};
