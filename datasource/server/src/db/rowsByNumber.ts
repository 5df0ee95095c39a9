import type { DuckDBConnection } from '@duckdb/node-api';

/** DuckDB's rows per row group (its default row_group_size): the unit a scan skips or reads. */
const ROW_GROUP_ROWS = 122_880n;

/** More parts than this and a scan's own cost outweighs the row groups it skips. */
const MAX_PARTS = 32;

/**
 * The runs of row numbers in `rowids` (a relation with one column `r` of row
 * numbers of one table): rows less than a row group apart share a run, and
 * the runs closest together are joined until at most MAX_PARTS remain.
 */
const rowRuns = async (connection: DuckDBConnection, rowids: string): Promise<Array<[bigint, bigint]>> => {
  const reader = await connection.runAndReadAll(
    `select min(r) as lo, max(r) as hi from (
       select r, sum(case when r - previous > ${ROW_GROUP_ROWS} then 1 else 0 end) over (order by r) as run
       from (select r, lag(r) over (order by r) as previous from ${rowids})
     ) group by run order by lo`
  );
  const runs = reader.getRowObjects().map((row) => [row.lo as bigint, row.hi as bigint] as [bigint, bigint]);
  while (runs.length > MAX_PARTS) {
    let closest = 1;
    for (let i = 2; i < runs.length; i += 1) {
      if (runs[i][0] - runs[i - 1][1] < runs[closest][0] - runs[closest - 1][1]) {
        closest = i;
      }
    }
    runs.splice(closest - 1, 2, [runs[closest - 1][0], runs[closest][1]]);
  }
  return runs;
};

/**
 * A query reading the rows of a table whose row numbers `rowids` holds
 * (column `r`): `select` (a `select ... from table`, no where, its row
 * numbers `numberColumn`: the table's rowid, or a subquery's column holding
 * it, which DuckDB still bounds the table's scan by) once per run of nearby
 * row numbers, each part bounded by constants that skip the row groups
 * between the runs. Why: DuckDB reads a semi join's side whole, every
 * column the query uses of every row, and prunes a `rowid in (...)` only by
 * the set's lowest and highest number, so one old row among a day's makes
 * it read the table whole (a day's rows and two old ones among 10M
 * contacts: 1.3 s at once, 0.24 s in parts). The row numbers are found
 * first on the few columns a predicate reads (rowsWhere.ts).
 */
export const rowsByNumber = async (
  connection: DuckDBConnection,
  select: string,
  rowids: string,
  numberColumn = 'rowid'
): Promise<string> => {
  const runs = await rowRuns(connection, rowids);
  if (runs.length === 0) {
    return `${select} where false`;
  }
  return runs
    .map(
      ([lo, hi]) =>
        `${select} where ${numberColumn} between ${lo} and ${hi} and ${numberColumn} in (select r from ${rowids})`
    )
    .join(' union all ');
};
