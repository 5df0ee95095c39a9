import type { DuckDBConnection } from '@duckdb/node-api';
import type { JourneyQuery } from '@touchpoint/contract/src/queryRequest';
import type { TimeRange } from '@touchpoint/contract/src/timeRange';
import type { PlainValue } from '../db/plainValue';
import { readRows, readScalar } from '../db/readRows';
import type { ColumnarResult } from '../service/frames/readFrame';
import { journeyResult } from './journeyRows';
import { journeySql } from './journeySql';

/**
 * Where the journey leaks over one range: the statement that ran, its
 * frame's columns, and the churn window the warehouse was built with (so a
 * view can say "within 90 days" from the data, not from a constant).
 */
export const runJourney = async (
  connection: DuckDBConnection,
  query: Pick<JourneyQuery, 'groupBy' | 'filters'>,
  range: TimeRange
): Promise<{ sql: string; result: ColumnarResult; churnWindowDays: number }> => {
  const bound = journeySql(query, range);
  const rows = await readRows(connection, bound.sql, bound.params, bound.types);
  const churnWindowDays = Number(await readScalar(connection, 'select churn_window_days from model_params'));
  return { sql: bound.sql, result: journeyResult(rows, query.groupBy), churnWindowDays };
};

/** The columns as one object per group, for checks and figures that read a group at a time. */
export const journeyRecords = (result: ColumnarResult): Array<Record<string, PlainValue>> =>
  Array.from({ length: result.rows }, (_, row) =>
    Object.fromEntries(result.names.map((name, column) => [name, result.columns[column][row]]))
  );
