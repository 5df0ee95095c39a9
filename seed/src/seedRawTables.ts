import type { DuckDBConnection } from '@duckdb/node-api';
import { readScalar } from '@touchpoint/server/src/db/readRows';
import { silentProgress, type Progress } from '@touchpoint/server/src/progress';
import { generateBranches } from './generateBranches';
import { generateCalendar } from './generateCalendar';
import { generateChurn } from './generateChurn';
import { generateContacts } from './generateContacts';
import { generateCustomers } from './generateCustomers';
import { generateFollowups } from './generateFollowups';
import { generateInteractions } from './generateInteractions';
import { generateResponses } from './generateResponses';
import type { RandomSource } from './randomSource';
import type { SeedPlan } from './seedPlan';

export interface SeedCounts {
  branches: number;
  customers: number;
  interactions: number;
  responses: number;
  followups: number;
}

const workTables = [
  'seed_calendar',
  'seed_branches',
  'seed_customers',
  'seed_contacts',
  'seed_customer_ends',
  'seed_branch_days',
];

const countRows = async (connection: DuckDBConnection, table: string): Promise<number> =>
  Number(await readScalar(connection, `select count(*) from raw.${table}`));

/**
 * Fills the raw tables (which must exist and be empty) with synthetic
 * data for the plan, drawing everything from `random`. The work tables are
 * temporary, so they never reach the database file.
 */
export const seedRawTables = async (
  connection: DuckDBConnection,
  plan: SeedPlan,
  random: RandomSource,
  progress: Progress = silentProgress
): Promise<SeedCounts> => {
  // Row order in the raw tables carries no meaning (ids are keys), and
  // without it DuckDB writes the big inserts fully in parallel.
  const preserveOrder = await readScalar(connection, "select current_setting('preserve_insertion_order')");
  await connection.run('set preserve_insertion_order = false');
  try {
    progress.step('seeding branches');
    await generateCalendar(connection, plan);
    await generateBranches(connection, plan, random);
    progress.step('seeding customers');
    await generateCustomers(connection, plan, random);
    progress.step('seeding contacts');
    await generateContacts(connection, plan, random);
    progress.step('seeding churn');
    await generateChurn(connection, plan, random);
    progress.step('seeding interactions');
    await generateInteractions(connection, plan, random);
    progress.step('seeding responses');
    await generateResponses(connection, plan, random);
    progress.step('seeding follow-ups');
    await generateFollowups(connection, plan, random);
  } finally {
    for (const table of workTables) {
      await connection.run(`drop table if exists temp.${table}`);
    }
    await connection.run(`set preserve_insertion_order = ${preserveOrder === false ? 'false' : 'true'}`);
  }
  return {
    branches: await countRows(connection, 'branches'),
    customers: await countRows(connection, 'customers'),
    interactions: await countRows(connection, 'interactions'),
    responses: await countRows(connection, 'responses'),
    followups: await countRows(connection, 'followups'),
  };
};
