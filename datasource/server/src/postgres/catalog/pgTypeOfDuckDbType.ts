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
  ['HUGEINT|UHUGEINT|UBIGINT|BIGNUM|DECIMAL.*', 'numeric'],
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
  ['JSON', 'json'],
  // STRUCT, MAP, UNION and the rest have no PostgreSQL type: text in DuckDB's spelling (the default below).
];

const elementType = (duckDbType: string): PgTypeName => {
  const rule = duckDbTypeRules.find(([pattern]) => new RegExp(`^(?:${pattern})$`).test(duckDbType));
  return rule?.[1] ?? 'text';
};

/** The PostgreSQL type of a DuckDB column type; lists of plain types become arrays. */
export const pgTypeOfDuckDbType = (duckDbType: string): PgTypeName => {
  const list = /^(.*)\[\d*\]$/.exec(duckDbType);
  if (list) {
    return pgArrayOf[elementType(list[1])] ?? 'text';
  }
  return elementType(duckDbType);
};
