import type { DuckDBConnection } from '@duckdb/node-api';
import { modelFiles } from '@touchpoint/sql';
import { quoteIdentifier } from '../db/quoteIdentifier';
import { readScalar } from '../db/readRows';
import { incrementalModels } from './incrementalModels';
import { readModelDeclaration, type ModelDeclaration, type ModelReference } from './modelDeclarations';

/** A reference's target, as the set of kept keys names it: `model.column`. */
export const referenceTarget = (reference: Pick<ModelReference, 'model' | 'targetColumn'>) =>
  `${reference.model}.${reference.targetColumn}`;

/** The temp table holding a reference target's keys as they were before the increment. */
export const keysBeforeTable = (reference: Pick<ModelReference, 'model' | 'targetColumn'>) =>
  `keys_before_${reference.model}_${reference.targetColumn}`;

const relationExists = async (connection: DuckDBConnection, name: string) =>
  Number(
    await readScalar(
      connection,
      `select count(*) from (
         select table_name as name from duckdb_tables() where database_name = current_database() and schema_name = 'main'
         union all
         select view_name from duckdb_views() where database_name = current_database() and schema_name = 'main'
       ) where name = $1`,
      [name]
    )
  ) > 0;

/**
 * Run on the warehouse before an increment touches it: keeps the keys of
 * every target that a model updated row by row refers to, as the last
 * check saw them (`keys_before_<model>_<column>`). A row an increment did
 * not change can only lose its target if one of those keys went, so the
 * checks look for rows pointing at a key gone instead of joining every row
 * (declaredTests.ts). A target updated row by row itself needs none: its
 * `changed_<model>` holds its old rows. Returns the targets kept; a target
 * not kept (one a warehouse built before it lacks) is checked whole.
 */
export const keepReferenceKeys = async (
  connection: DuckDBConnection,
  declarations: ModelDeclaration[] = modelFiles().map(readModelDeclaration)
): Promise<ReadonlySet<string>> => {
  const targets = new Map(
    declarations
      .filter((model) => model.name in incrementalModels)
      .flatMap((model) => model.references)
      .filter((reference) => !(reference.model in incrementalModels))
      .map((reference) => [referenceTarget(reference), reference] as const)
  );
  const kept = new Set<string>();
  for (const [target, reference] of targets) {
    if (await relationExists(connection, reference.model)) {
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
