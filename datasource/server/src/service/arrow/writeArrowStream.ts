import { DuckDBTypeId, type DuckDBResult, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import {
  Bool,
  Field,
  Float64,
  Int32,
  Int64,
  RecordBatch,
  RecordBatchStreamWriter,
  Schema,
  Struct,
  TimestampMillisecond,
  Utf8,
  makeData,
  vectorFromArray,
  type DataType,
} from 'apache-arrow';
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { toPlainValue } from '../../db/plainValue';

type Column = { type: DataType; convert: (value: DuckDBValue, type: DuckDBType) => unknown };

const int64 = (value: DuckDBValue) =>
  value === null ? null : typeof value === 'bigint' ? value : BigInt(Math.trunc(Number(value)));
const plainNumber = (value: DuckDBValue, type: DuckDBType) => {
  const plain = toPlainValue(value, type);
  return typeof plain === 'number' ? plain : null;
};
const text = (value: DuckDBValue, type: DuckDBType) => {
  const plain = toPlainValue(value, type);
  return plain === null ? null : typeof plain === 'object' ? JSON.stringify(plain) : String(plain);
};

/** The Arrow type that keeps a DuckDB column's values exact. */
const columnFor = (typeId: DuckDBTypeId): Column => {
  switch (typeId) {
    case DuckDBTypeId.BOOLEAN:
      return { type: new Bool(), convert: (v) => v };
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
      return { type: new Int32(), convert: plainNumber };
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UINTEGER:
      return { type: new Int64(), convert: int64 };
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT:
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DOUBLE:
    case DuckDBTypeId.DECIMAL:
      return { type: new Float64(), convert: plainNumber };
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_TZ:
    case DuckDBTypeId.TIMESTAMP_MS:
    case DuckDBTypeId.TIMESTAMP_S:
    case DuckDBTypeId.TIMESTAMP_NS:
    case DuckDBTypeId.DATE:
      return { type: new TimestampMillisecond(), convert: plainNumber };
    default:
      return { type: new Utf8(), convert: text };
  }
};

/**
 * Streams a DuckDB result to `output` as an Arrow IPC stream, one record
 * batch per DuckDB chunk, so a large result never sits whole in memory.
 * Stops after `maxRows` rows; returns the rows written and whether it stopped early.
 */
export const writeArrowStream = async (
  result: DuckDBResult,
  output: Writable,
  maxRows: number
): Promise<{ rows: number; truncated: boolean }> => {
  const duckTypes = result.columnTypes();
  const columns = duckTypes.map((t) => columnFor(t.typeId));
  const schema = new Schema(result.columnNames().map((name, i) => new Field(name, columns[i].type, true)));
  const writer = new RecordBatchStreamWriter();
  const stream = writer.toNodeStream();
  stream.pipe(output);
  writer.reset(undefined, schema);
  let rows = 0;
  let truncated = false;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) {
      break;
    }
    const take = Math.min(chunk.rowCount, maxRows - rows);
    const children = chunk.getColumns().map((values, i) => {
      const converted = values.slice(0, take).map((value) => columns[i].convert(value, duckTypes[i]));
      return vectorFromArray(converted, columns[i].type).data[0];
    });
    writer.write(
      new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: take, nullCount: 0, children }))
    );
    rows += take;
    if (take < chunk.rowCount) {
      truncated = true;
      break;
    }
    // Let the socket drain before reading the next chunk: memory stays flat.
    if (output.writableNeedDrain) {
      await once(output, 'drain');
    }
  }
  writer.finish();
  await once(stream, 'end');
  return { rows, truncated };
};
