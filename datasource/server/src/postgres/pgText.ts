/**
 * PostgreSQL's text output for values whose DuckDB spelling differs. Clients
 * parse these strings (psycopg, pgjdbc, node-postgres all do for text
 * results), so they follow PostgreSQL's output functions, not DuckDB's.
 */

/**
 * float8out with extra_float_digits >= 1 (the default since PostgreSQL 12):
 * the shortest string that reads back exactly, fixed between 1e-4 and 1e15,
 * otherwise exponential with an exponent of at least two digits.
 */
export const pgFloat = (value: number): string => {
  if (Number.isNaN(value)) {
    return 'NaN';
  }
  if (!Number.isFinite(value)) {
    return value > 0 ? 'Infinity' : '-Infinity';
  }
  if (value === 0) {
    return Object.is(value, -0) ? '-0' : '0';
  }
  const [mantissa, exponentText] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  if (exponent >= -4 && exponent < 15) {
    return String(value);
  }
  const digits = String(Math.abs(exponent)).padStart(2, '0');
  return `${mantissa}e${exponent < 0 ? '-' : '+'}${digits}`;
};

const plural = (value: number, unit: string, units: string) => `${value} ${value === 1 ? unit : units}`;

const MICROS_PER_SECOND = 1_000_000n;

/** Microseconds as `[-]hh:mm:ss[.ffffff]`, trailing zeros of the fraction dropped. */
const clock = (micros: bigint): string => {
  const negative = micros < 0n;
  const total = negative ? -micros : micros;
  const seconds = total / MICROS_PER_SECOND;
  const fraction = total % MICROS_PER_SECOND;
  const hh = String(seconds / 3600n).padStart(2, '0');
  const mm = String((seconds / 60n) % 60n).padStart(2, '0');
  const ss = String(seconds % 60n).padStart(2, '0');
  const frac = fraction === 0n ? '' : `.${String(fraction).padStart(6, '0').replace(/0+$/, '')}`;
  return `${negative ? '-' : ''}${hh}:${mm}:${ss}${frac}`;
};

/** interval_out in the default IntervalStyle `postgres`: `1 year 2 mons 3 days 04:05:06.7`. */
export const pgInterval = (months: number, days: number, micros: bigint): string => {
  const parts: string[] = [];
  const years = Math.trunc(months / 12);
  const mons = months % 12;
  if (years !== 0) {
    parts.push(plural(years, 'year', 'years'));
  }
  if (mons !== 0) {
    parts.push(plural(mons, 'mon', 'mons'));
  }
  if (days !== 0) {
    parts.push(plural(days, 'day', 'days'));
  }
  if (micros !== 0n || parts.length === 0) {
    const time = clock(micros);
    // After a negative part, PostgreSQL marks a positive time explicitly.
    parts.push(micros > 0n && (years < 0 || mons < 0 || days < 0) ? `+${time}` : time);
  }
  return parts.join(' ');
};

export const pgTime = (micros: bigint): string => clock(micros);

/** bytea in the default `hex` output. */
export const pgBytea = (bytes: Uint8Array): string => `\\x${Buffer.from(bytes).toString('hex')}`;

/**
 * An element of an array literal: quoted when empty, NULL-like, or holding
 * a delimiter, brace, quote, backslash or space; backslash-escaped inside.
 */
const arrayElement = (text: string | null): string => {
  if (text === null) {
    return 'NULL';
  }
  if (text === '' || /^null$/i.test(text) || /[{},"\\\s]/.test(text)) {
    return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  }
  return text;
};

/** array_out: `{1,2,NULL}`, `{"a b",c}`. */
export const pgArray = (elements: Array<string | null>): string => `{${elements.map(arrayElement).join(',')}}`;
