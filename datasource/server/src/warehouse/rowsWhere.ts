/**
 * Which rows of a relation a rebuild reads: one predicate, or alternatives
 * of which a row meets any (incrementalModels.ts). `{t}` names the relation.
 */
export type RowPredicate = string | readonly string[];

/**
 * `select` (a `select ... from relation`, no where) restricted to the rows
 * `predicate` picks. Alternatives become a union of disjoint parts, each
 * part leaving out the rows an earlier one took (`(earlier) is not true`,
 * which keeps a row whose earlier test is null), so no row is read twice.
 * Why not `or`: each part is its own scan, so the bound one part puts on
 * the column a table is stored in order of prunes that part's row groups;
 * with `or` DuckDB evaluates both tests on every row, reading every column
 * the query uses of all of them (a customer's ratings through 20M rows plus
 * a day's changed ratings: 2.1 s cold against 1.6 as two parts).
 */
export const rowsWhere = (select: string, predicate: RowPredicate, relation: string): string => {
  const parts = (typeof predicate === 'string' ? [predicate] : predicate).map((p) => p.replaceAll('{t}', relation));
  return parts
    .map((part, i) =>
      i === 0
        ? `${select} where ${part}`
        : `${select} where (${part}) and (${parts
            .slice(0, i)
            .map((earlier) => `(${earlier})`)
            .join(' or ')}) is not true`
    )
    .join(' union all ');
};
