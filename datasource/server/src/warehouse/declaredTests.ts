import { quoteIdentifier } from '../db/quoteIdentifier';
import type { ModelDeclaration } from './modelDeclarations';

/** One data test made from a model's declaration: a query returning the rows that break it. */
export interface DeclaredTest {
  name: string;
  sql: string;
}

/**
 * Models an increment updated row by row (updateModel), each with its
 * changed rows, old and new, in the temp table `changed_<model>`. Their
 * other rows are as the last build checked them.
 */
export type IncrementalScope = ReadonlySet<string>;

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
 * After an increment, a model in `incremental` is checked where it changed:
 * a repeated key has a changed row among its rows (the others were unique
 * when last checked), and only a changed row can be a new null. That is
 * what keeps an increment's checks from costing a full build's. References
 * stay whole: a row that did not change can lose its target.
 */
export const declaredTests = (
  declarations: ModelDeclaration[],
  incremental: IncrementalScope = new Set()
): DeclaredTest[] =>
  declarations.flatMap((model) => {
    const relation = quoteIdentifier(model.name);
    const changed = incremental.has(model.name) ? quoteIdentifier(changedRowsTable(model.name)) : undefined;
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
      // An anti join, not `not in (select ...)`: a null among the targets would make
      // `not in` true for no row, so the test could not fail, and DuckDB runs
      // `not in` several times slower on a large target.
      tests.push({
        name: `references:${model.name}.${reference.column}`,
        sql: `select m.${column} as value from ${relation} as m anti join ${quoteIdentifier(reference.model)} as target on m.${column} = target.${quoteIdentifier(reference.targetColumn)} where m.${column} is not null`,
      });
    }
    return tests;
  });
