import { DuckDBTypeId, type DuckDBResult } from '@duckdb/node-api';
import type { FieldType } from '@touchpoint/contract/src/dataFrame';
import { plainValueConverter, type PlainValue } from '../../db/plainValue';

/** A query result as columns, before it becomes one or more frames. */
export interface ColumnarResult {
  names: string[];
  types: FieldType[];
  columns: PlainValue[][];
  rows: number;
  /** True when a row or byte cap cut the result short. */
  truncated: boolean;
}

export interface ResultCaps {
  maxRows: number;
  maxBytes: number;
}

const timeTypes = new Set([
  DuckDBTypeId.TIMESTAMP,
  DuckDBTypeId.TIMESTAMP_TZ,
  DuckDBTypeId.TIMESTAMP_MS,
  DuckDBTypeId.TIMESTAMP_S,
  DuckDBTypeId.TIMESTAMP_NS,
  DuckDBTypeId.DATE,
]);
const numberTypes = new Set([
  DuckDBTypeId.TINYINT,
  DuckDBTypeId.SMALLINT,
  DuckDBTypeId.INTEGER,
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UTINYINT,
  DuckDBTypeId.USMALLINT,
  DuckDBTypeId.UINTEGER,
  DuckDBTypeId.UBIGINT,
  DuckDBTypeId.UHUGEINT,
  DuckDBTypeId.FLOAT,
  DuckDBTypeId.DOUBLE,
  DuckDBTypeId.DECIMAL,
]);

export const fieldTypeOf = (typeId: DuckDBTypeId): FieldType => {
  if (timeTypes.has(typeId)) {
    return 'time';
  }
  if (numberTypes.has(typeId)) {
    return 'number';
  }
  if (typeId === DuckDBTypeId.BOOLEAN) {
    return 'boolean';
  }
  if (typeId === DuckDBTypeId.VARCHAR || typeId === DuckDBTypeId.ENUM || typeId === DuckDBTypeId.UUID) {
    return 'string';
  }
  return 'other';
};

// A rough JSON size, enough to stop a result before it swamps memory.
const sizeOf = (value: PlainValue): number => {
  if (value === null) {
    return 4;
  }
  if (typeof value === 'string') {
    return value.length + 2;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return 8;
  }
  return JSON.stringify(value).length;
};

/** Reads a streaming result chunk by chunk until it ends or a cap is reached. */
export const readFrame = async (result: DuckDBResult, caps: ResultCaps): Promise<ColumnarResult> => {
  const names = result.columnNames();
  const types = result.columnTypes().map((t) => fieldTypeOf(t.typeId));
  const columns: PlainValue[][] = names.map(() => []);
  let rows = 0;
  let bytes = 0;
  let truncated = false;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) {
      break;
    }
    const chunkColumns = chunk.convertColumns(plainValueConverter);
    const take = Math.min(chunk.rowCount, caps.maxRows - rows);
    for (let r = 0; r < take && !truncated; r += 1) {
      for (let c = 0; c < names.length; c += 1) {
        const value = chunkColumns[c][r];
        bytes += sizeOf(value);
        columns[c].push(value);
      }
      rows += 1;
      if (bytes > caps.maxBytes) {
        truncated = true;
      }
    }
    if (take < chunk.rowCount) {
      truncated = true;
    }
    if (truncated) {
      break;
    }
  }
  return { names, types, columns, rows, truncated };
};
