export interface ValueParser {
  /** SQL turning the text expression into the column's type, NULL when it does not parse. */
  sql: (text: string) => string;
  /** The rule a value breaks when it does not parse. */
  rule: string;
}

const integerTypes = new Set([
  'TINYINT',
  'SMALLINT',
  'INTEGER',
  'BIGINT',
  'HUGEINT',
  'UTINYINT',
  'USMALLINT',
  'UINTEGER',
  'UBIGINT',
]);

/**
 * How a text value becomes a value of a raw column's type. Every input value
 * is read as text and converted here with try_cast, because DuckDB's typed CSV
 * reader turns an unparsable timestamp into NULL without a word. Returns null
 * for text columns, which need no conversion.
 */
export const parseValueSql = (dataType: string): ValueParser | null => {
  if (dataType === 'VARCHAR') {
    return null;
  }
  if (dataType === 'TIMESTAMP') {
    // A plain TIMESTAMP cast drops an offset instead of applying it; TIMESTAMPTZ
    // applies it, and a value without one is read in the session's UTC. The
    // instant then becomes a UTC TIMESTAMP through its epoch microseconds:
    // the same value as a cast, without a trip through ICU's calendar (3x
    // faster), and 'infinity' has no epoch, so it does not parse.
    return { sql: (text) => `make_timestamp(epoch_us(try_cast(${text} as timestamptz)))`, rule: 'not a timestamp' };
  }
  if (integerTypes.has(dataType)) {
    // try_cast rounds '1.5' to 2; a fraction is not an integer.
    return {
      sql: (text) =>
        `try_cast(case when try_cast(${text} as double) = floor(try_cast(${text} as double)) then ${text} end as ${dataType})`,
      rule: 'not an integer',
    };
  }
  if (dataType === 'DOUBLE' || dataType === 'FLOAT') {
    // 'nan' and 'inf' parse as doubles but are not numbers anyone rated or paid.
    return {
      sql: (text) => `case when isfinite(try_cast(${text} as double)) then try_cast(${text} as ${dataType}) end`,
      rule: 'not a number',
    };
  }
  if (dataType.startsWith('DECIMAL')) {
    return { sql: (text) => `try_cast(${text} as ${dataType})`, rule: 'not a decimal' };
  }
  return { sql: (text) => `try_cast(${text} as ${dataType})`, rule: `not a ${dataType.toLowerCase()}` };
};
