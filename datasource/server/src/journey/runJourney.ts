import type { DuckDBConnection } from '@duckdb/node-api';
import type { TimeRange } from '@touchpoint/contract/src/timeRange';
import type { PlainValue } from '../db/plainValue';
import { readRows } from '../db/readRows';
import type { ColumnarResult } from '../service/frames/readFrame';
import { journeyResult, type JourneyCountRow } from './journeyRows';
import { journeyEdgesSql, journeySql, type JourneyShape } from './journeySql';
import { addEdgeCounts, splitWholeDays } from './journeyWholeDays';

/**
 * Where a range's whole days' counts are kept: `key` names the query and
 * the whole days (not the data: the keeper belongs to one warehouse), and
 * `count` runs journeySql over them when it has not.
 */
export type WholeDaysKeeper = (key: string, count: () => Promise<JourneyCountRow[]>) => Promise<JourneyCountRow[]>;

/**
 * Where the journey leaks over one range: the statements that ran and the
 * frame's columns. With a keeper, the whole days inside the range are
 * counted once and kept, and each request reads only its partial days at
 * the edges (journeyEdgesSql): a dashboard's `now-90d` moves with every
 * refresh, but its whole days stay the same all day, and counting each
 * customer once over them is the journey's whole cost.
 */
export const runJourney = async (
  connection: DuckDBConnection,
  query: JourneyShape,
  range: TimeRange,
  keeper?: WholeDaysKeeper
): Promise<{ sql: string; result: ColumnarResult }> => {
  const split = keeper && splitWholeDays(range);
  if (!split) {
    const bound = journeySql(query, range);
    const rows = await readRows(connection, bound.sql, bound.params, bound.types);
    return { sql: bound.sql, result: journeyResult(rows, query.groupBy) };
  }
  const wholeBound = journeySql(query, split.whole);
  const key = JSON.stringify({ groupBy: query.groupBy, filters: query.filters, whole: split.whole });
  const whole = await keeper(key, () => readRows(connection, wholeBound.sql, wholeBound.params, wholeBound.types));
  if (split.edges.length === 0) {
    return { sql: wholeBound.sql, result: journeyResult(whole, query.groupBy) };
  }
  const edgesBound = journeyEdgesSql(query, split.whole, split.edges);
  const edges = await readRows(connection, edgesBound.sql, edgesBound.params, edgesBound.types);
  return {
    sql: `-- the whole days, counted once and kept\n${wholeBound.sql};\n-- the partial days at the edges, added to them\n${edgesBound.sql}`,
    result: journeyResult(addEdgeCounts(whole, edges, query.groupBy), query.groupBy),
  };
};

/** The columns as one object per group, for checks and figures that read a group at a time. */
export const journeyRecords = (result: ColumnarResult): Array<Record<string, PlainValue>> =>
  Array.from({ length: result.rows }, (_, row) =>
    Object.fromEntries(result.names.map((name, column) => [name, result.columns[column][row]]))
  );
