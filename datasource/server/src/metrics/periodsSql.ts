import type { BoundQuery } from '../db/boundQuery';
import { quoteIdentifier } from '../db/quoteIdentifier';
import type { Row } from '../db/readRows';

/** The column that tells the current period's rows (0) from the previous period's (1). */
const PERIOD = '__period';

/**
 * A metric's current and previous period as one statement, so a compared
 * panel costs one query: DuckDB plans and runs both at once instead of one
 * after the other. The two were bound with different parameter prefixes;
 * rows come back current first, each period in its own order by `groupBy`.
 */
export const periodsSql = (current: BoundQuery, previous: BoundQuery, groupBy: readonly string[]): BoundQuery => ({
  sql:
    `select * from ((select 0 as ${PERIOD}, * from (${current.sql})) union all by name ` +
    `(select 1 as ${PERIOD}, * from (${previous.sql}))) ` +
    `order by ${[PERIOD, ...groupBy.map(quoteIdentifier)].join(', ')}`,
  params: { ...current.params, ...previous.params },
  types: { ...current.types, ...previous.types },
});

/** The rows of periodsSql split back into the current and the previous period's. */
export const splitPeriods = (rows: Row[]): { current: Row[]; previous: Row[] } => {
  const current: Row[] = [];
  const previous: Row[] = [];
  for (const { [PERIOD]: period, ...row } of rows) {
    (period === 0 ? current : previous).push(row);
  }
  return { current, previous };
};
