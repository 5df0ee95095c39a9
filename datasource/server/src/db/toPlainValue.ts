import {
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBListValue,
  DuckDBStructValue,
  DuckDBTimestampMillisecondsValue,
  DuckDBTimestampNanosecondsValue,
  DuckDBTimestampSecondsValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
  type DuckDBValue,
} from '@duckdb/node-api';

export type PlainValue = string | number | boolean | null | PlainValue[] | { [key: string]: PlainValue };

const MICROS_PER_MS = 1000n;
const MS_PER_DAY = 86_400_000;

/**
 * Turns DuckDB's values into what JSON and Grafana expect: numbers rather than
 * bigints (exact up to 2^53, which counts and sums here never reach),
 * timestamps and dates as epoch milliseconds, lists and structs as arrays and
 * objects.
 */
export const toPlainValue = (value: DuckDBValue): PlainValue => {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') {
    return value;
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : null;
  }
  if (typeof value === 'bigint') {
    return Number(value);
  }
  if (value instanceof DuckDBTimestampValue || value instanceof DuckDBTimestampTZValue) {
    return Number(value.micros / MICROS_PER_MS);
  }
  if (value instanceof DuckDBTimestampMillisecondsValue) {
    return Number(value.millis);
  }
  if (value instanceof DuckDBTimestampSecondsValue) {
    return Number(value.seconds) * 1000;
  }
  if (value instanceof DuckDBTimestampNanosecondsValue) {
    return Number(value.nanos / 1_000_000n);
  }
  if (value instanceof DuckDBDateValue) {
    return value.days * MS_PER_DAY;
  }
  if (value instanceof DuckDBDecimalValue) {
    return value.toDouble();
  }
  if (value instanceof DuckDBListValue) {
    return value.items.map(toPlainValue);
  }
  if (value instanceof DuckDBStructValue) {
    return Object.fromEntries(Object.entries(value.entries).map(([key, item]) => [key, toPlainValue(item)]));
  }
  return String(value);
};
