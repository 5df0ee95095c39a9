import { DuckDBInstance } from '@duckdb/node-api';
import { resolve } from 'node:path';
import { errorMessage } from '../errorMessage';

/** Raised when another load into the same warehouse is running: one line, naming it. */
export class LoadLockedError extends Error {}

/** The lock beside a warehouse: a small DuckDB file of its own kind, kept between loads. */
export const lockPath = (dbPath: string) => `${dbPath}.load-lock`;

/** Locks held by this process (the operating system's lock cannot tell two of them apart). */
const heldHere = new Set<string>();

const holderOf = (message: string) => /\(PID (\d+)\)/.exec(message)?.[1];

/**
 * Runs `work` while holding the warehouse's load lock, so two loads of one
 * warehouse never interleave their swaps. The lock is DuckDB's own exclusive
 * file lock on a tiny database beside the warehouse: the operating system
 * drops it when its process dies, however it dies, so a killed load never
 * leaves a stale lock behind (a lock file with a pid in it would, and a
 * second load could not tell a dead holder from a live one reliably).
 */
export const withLoadLock = async <T>(dbPath: string, work: () => Promise<T>): Promise<T> => {
  const path = resolve(lockPath(dbPath));
  const busy = (holder: string) =>
    new LoadLockedError(
      `another load into ${dbPath} is running (${holder}); wait for it to finish, or stop it, and run this one again`
    );
  if (heldHere.has(path)) {
    throw busy('in this process');
  }
  heldHere.add(path);
  let lock: DuckDBInstance;
  try {
    lock = await DuckDBInstance.create(path, {
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
    });
  } catch (error) {
    heldHere.delete(path);
    const message = errorMessage(error);
    if (/Could not set lock/i.test(message)) {
      const pid = holderOf(message);
      throw busy(pid ? `process ${pid}` : 'another process');
    }
    throw new Error(`cannot take the load lock ${path}: ${message}`, { cause: error });
  }
  try {
    return await work();
  } finally {
    lock.closeSync();
    heldHere.delete(path);
  }
};
