import type { DuckDBConnection, DuckDBType, DuckDBValue } from '@duckdb/node-api';
import { toPlainValue, type PlainValue } from './toPlainValue';

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
  const names = reader.columnNames();
  return reader.getRows().map((values) => {
    const row: Row = {};
    values.forEach((value, i) => {
      row[names[i]] = toPlainValue(value);
    });
    return row;
  });
};

/** The first column of the first row, for scalar queries. */
export const readScalar = async (
  connection: DuckDBConnection,
  sql: string,
  params: Params = []
): Promise<PlainValue> => {
  const rows = (await connection.runAndReadAll(sql, params)).getRows();
  return rows.length === 0 ? null : toPlainValue(rows[0][0]);
};
