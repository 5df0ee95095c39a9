import { quoteIdentifier } from '../db/quoteIdentifier';
import { referenceTarget, type ModelDeclaration } from './modelDeclarations';

/** One data test made from a model's declaration: a query returning the rows that break it. */
export interface DeclaredTest {
  name: string;
  sql: string;
}

/** What an increment changed, for checking it where it changed. */
export interface CheckScope {
  /**
   * Models updated row by row (updateModel), each with its changed rows,
   * old and new, in the temp table `changed_<model>`. Their other rows are
   * as the last build checked them.
   */
  updated: ReadonlySet<string>;
  /** Reference targets (`model.column`) holding every key they held before the increment (referenceKeys.ts). */
  intactTargets: ReadonlySet<string>;
}

/** The temp table holding an incrementally updated model's changed rows. */
export const changedRowsTable = (model: string) => `changed_${model}`;

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
 * change whose target lost its key: references to a target that kept every
 * key are checked on the changed rows (an old version there pointed at a
 * key the last check found, which is still there), to any other target whole.
 */
export const declaredTests = (declarations: ModelDeclaration[], scope?: CheckScope): DeclaredTest[] =>
  declarations.flatMap((model) => {
    const relation = quoteIdentifier(model.name);
    const changed =
      scope?.updated.has(model.name) && model.key.length > 0
        ? quoteIdentifier(changedRowsTable(model.name))
        : undefined;
    const tests: DeclaredTest[] = [];
    if (model.kind === 'table' && model.key.length > 0 && model.keyHeldBy === undefined) {
      const key = model.key.map(quoteIdentifier);
      const rows = changed
        ? `${relation} semi join (select distinct ${key.join(', ')} from ${changed}) as changed using (${key.join(', ')})`
        : relation;
      tests.push({
        name: `unique_key:${model.name}`,
        // The key is put into words for the repeated groups only, not for every row grouped.
        sql: `select concat_ws('/', ${key.join(', ')}) as key from (select ${key.join(', ')} from ${rows} group by ${key.join(', ')} having count(*) > 1)`,
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
      const name = `references:${model.name}.${reference.column}`;
      if (changed && scope?.intactTargets.has(referenceTarget(reference))) {
        // The changed rows' values the target lacks, found by probing the target with them: an anti join
        // hashes its right side whole, DuckDB's plan whatever the subquery (a day's follow-ups against the
        // ids of 20M ratings at scale 20: 1.1 s, against 0.6 s probed). Then the rows holding them.
        tests.push({
          name,
          sql: `select m.${column} as value from ${changed} as m semi join (
            select ${column} from ${changed} where ${column} is not null
            except select t.${targetColumn} from ${target} as t semi join ${changed} as c on t.${targetColumn} = c.${column}
          ) as missing on m.${column} = missing.${column}`,
        });
        continue;
      }
      // An anti join, not `not in (select ...)`: a null among the targets would make
      // `not in` true for no row, so the test could not fail, and DuckDB runs
      // `not in` several times slower on a large target.
      tests.push({
        name,
        sql: `select m.${column} as value from ${relation} as m anti join ${target} as target on m.${column} = target.${targetColumn} where m.${column} is not null`,
      });
    }
    return tests;
  });
