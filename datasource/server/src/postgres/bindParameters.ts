import {
  BIGINT,
  BLOB,
  BOOLEAN,
  DATE,
  DOUBLE,
  INTEGER,
  TIMESTAMP,
  TIMESTAMPTZ,
  VARCHAR,
  blobValue,
  dateValue,
  timestampTZValue,
  timestampValue,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import { pgTypeOids } from './pgTypeOids';
import { ProtocolError } from './wire/protocolError';

export interface BoundParameters {
  values: DuckDBValue[];
  types: DuckDBType[];
}

const PG_EPOCH_DAYS = 10957;
const PG_EPOCH_MICROS = 946_684_800_000_000n;

type Decoded = { value: DuckDBValue; type: DuckDBType };

const text = (value: string): Decoded => ({ value, type: VARCHAR });

/**
 * A text-format value. Where the client named a type, numbers and booleans
 * bind typed (so `1 + $1` works as in PostgreSQL); everything else binds as
 * text and DuckDB casts it to the type the statement gives the parameter,
 * which is also what PostgreSQL does with an untyped literal.
 */
const fromText = (raw: string, oid: number, position: number): Decoded => {
  const fail = (what: string) =>
    new ProtocolError(`invalid input for parameter $${position}: "${raw}" is not ${what}`, '22P02');
  switch (oid) {
    case pgTypeOids.int2:
    case pgTypeOids.int4: {
      if (!/^\s*[+-]?\d+\s*$/.test(raw)) {
        throw fail('an integer');
      }
      return { value: Number(raw), type: INTEGER };
    }
    case pgTypeOids.int8: {
      if (!/^\s*[+-]?\d+\s*$/.test(raw)) {
        throw fail('an integer');
      }
      return { value: BigInt(raw.trim()), type: BIGINT };
    }
    case pgTypeOids.float4:
    case pgTypeOids.float8: {
      const value = Number(raw);
      if (Number.isNaN(value) && !/^\s*nan\s*$/i.test(raw)) {
        throw fail('a number');
      }
      return { value, type: DOUBLE };
    }
    case pgTypeOids.bool: {
      const lower = raw.trim().toLowerCase();
      if (['t', 'true', 'yes', 'on', '1'].includes(lower)) {
        return { value: true, type: BOOLEAN };
      }
      if (['f', 'false', 'no', 'off', '0'].includes(lower)) {
        return { value: false, type: BOOLEAN };
      }
      throw fail('a boolean');
    }
    default:
      return text(raw);
  }
};

const need = (raw: Buffer, bytes: number, position: number, what: string) => {
  if (raw.length !== bytes) {
    throw new ProtocolError(`invalid binary ${what} for parameter $${position}: ${raw.length} bytes`, '22P03');
  }
};

/** A binary-format value, decoded by the type the client declared in Parse. */
const fromBinary = (raw: Buffer, oid: number, position: number): Decoded => {
  switch (oid) {
    case pgTypeOids.bool:
      need(raw, 1, position, 'bool');
      return { value: raw[0] !== 0, type: BOOLEAN };
    case pgTypeOids.int2:
      need(raw, 2, position, 'int2');
      return { value: raw.readInt16BE(0), type: INTEGER };
    case pgTypeOids.int4:
      need(raw, 4, position, 'int4');
      return { value: raw.readInt32BE(0), type: INTEGER };
    case pgTypeOids.int8:
      need(raw, 8, position, 'int8');
      return { value: raw.readBigInt64BE(0), type: BIGINT };
    case pgTypeOids.float4:
      need(raw, 4, position, 'float4');
      return { value: raw.readFloatBE(0), type: DOUBLE };
    case pgTypeOids.float8:
      need(raw, 8, position, 'float8');
      return { value: raw.readDoubleBE(0), type: DOUBLE };
    case 0:
    case pgTypeOids.text:
    case pgTypeOids.varchar:
    case pgTypeOids.name:
    case pgTypeOids.json:
    case pgTypeOids.unknown:
      return text(raw.toString('utf8'));
    case pgTypeOids.bytea:
      return { value: blobValue(new Uint8Array(raw)), type: BLOB };
    case pgTypeOids.date:
      need(raw, 4, position, 'date');
      return { value: dateValue(raw.readInt32BE(0) + PG_EPOCH_DAYS), type: DATE };
    case pgTypeOids.timestamp:
      need(raw, 8, position, 'timestamp');
      return { value: timestampValue(raw.readBigInt64BE(0) + PG_EPOCH_MICROS), type: TIMESTAMP };
    case pgTypeOids.timestamptz:
      need(raw, 8, position, 'timestamptz');
      return { value: timestampTZValue(raw.readBigInt64BE(0) + PG_EPOCH_MICROS), type: TIMESTAMPTZ };
    case pgTypeOids.uuid: {
      need(raw, 16, position, 'uuid');
      const hex = raw.toString('hex');
      return text(`${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`);
    }
    default:
      throw new ProtocolError(
        `parameter $${position} is in binary format with type OID ${oid}, which this server reads only as text; send it in text format`,
        '0A000'
      );
  }
};

/**
 * Bind's parameter values as DuckDB values. Format codes follow the
 * protocol: none means all text, one applies to all, otherwise one each.
 */
export const bindParameters = (
  params: Array<Buffer | null>,
  formats: number[],
  typeOids: number[]
): BoundParameters => {
  if (formats.length > 1 && formats.length !== params.length) {
    throw new ProtocolError(`Bind has ${formats.length} parameter format codes for ${params.length} parameters`);
  }
  const values: DuckDBValue[] = [];
  const types: DuckDBType[] = [];
  params.forEach((raw, i) => {
    const oid = typeOids[i] ?? 0;
    const format = formats.length === 0 ? 0 : formats.length === 1 ? formats[0] : formats[i];
    if (raw === null) {
      values.push(null);
      types.push(VARCHAR);
      return;
    }
    const decoded = format === 1 ? fromBinary(raw, oid, i + 1) : fromText(raw.toString('utf8'), oid, i + 1);
    values.push(decoded.value);
    types.push(decoded.type);
  });
  return { values, types };
};
