import type { DuckDBConnection } from '@duckdb/node-api';
import { modelFiles } from '@touchpoint/sql';
import { quoteIdentifier } from '../db/quoteIdentifier';
import { readScalar } from '../db/readRows';
import { relationKind } from '../db/relationKind';
import { changedRowsTable } from './declaredTests';
import { keepsEveryKey } from './projectedChanges';
import { incrementalModels } from './incrementalModels';
import { readModelDeclaration, referenceTarget, type ModelDeclaration, type ModelReference } from './modelDeclarations';

/** The temp table holding a reference target's keys as they were before the increment. */
export const keysBeforeTable = (reference: Pick<ModelReference, 'model' | 'targetColumn'>) =>
  `keys_before_${reference.model}_${reference.targetColumn}`;

/** The references of the models `models` picks, one per target (`model.column`). */
const targetsOf = (declarations: ModelDeclaration[], models: (name: string) => boolean): Map<string, ModelReference> =>
  new Map(
    declarations
      .filter((model) => models(model.name))
      .flatMap((model) => model.references)
      .map((reference) => [referenceTarget(reference), reference] as const)
  );

/**
 * Run on the warehouse before an increment touches it: keeps the keys of
 * every target that a model updated row by row refers to, as the last
 * check saw them (`keys_before_<model>_<column>`). A row the increment did
 * not change can only lose its target if one of those keys went
 * (intactTargets). A target updated row by row itself needs none: its
 * `changed_<model>` holds its old rows; nor does one that keeps every key:
 * a view projecting a raw table, or a model whose key it holds
 * (projectedChanges.ts). Returns the targets
 * kept; a target not kept (one a warehouse built before it lacks) is
 * checked whole.
 */
export const keepReferenceKeys = async (
  connection: DuckDBConnection,
  declarations: ModelDeclaration[] = modelFiles().map(readModelDeclaration)
): Promise<ReadonlySet<string>> => {
  const kept = new Set<string>();
  for (const [target, reference] of targetsOf(declarations, (name) => name in incrementalModels)) {
    if (
      !(reference.model in incrementalModels) &&
      !keepsEveryKey(declarations, reference) &&
      (await relationKind(connection, reference.model)) !== undefined
    ) {
      const column = quoteIdentifier(reference.targetColumn);
      await connection.run(
        `create or replace temp table ${quoteIdentifier(keysBeforeTable(reference))} as
         select distinct ${column} from ${quoteIdentifier(reference.model)} where ${column} is not null`
      );
      kept.add(target);
    }
  }
  return kept;
};

/**
 * After an increment: the targets of its row-by-row models' references that
 * still hold every key they held before, told from their old rows
 * (`changed_<model>`) or their kept keys. The keys still there are found by
 * probing the target with the candidates, not by hashing the target. A
 * target whose keys before are not known is not intact.
 */
export const intactTargets = async (
  connection: DuckDBConnection,
  updated: ReadonlySet<string>,
  keysBefore: ReadonlySet<string>,
  declarations: ModelDeclaration[] = modelFiles().map(readModelDeclaration)
): Promise<ReadonlySet<string>> => {
  const intact = new Set<string>();
  for (const [target, reference] of targetsOf(declarations, (name) => updated.has(name))) {
    if (keepsEveryKey(declarations, reference)) {
      intact.add(target);
      continue;
    }
    const before = updated.has(reference.model)
      ? changedRowsTable(reference.model)
      : keysBefore.has(target)
        ? keysBeforeTable(reference)
        : undefined;
    if (before === undefined) {
      continue;
    }
    const column = quoteIdentifier(reference.targetColumn);
    const gone = await readScalar(
      connection,
      `select count(*) from (
         select ${column} from ${quoteIdentifier(before)} where ${column} is not null
         except
         select t.${column} from ${quoteIdentifier(reference.model)} as t
         semi join ${quoteIdentifier(before)} as b on t.${column} = b.${column})`
    );
    if (Number(gone) === 0) {
      intact.add(target);
    }
  }
  return intact;
};
