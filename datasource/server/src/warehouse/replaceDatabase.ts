import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { rawTablesFile, referenceFile } from '@touchpoint/sql';
import { locksKnown } from '../db/lockedFile';
import { outOfMemory, outOfSpace } from '../db/resourceErrors';
import { openDatabase } from '../db/openDatabase';
import { silentProgress, type Progress } from '../progress';
import { errorMessage } from '../errorMessage';
import { buildModel } from './buildModel';
import { buildPath, databaseFiles, removeDatabaseFiles, removeLeftovers } from './leftoverFiles';
import { withLoadLock } from './loadLock';
import { removeOnSignal } from './removeOnSignal';
import { copyServedFile, keepSpare, removeSpare, sparePath, spareUsable } from './spareFile';
import type { ModelParamsInput } from './modelParams';
import { runDataTests } from './runDataTests';
import type { CheckScope } from './declaredTests';
import { runSqlFile } from './runSqlFile';

export interface ReplaceOptions {
  params?: ModelParamsInput;
  progress?: Progress;
  /** Extra touchpoints beyond the contract's list, with SLI weight 1. */
  extraTouchpoints?: string[];
  /** Told what the load did beside its work, such as removing an earlier load's leftovers. */
  notice?: (message: string) => void;
  /**
   * DuckDB's memory limit for the build (`--memory-limit`), such as '8GB';
   * DuckDB's own default (80% of RAM) when unset. Past it the build spills
   * to a temp directory beside the new file.
   */
  memoryLimit?: string;
  /**
   * An append works on the spare copy beside the warehouse (spareFile.ts) when it can, and keeps the
   * file it replaces as the next one's spare; false copies the file and removes any spare. A full load
   * always removes it.
   */
  spare?: boolean;
}

/** Raised when the freshly built model breaks one of its own invariants. */
export class ModelCheckError extends Error {}

/** Raised when a change to the served warehouse (an append) finds no warehouse to change. */
export class NoWarehouseError extends Error {}

/** Raised when the disk (or the process's file-size limit) cannot hold the new warehouse. */
export class NoSpaceError extends Error {}

/** Raised when the build needs more memory than its limit and cannot spill the rest to disk. */
export class NoMemoryError extends Error {}

/** The rename is on disk once its directory is: a reboot right after the load keeps the new file. */
const syncDirectory = (dir: string) => {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
};

/**
 * Builds a complete warehouse in a new file and swaps it in only when it is
 * whole and its checks pass. `fill` writes the raw tables (seed or loader).
 * Until the rename, the served file is untouched; the rename is atomic, so a
 * reader sees the old file or the new one, never half of either. One load
 * of a warehouse runs at a time (the load lock), and each first removes what
 * earlier loads that died left behind.
 */
export const replaceDatabase = async (
  dbPath: string,
  fill: (connection: DuckDBConnection) => Promise<void>,
  options: ReplaceOptions = {}
): Promise<void> =>
  swapIn(
    dbPath,
    {
      fromServed: false,
      work: async (connection) => {
        await runSqlFile(connection, rawTablesFile);
        await runSqlFile(connection, referenceFile);
        await addTouchpoints(connection, options.extraTouchpoints);
        await fill(connection);
        await buildModel(connection, options.params, options.progress ?? silentProgress);
        return undefined;
      },
    },
    options
  );

/**
 * The same swap for a change to the served warehouse: `update` works on a
 * copy of the served file (raw tables, model and all) and the copy is
 * checked and renamed over it as replaceDatabase's new file is.
 */
export const updateDatabase = async (
  dbPath: string,
  update: (connection: DuckDBConnection) => Promise<CheckScope | undefined>,
  options: ReplaceOptions = {}
): Promise<void> =>
  swapIn(
    dbPath,
    {
      fromServed: true,
      work: async (connection) => {
        await addTouchpoints(connection, options.extraTouchpoints);
        return update(connection);
      },
    },
    options
  );

interface Build {
  /** Start from a copy of the served file rather than an empty one. */
  fromServed: boolean;
  /** Resolves to what it updated row by row, if anything: checked where it changed. */
  work: (connection: DuckDBConnection) => Promise<CheckScope | undefined>;
}

const addTouchpoints = async (connection: DuckDBConnection, touchpoints: string[] = []) => {
  for (const touchpoint of touchpoints) {
    await connection.run(
      // An extra touchpoint comes after the built-in ones in the journey, in the order given.
      `insert into ref_touchpoints (mapping_version, touchpoint, label, sli_weight, touchpoint_order)
       select distinct mapping_version, $1, $1, 1.0, (select max(touchpoint_order) + 1 from ref_touchpoints)
       from ref_touchpoints where not exists (select 1 from ref_touchpoints where touchpoint = $1)`,
      [touchpoint]
    );
  }
};

const swapIn = async (dbPath: string, build: Build, options: ReplaceOptions): Promise<void> => {
  mkdirSync(dirname(dbPath) || '.', { recursive: true });
  await withLoadLock(dbPath, async () => {
    const removed = removeLeftovers(dbPath);
    if (removed.length > 0) {
      options.notice?.(`removed ${removed.join(', ')}: left by an earlier load of ${dbPath} that did not finish`);
    }
    try {
      await buildAndSwap(dbPath, build, options);
    } catch (error) {
      const message = errorMessage(error);
      if (outOfMemory(message)) {
        // DuckDB's first line says how much it wanted; the rest is advice on SQL settings a CLI user cannot type.
        const limit = options.memoryLimit ? `--memory-limit ${options.memoryLimit}` : "DuckDB's default (80% of RAM)";
        throw new NoMemoryError(
          `the build of ${dbPath} needs more memory than ${limit} allows: ${message.split('\n')[0]}; the served warehouse is unchanged`,
          { cause: error }
        );
      }
      if (!outOfSpace(message)) {
        throw error;
      }
      throw new NoSpaceError(
        `not enough space to build the new warehouse beside ${dbPath}: ${message}; the served warehouse is unchanged`,
        {
          cause: error,
        }
      );
    }
  });
};

const buildAndSwap = async (dbPath: string, build: Build, options: ReplaceOptions) => {
  const progress = options.progress ?? silentProgress;
  const tmpPath = buildPath(dbPath);
  let instance: DuckDBInstance | undefined;
  let swapped = false;
  const stopListening = removeOnSignal(databaseFiles(tmpPath));
  try {
    // Only where it can tell that no process holds the spare open (Linux): elsewhere a spare could never be written.
    const spares = options.spare !== false && locksKnown();
    let keepsSpare = false;
    if (build.fromServed) {
      const fromSpare = spares && spareUsable(dbPath);
      progress.step(fromSpare ? `bringing ${sparePath(dbPath)} up to date` : `copying ${dbPath}`);
      // Checked again here, under the load lock: the file can go while the change waits for it.
      if (!existsSync(dbPath)) {
        throw new NoWarehouseError(
          `${dbPath} no longer exists: there is no warehouse to change; load it in full first`
        );
      }
      keepsSpare = copyServedFile(dbPath, tmpPath, fromSpare) !== 'reflink' && spares;
    }
    instance = await openDatabase(tmpPath, { memoryLimit: options.memoryLimit });
    const connection = await instance.connect();
    try {
      const scope = await build.work(connection);
      const failures = await runDataTests(connection, scope, progress);
      if (failures.length > 0) {
        const list = failures.map((f) => `${f.test} (${f.failingRows} rows, e.g. ${f.example})`).join('; ');
        throw new ModelCheckError(`model checks failed: ${list}`);
      }
      progress.step(`writing ${tmpPath}`);
      await connection.run('checkpoint');
    } finally {
      connection.closeSync();
    }
    instance.closeSync();
    // A WAL left by a crashed writer of the old file must not replay onto the new one.
    if (existsSync(`${dbPath}.wal`)) {
      rmSync(`${dbPath}.wal`);
    }
    const spareProblem = keepsSpare ? keepSpare(dbPath) : removeSpare(dbPath);
    if (spareProblem !== undefined) {
      options.notice?.(spareProblem);
    }
    renameSync(tmpPath, dbPath);
    swapped = true;
    syncDirectory(dirname(dbPath) || '.');
  } finally {
    stopListening();
    if (!swapped) {
      instance?.closeSync();
      removeDatabaseFiles(tmpPath);
    }
  }
};
