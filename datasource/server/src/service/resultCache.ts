import { QueryError } from './queryError';

interface Entry<T> {
  value: T;
  bytes: number;
}

interface Shared<T> {
  promise: Promise<T>;
  controller: AbortController;
  waiters: number;
}

export interface CachePolicy<T> {
  sizeOf: (value: T) => number;
  cacheable: (value: T) => boolean;
  /** Told when a value is larger than the whole budget, so it is not kept at all. */
  tooLarge?: (key: string, bytes: number) => void;
}

/**
 * Results by key, least recently used dropped first within a byte budget.
 * Identical requests running at once share one run (coalescing), which is
 * interrupted only when every client waiting for it has gone away. Keys
 * carry the data version, so a new load never serves an old answer; `clear`
 * frees the old answers at once.
 */
export class ResultCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly running = new Map<string, Shared<T>>();
  private bytes = 0;
  /** Bumped by `clear`: an answer computed from the data before it is not kept after it. */
  private generation = 0;

  constructor(
    private readonly budgetBytes: number,
    private readonly policy: CachePolicy<T>
  ) {}

  async get(
    key: string,
    compute: (signal: AbortSignal) => Promise<T>,
    signal?: AbortSignal
  ): Promise<{ value: T; cached: boolean }> {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
      return { value: entry.value, cached: true };
    }
    let shared = this.running.get(key);
    const coalesced = shared !== undefined;
    if (!shared) {
      const controller = new AbortController();
      const generation = this.generation;
      const promise = compute(controller.signal).then((value) => {
        if (generation === this.generation && this.policy.cacheable(value)) {
          // The key is held too (a panel's request names every branch): two bytes per UTF-16 unit.
          this.put(key, value, this.policy.sizeOf(value) + 2 * key.length);
        }
        return value;
      });
      const created: Shared<T> = { promise, controller, waiters: 0 };
      promise.then(
        () => this.running.delete(key),
        () => this.running.delete(key)
      );
      this.running.set(key, created);
      shared = created;
    }
    const current = shared;
    current.waiters += 1;
    try {
      return { value: await this.waitFor(current, signal), cached: coalesced };
    } finally {
      current.waiters -= 1;
      if (current.waiters === 0 && signal?.aborted) {
        current.controller.abort();
      }
    }
  }

  /** Whether a key's value is kept or being computed: a `get` now would not start a computation. */
  holds(key: string): boolean {
    return this.entries.has(key) || this.running.has(key);
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
    this.generation += 1;
  }

  /** The keys held, the most recently used last. */
  keys(): string[] {
    return [...this.entries.keys()];
  }

  /** Entries and bytes held, for tests and the log. */
  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private waitFor(shared: Shared<T>, signal?: AbortSignal): Promise<T> {
    if (!signal) {
      return shared.promise;
    }
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(new QueryError('cancelled', 'the client went away; the query was stopped'));
      if (signal.aborted) {
        return onAbort();
      }
      signal.addEventListener('abort', onAbort, { once: true });
      shared.promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  private put(key: string, value: T, bytes: number) {
    if (bytes > this.budgetBytes) {
      this.policy.tooLarge?.(key, bytes);
      return;
    }
    this.entries.set(key, { value, bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.budgetBytes) {
        break;
      }
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
  }
}
