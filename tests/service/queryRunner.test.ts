import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSmallWarehouse } from '@touchpoint/server/src/testing/smallWarehouse';
import { QueryError } from '@touchpoint/server/src/service/queryError';
import { QueryRunner } from '@touchpoint/server/src/service/queryRunner';
import { ServingDatabase } from '@touchpoint/server/src/service/servingDatabase';

const limits = { concurrency: 1, queueLimit: 4, dashboardTimeoutMs: 5000, adhocTimeoutMs: 5000 };
const settings = { threads: 1, memoryLimit: '256MB' };

describe('QueryRunner', () => {
  const dir = mkdtempSync(join(tmpdir(), 'touchpoint-runner-'));
  const db = join(dir, 'w.duckdb');
  beforeAll(() => writeSmallWarehouse(db));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the slot back when no connection can be had, so the next query still runs', async () => {
    const closed = await ServingDatabase.open(db, settings);
    closed.retire();
    const healthy = await ServingDatabase.open(db, settings);
    let current = closed;
    const runner = new QueryRunner(limits, () => current);
    await expect(runner.run('dashboard', undefined, async () => 1)).rejects.toMatchObject({ code: 'internal' });
    expect(runner.load).toEqual({ running: 0, queued: 0 });
    current = healthy;
    const answer = await runner.run(
      'dashboard',
      undefined,
      async (connection) => (await connection.runAndReadAll('select 42 as x')).getRows()[0][0]
    );
    expect(answer).toBe(42);
    healthy.retire();
  });

  it('reports a DuckDB error as bad_sql and frees the slot for the queued query', async () => {
    const database = await ServingDatabase.open(db, settings);
    const runner = new QueryRunner(limits, () => database);
    const failing = runner.run('adhoc', undefined, (connection) => connection.run('select nope'));
    const queued = runner.run('adhoc', undefined, async () => 'ran');
    await expect(failing).rejects.toBeInstanceOf(QueryError);
    await expect(failing).rejects.toMatchObject({ code: 'bad_sql' });
    await expect(queued).resolves.toBe('ran');
    expect(runner.load).toEqual({ running: 0, queued: 0 });
    database.retire();
  });
});
