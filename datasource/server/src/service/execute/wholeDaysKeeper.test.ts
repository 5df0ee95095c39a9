import { keepBoundary, type KeptWholeDays } from '../../journey/journeyEdges';
import { ResultCache } from '../resultCache';
import { wholeDaysKey, wholeDaysQuestion } from '../../journey/runJourney';
import { keptQuestions, wholeDaysKeeper } from './wholeDaysKeeper';

const cacheOf = () =>
  new ResultCache<KeptWholeDays>(1_000_000, {
    sizeOf: (kept) => JSON.stringify(kept).length,
    cacheable: () => true,
  });

/** A count the test finishes or fails by hand, as a statement on a request's connection would. */
const counting = (rows: KeptWholeDays) => {
  const started: Array<{ finish: () => void; fail: (error: Error) => void }> = [];
  const count = () =>
    new Promise<KeptWholeDays>((resolve, reject) => {
      started.push({ finish: () => resolve(rows), fail: reject });
    });
  return { count, started };
};

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('wholeDaysKeeper: the journey’s whole days counted once per data version', () => {
  const rows: KeptWholeDays = {
    groups: [{ touchpoint: 'app', ratings: 3 }],
    boundary: keepBoundary([], [], []),
    asOf: null,
    churnWindowDays: 90,
  };

  it('counts once for requests asking at once, and answers later ones from what it kept', async () => {
    const cache = cacheOf();
    const { count, started } = counting(rows);
    const asking = [1, 2, 3].map(() => wholeDaysKeeper(cache, 'v1', new AbortController().signal)('days', count));
    await settle();
    expect(started).toHaveLength(1);
    started[0].finish();
    expect(await Promise.all(asking)).toEqual([rows, rows, rows]);
    expect(await wholeDaysKeeper(cache, 'v1', new AbortController().signal)('days', count)).toBe(rows);
    expect(started).toHaveLength(1);
  });

  it('counts again for another data version or other whole days', async () => {
    const cache = cacheOf();
    const { count, started } = counting(rows);
    const stopped = new AbortController().signal;
    for (const [version, key] of [
      ['v1', 'days'],
      ['v2', 'days'],
      ['v2', 'other days'],
    ]) {
      const asked = wholeDaysKeeper(cache, version, stopped)(key, count);
      await settle();
      started[started.length - 1].finish();
      await asked;
    }
    expect(started).toHaveLength(3);
  });

  it('when the request counting is stopped, a request that waited for it counts on its own', async () => {
    const cache = cacheOf();
    const { count, started } = counting(rows);
    const first = new AbortController();
    const counter = wholeDaysKeeper(cache, 'v1', first.signal)('days', count);
    const waiter = wholeDaysKeeper(cache, 'v1', new AbortController().signal)('days', count);
    await settle();
    // The first request's time limit: the runner aborts its signal and interrupts its statement.
    first.abort();
    started[0].fail(new Error('INTERRUPT Error: Interrupted!'));
    await expect(counter).rejects.toThrow();
    await settle();
    expect(started).toHaveLength(2);
    started[1].finish();
    expect(await waiter).toBe(rows);
  });

  it('lets a stopped request go while the count it waits for goes on for the others', async () => {
    const cache = cacheOf();
    const { count, started } = counting(rows);
    const stopping = new AbortController();
    const counter = wholeDaysKeeper(cache, 'v1', new AbortController().signal)('days', count);
    const stoppedWaiter = wholeDaysKeeper(cache, 'v1', stopping.signal)('days', count);
    await settle();
    stopping.abort();
    await expect(stoppedWaiter).rejects.toThrow(/went away/);
    started[0].finish();
    expect(await counter).toBe(rows);
    expect(started).toHaveLength(1);
  });

  it('names the questions requests asked of one data version, the most recently used last, as they were asked', async () => {
    const cache = cacheOf();
    const asked = new Set<string>();
    const stopped = new AbortController().signal;
    const question = (days: number) => ({ groupBy: ['branch_id' as const], filters: {}, whole: { from: 0, to: days } });
    for (const [version, days] of [
      ['v1', 1],
      ['v2', 2],
      ['v1', 3],
    ] as const) {
      await wholeDaysKeeper(cache, version, stopped, asked)(wholeDaysKey(question(days)), async () => rows);
    }
    // Counted ahead (no requests' set): kept, but not a question anyone asked.
    await wholeDaysKeeper(cache, 'v1', stopped)(wholeDaysKey(question(4)), async () => rows);
    expect(keptQuestions({ cache, asked }, 'v1').map(wholeDaysQuestion)).toEqual([question(1), question(3)]);
    expect(wholeDaysQuestion('not a question')).toBeUndefined();
    expect(
      wholeDaysQuestion(JSON.stringify({ groupBy: ['channel'], filters: {}, whole: { from: 0, to: 1 } }))
    ).toBeUndefined();
  });
});
