import type { DuckDBConnection } from '@duckdb/node-api';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keepBoundary, type KeptWholeDays } from '../../journey/journeyEdges';
import { wholeDaysKey, wholeDaysQuestion } from '../../journey/runJourney';
import { writeSmallWarehouse } from '../../testing/smallWarehouse';
import { QueryRunner } from '../queryRunner';
import { ResultCache } from '../resultCache';
import { ServingDatabase } from '../servingDatabase';
import { keptQuestions, wholeDaysKeeper, type KeepingPlace } from './wholeDaysKeeper';

const limits = { concurrency: 2, queueLimit: 8, dashboardTimeoutMs: 5000, adhocTimeoutMs: 5000 };

/** A count the test finishes or fails by hand, as a statement on the keeping runner's connection would. */
const counting = (rows: KeptWholeDays) => {
  const started: Array<{ finish: () => void; fail: (error: Error) => void }> = [];
  const count = () =>
    new Promise<KeptWholeDays>((resolve, reject) => {
      started.push({ finish: () => resolve(rows), fail: reject });
    });
  // A count starts once its job has a connection: a few turns of the event loop.
  const startedCount = async (n: number) => {
    for (let turn = 0; started.length < n; turn += 1) {
      if (turn > 1000) {
        throw new Error(`${started.length} counts started, not ${n}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  return { count, started, startedCount };
};

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('wholeDaysKeeper: the journey’s whole days counted once per data version', () => {
  const dir = mkdtempSync(join(tmpdir(), 'touchpoint-keeper-'));
  let database: ServingDatabase;
  beforeAll(async () => {
    await writeSmallWarehouse(join(dir, 'w.duckdb'));
    database = await ServingDatabase.open(join(dir, 'w.duckdb'), { threads: 1, memoryLimit: '256MB' });
  });
  afterAll(() => {
    database.retire();
    rmSync(dir, { recursive: true, force: true });
  });
  /** A keeping place as the service's: a cache, and a runner of its own for the counts. */
  const placeOf = (): KeepingPlace<KeptWholeDays> => ({
    cache: new ResultCache<KeptWholeDays>(1_000_000, {
      sizeOf: (kept) => JSON.stringify(kept).length,
      cacheable: () => true,
    }),
    runner: new QueryRunner(limits, () => database),
  });

  const rows: KeptWholeDays = {
    groups: [{ touchpoint: 'app', ratings: 3 }],
    boundary: keepBoundary([], [], []),
    asOf: null,
    churnWindowDays: 90,
  };

  it('counts once for requests asking at once, and answers later ones from what it kept', async () => {
    const place = placeOf();
    const { count, started, startedCount } = counting(rows);
    const asking = [1, 2, 3].map(() => wholeDaysKeeper(place, 'v1', new AbortController().signal)('days', count));
    await startedCount(1);
    await settle();
    expect(started).toHaveLength(1);
    started[0].finish();
    expect(await Promise.all(asking)).toEqual([rows, rows, rows]);
    expect(await wholeDaysKeeper(place, 'v1', new AbortController().signal)('days', count)).toBe(rows);
    expect(started).toHaveLength(1);
  });

  it('counts again for another data version or other whole days', async () => {
    const place = placeOf();
    const { count, started, startedCount } = counting(rows);
    const stopped = new AbortController().signal;
    for (const [version, key] of [
      ['v1', 'days'],
      ['v2', 'days'],
      ['v2', 'other days'],
    ]) {
      const asked = wholeDaysKeeper(place, version, stopped)(key, count);
      await startedCount(started.length + 1);
      started[started.length - 1].finish();
      await asked;
    }
    expect(started).toHaveLength(3);
  });

  it('goes on counting when the request that started it is stopped by its time limit, and keeps it for the next refresh', async () => {
    const place = placeOf();
    // A real statement, several times the request's limit even on a fast machine (about 0.6 s on one thread): interrupted, it fails.
    let counts = 0;
    const count = async (connection: DuckDBConnection) => {
      counts += 1;
      await connection.run('select sum(i) from range(600000000) t(i)');
      return rows;
    };
    // Requests as the service runs them: a dashboard job each, stopped at its limit.
    const requests = new QueryRunner({ ...limits, dashboardTimeoutMs: 100 }, () => database);
    const refresh = () =>
      requests.run('dashboard', undefined, (_connection, served, stopped) =>
        wholeDaysKeeper(place, served.info.version, stopped)('days', count)
      );
    await expect(refresh()).rejects.toMatchObject({ code: 'timeout' });
    // The count, a job of the keeping runner, was not stopped with it.
    expect(place.runner.load).toEqual({ running: 1, queued: 0 });
    while (place.runner.load.running > 0) {
      await settle();
    }
    expect(await refresh()).toBe(rows);
    expect(counts).toBe(1);
  });

  it('tells every request waiting for a count that failed, and counts again for the next', async () => {
    const place = placeOf();
    const { count, started, startedCount } = counting(rows);
    const stopped = new AbortController().signal;
    const waiting = [1, 2].map(() => wholeDaysKeeper(place, 'v1', stopped)('days', count));
    await startedCount(1);
    started[0].fail(new Error('INTERRUPT Error: Interrupted!'));
    for (const waiter of waiting) {
      await expect(waiter).rejects.toThrow(/Interrupted/);
    }
    const next = wholeDaysKeeper(place, 'v1', stopped)('days', count);
    await startedCount(2);
    started[1].finish();
    expect(await next).toBe(rows);
  });

  it('lets a stopped request go while the count it waits for goes on for the others', async () => {
    const place = placeOf();
    const { count, started, startedCount } = counting(rows);
    const stopping = new AbortController();
    const counter = wholeDaysKeeper(place, 'v1', new AbortController().signal)('days', count);
    const stoppedWaiter = wholeDaysKeeper(place, 'v1', stopping.signal)('days', count);
    await startedCount(1);
    stopping.abort();
    await expect(stoppedWaiter).rejects.toThrow(/went away/);
    started[0].finish();
    expect(await counter).toBe(rows);
    expect(started).toHaveLength(1);
  });

  it('answers a question’s first request at once, counting after it has answered; requests meanwhile wait for that count', async () => {
    const place = placeOf();
    const { count, started, startedCount } = counting(rows);
    const stopped = new AbortController().signal;
    let answer: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    // Nothing kept and no count under way: the keeper gives nothing, and the request reads its range at once.
    await expect(wholeDaysKeeper(place, 'v1', stopped, undefined, answered)('days', count)).resolves.toBeUndefined();
    // The count waits for that answer, so the two do not share the cores.
    await settle();
    expect(started).toHaveLength(0);
    // A request now (the next refresh, another screen) waits for the count, even one that would answer at once.
    const next = wholeDaysKeeper(place, 'v1', stopped, undefined, new Promise(() => undefined))('days', count);
    answer();
    await startedCount(1);
    started[0].finish();
    expect(await next).toBe(rows);
    expect(await wholeDaysKeeper(place, 'v1', stopped, undefined, Promise.resolve())('days', count)).toBe(rows);
    expect(started).toHaveLength(1);
  });

  it('tells of a count after a first request that failed, and the next request reads at once and counts again', async () => {
    const failed: string[] = [];
    const place = { ...placeOf(), countFailed: (key: string, error: unknown) => failed.push(`${key}: ${error}`) };
    const { count, started, startedCount } = counting(rows);
    const stopped = new AbortController().signal;
    const first = () => wholeDaysKeeper(place, 'v1', stopped, undefined, Promise.resolve())('days', count);
    await expect(first()).resolves.toBeUndefined();
    await startedCount(1);
    started[0].fail(new Error('INTERRUPT Error: Interrupted!'));
    await settle();
    expect(failed).toEqual(['days: Error: INTERRUPT Error: Interrupted!']);
    await expect(first()).resolves.toBeUndefined();
    await startedCount(2);
    started[1].finish();
    await settle();
    expect(await first()).toBe(rows);
  });

  it('reads at once a question too large to keep, without counting it again', async () => {
    const place = { ...placeOf(), tooLarge: new Set(['v1|days']) };
    const { count, started } = counting(rows);
    const stopped = new AbortController().signal;
    await expect(
      wholeDaysKeeper(place, 'v1', stopped, undefined, Promise.resolve())('days', count)
    ).resolves.toBeUndefined();
    await settle();
    expect(started).toHaveLength(0);
  });

  it('names the questions requests asked of one data version (since a time, when given), the most recently used last, as they were asked', async () => {
    const place = placeOf();
    const asked = new Map<string, number>();
    const stopped = new AbortController().signal;
    const question = (days: number) => ({ groupBy: ['branch_id' as const], filters: {}, whole: { from: 0, to: days } });
    // Asked at 1000 plus its days, by the keeper's clock.
    for (const [version, days] of [
      ['v1', 1],
      ['v2', 2],
      ['v1', 3],
    ] as const) {
      const now = () => 1000 + days;
      await wholeDaysKeeper({ ...place, asked, now }, version, stopped)(wholeDaysKey(question(days)), async () => rows);
    }
    // Counted ahead (no requests' set): kept, but not a question anyone asked.
    await wholeDaysKeeper(place, 'v1', stopped)(wholeDaysKey(question(4)), async () => rows);
    expect(keptQuestions({ cache: place.cache, asked }, 'v1').map(wholeDaysQuestion)).toEqual([
      question(1),
      question(3),
    ]);
    expect(keptQuestions({ cache: place.cache, asked }, 'v1', 1002).map(wholeDaysQuestion)).toEqual([question(3)]);
    expect(keptQuestions({ cache: place.cache, asked }, 'v1', 1004)).toEqual([]);
    expect(wholeDaysQuestion('not a question')).toBeUndefined();
    expect(
      wholeDaysQuestion(JSON.stringify({ groupBy: ['channel'], filters: {}, whole: { from: 0, to: 1 } }))
    ).toBeUndefined();
  });
});
