import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { seededDatabase, type SeededDatabase } from '@touchpoint/seed/src/testing/seededDatabase';
import { withDatabase } from '@touchpoint/server/src/db/withDatabase';
import { readScalar } from '@touchpoint/server/src/db/readRows';
import { loadDirectory } from '@touchpoint/server/src/load/loadDirectory';
import { tempDir } from '@touchpoint/server/src/load/testing/loadFixtures';
import { appendWarehouse } from '@touchpoint/server/src/warehouse/appendWarehouse';
import { replaceDatabase } from '@touchpoint/server/src/warehouse/replaceDatabase';
import type { ModelParamsInput } from '@touchpoint/server/src/warehouse/modelParams';
import { writeSplit, type SplitCounts } from '../support/splitWarehouse';
import { warehouseHashes } from '../support/warehouseHashes';

/** A month before the seed's end: contacts open at the split resolve after it, customers leave after it. */
const SPLIT = '2026-06-01T00:00:00';

const loadFull = (db: string, dir: string, params?: ModelParamsInput) =>
  replaceDatabase(
    db,
    async (connection) => {
      await loadDirectory(connection, dir);
    },
    { params }
  );

const readWarehouse = (db: string) =>
  withDatabase(db, { readOnly: true }, async (connection) => ({
    hashes: await warehouseHashes(connection),
    dataVersion: String(await readScalar(connection, 'select data_version from model_info')),
  }));

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
