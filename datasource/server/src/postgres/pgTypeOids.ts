/**
 * PostgreSQL's fixed type OIDs (src/include/catalog/pg_type.dat) for the
 * types Touchpoint sends. Clients map result columns by these numbers, so the
 * compatible pg_type the catalog queries read and the RowDescription of every
 * answer use this one table.
 */
export const pgTypeOids = {
  bool: 16,
  bytea: 17,
  char: 18,
  name: 19,
  int8: 20,
  int2: 21,
  int4: 23,
  regproc: 24,
  text: 25,
  oid: 26,
  json: 114,
  float4: 700,
  float8: 701,
  unknown: 705,
  varchar: 1043,
  date: 1082,
  time: 1083,
  timestamp: 1114,
  timestamptz: 1184,
  interval: 1186,
  numeric: 1700,
  regclass: 2205,
  regtype: 2206,
  uuid: 2950,
  jsonb: 3802,
  _bool: 1000,
  _int2: 1005,
  _int4: 1007,
  _text: 1009,
  _varchar: 1015,
  _int8: 1016,
  _float4: 1021,
  _float8: 1022,
  _oid: 1028,
  _timestamp: 1115,
  _date: 1182,
  _timestamptz: 1185,
  _interval: 1187,
  _numeric: 1231,
  _uuid: 2951,
  _json: 199,
} as const;

export type PgTypeName = keyof typeof pgTypeOids;

/** The array type of each element type, as pg_type.typarray gives it. */
export const pgArrayOf: Partial<Record<PgTypeName, PgTypeName>> = {
  bool: '_bool',
  int2: '_int2',
  int4: '_int4',
  int8: '_int8',
  text: '_text',
  varchar: '_varchar',
  float4: '_float4',
  float8: '_float8',
  oid: '_oid',
  timestamp: '_timestamp',
  date: '_date',
  timestamptz: '_timestamptz',
  interval: '_interval',
  numeric: '_numeric',
  uuid: '_uuid',
  json: '_json',
};
