import { createHash } from 'node:crypto';

/**
 * The one seeded random source of the generator. It does not produce numbers:
 * it produces SQL expressions that DuckDB evaluates per row, so tens of
 * millions of rows are drawn set-based inside the database.
 *
 * It is counter-based: a draw is a pure function of (seed, stream, key),
 * where the key is an integer SQL expression naming the row (a customer
 * number, a contact number...). The same row gets the same number however
 * DuckDB splits the work over threads, and adding a stream never shifts the
 * draws of another one.
 */
export interface RandomSource {
  readonly seed: number;
  /** A double in [0, 1). */
  uniform(stream: string, key: string): string;
  /**
   * An approximately standard normal: the Irwin-Hall sum of four 16-bit
   * uniforms cut from one hash, rescaled to unit variance (tails end at
   * +-3.46). Box-Muller's ln, sqrt and cos cost four times as much, and a
   * contact draws a dozen normals.
   */
  normal(stream: string, key: string): string;
  /** exp(mu + sigma * normal): `median` is exp(mu). */
  lognormal(stream: string, key: string, median: number, sigma: number): string;
  /** An exponential waiting time with the given mean. */
  exponential(stream: string, key: string, mean: string): string;
  /**
   * A seeded bijection of [0, 2^bits) onto itself, for ids that look random
   * yet stay unique: distinct keys below 2^bits give distinct results.
   */
  permute(stream: string, key: string, bits: number): string;
}

/** 2^-53: the top 53 bits of a 64-bit hash become a double in [0, 1). */
const TWO_POW_MINUS_53 = '1.1102230246251565e-16';
/** sqrt(12 / 4) / 65536 and 2 * sqrt(3): four U(0,1) sum to mean 2, variance 1/3. */
const IRWIN_HALL_SCALE = String(Math.sqrt(3) / 65536);
const IRWIN_HALL_SHIFT = String(2 * Math.sqrt(3));
/** Keeps multiplications in permute() inside BIGINT (DuckDB raises on overflow). */
const MAX_PERMUTE_BITS = 40;

/** 62 bits of SHA-256 of a label: a salt per stream, a constant per permutation. */
const constant62 = (label: string): bigint =>
  BigInt.asUintN(62, createHash('sha256').update(label).digest().readBigUInt64BE(0));

/**
 * DuckDB's multi-argument hash() combines its inputs too weakly for this
 * (hash(s, k) and hash(s', k) are strongly correlated), so every draw hashes
 * a single BIGINT: the row key xor a 62-bit salt of (seed, stream). Keys stay
 * far below 2^40, so two streams never map two keys onto the same input.
 */
export const randomSource = (seed: number): RandomSource => {
  const salt = (stream: string): string => `${constant62(`touchpoint-seed/${seed}/${stream}`)}::bigint`;
  const hashed = (stream: string, key: string): string => `hash(xor((${key})::bigint, ${salt(stream)}))`;
  const uniform = (stream: string, key: string): string =>
    `((${hashed(stream, key)} >> 11)::double * ${TWO_POW_MINUS_53})`;
  // DuckDB evaluates the repeated hash once (common subexpression elimination).
  const normal = (stream: string, key: string): string => {
    const h = hashed(stream, key);
    return `(((${h} >> 48) + ((${h} >> 32) & 65535) + ((${h} >> 16) & 65535) + (${h} & 65535))::double * ${IRWIN_HALL_SCALE} - ${IRWIN_HALL_SHIFT})`;
  };
  return {
    seed,
    uniform,
    normal,
    lognormal: (stream, key, median, sigma) => `exp(${Math.log(median)} + ${sigma} * ${normal(stream, key)})`,
    exponential: (stream, key, mean) => `(-(${mean}) * ln(1.0 - ${uniform(stream, key)}))`,
    permute: (stream, key, bits) => {
      if (!Number.isInteger(bits) || bits < 8 || bits > MAX_PERMUTE_BITS) {
        throw new RangeError(`permute: bits must be an integer in 8..${MAX_PERMUTE_BITS}, got ${bits}`);
      }
      const mask = (1n << BigInt(bits)) - 1n;
      const multiplierBits = BigInt(62 - bits);
      // Odd multipliers and xorshifts are bijections modulo 2^bits; two
      // rounds mix the low bits that a single affine step leaves regular.
      const odd = (label: string) =>
        (constant62(`touchpoint-seed/${seed}/${stream}/${label}`) & ((1n << multiplierBits) - 1n)) | 1n;
      const offset = constant62(`touchpoint-seed/${seed}/${stream}/offset`) & mask;
      const shift = Math.ceil(bits / 2);
      const round1 = `((((${key})::bigint * ${odd('a')}) + ${offset}) & ${mask})`;
      const xorshift1 = `xor(${round1}, ${round1} >> ${shift})`;
      const round2 = `((${xorshift1} * ${odd('b')}) & ${mask})`;
      return `xor(${round2}, ${round2} >> ${shift})`;
    },
  };
};
