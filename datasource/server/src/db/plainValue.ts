import {
  arrayFromArrayValue,
  arrayFromListValue,
  booleanFromValue,
  createDuckDBValueConverter,
  dateFromDateValue,
  dateFromTimestampMillisecondsValue,
  dateFromTimestampNanosecondsValue,
  dateFromTimestampSecondsValue,
  dateFromTimestampTZValue,
  dateFromTimestampValue,
  doubleFromDecimalValue,
  DuckDBTypeId,
  nullConverter,
  numberFromValue,
  objectFromStructValue,
  stringFromValue,
  type DuckDBType,
  type DuckDBValue,
  type DuckDBValueConverter,
} from '@duckdb/node-api';

export type PlainValue = string | number | boolean | null | PlainValue[] | { [key: string]: PlainValue };

type Converters = Record<DuckDBTypeId, DuckDBValueConverter<PlainValue> | undefined>;

const epochMs =
  (toDate: (value: DuckDBValue) => Date): DuckDBValueConverter<PlainValue> =>
  (value) =>
    toDate(value).getTime();

/** A double that JSON can carry: NaN and the infinities have no JSON form, so they are null. */
const finiteNumber: DuckDBValueConverter<PlainValue> = (value) => {
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
};

const everyTypeId = Object.values(DuckDBTypeId).filter((id): id is DuckDBTypeId => typeof id === 'number');

/** A converter table for every type id: the ones given, and text for the rest (intervals, blobs, UUIDs, ...). */
const converterTable = (given: Partial<Converters>): Converters => {
  const table: Partial<Converters> = {};
  for (const id of everyTypeId) {
    table[id] = given[id] ?? stringFromValue;
  }
  return table as Converters;
};

/**
 * DuckDB's values as JSON and Grafana expect them, in one table by type (the
 * client's own converters): numbers rather than bigints (exact up to 2^53,
 * which counts and sums here never reach), timestamps and dates as epoch
 * milliseconds, lists and structs as arrays and objects.
 */
const plainConverters: Converters = converterTable({
  [DuckDBTypeId.SQLNULL]: nullConverter,
  [DuckDBTypeId.BOOLEAN]: booleanFromValue,
  [DuckDBTypeId.TINYINT]: numberFromValue,
  [DuckDBTypeId.SMALLINT]: numberFromValue,
  [DuckDBTypeId.INTEGER]: numberFromValue,
  [DuckDBTypeId.BIGINT]: numberFromValue,
  [DuckDBTypeId.HUGEINT]: numberFromValue,
  [DuckDBTypeId.UTINYINT]: numberFromValue,
  [DuckDBTypeId.USMALLINT]: numberFromValue,
  [DuckDBTypeId.UINTEGER]: numberFromValue,
  [DuckDBTypeId.UBIGINT]: numberFromValue,
  [DuckDBTypeId.UHUGEINT]: numberFromValue,
  [DuckDBTypeId.FLOAT]: finiteNumber,
  [DuckDBTypeId.DOUBLE]: finiteNumber,
  [DuckDBTypeId.DECIMAL]: doubleFromDecimalValue,
  [DuckDBTypeId.TIMESTAMP]: epochMs(dateFromTimestampValue),
  [DuckDBTypeId.TIMESTAMP_TZ]: epochMs(dateFromTimestampTZValue),
  [DuckDBTypeId.TIMESTAMP_MS]: epochMs(dateFromTimestampMillisecondsValue),
  [DuckDBTypeId.TIMESTAMP_S]: epochMs(dateFromTimestampSecondsValue),
  [DuckDBTypeId.TIMESTAMP_NS]: epochMs(dateFromTimestampNanosecondsValue),
  [DuckDBTypeId.DATE]: epochMs(dateFromDateValue),
  [DuckDBTypeId.LIST]: arrayFromListValue,
  [DuckDBTypeId.ARRAY]: arrayFromArrayValue,
  [DuckDBTypeId.STRUCT]: objectFromStructValue,
});

export const plainValueConverter: DuckDBValueConverter<PlainValue> = createDuckDBValueConverter(plainConverters);

/**
 * The same for a person reading a terminal (`touchpoint sql`): times and
 * dates as DuckDB writes them, everything else as plain values.
 */
export const displayValueConverter: DuckDBValueConverter<PlainValue> = createDuckDBValueConverter({
  ...plainConverters,
  [DuckDBTypeId.TIMESTAMP]: stringFromValue,
  [DuckDBTypeId.TIMESTAMP_TZ]: stringFromValue,
  [DuckDBTypeId.DATE]: stringFromValue,
});

/** One value of a column of the given type, as JSON carries it. */
export const toPlainValue = (value: DuckDBValue, type: DuckDBType): PlainValue =>
  plainValueConverter(value, type, plainValueConverter);
