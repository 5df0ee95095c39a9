import type { DuckDBConnection } from '@duckdb/node-api';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { rawTablesFile } from '@touchpoint/sql';
import { quoteLiteral } from '@touchpoint/server/src/db/quoteIdentifier';
import { readScalar } from '@touchpoint/server/src/db/readRows';
import { runSqlFile } from '@touchpoint/server/src/warehouse/runSqlFile';
import { exportRawTables } from '@touchpoint/seed';

/** Null when the time is at or after the split: not known yet in the base. */
const before = (column: string) => `case when ${column} < $split then ${column} end as ${column}`;

/**
 * The raw tables as they stood before `split`: rows that began before it,
 * with what happened from it on not yet there (a contact resolved later is
 * open, a customer who left later is active, a case closed later is open).
 */
const baseRows: Record<string, string> = {
  branches: 'select * from {src}.raw.branches',
  customers: `select customer_id, branch_id, segment, started_at, ${before('ended_at')}, monthly_revenue
    from {src}.raw.customers where started_at < $split`,
  interactions: `select interaction_id, customer_id, branch_id, channel, agent_id, topic, opened_at,
    ${before('first_response_at')}, ${before('resolved_at')}, handle_seconds
    from {src}.raw.interactions where opened_at < $split`,
  responses: 'select * from {src}.raw.responses where responded_at < $split',
  followups: `select followup_id, response_id, opened_at, ${before('first_contact_at')}, ${before('closed_at')}, owner, root_cause
    from {src}.raw.followups where opened_at < $split`,
};

/** What changed from the split on: new rows, and the whole new version of rows that changed. */
const incrementRows: Record<string, string | null> = {
  branches: null,
  customers: 'select * from {src}.raw.customers where started_at >= $split or ended_at >= $split',
  interactions: `select * from {src}.raw.interactions
    where opened_at >= $split or first_response_at >= $split or resolved_at >= $split`,
  responses: 'select * from {src}.raw.responses where responded_at >= $split',
  followups: `select * from {src}.raw.followups
    where opened_at >= $split or first_contact_at >= $split or closed_at >= $split`,
};

const keys: Record<string, string> = {
  branches: 'branch_id',
  customers: 'customer_id',
  interactions: 'interaction_id',
  responses: 'response_id',
  followups: 'followup_id',
};

export interface SplitCounts {
  /** Rows of the increment per file written. */
  increment: Record<string, number>;
  /** Increment rows that replace a base row: contacts resolved, customers who left, cases closed. */
  changed: Record<string, number>;
}

/**
 * Writes the raw tables of catalog `src` (attached to `connection`) as
 * contract CSV files three ways: `full`, everything (when given); `base`, as it stood
 * before `split` (ISO timestamp, UTC); `increment`, the files an export
 * from `split` on would hold. Loading base, then appending the increment,
 * must give what loading full gives. The increment has no branches file:
 * an increment holds any subset of the files.
 */
export const writeSplit = async (
  connection: DuckDBConnection,
  src: string,
  split: string,
  dirs: { full?: string; base: string; increment: string }
): Promise<SplitCounts> => {
  // Inlined rather than bound: a statement without the split cannot take its parameter.
  const sql = (text: string) => text.replaceAll('{src}', src).replaceAll('$split', `timestamp ${quoteLiteral(split)}`);
  await connection.run("attach if not exists ':memory:' as split_work");
  await connection.run('use split_work');
  try {
    await runSqlFile(connection, rawTablesFile);
    const fill = async (rows: Record<string, string | null>) => {
      for (const [table, select] of Object.entries(rows)) {
        await connection.run(`delete from raw.${table}`);
        if (select) {
          await connection.run(`insert into raw.${table} ${sql(select)}`);
        }
      }
    };
    if (dirs.full !== undefined) {
      await fill(Object.fromEntries(Object.keys(baseRows).map((t) => [t, `select * from {src}.raw.${t}`])));
      await exportRawTables(connection, dirs.full, 'csv');
    }
    await fill(baseRows);
    await exportRawTables(connection, dirs.base, 'csv');
    const counts: SplitCounts = { increment: {}, changed: {} };
    for (const [table, select] of Object.entries(incrementRows)) {
      if (select) {
        counts.increment[table] = Number(await readScalar(connection, `select count(*) from (${sql(select)})`));
        counts.changed[table] = Number(
          await readScalar(
            connection,
            `select count(*) from (${sql(select)}) i where i.${keys[table]} in (select ${keys[table]} from raw.${table})`
          )
        );
      }
    }
    await fill(incrementRows);
    await exportRawTables(connection, dirs.increment, 'csv');
    rmSync(join(dirs.increment, 'branches.csv'));
    return counts;
  } finally {
    await connection.run(`use ${src}`);
    await connection.run(`detach split_work`);
  }
};
