import { DuckDBDateValue, DuckDBDecimalValue, DuckDBTimestampValue, type DuckDBValue } from '@duckdb/node-api';

export type PlainValue = string | number | boolean | null | PlainValue[];

const MICROS_PER_MS = 1000n;

/**
 * Turns DuckDB's values into what JSON and Grafana expect: numbers rather than
 * bigints (exact up to 2^53, which counts and sums here never reach), and
 * timestamps as epoch milliseconds.
 */
export const toPlainValue = (value: DuckDBValue): PlainValue => {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof DuckDBTimestampValue) return Number(value.micros / MICROS_PER_MS);
  if (value instanceof DuckDBDateValue) return value.days * 86_400_000;
  if (value instanceof DuckDBDecimalValue) return value.toDouble();
  return String(value);
};
