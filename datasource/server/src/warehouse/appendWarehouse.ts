import { appendDirectory, type AppendSummary } from '../load/appendDirectory';
import { copyWarehouseRaw } from '../load/copyWarehouseRaw';
import { silentProgress } from '../progress';
import { replaceDatabase, type ReplaceOptions } from './replaceDatabase';

export interface AppendResult {
  summary: AppendSummary;
  /** Reading the warehouse's rows, checking the increment and merging it, before the model. */
  mergeSeconds: number;
}

/**
 * `touchpoint load --append`: merges the contract files of `dir` (any of
 * them; a row whose id exists replaces the old one) into the warehouse at
 * `dbPath`, all or nothing, and swaps the result in as a full load does.
 */
export const appendWarehouse = async (
  dbPath: string,
  dir: string,
  options: ReplaceOptions = {}
): Promise<AppendResult> => {
  const progress = options.progress ?? silentProgress;
  let result: AppendResult | undefined;
  await replaceDatabase(
    dbPath,
    async (connection) => {
      const started = performance.now();
      progress.step(`reading ${dbPath}`);
      await copyWarehouseRaw(connection, dbPath);
      const summary = await appendDirectory(connection, dir, progress);
      result = { summary, mergeSeconds: (performance.now() - started) / 1000 };
    },
    options
  );
  if (!result) {
    throw new Error(`the append into ${dbPath} finished without merging ${dir}`);
  }
  return result;
};
