import { existsSync, readFileSync, statSync } from 'node:fs';

/** Where Linux lists every file lock held on the machine, each with its file's inode. */
const LOCKS_FILE = '/proc/locks';

/** Whether lockedFile can tell: where there is no lock table, it says every file is held. */
export const locksKnown = (): boolean => existsSync(LOCKS_FILE);

/**
 * Whether any process holds a lock on `path`'s file: DuckDB locks every
 * database file it opens, read-only ones too, so a service still answering
 * from a file, or an analyst's DuckDB session on it, shows here. Read from
 * Linux's lock table, matched on the inode (another device's file of the
 * same inode makes it say held, which only costs the caller its fallback).
 * Where there is no such table (not Linux), it cannot tell and says held.
 */
export const lockedFile = (path: string): boolean => {
  let locks: string;
  try {
    locks = readFileSync(LOCKS_FILE, 'utf8');
  } catch {
    return true;
  }
  const inode = String(statSync(path).ino);
  // A line reads "1: POSIX  ADVISORY  READ 3248 fe:00:2301963 0 EOF": the sixth field is major:minor:inode.
  return locks
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .some((fields) => fields.find((field) => /^[0-9a-f]+:[0-9a-f]+:\d+$/.test(field))?.split(':')[2] === inode);
};
