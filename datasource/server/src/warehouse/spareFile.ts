import { constants as fsConstants, copyFileSync, linkSync, renameSync, rmSync, statSync } from 'node:fs';
import { lockedFile } from '../db/lockedFile';
import { errorMessage } from '../errorMessage';
import { syncFile } from '../db/syncFile';
import { removeDatabaseFiles } from './leftoverFiles';

/**
 * The spare copy of a warehouse, beside it: the file as it was before the
 * last append, kept (a hard link to the file the append replaced) for the
 * next append to work on where the file system has no reflinks. Brought up
 * to date with the served file, it is written only where the two differ,
 * where a copy writes the whole file (an increment changes about 1% of it).
 * It costs a second file's disk space; `load --append --no-spare` goes
 * without it.
 */
export const sparePath = (dbPath: string) => `${dbPath}.spare`;

/**
 * Whether the next append can work on the spare: a file of its own (a load
 * that died between keeping the spare and its rename leaves both names on
 * the served file), which no process holds open: the service answers from
 * the file it served before the last append until its queries end, and an
 * analyst may have opened it. Anything else, and the append copies.
 */
export const spareUsable = (dbPath: string): boolean => {
  const spare = statSync(sparePath(dbPath), { throwIfNoEntry: false });
  const served = statSync(dbPath, { throwIfNoEntry: false });
  return (
    spare !== undefined &&
    served !== undefined &&
    spare.isFile() &&
    !(spare.ino === served.ino && spare.dev === served.dev) &&
    !lockedFile(sparePath(dbPath))
  );
};

/** How copyServedFile made the copy. */
export type CopyMethod = 'reflink' | 'spare' | 'copy';

/**
 * Makes `buildPath` a copy of the served file at `dbPath`, the cheapest way
 * the file system allows: a reflink where it has them (btrfs, XFS, APFS:
 * instant, the blocks shared until written, so no spare is needed); else
 * the spare, when `fromSpare` (spareUsable), moved to `buildPath` (no one
 * can open it under the spare's name from then on) and made equal to the
 * served file, byte for byte; else a byte copy, which the disk takes after
 * the copy returns (5 to 6 s for the 2.4 GB of scale 20 on this machine,
 * half of it in the build file's first flush).
 */
export const copyServedFile = (dbPath: string, buildPath: string, fromSpare: boolean): CopyMethod => {
  try {
    copyFileSync(dbPath, buildPath, fsConstants.COPYFILE_FICLONE_FORCE);
    return 'reflink';
  } catch {
    // No reflinks here (ext4, tmpfs, across devices): the file system said so at once.
  }
  if (fromSpare) {
    const spare = sparePath(dbPath);
    // A log beside the spare is some writer's who died in it; it would replay onto the served file's copy.
    rmSync(`${spare}.wal`, { force: true });
    renameSync(spare, buildPath);
    syncFile(dbPath, buildPath);
    return 'spare';
  }
  copyFileSync(dbPath, buildPath);
  return 'copy';
};

/**
 * Just before an append's rename: the file being replaced stays on as the
 * spare. A spare only saves time, so failing to keep one never fails the
 * load: returns what went wrong instead, for the load to tell.
 */
export const keepSpare = (dbPath: string): string | undefined => {
  const removed = removeSpare(dbPath);
  if (removed !== undefined) {
    return removed;
  }
  try {
    linkSync(dbPath, sparePath(dbPath));
    return undefined;
  } catch (error) {
    return `kept no spare copy beside ${dbPath} (the next append copies the file): ${errorMessage(error)}`;
  }
};

/**
 * Removes the spare: a full load's file shares little with it, and an
 * append told to go without one. Returns what went wrong, as keepSpare does.
 */
export const removeSpare = (dbPath: string): string | undefined => {
  try {
    removeDatabaseFiles(sparePath(dbPath));
    return undefined;
  } catch (error) {
    return `could not remove the spare copy ${sparePath(dbPath)}: ${errorMessage(error)}`;
  }
};
