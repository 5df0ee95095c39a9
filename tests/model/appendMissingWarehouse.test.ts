import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadDirectory } from '@touchpoint/server/src/load/loadDirectory';
import { tempDir, validFixture } from '@touchpoint/server/src/load/testing/loadFixtures';
import { appendWarehouse } from '@touchpoint/server/src/warehouse/appendWarehouse';
import { NoWarehouseError, replaceDatabase } from '@touchpoint/server/src/warehouse/replaceDatabase';

describe('load --append without a warehouse to append to', () => {
  const dir = tempDir('append-missing');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says so before taking the load lock when there never was one', async () => {
    const error = await appendWarehouse(join(dir, 'none.duckdb'), validFixture).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NoWarehouseError);
    expect((error as Error).message).toMatch(/none\.duckdb does not exist: load it in full first$/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('says so, and leaves no build file, when the warehouse goes while the append holds the lock', async () => {
    const db = join(dir, 'gone.duckdb');
    await replaceDatabase(db, async (connection) => {
      await loadDirectory(connection, validFixture);
    });
    // Removed as the append is about to copy it, under the lock: the copy must not fail with a bare ENOENT.
    const progress = {
      step: (message: string) => (message.startsWith('copying') ? rmSync(db) : undefined),
      done: () => undefined,
    };
    const error = await appendWarehouse(db, validFixture, { progress }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NoWarehouseError);
    expect((error as Error).message).toBe(
      `${db} no longer exists: there is no warehouse to change; load it in full first`
    );
    expect(readdirSync(dir)).toEqual(['gone.duckdb.load-lock']);
  });
});
