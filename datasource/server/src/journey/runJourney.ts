import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { journeyQuerySchema } from '@touchpoint/contract/src/queryRequest';
import type { TimeRange } from '@touchpoint/contract/src/timeRange';
import type { PlainValue } from '../db/plainValue';
import { readRows } from '../db/readRows';
import type { ColumnarResult } from '../service/frames/readFrame';
import { addEdges, keepBoundary, type KeptWholeDays } from './journeyEdges';
import { journeyResult } from './journeyRows';
import { journeyBoundarySql, journeySettingsSql, journeySql, type JourneyShape } from './journeySql';
import { nextDays } from '../days/nextDays';
import { splitWholeDays, type DaySplit, type WholeDaysKeeper } from '../days/splitWholeDays';

/** A question (the contract's, as a request asks it) and its whole days: what a keeper's key names, and what it counts again for a new file. */
const wholeDaysQuestionSchema = journeyQuerySchema.pick({ groupBy: true, filters: true }).extend({
  whole: z.object({ from: z.number(), to: z.number() }),
});
export type WholeDaysQuestion = z.infer<typeof wholeDaysQuestionSchema>;

export const wholeDaysKey = (question: WholeDaysQuestion): string =>
  JSON.stringify({ groupBy: question.groupBy, filters: question.filters, whole: question.whole });

/** The question a keeper's key names; undefined for a key that is not one. */
export const wholeDaysQuestion = (key: string): WholeDaysQuestion | undefined => {
  try {
    const parsed = wholeDaysQuestionSchema.safeParse(JSON.parse(key));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
};

/**
 * A range's journey from its whole days, counted once and kept, and its
 * edges added (journeyEdges.ts); undefined when the keeper has nothing kept
 * yet and does not make the request wait.
 */
const keptJourney = async (
  query: JourneyShape,
  split: DaySplit,
  keeper: WholeDaysKeeper<KeptWholeDays>
): Promise<{ sql: string; result: ColumnarResult } | undefined> => {
  const wholeBound = journeySql(query, split.whole);
  const boundaryBound = journeyBoundarySql(query, split.whole, split.boundary);
  const key = wholeDaysKey({ groupBy: query.groupBy, filters: query.filters, whole: split.whole });
  const kept = await keeper(key, async (connection) => {
    const groups = await readRows(connection, wholeBound.sql, wholeBound.params, wholeBound.types);
    const boundary = await readRows(connection, boundaryBound.sql, boundaryBound.params, boundaryBound.types);
    const [settings] = await readRows(connection, journeySettingsSql);
    return {
      groups,
      boundary: keepBoundary(boundary, groups, query.groupBy),
      asOf: settings.as_of === null ? null : Number(settings.as_of),
      churnWindowDays: Number(settings.churn_window_days),
    };
  });
  if (!kept) {
    return undefined;
  }
  return {
    sql: `-- the whole days, counted once and kept\n${wholeBound.sql};\n-- the days either side, kept to add the partial days at the edges from\n${boundaryBound.sql}`,
    result: journeyResult(addEdges(kept, split.edges, query.groupBy), query.groupBy),
  };
};

/** A kept question's key for the next day (nextDays), or undefined for a key that names none. */
export const journeyKeyForNextDay = (key: string, midnight: number): string | undefined => {
  const question = wholeDaysQuestion(key);
  const whole = question && nextDays(question.whole, midnight);
  return question && whole ? wholeDaysKey({ ...question, whole }) : undefined;
};

/**
 * Where the journey leaks over one range: the statements that ran and the
 * frame's columns. With a keeper, the whole days inside the range are
 * counted once and kept with the ratings of the day on either side, and
 * each request adds its partial days from those (journeyEdges.ts) without
 * a statement: a dashboard's `now-90d` moves with every refresh, but its
 * whole days stay the same all day, and counting each customer once over
 * them is the journey's whole cost. When the keeper has nothing kept yet
 * and does not make the request wait (its first), the range is read at once.
 */
export const runJourney = async (
  connection: DuckDBConnection,
  query: JourneyShape,
  range: TimeRange,
  keeper?: WholeDaysKeeper<KeptWholeDays>
): Promise<{ sql: string; result: ColumnarResult }> => {
  const split = keeper && splitWholeDays(range);
  const kept = split && (await keptJourney(query, split, keeper));
  if (kept) {
    return kept;
  }
  const bound = journeySql(query, range);
  const rows = await readRows(connection, bound.sql, bound.params, bound.types);
  return { sql: bound.sql, result: journeyResult(rows, query.groupBy) };
};

/** A kept question counted again on another warehouse (a new file), from its key: false for a key that names none. */
export const countJourneyAhead = async (key: string, keeper: WholeDaysKeeper<KeptWholeDays>): Promise<boolean> => {
  const question = wholeDaysQuestion(key);
  // The range of the whole days alone has no edges: it counts them and the days either side, and keeps them.
  const split = question && splitWholeDays(question.whole);
  if (!question || !split) {
    return false;
  }
  return (await keptJourney(question, split, keeper)) !== undefined;
};

/** The columns as one object per group, for checks and figures that read a group at a time. */
export const journeyRecords = (result: ColumnarResult): Array<Record<string, PlainValue>> =>
  Array.from({ length: result.rows }, (_, row) =>
    Object.fromEntries(result.names.map((name, column) => [name, result.columns[column][row]]))
  );
