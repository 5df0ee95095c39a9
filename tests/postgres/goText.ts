/**
 * The few Go standard-library text formats Grafana's macro engine writes and
 * reads: `time.ParseDuration`, `%v` of a float64 and `time.RFC3339Nano`.
 * Written after Go's own rules so the expanded SQL matches Grafana's byte
 * for byte.
 */

const NANOS_PER_SECOND = 1_000_000_000n;
const MAX_DURATION = (1n << 63n) - 1n;

const durationUnits: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  '\u00b5s': 1_000n,
  '\u03bcs': 1_000n,
  ms: 1_000_000n,
  s: NANOS_PER_SECOND,
  m: 60n * NANOS_PER_SECOND,
  h: 3600n * NANOS_PER_SECOND,
};

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/**
 * Go's `time.ParseDuration`: "300ms", "1.5h", "2h45m", "-5m"; a bare "0" is
 * the only number without a unit. Nanoseconds, as Go's Duration holds them.
 */
export const parseGoDuration = (text: string): bigint => {
  const invalid = () => new Error(`time: invalid duration "${text}"`);
  let rest = text;
  let negative = false;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    negative = rest.startsWith('-');
    rest = rest.slice(1);
  }
  if (rest === '0') {
    return 0n;
  }
  if (rest === '') {
    throw invalid();
  }
  let total = 0n;
  while (rest !== '') {
    if (!(rest[0] === '.' || isDigit(rest[0]))) {
      throw invalid();
    }
    let i = 0;
    while (isDigit(rest[i])) {
      i += 1;
    }
    const whole = rest.slice(0, i);
    let fraction = '';
    rest = rest.slice(i);
    let hasFraction = false;
    if (rest.startsWith('.')) {
      let j = 1;
      while (isDigit(rest[j])) {
        j += 1;
      }
      fraction = rest.slice(1, j);
      hasFraction = fraction !== '';
      rest = rest.slice(j);
    }
    if (whole === '' && !hasFraction) {
      throw invalid();
    }
    let k = 0;
    while (k < rest.length && rest[k] !== '.' && !isDigit(rest[k])) {
      k += 1;
    }
    if (k === 0) {
      throw new Error(`time: missing unit in duration "${text}"`);
    }
    const unitName = rest.slice(0, k);
    rest = rest.slice(k);
    const unit = durationUnits[unitName];
    if (unit === undefined) {
      throw new Error(`time: unknown unit "${unitName}" in duration "${text}"`);
    }
    let value = BigInt(whole === '' ? '0' : whole) * unit;
    if (hasFraction) {
      // Go keeps at most the digits that fit in 63 bits, then scales in float64.
      let digits = 0n;
      let scale = 1;
      for (const digit of fraction) {
        if (digits > MAX_DURATION / 10n) {
          break;
        }
        digits = digits * 10n + BigInt(digit);
        scale *= 10;
      }
      value += BigInt(Math.trunc(Number(digits) * (Number(unit) / scale)));
    }
    total += value;
    if (total > MAX_DURATION + 1n) {
      throw invalid();
    }
  }
  if (negative) {
    return -total;
  }
  if (total > MAX_DURATION) {
    throw invalid();
  }
  return total;
};

/** Go's `Duration.Seconds()`: whole seconds plus the nanoseconds left over, in float64. */
export const goDurationSeconds = (nanos: bigint): number =>
  Number(nanos / NANOS_PER_SECOND) + Number(nanos % NANOS_PER_SECOND) / 1e9;

/**
 * Go's `%v` of a float64 (strconv 'g' with the shortest digits): plain
 * notation unless the decimal exponent is below -4 or at least 21, then
 * `1e-05`, `1.5e+21`.
 */
export const formatGoFloat = (value: number): string => {
  if (!Number.isFinite(value)) {
    return Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf';
  }
  if (value === 0) {
    return Object.is(value, -0) ? '-0' : '0';
  }
  const [mantissa, exponentText] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 21) {
    const sign = exponent < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  return String(value);
};

/**
 * Go's `Time.UTC().Format(time.RFC3339Nano)`: trailing zeros of the
 * fraction dropped, and the fraction with them when it is all zeros.
 */
export const formatRfc3339Nano = (time: Date): string => {
  const year = time.getUTCFullYear();
  if (year < 0 || year > 9999) {
    throw new RangeError(`year ${year} is outside what RFC 3339 writes`);
  }
  return time.toISOString().replace(/\.(\d*?)0*Z$/, (_whole, digits: string) => (digits ? `.${digits}Z` : 'Z'));
};

/** Go's `Time.Unix()`: whole seconds, rounded down (also before 1970). */
export const goUnixSeconds = (time: Date): number => Math.floor(time.getTime() / 1000);

/** Go's `Time.UnixNano()`. */
export const goUnixNanos = (time: Date): bigint => BigInt(time.getTime()) * 1_000_000n;
