import type { PgTypeName } from '../pgTypeOids';

/**
 * How PostgreSQL's format_type() and information_schema.columns.data_type
 * spell each type (arrays are the element's name with [], or ARRAY in
 * information_schema). Names not listed are spelled as the type's name.
 */
export const pgTypeDisplayNames: Partial<Record<PgTypeName, string>> = {
  bool: 'boolean',
  char: '"char"',
  int2: 'smallint',
  int4: 'integer',
  int8: 'bigint',
  float4: 'real',
  float8: 'double precision',
  varchar: 'character varying',
  time: 'time without time zone',
  timestamp: 'timestamp without time zone',
  timestamptz: 'timestamp with time zone',
};
