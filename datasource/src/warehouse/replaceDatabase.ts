import type { DuckDBConnection } from '@duckdb/node-api';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { rawTablesFile, referenceFile } from '../../../sql';
import { openDatabase } from '../db/openDatabase';
import { silentProgress, type Progress } from '../cli/progress';
import { buildModel } from './buildModel';
import type { ModelParamsInput } from './modelParams';
import { runDataTests } from './runDataTests';
import { runSqlFile } from './runSqlFile';

export interface ReplaceOptions {
  params?: ModelParamsInput;
  progress?: Progress;
  /** Extra touchpoints beyond the contract's list, with SLI weight 1. */
  extraTouchpoints?: string[];
}

/** Raised when the freshly built model breaks one of its own invariants. */
export class ModelCheckError extends Error {}

const removeDatabaseFiles = (path: string) => {
  rmSync(path, { force: true });
  rmSync(`${path}.wal`, { force: true });
};

/**
 * Builds a complete warehouse in a new file and swaps it in only when it is
 * whole and its checks pass. `fill` writes the raw tables (seed or loader).
 * Until the rename, the served file is untouched; the rename is atomic, so a
 * reader sees the old file or the new one, never half of either.
 */
export const replaceDatabase = async (
  dbPath: string,
  fill: (connection: DuckDBConnection) => Promise<void>,
  options: ReplaceOptions = {},
): Promise<void> => {
  const progress = options.progress ?? silentProgress;
  mkdirSync(dirname(dbPath) || '.', { recursive: true });
  const tmpPath = `${dbPath}.tmp-${process.pid}`;
  removeDatabaseFiles(tmpPath);
  const instance = await openDatabase(tmpPath);
  let swapped = false;
  try {
    const connection = await instance.connect();
    try {
      await runSqlFile(connection, rawTablesFile);
      await runSqlFile(connection, referenceFile);
      for (const touchpoint of options.extraTouchpoints ?? []) {
        await connection.run(
          'insert into ref_touchpoints select distinct mapping_version, $1, $1, 1.0 from ref_touchpoints where not exists (select 1 from ref_touchpoints where touchpoint = $1)',
          [touchpoint],
        );
      }
      await fill(connection);
      await buildModel(connection, options.params, progress);
      progress.step('checking model invariants');
      const failures = await runDataTests(connection);
      if (failures.length > 0) {
        const list = failures.map((f) => `${f.test} (${f.failingRows} rows, e.g. ${f.example})`).join('; ');
        throw new ModelCheckError(`model checks failed: ${list}`);
      }
      await connection.run('checkpoint');
    } finally {
      connection.closeSync();
    }
    instance.closeSync();
    // A WAL left by a crashed writer of the old file must not replay onto the new one.
    if (existsSync(`${dbPath}.wal`)) rmSync(`${dbPath}.wal`);
    renameSync(tmpPath, dbPath);
    swapped = true;
  } finally {
    if (!swapped) {
      instance.closeSync();
      removeDatabaseFiles(tmpPath);
    }
  }
};
