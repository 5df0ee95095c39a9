import { pgArrayOf, type PgTypeName } from '../pgTypeOids';

/**
 * DuckDB type (as duckdb_columns().data_type spells it) to the PostgreSQL
 * type a client is told, first match wins. One list, read both here and by
 * the catalog's SQL, so a column's type is the same in pg_attribute,
 * information_schema and anything else that asks.
 */
export const duckDbTypeRules: ReadonlyArray<readonly [pattern: string, pg: PgTypeName]> = [
  ['BOOLEAN', 'bool'],
  ['TINYINT|SMALLINT|UTINYINT', 'int2'],
  ['INTEGER|USMALLINT', 'int4'],
  ['BIGINT|UINTEGER', 'int8'],
  ['HUGEINT|UHUGEINT|UBIGINT|DECIMAL.*', 'numeric'],
  ['FLOAT', 'float4'],
  ['DOUBLE', 'float8'],
  ['VARCHAR', 'text'],
  ['BLOB', 'bytea'],
  ['DATE', 'date'],
  ['TIME', 'time'],
  ['TIMESTAMP WITH TIME ZONE', 'timestamptz'],
  ['TIMESTAMP.*', 'timestamp'],
  ['INTERVAL', 'interval'],
  ['UUID', 'uuid'],
  // Nested values travel as JSON text; a list of a plain type is a PostgreSQL array.
  ['(STRUCT|MAP|UNION|JSON).*', 'json'],
];

const elementType = (duckDbType: string): PgTypeName => {
  const rule = duckDbTypeRules.find(([pattern]) => new RegExp(`^(?:${pattern})$`).test(duckDbType));
  return rule?.[1] ?? 'text';
};

/** The PostgreSQL type of a DuckDB column type; lists of plain types become arrays. */
export const pgTypeOfDuckDbType = (duckDbType: string): PgTypeName => {
  const list = /^(.*)\[\]$/.exec(duckDbType);
  if (list) {
    const element = elementType(list[1]);
    return element === 'json' ? 'json' : (pgArrayOf[element] ?? 'json');
  }
  return elementType(duckDbType);
};
