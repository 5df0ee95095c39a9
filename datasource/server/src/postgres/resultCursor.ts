import type { DuckDBResult, DuckDBType, DuckDBValue } from '@duckdb/node-api';
import { QueryError } from '../service/queryError';

export interface ResultColumn {
  name: string;
  type: DuckDBType;
}

type Request = { resolve: (rows: DuckDBValue[][] | null) => void; reject: (error: unknown) => void };

/**
 * A running result, read a chunk at a time while the query keeps its
 * runner slot: rows reach the client as DuckDB produces them, and a portal
 * executed with a row limit resumes where it stopped. The work that owns the
 * slot waits here for each request; closing the cursor, reading it to the
 * end, or leaving it unread longer than the time limit ends the work.
 */
export class ResultCursor {
  private request: Request | undefined;
  private wake: (() => void) | undefined;
  private closed = false;
  private failure: unknown;
  private buffered: DuckDBValue[][] = [];

  constructor(
    readonly columns: ResultColumn[],
    private readonly idleLimitMs: number
  ) {}

  /** The next rows, at most `limit`; null once the result is exhausted. */
  async next(limit = Infinity): Promise<DuckDBValue[][] | null> {
    if (this.buffered.length > 0) {
      return this.take(limit);
    }
    if (this.failure !== undefined) {
      throw this.failure;
    }
    if (this.closed) {
      return null;
    }
    const rows = await new Promise<DuckDBValue[][] | null>((resolve, reject) => {
      this.request = { resolve, reject };
      this.wake?.();
    });
    if (rows === null) {
      return null;
    }
    this.buffered = rows;
    return this.take(limit);
  }

  private take(limit: number): DuckDBValue[][] {
    if (this.buffered.length <= limit) {
      const all = this.buffered;
      this.buffered = [];
      return all;
    }
    const some = this.buffered.slice(0, limit);
    this.buffered = this.buffered.slice(limit);
    return some;
  }

  close(): void {
    this.closed = true;
    this.wake?.();
  }

  /** Runs inside the query's runner slot: answers requests until the end. */
  async pump(result: DuckDBResult): Promise<void> {
    try {
      for (;;) {
        const request = await this.nextRequest();
        if (!request) {
          return;
        }
        this.request = undefined;
        try {
          const chunk = await result.fetchChunk();
          if (!chunk || chunk.rowCount === 0) {
            this.closed = true;
            request.resolve(null);
            return;
          }
          request.resolve(chunk.getRows());
        } catch (error) {
          request.reject(error);
          throw error;
        }
      }
    } finally {
      this.closed = true;
    }
  }

  /** A failure after the cursor opened (a timeout, a cancel) reaches the next read. */
  fail(error: unknown): void {
    this.failure = error;
    this.request?.reject(error);
    this.request = undefined;
  }

  private nextRequest(): Promise<Request | undefined> {
    if (this.request || this.closed) {
      return Promise.resolve(this.closed ? undefined : this.request);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.wake = undefined;
        reject(
          new QueryError(
            'timeout',
            `the result was left unread for ${this.idleLimitMs / 1000} s and was closed; fetch it without pausing, or in smaller queries`
          )
        );
      }, this.idleLimitMs);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve(this.closed ? undefined : this.request);
      };
    });
  }
}
