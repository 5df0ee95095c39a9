import { pgTypeOfDuckDbType } from './catalog/pgTypeOfDuckDbType';

type Node = Record<string, unknown>;

const UNNAMED = '?column?';

/** DuckDB's names for functions PostgreSQL spells otherwise. */
const functionNames: Record<string, string> = { count_star: 'count', list_value: 'array' };

/**
 * The name PostgreSQL gives an expression that has no alias (its
 * FigureColname): a column's own name, a function's name, a cast's operand
 * or else its type, `case`, and `?column?` for operators and constants.
 */
const expressionName = (node: Node): string => {
  switch (node.class) {
    case 'COLUMN_REF': {
      const names = node.column_names as string[];
      return names[names.length - 1];
    }
    case 'FUNCTION': {
      const name = String(node.function_name);
      return node.is_operator || !/^[a-z_]/i.test(name) ? UNNAMED : (functionNames[name] ?? name);
    }
    case 'CAST': {
      const inner = expressionName(node.child as Node);
      return inner !== UNNAMED ? inner : pgTypeOfDuckDbType(String((node.cast_type as Node).id));
    }
    case 'CASE':
      return 'case';
    case 'OPERATOR':
      return node.type === 'OPERATOR_COALESCE' ? 'coalesce' : node.type === 'OPERATOR_NULLIF' ? 'nullif' : UNNAMED;
    case 'SUBQUERY': {
      if (node.subquery_type === 'EXISTS') {
        return 'exists';
      }
      const first = ((node.subquery as Node).node as Node).select_list as Node[] | undefined;
      return first?.[0] ? columnName(first[0]) : UNNAMED;
    }
    default:
      return UNNAMED;
  }
};

const columnName = (node: Node): string => (node.alias ? String(node.alias) : expressionName(node));

/**
 * The result's column names as PostgreSQL would give them, from DuckDB's
 * parse of the statement, or undefined where the select list does not map
 * one to one onto the columns (`*`, set operations): those keep DuckDB's.
 * DuckDB names an unaliased expression by its text (`count_star()`);
 * psql headers, pandas frames and Grafana legends expect `count`.
 */
export const pgColumnNames = (statement: unknown): string[] | undefined => {
  const node = (statement as Node | undefined)?.node as Node | undefined;
  if (node?.type !== 'SELECT_NODE') {
    return undefined;
  }
  const list = node.select_list as Node[];
  if (list.some((e) => e.class === 'STAR' || e.class === 'COLUMNS')) {
    return undefined;
  }
  return list.map(columnName);
};
