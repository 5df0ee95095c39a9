import type { DuckDBConnection } from '@duckdb/node-api';
import type { JourneyQuery } from '@touchpoint/contract/src/queryRequest';
import type { TimeRange } from '@touchpoint/contract/src/timeRange';
import type { PlainValue } from '../db/plainValue';
import { readRows } from '../db/readRows';
import type { ColumnarResult } from '../service/frames/readFrame';
import { journeyResult } from './journeyRows';
import { journeySql } from './journeySql';

/** Where the journey leaks over one range: the statement that ran and its frame's columns. */
export const runJourney = async (
  connection: DuckDBConnection,
  query: Pick<JourneyQuery, 'groupBy' | 'filters'>,
  range: TimeRange
): Promise<{ sql: string; result: ColumnarResult }> => {
  const bound = journeySql(query, range);
  const rows = await readRows(connection, bound.sql, bound.params, bound.types);
  return { sql: bound.sql, result: journeyResult(rows, query.groupBy) };
};

/** The columns as one object per group, for checks and figures that read a group at a time. */
export const journeyRecords = (result: ColumnarResult): Array<Record<string, PlainValue>> =>
  Array.from({ length: result.rows }, (_, row) =>
    Object.fromEntries(result.names.map((name, column) => [name, result.columns[column][row]]))
  );
