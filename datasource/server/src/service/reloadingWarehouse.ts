import type { RefusedFile, WatchStatus } from '@touchpoint/contract/src/serviceResponses';
import { errorMessage } from '../errorMessage';
import { fileIdentity, sameFile, ServingDatabase, type DatabaseSettings, type FileIdentity } from './servingDatabase';

export interface WarehouseEvents {
  /** A new file is being served; answers of the previous one are stale. */
  swapped(next: ServingDatabase, previous: ServingDatabase): void;
  /** A file was refused (once per file, not once per look). */
  refused(problem: RefusedFile, error: unknown): void;
  /** A look failed for a reason that is no file's fault (a bug): the watcher goes on. */
  failed(error: unknown): void;
}

const isMissing = (error: unknown) =>
  typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';

/** Tells one file at the path from the next; a missing file is a state of its own. */
const fileKey = (identity: FileIdentity | undefined) =>
  identity ? `${identity.ino}:${identity.mtimeMs}:${identity.size}` : 'missing';

/**
 * The warehouse being served, and a watcher that swaps in the file that
 * `touchpoint load` or `seed` renames onto its path. The watcher looks every
 * interval for the life of the process: each look is scheduled after the
 * previous one ends, so a slow open never piles looks up and a failed one
 * never stops the next. A file that cannot be opened is refused once and
 * reported; the previous data stays served until a good file arrives.
 * Queries in flight keep the database they started on, which closes when
 * its last query ends.
 */
export class ReloadingWarehouse {
  private served: ServingDatabase;
  private checking: Promise<boolean> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  /** The file last refused, so that it is reported once and not reopened every look. */
  private refusedKey: string | undefined;
  private status: WatchStatus;

  private constructor(
    private readonly path: string,
    private readonly settings: DatabaseSettings,
    private readonly watchIntervalMs: number,
    private readonly events: WarehouseEvents,
    first: ServingDatabase
  ) {
    this.served = first;
    this.status = { checkedAt: Date.now(), watchIntervalMs, swaps: 0, problem: null };
    this.schedule();
  }

  /** Opens the file at `path` (it must be a good warehouse) and starts watching it. */
  static async open(
    path: string,
    settings: DatabaseSettings,
    watchIntervalMs: number,
    events: WarehouseEvents
  ): Promise<ReloadingWarehouse> {
    return new ReloadingWarehouse(path, settings, watchIntervalMs, events, await ServingDatabase.open(path, settings));
  }

  current(): ServingDatabase {
    return this.served;
  }

  watchStatus(): WatchStatus {
    return { ...this.status, problem: this.status.problem && { ...this.status.problem } };
  }

  /** Looks at the file now, unless a look is already running; true when a new file was swapped in. */
  private check(): Promise<boolean> {
    // `finally` runs after the assignment, even when the look ends at once.
    this.checking ??= this.look().finally(() => {
      this.checking = undefined;
    });
    return this.checking;
  }

  /** Stops watching and closes the served database once its queries end. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.checking;
    this.served.retire();
  }

  private schedule() {
    if (this.closed) {
      return;
    }
    this.timer = setTimeout(() => {
      void this.check()
        .catch((error: unknown) => this.events.failed(error))
        .finally(() => this.schedule());
    }, this.watchIntervalMs);
    // The watcher alone must not keep a process alive that is otherwise done.
    this.timer.unref();
  }

  private async look(): Promise<boolean> {
    this.status.checkedAt = Date.now();
    let identity: FileIdentity;
    try {
      identity = fileIdentity(this.path);
    } catch (error) {
      const reason = isMissing(error)
        ? `the warehouse file ${this.path} is missing`
        : `cannot read ${this.path}: ${errorMessage(error)}`;
      this.refuse(undefined, reason, error);
      return false;
    }
    if (sameFile(identity, this.served.identity)) {
      // The served file is back where it was (it had gone missing): nothing is wrong any more.
      this.status.problem = null;
      this.refusedKey = undefined;
      return false;
    }
    if (this.refusedKey === fileKey(identity)) {
      return false;
    }
    let next: ServingDatabase;
    try {
      next = await ServingDatabase.open(this.path, this.settings);
    } catch (error) {
      this.refuse(identity, errorMessage(error), error);
      return false;
    }
    if (this.closed) {
      next.retire();
      return false;
    }
    const previous = this.served;
    this.served = next;
    this.status.swaps += 1;
    this.status.problem = null;
    this.refusedKey = undefined;
    this.events.swapped(next, previous);
    previous.retire();
    return true;
  }

  private refuse(identity: FileIdentity | undefined, reason: string, error: unknown) {
    const key = fileKey(identity);
    if (this.refusedKey === key) {
      return;
    }
    this.refusedKey = key;
    this.status.problem = {
      reason,
      since: Date.now(),
      ...(identity ? { size: identity.size, modifiedAt: Math.round(identity.mtimeMs) } : {}),
    };
    this.events.refused(this.status.problem, error);
  }
}
