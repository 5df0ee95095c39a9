import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { seededDatabase, type SeededDatabase } from '@touchpoint/seed/src/testing/seededDatabase';
import { withDatabase } from '@touchpoint/server/src/db/withDatabase';
import { readRows } from '@touchpoint/server/src/db/readRows';
import { relationKind } from '@touchpoint/server/src/db/relationKind';
import { tempDir } from '@touchpoint/server/src/load/testing/loadFixtures';
import { appendWarehouse } from '@touchpoint/server/src/warehouse/appendWarehouse';
import { runSqlFile } from '@touchpoint/server/src/warehouse/runSqlFile';
import { rawTablesFile } from '@touchpoint/sql';
import { exportRawTables } from '@touchpoint/seed';
import { writeSplit, type SplitCounts } from '../support/splitWarehouse';
import { loadFull, readWarehouse } from '../support/fullLoad';

/** A month before the seed's end: contacts open at the split resolve after it, customers leave after it. */
const SPLIT = '2026-06-01T00:00:00';

/** A fact's rows in storage order (rowid), each with a hash of its content. */
const storedRows = (db: string) =>
  withDatabase(db, { readOnly: true }, async (connection) =>
    (
      await readRows(
        connection,
        'select interaction_id as id, hash(f)::varchar as h from fct_interactions as f order by rowid'
      )
    ).map((row) => `${String(row.id)} ${String(row.h)}`)
  );

describe('load --append gives what a full load of the merged files gives', () => {
  const dir = tempDir('increment');
  const dirs = { full: join(dir, 'full'), base: join(dir, 'base'), increment: join(dir, 'increment') };
  let seeded: SeededDatabase;
  let counts: SplitCounts;

  beforeAll(async () => {
    seeded = await seededDatabase({ scale: 0.02 });
    counts = await writeSplit(seeded.connection, 'memory', SPLIT, dirs);
  });
  afterAll(() => {
    seeded?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('splits the seed into a base and an increment that changes base rows', () => {
    // The increment replaces rows, not only adds them: the case the merge must get right.
    expect(counts.changed.customers).toBeGreaterThan(0);
    expect(counts.changed.interactions).toBeGreaterThan(0);
    expect(counts.changed.followups).toBeGreaterThan(0);
    expect(counts.increment.responses).toBeGreaterThan(0);
  });

  it('base + increment hashes equal to the full load in every table, view and the data version', async () => {
    const appended = join(dir, 'appended.duckdb');
    const full = join(dir, 'full.duckdb');
    await loadFull(appended, dirs.base);
    const base = await readWarehouse(appended);
    const { summary } = await appendWarehouse(appended, dirs.increment);
    expect(summary.tables.map((t) => t.table)).toEqual(['customers', 'interactions', 'responses', 'followups']);
    expect(summary.tables.find((t) => t.table === 'interactions')?.replaced).toBe(counts.changed.interactions);
    await loadFull(full, dirs.full);

    const expected = await readWarehouse(full);
    const actual = await readWarehouse(appended);
    expect(Object.keys(expected.hashes).length).toBeGreaterThan(20);
    expect(actual.hashes).toEqual(expected.hashes);
    expect(actual.dataVersion).toBe(expected.dataVersion);
    expect(base.dataVersion).not.toBe(expected.dataVersion);
  });

  it('writes only the rows that changed: the others keep their place in the time-ordered facts', async () => {
    const appended = join(dir, 'appended-order.duckdb');
    await loadFull(appended, dirs.base);
    const before = await storedRows(appended);
    await appendWarehouse(appended, dirs.increment);
    const after = await storedRows(appended);
    // The contacts rebuilt because a customer had a new one, yet equal to what they were, included:
    // written again, they would move to the end of the table, out of its time order.
    const kept = new Set(after);
    const unchanged = before.filter((row) => kept.has(row));
    expect(unchanged.length).toBeGreaterThan(0.5 * before.length);
    expect(unchanged.length).toBeLessThan(before.length);
    expect(after.slice(0, unchanged.length)).toEqual(unchanged);
  });

  it('gives the full load when the increment moves a branch to another region and rescores ratings', async () => {
    // The rarer changes: every row of a branch is rebuilt, and ratings the facts hold are replaced.
    const { connection } = seeded;
    const changedDirs = { full: join(dir, 'changed-full'), increment: join(dir, 'changed-increment') };
    const edits = `
      update raw.branches set region = 'Elsewhere' where branch_id = (select min(branch_id) from raw.branches);
      update raw.responses set score = case when instrument = 'nps_11' then 0 else 1 end
        where response_id in (select response_id from raw.responses where customer_id is not null order by response_id limit 40);`;
    await connection.run("attach ':memory:' as changed_src; use changed_src");
    try {
      await runSqlFile(connection, rawTablesFile);
      for (const table of ['branches', 'customers', 'interactions', 'responses', 'followups']) {
        await connection.run(`insert into raw.${table} select * from memory.raw.${table}`);
      }
      await connection.run(edits);
      await exportRawTables(connection, changedDirs.full, 'csv');
      // The increment: the changed branch and ratings alone.
      await connection.run(`
        delete from raw.followups; delete from raw.interactions; delete from raw.customers;
        delete from raw.branches where region <> 'Elsewhere';
        delete from raw.responses where response_id not in (
          select response_id from memory.raw.responses where customer_id is not null order by response_id limit 40);`);
      await exportRawTables(connection, changedDirs.increment, 'csv');
      for (const table of ['customers', 'interactions', 'followups']) {
        rmSync(join(changedDirs.increment, `${table}.csv`));
      }
    } finally {
      await connection.run('use memory; detach changed_src');
    }
    const appended = join(dir, 'appended-changed.duckdb');
    const full = join(dir, 'full-changed.duckdb');
    await loadFull(appended, dirs.full);
    const before = await readWarehouse(appended);
    const { summary } = await appendWarehouse(appended, changedDirs.increment);
    expect(summary.tables.map((t) => [t.table, t.rows, t.replaced])).toEqual([
      ['branches', 1, 1],
      ['responses', 40, 40],
    ]);
    await loadFull(full, changedDirs.full);
    const expected = await readWarehouse(full);
    const actual = await readWarehouse(appended);
    expect(actual.hashes).toEqual(expected.hashes);
    expect(actual.dataVersion).toBe(expected.dataVersion);
    expect(expected.hashes).not.toEqual(before.hashes);
  });

  it('gives the full load on a warehouse built when dim_customers was a table, before rel_customer_profile', async () => {
    const appended = join(dir, 'appended-older.duckdb');
    await loadFull(appended, dirs.base);
    await withDatabase(appended, {}, async (connection) => {
      await connection.run(`
        create table dim_customers_stored as select * from dim_customers;
        drop view dim_customers;
        drop table rel_customer_profile;
        alter table dim_customers_stored rename to dim_customers;`);
      expect(await relationKind(connection, 'dim_customers')).toBe('table');
    });
    await appendWarehouse(appended, dirs.increment);
    const actual = await readWarehouse(appended);
    expect(actual.hashes).toEqual((await readWarehouse(join(dir, 'full.duckdb'))).hashes);
    await withDatabase(appended, { readOnly: true }, async (connection) => {
      expect(await relationKind(connection, 'dim_customers')).toBe('view');
    });
  });

  it('keeps the parameters the warehouse was built with when the increment gives none', async () => {
    const params = { fcrWindowDays: 3, followupSlaHours: 24, churnWindowDays: 30, minN: 10 };
    const appended = join(dir, 'appended-params.duckdb');
    const full = join(dir, 'full-params.duckdb');
    await loadFull(appended, dirs.base, params);
    await appendWarehouse(appended, dirs.increment);
    await loadFull(full, dirs.full, params);

    const expected = await readWarehouse(full);
    const actual = await readWarehouse(appended);
    expect(actual.hashes).toEqual(expected.hashes);
    expect(actual.hashes).not.toEqual((await readWarehouse(join(dir, 'full.duckdb'))).hashes);
  });
});
