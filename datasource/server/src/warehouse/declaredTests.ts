import { quoteIdentifier } from '../db/quoteIdentifier';
import type { ModelDeclaration, ModelReference } from './modelDeclarations';
import { keysBeforeTable, referenceTarget } from './referenceKeys';

/** One data test made from a model's declaration: a query returning the rows that break it. */
export interface DeclaredTest {
  name: string;
  sql: string;
}

/** What an increment changed, for checking it where it changed. */
export interface IncrementalScope {
  /**
   * Models updated row by row (updateModel), each with its changed rows,
   * old and new, in the temp table `changed_<model>`. Their other rows are
   * as the last build checked them.
   */
  updated: ReadonlySet<string>;
  /** Reference targets (`model.column`) whose keys before the increment are kept (referenceKeys.ts). */
  keysBefore: ReadonlySet<string>;
}

/** The temp table holding an incrementally updated model's changed rows. */
export const changedRowsTable = (model: string) => `changed_${model}`;

/**
 * The keys of a reference's target that the increment removed, or
 * undefined when they cannot be told (the target was neither updated row
 * by row nor kept before): from its old rows in `changed_<model>`, or from
 * its keys kept before the increment. The keys still there are found by
 * probing the target with the few candidates, never by hashing the target.
 */
const keysGone = (reference: ModelReference, scope: IncrementalScope): string | undefined => {
  const column = quoteIdentifier(reference.targetColumn);
  const target = quoteIdentifier(reference.model);
  const before = scope.updated.has(reference.model)
    ? quoteIdentifier(changedRowsTable(reference.model))
    : scope.keysBefore.has(referenceTarget(reference))
      ? quoteIdentifier(keysBeforeTable(reference))
      : undefined;
  return (
    before &&
    `select ${column} as gone from ${before} where ${column} is not null
     except select t.${column} from ${target} as t semi join ${before} as b on t.${column} = b.${column}`
  );
};

/**
 * The tests each model's header declares, dbt's generic tests: its key is
 * unique (unless another model holds it: `key held by`), its required
 * columns are never null, its references resolve.
 * Keys and not-null are checked on tables; a view is derived from checked
 * tables at query time, and scanning the large ones (rel_customer_month) at
 * every build costs more than it tells (tests/model checks them on
 * fixtures). References are checked on both.
 *
 * After an increment, a model it updated row by row is checked where it
 * changed, which is what keeps an increment's checks from costing a full
 * build's: a repeated key has a changed row among its rows (the others
 * were unique when last checked), and only a changed row can be a new
 * null. A reference breaks on a changed row, or on a row that did not
 * change whose target's key went; those rows are found by the keys gone
 * (keysGone), and a target whose keys before cannot be told is checked whole.
 */
export const declaredTests = (declarations: ModelDeclaration[], scope?: IncrementalScope): DeclaredTest[] =>
  declarations.flatMap((model) => {
    const relation = quoteIdentifier(model.name);
    const changed =
      scope?.updated.has(model.name) && model.key.length > 0
        ? quoteIdentifier(changedRowsTable(model.name))
        : undefined;
    const key = model.key.map(quoteIdentifier);
    // The model's rows now whose key changed: its changed rows, less the old versions no longer there.
    const changedRows = changed
      ? `(select * from ${relation} semi join (select distinct ${key.join(', ')} from ${changed}) as changed using (${key.join(', ')}))`
      : relation;
    const tests: DeclaredTest[] = [];
    if (model.kind === 'table' && model.key.length > 0 && model.keyHeldBy === undefined) {
      tests.push({
        name: `unique_key:${model.name}`,
        // The key is put into words for the repeated groups only, not for every row grouped.
        sql: `select concat_ws('/', ${key.join(', ')}) as key from (select ${key.join(', ')} from ${changedRows} group by ${key.join(', ')} having count(*) > 1)`,
      });
    }
    if (model.kind === 'table') {
      for (const column of [...new Set([...model.key, ...model.notNull])]) {
        tests.push({
          name: `not_null:${model.name}.${column}`,
          sql: `select * from ${changed ?? relation} where ${quoteIdentifier(column)} is null`,
        });
      }
    }
    for (const reference of model.references) {
      const column = quoteIdentifier(reference.column);
      const target = quoteIdentifier(reference.model);
      const targetColumn = quoteIdentifier(reference.targetColumn);
      const gone = changed && scope ? keysGone(reference, scope) : undefined;
      // An anti join, not `not in (select ...)`: a null among the targets would make
      // `not in` true for no row, so the test could not fail, and DuckDB runs
      // `not in` several times slower on a large target.
      const unresolved = (rows: string) =>
        `select m.${column} as value from ${rows} as m anti join ${target} as target on m.${column} = target.${targetColumn} where m.${column} is not null`;
      tests.push({
        name: `references:${model.name}.${reference.column}`,
        sql: gone
          ? `${unresolved(changedRows)}
             union all
             select m.${column} as value from ${relation} as m semi join (${gone}) as g on m.${column} = g.gone`
          : unresolved(relation),
      });
    }
    return tests;
  });
