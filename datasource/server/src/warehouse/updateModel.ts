import type { DuckDBConnection } from '@duckdb/node-api';
import { basename } from 'node:path';
import { inTransaction } from '../db/inTransaction';
import { quoteIdentifier } from '../db/quoteIdentifier';
import { relationKind } from '../db/relationKind';
import { rowsByNumber } from '../db/rowsByNumber';
import { silentProgress, type Progress } from '../progress';
import { setModelVariables } from './buildModel';
import { createChangeSet } from './changeSet';
import { CURRENT_ROWID, diffRows, PREVIOUS_ROWID } from './diffRows';
import { changedRowsTable } from './declaredTests';
import { IncrementalModelError, incrementalModels, type IncrementalModel, type RebuiltRows } from './incrementalModels';
import type { ModelDeclaration } from './modelDeclarations';
import type { ModelParamsInput } from './modelParams';
import { modelQuery } from './modelQuery';
import { dropNarrowedInputs, inlineInput, narrowedInputs } from './narrowedInputs';
import { keepProjectedChanges } from './projectedChanges';
import { rowsWhere } from './rowsWhere';
import { runSqlFile } from './runSqlFile';

/** The progress step that finds what an increment changed, before the models are updated. */
export const CHANGE_SET_STEP = 'finding what the increment changed';

/** Between a model's update step and each of its parts: `updating <model>: <part>` (the benchmark adds parts up by it). */
export const PART_SEPARATOR = ': ';

/** The parts of updating a model row by row, each a progress step (`updating <model>: <part>`). */
const UPDATE_PARTS = [
  'finding the rows to rebuild',
  'reading the rows it held',
  'rebuilding them',
  'writing the changed rows',
] as const;

/** The temp table holding a model's affected rows as it held them, with their row numbers, while it is updated. */
const previousRowsTable = (name: string) => quoteIdentifier(`previous_${name}`);

/**
 * The model's query (what its `create or replace table ... as` selects),
 * with each narrowed input read through a filter: `from fct_responses as r`
 * becomes `from (select * from fct_responses where ...) as r`, or reads the
 * rows `inputs` gives for it (narrowedInputs.ts: read by row number, and
 * with the rows the model's old rows give for it, RebuiltRows.kept). Inlined, not kept in a
 * temp table first: DuckDB then reads only the columns the model uses,
 * where a kept `select *` decompresses every column of 10M to 20M rows.
 */
export const narrowedQuery = (file: string, model: RebuiltRows, inputs: Record<string, string> = {}): string => {
  let query = modelQuery(file, 'table');
  if (query === undefined) {
    throw new IncrementalModelError(
      `${file}: declared incremental, but it does not create a table ${basename(file, '.sql')}`
    );
  }
  // Kept and merged rows go with a narrowed input's: an input the rebuild does not narrow is read whole,
  // and those rows would be read twice.
  for (const [what, relations] of [
    ['keeps rows', Object.keys(model.kept ?? {})],
    ['reads merged rows', model.merged ?? []],
  ] as const) {
    const unnarrowed = relations.filter((relation) => !(relation in model.narrow));
    if (unnarrowed.length > 0) {
      throw new IncrementalModelError(
        `${file}: incrementalModels.ts ${what} of ${unnarrowed.join(', ')}, which it does not narrow`
      );
    }
  }
  for (const [relation, predicate] of Object.entries(model.narrow)) {
    let reads = 0;
    const pattern = new RegExp(`\\b(from|join)\\s+${relation}\\b(\\s+as\\s+[a-z_][a-z0-9_]*)?`, 'g');
    query = query.replace(pattern, (_match, keyword: string, alias: string | undefined) => {
      reads += 1;
      return `${keyword} (${inputs[relation] ?? inlineInput(relation, predicate)}) ${alias ?? `as ${relation}`}`;
    });
    if (reads === 0) {
      throw new IncrementalModelError(
        `${file}: incrementalModels.ts narrows ${relation}, which the model does not read`
      );
    }
  }
  return query;
};

/**
 * Brings the model of a warehouse up to date with raw tables an increment
 * was just merged into (appendDirectory): in build order, each model
 * declared in incrementalModels.ts has its affected rows deleted and built
 * again, or its folds updated in place; every other one is rebuilt whole. The result equals a full build
 * (tests/model/incrementalEquivalence.test.ts). Returns the models whose
 * changed rows, old and new, are left in `changed_<model>` for the checks:
 * those updated row by row, and the staging views (projectedChanges.ts).
 */
export const updateModel = async (
  connection: DuckDBConnection,
  declarations: ModelDeclaration[],
  params: ModelParamsInput = {},
  progress: Progress = silentProgress
): Promise<ReadonlySet<string>> => {
  // Steps of their own: timed with the last file merged otherwise.
  progress.step(CHANGE_SET_STEP);
  await setModelVariables(connection, params);
  await createChangeSet(connection);
  const updated = new Set<string>(await keepProjectedChanges(connection, declarations));
  const byName = new Map(declarations.map((declaration) => [declaration.name, declaration]));
  for (const { file, name, kind } of declarations) {
    // A warehouse built before this model existed has no rows to keep: build it whole.
    const held = await relationKind(connection, name);
    const model = held === 'table' ? incrementalModels[name] : undefined;
    if (!model) {
      progress.step(`building ${name}`);
      // Built when the model was the other kind (dim_customers was a table): DuckDB replaces a relation
      // only with one of its own kind.
      if (held !== undefined && held !== kind) {
        await connection.run(`drop ${held} ${quoteIdentifier(name)}`);
      }
      await runSqlFile(connection, file);
      continue;
    }
    progress.step(`updating ${name}`);
    await updateRows(connection, file, name, model, byName, (part) =>
      progress.step(`updating ${name}${PART_SEPARATOR}${part}`)
    );
    updated.add(name);
  }
  return updated;
};

/**
 * Updates one declared model's rows and leaves its changed rows, old and
 * new, in `changed_<model>`.
 */
const updateRows = async (
  connection: DuckDBConnection,
  file: string,
  name: string,
  model: IncrementalModel,
  declarations: ReadonlyMap<string, ModelDeclaration>,
  part: (step: (typeof UPDATE_PARTS)[number]) => void
) => {
  const table = quoteIdentifier(name);
  const previous = previousRowsTable(name);
  const names = {
    gone: quoteIdentifier(`gone_${name}`),
    added: quoteIdentifier(`added_${name}`),
    changed: quoteIdentifier(changedRowsTable(name)),
  };
  const dropTemp = [previous, names.gone, names.added].map((t) => `drop table ${t};`).join('\n');
  if ('fold' in model) {
    await connection.run(
      `create or replace temp table ${previous} as select rowid as ${PREVIOUS_ROWID}, * from ${table};
       ${model.fold}
       ${diffRows(previous, table, names)}
       ${dropTemp}`
    );
    return;
  }
  // Only the rows that changed are written. Deleting and inserting again the affected rows a rebuild
  // leaves as they were (most of them: 195,000 of 210,000 at scale 20 before the FCR window bounded
  // them) wrote many times the rows and moved them to the end of the table, out of the time order whose
  // zone maps find a range's rows (tests/model/incrementalEquivalence.test.ts). The changed rows are
  // found among the rebuilt rows themselves, not among the table's rows the predicate selects: a
  // rebuilt row outside the affected ones (a predicate that misses a row it should delete) then counts
  // as added, and its repeated key is caught by the scoped checks.
  const rebuilt = quoteIdentifier(`rebuilt_${name}`);
  part('finding the rows to rebuild');
  if (model.prepare) {
    await connection.run(model.prepare);
  }
  // The old rows are found on the columns the predicate reads, then read whole by row number, run by run
  // (rowsByNumber.ts). In one transaction: no checkpoint between reading the row numbers and deleting by them.
  const rowids = quoteIdentifier(`rowids_${name}`);
  await inTransaction(connection, async () => {
    await connection.run(
      `create or replace temp table ${rowids} as ${rowsWhere(`select rowid as r from ${table}`, model.affected, name)}`
    );
    part('reading the rows it held');
    const oldRows = await rowsByNumber(connection, `select rowid as ${PREVIOUS_ROWID}, * from ${table}`, rowids);
    await connection.run(
      `create or replace temp table ${previous} as ${oldRows};
       drop table ${rowids};`
    );
    part('rebuilding them');
    const inputs = await narrowedInputs(connection, model, declarations, previous);
    await connection.run(
      `create or replace temp table ${rebuilt} as select * from (${narrowedQuery(file, model, inputs)});
       ${dropNarrowedInputs(model)}`
    );
    part('writing the changed rows');
    await connection.run(
      `${diffRows(previous, rebuilt, names)}
       delete from ${table} where rowid in (select ${PREVIOUS_ROWID} from ${names.gone});
       insert into ${table} select * exclude (${CURRENT_ROWID}) from ${names.added} order by ${CURRENT_ROWID};
       drop table ${rebuilt};
       ${dropTemp}`
    );
  });
};
