import { ResultCache } from './resultCache';

interface Answer {
  text: string;
  failed?: boolean;
}

const cacheOf = (budgetBytes: number) =>
  new ResultCache<Answer>(budgetBytes, {
    sizeOf: (answer) => answer.text.length,
    cacheable: (answer) => !answer.failed,
  });

/** A computation the test finishes by hand, counting how often it was started and whether it was told to stop. */
const deferred = () => {
  let finish: (answer: Answer) => void = () => undefined;
  const calls: AbortSignal[] = [];
  const compute = (signal: AbortSignal) => {
    calls.push(signal);
    return new Promise<Answer>((resolve) => (finish = resolve));
  };
  return { compute, calls, finish: (answer: Answer) => finish(answer) };
};

describe('ResultCache', () => {
  it('runs identical requests that arrive together once, and answers the later ones from that run', async () => {
    const cache = cacheOf(1000);
    const run = deferred();
    const first = cache.get('k', run.compute);
    const second = cache.get('k', run.compute);
    run.finish({ text: 'answer' });
    expect(await first).toEqual({ value: { text: 'answer' }, cached: false });
    expect(await second).toEqual({ value: { text: 'answer' }, cached: true });
    expect(run.calls).toHaveLength(1);
    expect(await cache.get('k', run.compute)).toEqual({ value: { text: 'answer' }, cached: true });
    expect(run.calls).toHaveLength(1);
  });

  it('stops a shared run only when every client waiting for it has gone', async () => {
    const cache = cacheOf(1000);
    const run = deferred();
    const leaving = new AbortController();
    const staying = new AbortController();
    const left = cache.get('k', run.compute, leaving.signal);
    const stayed = cache.get('k', run.compute, staying.signal);
    leaving.abort();
    await expect(left).rejects.toMatchObject({ code: 'cancelled' });
    expect(run.calls[0].aborted).toBe(false);
    run.finish({ text: 'answer' });
    expect((await stayed).value).toEqual({ text: 'answer' });

    const alone = deferred();
    const gone = new AbortController();
    const lonely = cache.get('other', alone.compute, gone.signal);
    gone.abort();
    await expect(lonely).rejects.toMatchObject({ code: 'cancelled' });
    expect(alone.calls[0].aborted).toBe(true);
  });

  it('drops the least recently used answers to stay within its byte budget, and never keeps one larger than it', async () => {
    // Each entry costs its answer's size and its key's (two bytes a character): 4 + 2 here.
    const cache = cacheOf(14);
    const put = (key: string, text: string) => cache.get(key, async () => ({ text }));
    await put('a', 'aaaa');
    await put('b', 'bbbb');
    expect((await put('a', 'not run')).cached).toBe(true); // a is now the most recent
    await put('c', 'cccc');
    expect(cache.size).toEqual({ entries: 2, bytes: 12 });
    expect((await put('a', 'not run')).cached).toBe(true);
    expect(await put('b', 'bbbb')).toEqual({ value: { text: 'bbbb' }, cached: false });
    await put('huge', 'x'.repeat(7));
    expect(cache.size.bytes).toBeLessThanOrEqual(14);
    expect((await put('huge', 'again')).value.text).toBe('again');
  });

  it('counts the key against the budget: an answer that fits with a long key does not', async () => {
    const cache = cacheOf(100);
    await cache.get('k'.repeat(60), async () => ({ text: 'small' }));
    expect(cache.size).toEqual({ entries: 0, bytes: 0 });
  });

  it('keeps no failed answer', async () => {
    const cache = cacheOf(1000);
    await cache.get('k', async () => ({ text: 'no', failed: true }));
    expect(await cache.get('k', async () => ({ text: 'yes' }))).toEqual({ value: { text: 'yes' }, cached: false });
  });

  it('after clear (new data), keeps no answer, not even one whose run began before', async () => {
    const cache = cacheOf(1000);
    await cache.get('kept', async () => ({ text: 'old data' }));
    const run = deferred();
    const inFlight = cache.get('late', run.compute);
    cache.clear();
    run.finish({ text: 'old data, finished late' });
    expect((await inFlight).value.text).toBe('old data, finished late');
    expect(cache.size).toEqual({ entries: 0, bytes: 0 });
  });
});
