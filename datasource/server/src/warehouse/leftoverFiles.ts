import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A DuckDB database's files: the file and the write-ahead log DuckDB keeps beside it. */
export const databaseFiles = (path: string) => [path, `${path}.wal`];

/** Removes a DuckDB database's files, those that exist. */
export const removeDatabaseFiles = (path: string) =>
  databaseFiles(path).forEach((file) => rmSync(file, { force: true }));

/** The file a load builds before the swap (and DuckDB's log beside it), named by the loading process. */
export const buildPath = (dbPath: string, pid: number = process.pid) => `${dbPath}.tmp-${pid}`;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Removes what loads that died (killed, out of space, the machine rebooted)
 * left beside the warehouse: their build files, write-ahead logs and the
 * directories DuckDB spilled to (`.tmp`, as large as the build's overflow),
 * and nothing else. Only called under the load lock, so no live load owns
 * them. Returns the names removed.
 */
export const removeLeftovers = (dbPath: string): string[] => {
  const dir = dirname(dbPath);
  const ours = new RegExp(`^${escapeRegExp(basename(dbPath))}\\.tmp-\\d+(\\.wal|\\.tmp)?$`);
  const removed = readdirSync(dir).filter((name) => ours.test(name));
  for (const name of removed) {
    rmSync(join(dir, name), { force: true, recursive: true });
  }
  return removed;
};
