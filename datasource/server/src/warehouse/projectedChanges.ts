import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier } from '../db/quoteIdentifier';
import { contractTables, tableRules, type ContractTable } from '../load/contractRules';
import { changedRowsTable } from './declaredTests';
import type { ModelDeclaration, ModelReference } from './modelDeclarations';
import { modelQuery } from './modelQuery';

const isContractTable = (table: string): table is ContractTable =>
  (contractTables as readonly string[]).includes(table);

/** The views projecting a raw table the change set covers (`changed_raw_<table>`, changeSet.ts). */
const projectedViews = (declarations: ModelDeclaration[]) =>
  declarations.filter((model) => model.projects !== undefined && isContractTable(model.projects));

/**
 * Whether a reference's target holds every key it held before any increment: the raw table's id, as a view
 * projecting it selects it, since an increment replaces raw rows by id or adds them, never removes one. (Any
 * other column can lose a value when its row is replaced.) A model whose key another holds (`key held by`:
 * one row per row of it, the counts checked equal by sql/tests/grain_preserved.sql) has the same keys, so
 * it keeps every key when that one does. A chain of holders that comes back to a model it passed never
 * reaches a raw table, so it keeps nothing.
 */
export const keepsEveryKey = (
  declarations: ModelDeclaration[],
  reference: Pick<ModelReference, 'model' | 'targetColumn'>,
  passed: ReadonlySet<string> = new Set()
): boolean => {
  const target = declarations.find((model) => model.name === reference.model);
  if (
    target === undefined ||
    passed.has(target.name) ||
    target.key.length !== 1 ||
    target.key[0] !== reference.targetColumn
  ) {
    return false;
  }
  if (target.projects !== undefined && isContractTable(target.projects)) {
    return reference.targetColumn === tableRules[target.projects].key;
  }
  return (
    target.keyHeldBy !== undefined &&
    keepsEveryKey(
      declarations,
      { model: target.keyHeldBy, targetColumn: reference.targetColumn },
      new Set([...passed, target.name])
    )
  );
};

/** A view projecting a raw table (ModelDeclaration.projects): its own select, reading `relation` in the table's place. */
export const projectionOver = (view: ModelDeclaration, relation: string): string =>
  (modelQuery(view.file, 'view') ?? '').replace(new RegExp(`\\bfrom raw\\.${view.projects}\\b`), `from ${relation}`);

/**
 * After an increment: the changed rows of each view that projects a raw table (the staging views), old and
 * new, kept as `changed_<view>`: the view's own select over `changed_raw_<table>`. Returns those views, which
 * the checks then read where they changed, as they read the models updated row by row (declaredTests.ts):
 * checking the follow-ups' references whole read 2M follow-ups against 20M ratings at scale 20 (1.2 s).
 */
export const keepProjectedChanges = async (
  connection: DuckDBConnection,
  declarations: ModelDeclaration[]
): Promise<string[]> => {
  const views = projectedViews(declarations);
  for (const view of views) {
    const query = projectionOver(view, quoteIdentifier(`changed_raw_${view.projects}`));
    await connection.run(`create or replace temp table ${quoteIdentifier(changedRowsTable(view.name))} as ${query}`);
  }
  return views.map((view) => view.name);
};
