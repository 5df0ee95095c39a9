import { listValue, type DuckDBConnection } from '@duckdb/node-api';
import { readRows, readScalar } from '../db/readRows';
import { openCsvBytes } from './readCsvHeader';
import type { CsvSource } from './readTableFile';

const newlinesTable = 'load_newlines';

/**
 * For records of a CSV file (0-based, header excluded), the newlines inside
 * quoted values of all records before them: a record's physical line is its
 * index + header lines + 1 + that. Only the failure path pays for this, by
 * reading the file again with all its columns (extra ones hold newlines too).
 */
export const newlinesBeforeRecords = async (
  connection: DuckDBConnection,
  csv: CsvSource,
  recordIndexes: number[]
): Promise<Map<number, number>> => {
  const result = new Map(recordIndexes.map((index) => [index, 0]));
  if (recordIndexes.length === 0 || csv.columnCount === 0) {
    return result;
  }
  const counts = Array.from(
    { length: csv.columnCount },
    (_, i) => `coalesce(length(c${i}) - length(replace(c${i}, chr(10), '')), 0)`
  );
  try {
    await connection.run(
      `create or replace temp table ${newlinesTable} as select ${counts.join(' + ')} as nl from ${csv.readSql('load_rejects_newlines')}`
    );
    const anyNewline = Number(await readScalar(connection, `select count(*) from ${newlinesTable} where nl > 0`));
    if (anyNewline === 0) {
      return result;
    }
    // A running sum over the (usually few) records holding newlines; each
    // wanted record takes the sum through the last such record before it.
    const rows = await readRows(
      connection,
      `with marks as (select rowid as record, sum(nl) over (order by rowid) as through from ${newlinesTable} where nl > 0),
            wanted as (select unnest($records::bigint[]) as record_index)
       select record_index, coalesce(through, 0) as before from wanted asof left join marks on record_index > record`,
      { records: listValue(recordIndexes) }
    );
    for (const row of rows) {
      result.set(Number(row.record_index), Number(row.before));
    }
    return result;
  } finally {
    await connection.run(
      `drop table if exists ${newlinesTable}; drop table if exists load_rejects_newlines; drop table if exists load_rejects_newlines_scans`
    );
  }
};

const countNewlines = (bytes: Buffer, from: number, to: number): number => {
  let count = 0;
  for (let i = bytes.indexOf(10, from); i !== -1 && i < to; i = bytes.indexOf(10, i + 1)) {
    count += 1;
  }
  return count;
};

/**
 * The physical line (1-based) starting at each of the given byte offsets of a
 * file (decompressed when .gz): 1 + the newlines before it. DuckDB reports a
 * malformed CSV record with its byte offset, and its own line count skips
 * newlines inside quotes. Reads only as far as the last offset.
 */
export const linesAtBytePositions = async (path: string, positions: number[]): Promise<Map<number, number>> => {
  const targets = [...new Set(positions)].sort((a, b) => a - b);
  const lines = new Map<number, number>();
  const stream = openCsvBytes(path);
  let offset = 0;
  let newlines = 0;
  let next = 0;
  try {
    for await (const chunk of stream) {
      const bytes = chunk as Buffer;
      let from = 0;
      while (next < targets.length && targets[next] <= offset + bytes.length) {
        const to = targets[next] - offset;
        newlines += countNewlines(bytes, from, to);
        from = to;
        lines.set(targets[next], newlines + 1);
        next += 1;
      }
      if (next === targets.length) {
        break;
      }
      newlines += countNewlines(bytes, from, bytes.length);
      offset += bytes.length;
    }
  } finally {
    stream.destroy();
  }
  for (; next < targets.length; next += 1) {
    lines.set(targets[next], newlines + 1);
  }
  return lines;
};
