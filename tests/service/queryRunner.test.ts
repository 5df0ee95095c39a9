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

  it('lets a query waiting aside give its slot to the next, and take it back ahead of the queue', async () => {
    const database = await ServingDatabase.open(db, settings);
    const runner = new QueryRunner(limits, () => database);
    let finish: (value: string) => void = () => undefined;
    const elsewhere = new Promise<string>((resolve) => {
      finish = resolve;
    });
    const order: string[] = [];
    const waiting = runner.run('dashboard', undefined, async (_connection, _database, _stopped, aside) => {
      const value = await aside(elsewhere);
      order.push('waited');
      return value;
    });
    // The only slot is free while the first waits: the next query runs and ends.
    await expect(runner.run('dashboard', undefined, async () => order.push('ran'))).resolves.toBe(1);
    // A query holding the slot and one queued when the wait ends: the waiter goes first, as it was admitted first.
    let release: () => void = () => undefined;
    const holding = runner.run('dashboard', undefined, () => new Promise<void>((resolve) => (release = resolve)));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const later = runner.run('dashboard', undefined, async () => order.push('later'));
    finish('counted');
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(runner.load).toEqual({ running: 1, queued: 2 });
    release();
    await expect(waiting).resolves.toBe('counted');
    await holding;
    await later;
    expect(order).toEqual(['ran', 'waited', 'later']);
    expect(runner.load).toEqual({ running: 0, queued: 0 });
    database.retire();
  });

  it('ends a query stopped while waiting aside without taking a slot back', async () => {
    const database = await ServingDatabase.open(db, settings);
    const runner = new QueryRunner({ ...limits, dashboardTimeoutMs: 100 }, () => database);
    // What a shared count's waiter does: it leaves when its query is stopped.
    const waitingFor = (stopped: AbortSignal) =>
      new Promise<never>((_resolve, reject) => stopped.addEventListener('abort', () => reject(stopped.reason)));
    let release: () => void = () => undefined;
    const waiting = runner.run('dashboard', undefined, (_connection, _database, stopped, aside) =>
      aside(waitingFor(stopped))
    );
    await new Promise((resolve) => setTimeout(resolve, 5));
    const holding = runner.run('dashboard', undefined, () => new Promise<void>((resolve) => (release = resolve)));
    await expect(waiting).rejects.toMatchObject({
      code: 'timeout',
      message: expect.stringMatching(/waited 0.1 s for work it shares with other queries/),
    });
    // Stopped while another query holds the only slot: it did not wait for it.
    expect(runner.load).toEqual({ running: 1, queued: 0 });
    release();
    await holding;
    expect(runner.load).toEqual({ running: 0, queued: 0 });
    database.retire();
  });

  it('ends a query stopped while it queues for its slot back, leaving the queue', async () => {
    const database = await ServingDatabase.open(db, settings);
    const runner = new QueryRunner(limits, () => database);
    const client = new AbortController();
    let finish: () => void = () => undefined;
    const elsewhere = new Promise<void>((resolve) => (finish = resolve));
    let ran = false;
    const waiting = runner.run('dashboard', client.signal, async (_connection, _database, _stopped, aside) => {
      await aside(elsewhere);
      ran = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Its wait ends while another query holds the only slot: it queues, ahead of any other, for the slot back.
    let release: () => void = () => undefined;
    const holding = runner.run('dashboard', undefined, () => new Promise<void>((resolve) => (release = resolve)));
    await new Promise((resolve) => setTimeout(resolve, 20));
    finish();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(runner.load).toEqual({ running: 1, queued: 1 });
    client.abort();
    // It ends now, not when the slot frees, and holds nothing.
    await expect(waiting).rejects.toMatchObject({ code: 'cancelled' });
    expect(ran).toBe(false);
    expect(runner.load).toEqual({ running: 1, queued: 0 });
    release();
    await holding;
    expect(runner.load).toEqual({ running: 0, queued: 0 });
    database.retire();
  });
});
