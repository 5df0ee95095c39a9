import type { DuckDBConnection } from '@duckdb/node-api';
import { QueryError } from './queryError';
import type { ServingDatabase } from './servingDatabase';
import { errorMessage } from '../errorMessage';

export type QueryClass = 'dashboard' | 'adhoc';

export interface RunnerLimits {
  concurrency: number;
  queueLimit: number;
  dashboardTimeoutMs: number;
  adhocTimeoutMs: number;
}

const INTERRUPT_RETRY_MS = 50;

/** A query waiting for a slot: given one (resolve), or gone from the queue when its signal aborts (onAbort). */
type Waiter = { resolve: () => void; signal?: AbortSignal; onAbort?: () => void };

/**
 * Waits for work done elsewhere (a count of whole days that other requests
 * share, run by another runner) without holding a slot: the queries queued
 * behind run meanwhile, and the slot is taken back, ahead of the queue, when
 * it ends. The query's limit and its client still stop it. One at a time.
 */
export type WaitAside = <R>(waited: Promise<R>) => Promise<R>;

/** Seconds a client should wait before trying again when the queue is full. */
export const RETRY_AFTER_SECONDS = 2;

/**
 * Runs queries with bounded concurrency and a bounded queue. Each query gets
 * a connection of the current database; a timer and the client's abort signal
 * both interrupt DuckDB itself, so a stopped query frees its thread at once.
 */
export class QueryRunner {
  private running = 0;
  private readonly queue: Waiter[] = [];

  constructor(
    private readonly limits: RunnerLimits,
    private readonly database: () => ServingDatabase
  ) {}

  get load() {
    return { running: this.running, queued: this.queue.length };
  }

  async run<T>(
    queryClass: QueryClass,
    signal: AbortSignal | undefined,
    work: (
      connection: DuckDBConnection,
      database: ServingDatabase,
      stopped: AbortSignal,
      aside: WaitAside
    ) => Promise<T>
  ): Promise<T> {
    await this.slot(signal);
    // Whether this query holds a slot: not while it waits aside.
    let holding = true;
    const database = this.database();
    let connection: DuckDBConnection;
    try {
      connection = await database.acquire();
    } catch (error) {
      this.next();
      throw new QueryError('internal', `could not open a connection to the warehouse: ${errorMessage(error)}`, {
        cause: error,
      });
    }
    const timeoutMs = queryClass === 'adhoc' ? this.limits.adhocTimeoutMs : this.limits.dashboardTimeoutMs;
    let stopped: QueryError | undefined;
    // For work that waits on something besides its own statement (another query's shared run): told at once.
    const stopping = new AbortController();
    let retry: ReturnType<typeof setInterval> | undefined;
    // DuckDB drops an interrupt that arrives before the statement starts (while
    // the work is still preparing it), so a stopped query is interrupted again
    // until the work returns.
    const stop = (reason: QueryError) => {
      stopped ??= reason;
      stopping.abort(reason);
      connection.interrupt();
      retry ??= setInterval(() => connection.interrupt(), INTERRUPT_RETRY_MS);
    };
    const timer = setTimeout(
      () =>
        stop(
          new QueryError(
            'timeout',
            holding
              ? `the query ran longer than ${timeoutMs / 1000} s and was stopped; narrow the time range or add filters`
              : // Waiting aside: the work it waits for goes on, and a later query finds it done.
                `the query waited ${timeoutMs / 1000} s for work it shares with other queries (counting its whole days), which goes on and is kept: a refresh in a moment answers from it`
          )
        ),
      timeoutMs
    );
    const onAbort = () => stop(new QueryError('cancelled', 'the client went away; the query was stopped'));
    const aside: WaitAside = async (waited) => {
      holding = false;
      this.next();
      let value: Awaited<typeof waited>;
      try {
        value = await waited;
      } finally {
        // Stopped, it only ends: no slot taken back to give up at once (nor waited for, if stopped in the queue).
        if (!stopped) {
          holding = await this.resume(stopping.signal);
        }
      }
      if (stopped) {
        // Stopped as its wait ended, or while it queued for its slot back: its work goes no further.
        throw stopped;
      }
      return value;
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      if (signal?.aborted) {
        onAbort();
      }
      if (stopped) {
        throw stopped;
      }
      return await work(connection, database, stopping.signal, aside);
    } catch (error) {
      if (stopped) {
        throw stopped;
      }
      if (error instanceof QueryError) {
        throw error;
      }
      throw new QueryError('bad_sql', errorMessage(error).replace(/\s+/g, ' ').trim(), { cause: error });
    } finally {
      clearTimeout(timer);
      clearInterval(retry);
      signal?.removeEventListener('abort', onAbort);
      database.release(connection);
      if (holding) {
        this.next();
      }
    }
  }

  /**
   * A slot back for a query that waited aside: ahead of the queue (it was
   * admitted once), never refused. False when the query is stopped while it
   * waits for one: it leaves the queue holding nothing.
   */
  private resume(stopping: AbortSignal): Promise<boolean> {
    if (this.running < this.limits.concurrency) {
      this.running += 1;
      return Promise.resolve(true);
    }
    return this.queued(stopping, 'first');
  }

  private async slot(signal?: AbortSignal): Promise<void> {
    if (this.running < this.limits.concurrency) {
      this.running += 1;
      return;
    }
    if (this.queue.length >= this.limits.queueLimit) {
      throw new QueryError(
        'busy',
        `the service is at capacity (${this.limits.concurrency} running, ${this.queue.length} waiting); retry in ${RETRY_AFTER_SECONDS} s`
      );
    }
    if (!(await this.queued(signal, 'last'))) {
      throw new QueryError('cancelled', 'the client went away while the query waited');
    }
  }

  /** Waits in the queue for a slot: true when given one, false when `signal` aborts first (it leaves the queue). */
  private queued(signal: AbortSignal | undefined, place: 'first' | 'last'): Promise<boolean> {
    return new Promise<boolean>((resolve) => {
      const waiter: Waiter = { resolve: () => resolve(true), signal };
      if (signal) {
        waiter.onAbort = () => {
          this.queue.splice(this.queue.indexOf(waiter), 1);
          resolve(false);
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      if (place === 'first') {
        this.queue.unshift(waiter);
      } else {
        this.queue.push(waiter);
      }
    });
  }

  private next() {
    const waiter = this.queue.shift();
    if (!waiter) {
      this.running -= 1;
      return;
    }
    if (waiter.signal && waiter.onAbort) {
      waiter.signal.removeEventListener('abort', waiter.onAbort);
    }
    waiter.resolve();
  }
}
