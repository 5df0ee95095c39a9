import { existsSync } from 'node:fs';
import { appendDirectory, type AppendSummary } from '../load/appendDirectory';
import { silentProgress } from '../progress';
import { NoWarehouseError, updateDatabase, type ReplaceOptions } from './replaceDatabase';
import { readModelParams } from './readModelParams';
import { modelFiles } from '@touchpoint/sql';
import { readModelDeclaration } from './modelDeclarations';
import { intactTargets, keepReferenceKeys } from './referenceKeys';
import { updateModel } from './updateModel';

export interface AppendResult {
  summary: AppendSummary;
  /** Checking the increment and merging it into the raw tables, before the model. */
  mergeSeconds: number;
}

/**
 * `touchpoint load --append`: merges the contract files of `dir` (any of
 * them; a row whose id exists replaces the old one) into a copy of the
 * warehouse at `dbPath`, brings the model up to date rebuilding only what
 * the increment affects (updateModel), and swaps the copy in as a full load
 * does: all or nothing, the served file untouched until the rename.
 */
export const appendWarehouse = async (
  dbPath: string,
  dir: string,
  options: ReplaceOptions = {}
): Promise<AppendResult> => {
  if (!existsSync(dbPath)) {
    throw new NoWarehouseError(
      `--append needs a warehouse to append to, and ${dbPath} does not exist: load it in full first`
    );
  }
  const progress = options.progress ?? silentProgress;
  let result: AppendResult | undefined;
  await updateDatabase(
    dbPath,
    async (connection) => {
      const started = performance.now();
      const declarations = modelFiles().map(readModelDeclaration);
      // Before the merge: the keys the checks of unchanged rows compare with.
      progress.step('keeping the keys of reference targets');
      const keysBefore = await keepReferenceKeys(connection, declarations);
      const summary = await appendDirectory(connection, dir, progress);
      result = { summary, mergeSeconds: (performance.now() - started) / 1000 };
      // Parameters not given keep the ones the warehouse was built with, as a full load of the merged files would be built.
      const params = options.params ?? (await readModelParams(connection));
      const updated = await updateModel(connection, declarations, params, progress);
      progress.step('finding the reference targets that kept every key');
      return { updated, intactTargets: await intactTargets(connection, updated, keysBefore, declarations) };
    },
    options
  );
  if (!result) {
    throw new Error(`the append into ${dbPath} finished without merging ${dir}`);
  }
  return result;
};
