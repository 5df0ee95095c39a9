import type { DuckDBConnection } from '@duckdb/node-api';
import type { DrillQuery, QueryRequest, SqlQuery } from '@touchpoint/contract/src/queryRequest';
import type { BoundQuery } from '../../db/boundQuery';
import type { TimeRange } from '@touchpoint/contract/src/timeRange';
import { drillSql } from '../drill/drillSql';
import type { ServingDatabase } from '../servingDatabase';
import { expandSql, type ExpandedSql } from '../sql/expandSql';
import { effectiveRange, requestIntervalMs } from './requestRange';

export interface BoundStatement {
  bound: BoundQuery;
  range: TimeRange;
  /** How a time-series SQL answer fills its gaps (from `$__timeGroup`'s fill argument). */
  fill?: ExpandedSql['fill'];
}

/**
 * The one path from a row query (ad-hoc SQL or a drill) to a statement with
 * bound values, on the database it will run on: its range ends at that
 * data's latest event, macros and variables expand against its catalog, and
 * ad-hoc SQL passes the guard. The JSON and the Arrow answers both start here.
 */
export const bindStatement = async (
  connection: DuckDBConnection,
  database: ServingDatabase,
  request: Pick<QueryRequest, 'from' | 'to' | 'intervalMs' | 'maxDataPoints'>,
  query: SqlQuery | DrillQuery
): Promise<BoundStatement> => {
  const range = effectiveRange(request, database.info.asOf);
  if (query.kind === 'drill') {
    return { bound: drillSql(query, range), range };
  }
  const expanded = expandSql(query.sql, {
    range,
    intervalMs: requestIntervalMs(request, range),
    variables: query.variables,
    metrics: database.metrics,
  });
  await database.guarded.check(connection, expanded.sql, () => undefined);
  return { bound: expanded, range, fill: expanded.fill };
};
