import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier } from '../db/quoteIdentifier';
import { rowsByNumber } from '../db/rowsByNumber';
import { selectColumns } from '../db/selectColumns';
import { appendedRowsRelation } from '../load/appendDirectory';
import { contractTables } from '../load/contractRules';
import { IncrementalModelError, NO_OTHER_ROWS, type RebuiltRows } from './incrementalModels';
import type { ModelDeclaration } from './modelDeclarations';
import { modelQuery } from './modelQuery';
import { projectionOver } from './projectedChanges';
import { rowsWhere, type RowPredicate } from './rowsWhere';

/** The alias a narrowed input is read under, which `{t}` in its predicate names. */
export const narrowedAlias = 'narrowed_input';

/** The column holding a narrowed input's row numbers. */
const NUMBER = 'narrowed_rowid';

/**
 * A staging view's rows with their numbers in the raw table it projects
 * (the view's select with the rowid beside its columns); undefined for any
 * other relation. Why only those: a raw table is stored in the order rows
 * arrived, an increment's at its end, so the rows a rebuild reads from it
 * (the new and replaced ones) cluster by number, while nothing in their
 * columns bounds a scan. The facts are stored in time order and their
 * predicates bound the time where the rows cluster; where they do not (a
 * customer's whole history), finding the numbers first is one more scan.
 */
const numberedRows = (declaration: ModelDeclaration | undefined): string | undefined =>
  declaration?.projects === undefined
    ? undefined
    : modelQuery(declaration.file, 'view')?.replace(/^\s*select\s/, `select rowid as ${NUMBER}, `);

/**
 * The rows an increment merged into the raw table a staging view projects
 * (RebuiltRows.merged), read through the view's select, and the view's key;
 * an error where the relation is no such view.
 */
const mergedRows = (relation: string, declaration: ModelDeclaration | undefined) => {
  const table = contractTables.find((t) => t === declaration?.projects);
  if (!declaration || !table) {
    throw new IncrementalModelError(
      `incrementalModels.ts reads the merged rows of ${relation}, which is not a staging view projecting a raw table`
    );
  }
  return {
    select: projectionOver(declaration, appendedRowsRelation(table)),
    key: declaration.key.map(quoteIdentifier).join(', '),
    relation: appendedRowsRelation(table),
  };
};

/** A narrowed input read in place: the predicate inlined, for DuckDB to apply while it reads the relation. */
export const inlineInput = (relation: string, predicate: RowPredicate): string =>
  rowsWhere(`select * from ${relation} as ${narrowedAlias}`, predicate, narrowedAlias);

/**
 * The rows `kept` gives for an input (RebuiltRows.kept), `{previous}` read
 * as `previous`, in the columns of the input they have: the model's old rows
 * hold the input's columns it copies under their names, beside its own (a
 * fact's region, the journey's customer columns), which the input lacks.
 */
const keptRows = async (connection: DuckDBConnection, relation: string, kept: string, previous: string) => {
  const select = kept.replaceAll('{previous}', previous);
  const has = new Set(await selectColumns(connection, select));
  const columns = (await selectColumns(connection, `select * from ${relation}`)).filter((c) => has.has(c));
  return `select ${columns.map(quoteIdentifier).join(', ')} from (${select})`;
};

/**
 * The rows of each input a model's rebuild narrows (incrementalModels.ts),
 * as SQL to read in place of the relation, with the rows the model's old
 * rows (`previous`, the table updateModel keeps them in) give for it added
 * by column name. The increment's own rows of a staging view whose every
 * such row the model rebuilds (RebuiltRows.merged) are read from the rows
 * it merged: a day's ratings among 20M took 0.85 s to find in the raw
 * table, where nothing orders them for a scan to skip by. Other rows of a
 * staging view are found first on the columns the predicate reads and then
 * read by number, run by run (rowsByNumber.ts): finding them with the rows
 * read whole took twice as long. The numbers are kept in
 * `narrowed_rowids_<relation>` (dropNarrowedInputs): call this in the
 * transaction that reads them, so that no checkpoint renumbers the rows in
 * between.
 */
export const narrowedInputs = async (
  connection: DuckDBConnection,
  model: RebuiltRows,
  declarations: ReadonlyMap<string, ModelDeclaration>,
  previous: string
): Promise<Record<string, string>> => {
  const inputs: Record<string, string> = {};
  for (const [relation, predicate] of Object.entries(model.narrow)) {
    const merged = model.merged?.includes(relation) ? mergedRows(relation, declarations.get(relation)) : undefined;
    let rows = inlineInput(relation, predicate);
    const numbered = numberedRows(declarations.get(relation));
    if (merged && predicate === NO_OTHER_ROWS) {
      rows = merged.select;
    } else if (numbered !== undefined) {
      const rowids = quoteIdentifier(`narrowed_rowids_${relation}`);
      await connection.run(
        `create or replace temp table ${rowids} as
         ${rowsWhere(`select ${NUMBER} as r from (${numbered}) as ${narrowedAlias}`, predicate, narrowedAlias)}`
      );
      const read = await rowsByNumber(connection, `select * from (${numbered}) as ${narrowedAlias}`, rowids, NUMBER);
      rows = `select * exclude (${NUMBER}) from (${read})`;
    }
    if (merged && predicate !== NO_OTHER_ROWS) {
      // The other rows the predicate picks, less the merged ones among them: each row read once.
      rows = `(${merged.select}) union all (select * from (${rows}) where (${merged.key}) not in (select ${merged.key} from ${merged.relation}))`;
    }
    const kept = model.kept?.[relation];
    inputs[relation] =
      kept === undefined
        ? rows
        : `(${rows}) union all by name (${await keptRows(connection, relation, kept, previous)})`;
  }
  return inputs;
};

/** Drops the row numbers narrowedInputs kept. */
export const dropNarrowedInputs = (model: RebuiltRows): string =>
  Object.keys(model.narrow)
    .map((relation) => `drop table if exists ${quoteIdentifier(`narrowed_rowids_${relation}`)};`)
    .join('\n');
