import {
  DuckDBArrayType,
  DuckDBDecimalType,
  DuckDBListType,
  DuckDBTypeId,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import { pgTypeOfDuckDbType } from './catalog/pgTypeOfDuckDbType';
import { pgArrayOf, pgTypeOids, type PgTypeName } from './pgTypeOids';
import { pgArray, pgBytea, pgFloat, pgInterval, pgTime } from './pgText';
import { numericBinary } from './numericBinary';

/** How one result column travels: its PostgreSQL type and its text and binary encodings. */
export interface PgCodec {
  typeName: PgTypeName;
  oid: number;
  /** pg_type.typlen: the fixed size in bytes, -1 for variable length. */
  size: number;
  /** pg_attribute.atttypmod: precision and scale of numeric, otherwise -1. */
  typeModifier: number;
  text(value: NonNullable<DuckDBValue>): string;
  binary(value: NonNullable<DuckDBValue>): Buffer;
}

/** PostgreSQL counts dates and timestamps from 2000-01-01. */
const PG_EPOCH_DAYS = 10957;
const PG_EPOCH_MICROS = 946_684_800_000_000n;

type Field = Record<string, unknown>;
const field = (value: unknown, name: string): unknown => (value as Field)[name];

const int = (bytes: 2 | 4 | 8) => (value: DuckDBValue) => {
  const out = Buffer.allocUnsafe(bytes);
  if (bytes === 2) {
    out.writeInt16BE(Number(value));
  } else if (bytes === 4) {
    out.writeInt32BE(Number(value));
  } else {
    out.writeBigInt64BE(BigInt(value as number | bigint));
  }
  return out;
};

const float = (bytes: 4 | 8) => (value: DuckDBValue) => {
  const out = Buffer.allocUnsafe(bytes);
  if (bytes === 4) {
    out.writeFloatBE(Number(value));
  } else {
    out.writeDoubleBE(Number(value));
  }
  return out;
};

const utf8 = (text: (value: NonNullable<DuckDBValue>) => string) => (value: NonNullable<DuckDBValue>) =>
  Buffer.from(text(value), 'utf8');

const plain = (value: NonNullable<DuckDBValue>) => String(value);

/** Microseconds since 1970 of any DuckDB timestamp value. */
const epochMicros = (value: DuckDBValue): bigint => {
  for (const [name, scale] of [
    ['micros', 1n],
    ['millis', 1000n],
    ['seconds', 1_000_000n],
  ] as const) {
    const v = field(value, name);
    if (typeof v === 'bigint') {
      return v * scale;
    }
  }
  const nanos = field(value, 'nanos');
  return typeof nanos === 'bigint' ? nanos / 1000n : 0n;
};

const timestampBinary = (value: DuckDBValue) => {
  const out = Buffer.allocUnsafe(8);
  out.writeBigInt64BE(epochMicros(value) - PG_EPOCH_MICROS);
  return out;
};

const codec = (
  typeName: PgTypeName,
  size: number,
  text: PgCodec['text'],
  binary: PgCodec['binary'] = utf8(text),
  typeModifier = -1
): PgCodec => ({ typeName, oid: pgTypeOids[typeName], size, typeModifier, text, binary });

const textCodec = codec('text', -1, plain);

const numericCodec = (typeModifier = -1) => codec('numeric', -1, plain, (v) => numericBinary(String(v)), typeModifier);

/** A list as a PostgreSQL array; a list of what has no array type (lists of lists) is text[]. */
const arrayCodec = (inner: PgCodec): PgCodec => {
  const arrayName = pgArrayOf[inner.typeName] ?? '_text';
  const element = pgArrayOf[inner.typeName] ? inner : { ...textCodec, text: inner.text, binary: utf8(inner.text) };
  const items = (value: DuckDBValue) => (field(value, 'items') as DuckDBValue[] | undefined) ?? [];
  const text = (value: NonNullable<DuckDBValue>): string =>
    pgArray(items(value).map((item) => (item === null ? null : element.text(item))));
  const binary = (value: NonNullable<DuckDBValue>) => {
    const list = items(value);
    const encoded = list.map((item) => (item === null ? null : element.binary(item)));
    const header = Buffer.allocUnsafe(20);
    header.writeInt32BE(list.length === 0 ? 0 : 1, 0);
    header.writeInt32BE(encoded.includes(null) ? 1 : 0, 4);
    header.writeInt32BE(element.oid, 8);
    header.writeInt32BE(list.length, 12);
    header.writeInt32BE(1, 16);
    const parts: Buffer[] = [list.length === 0 ? header.subarray(0, 12) : header];
    for (const item of encoded) {
      const length = Buffer.allocUnsafe(4);
      length.writeInt32BE(item === null ? -1 : item.length);
      parts.push(length, ...(item ? [item] : []));
    }
    return Buffer.concat(parts);
  };
  return codec(arrayName, -1, text, binary);
};

const uuidBinary = (value: DuckDBValue) => Buffer.from(String(value).replace(/-/g, ''), 'hex');

const intervalBinary = (value: DuckDBValue) => {
  const out = Buffer.allocUnsafe(16);
  out.writeBigInt64BE(field(value, 'micros') as bigint, 0);
  out.writeInt32BE(field(value, 'days') as number, 8);
  out.writeInt32BE(field(value, 'months') as number, 12);
  return out;
};

const listElement = (type: DuckDBType): DuckDBType | undefined =>
  type.typeId === DuckDBTypeId.LIST || type.typeId === DuckDBTypeId.ARRAY
    ? (type as DuckDBListType | DuckDBArrayType).valueType
    : undefined;

/**
 * How a DuckDB result column travels. Its PostgreSQL type comes from the
 * one mapping the catalog also reads (pgTypeOfDuckDbType), so a column is
 * the same type in a result and in pg_attribute.
 */
export const pgCodecFor = (type: DuckDBType): PgCodec => {
  // JSON is VARCHAR with an alias: the alias names it.
  const typeName = pgTypeOfDuckDbType(type.alias ?? type.toString());
  const element = listElement(type);
  if (element) {
    return arrayCodec(pgCodecFor(element));
  }
  switch (typeName) {
    case 'bool':
      return codec(
        'bool',
        1,
        (v) => (v ? 't' : 'f'),
        (v) => Buffer.from([v ? 1 : 0])
      );
    case 'int2':
      return codec('int2', 2, plain, int(2));
    case 'int4':
      return codec('int4', 4, plain, int(4));
    case 'int8':
      return codec('int8', 8, plain, int(8));
    case 'numeric': {
      if (type.typeId === DuckDBTypeId.DECIMAL) {
        const { width, scale } = type as DuckDBDecimalType;
        return numericCodec(((width << 16) | scale) + 4);
      }
      return numericCodec();
    }
    case 'float4':
      return codec('float4', 4, (v) => pgFloat(Math.fround(Number(v))), float(4));
    case 'float8':
      return codec('float8', 8, (v) => pgFloat(Number(v)), float(8));
    case 'json':
      return codec('json', -1, plain);
    case 'bytea':
      return codec(
        'bytea',
        -1,
        (v) => pgBytea(field(v, 'bytes') as Uint8Array),
        (v) => Buffer.from(field(v, 'bytes') as Uint8Array)
      );
    case 'date':
      return codec('date', 4, plain, (v) => {
        const out = Buffer.allocUnsafe(4);
        out.writeInt32BE((field(v, 'days') as number) - PG_EPOCH_DAYS);
        return out;
      });
    case 'time':
      return codec(
        'time',
        8,
        (v) => pgTime(field(v, 'micros') as bigint),
        (v) => {
          const out = Buffer.allocUnsafe(8);
          out.writeBigInt64BE(field(v, 'micros') as bigint);
          return out;
        }
      );
    case 'timestamp':
      return codec('timestamp', 8, plain, timestampBinary);
    case 'timestamptz':
      return codec('timestamptz', 8, plain, timestampBinary);
    case 'interval':
      return codec(
        'interval',
        16,
        (v) => pgInterval(field(v, 'months') as number, field(v, 'days') as number, field(v, 'micros') as bigint),
        intervalBinary
      );
    case 'uuid':
      return codec('uuid', 16, plain, uuidBinary);
    default:
      return textCodec;
  }
};
