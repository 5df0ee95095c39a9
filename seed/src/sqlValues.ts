import { quoteLiteral } from '@touchpoint/server/src/db/quoteIdentifier';

/**
 * Small builders for the constant parts of the generator's SQL: the
 * vocabulary lives in TypeScript and enters SQL only through these.
 */

/** A DOUBLE literal (always with a decimal point, so DuckDB never infers an integer). */
export const sqlDouble = (value: number): string => {
  if (!Number.isFinite(value)) {
    throw new RangeError(`not a finite number: ${value}`);
  }
  const text = String(value);
  return /[.e]/.test(text) ? text : `${text}.0`;
};

export const sqlStringList = (values: readonly string[]): string => `[${values.map(quoteLiteral).join(', ')}]`;

export const sqlDoubleList = (values: readonly number[]): string => `[${values.map(sqlDouble).join(', ')}]::double[]`;

/** Element `index` (0-based SQL expression) of a constant list. */
export const sqlAt = (list: string, index: string): string => `list_extract(${list}, (${index}) + 1)`;

/**
 * The index of a category drawn with the given weights, from a uniform
 * draw `u` (a column, so the draw is evaluated once, not once per branch).
 */
export const sqlWeightedIndex = (u: string, weights: readonly number[]): string => {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  if (!(total > 0)) {
    throw new RangeError('weights must have a positive sum');
  }
  let cumulative = 0;
  const branches: string[] = [];
  weights.forEach((weight, index) => {
    cumulative += weight;
    if (weight > 0 && index < weights.length - 1) {
      branches.push(`when ${u} < ${sqlDouble(cumulative / total)} then ${index}`);
    }
  });
  const last = weights.length - 1 - [...weights].reverse().findIndex((weight) => weight > 0);
  return `(case ${branches.join(' ')} else ${last} end)`;
};

/** A uniform pick from a constant list of strings, from a uniform draw `u`. */
export const sqlPick = (u: string, values: readonly string[]): string =>
  `list_extract(${sqlStringList(values)}, 1 + floor(${u} * ${values.length})::integer)`;

/** A TIMESTAMP (UTC, no offset, as in the raw tables) from epoch seconds. */
export const sqlTimestamp = (epochSeconds: string): string => `make_timestamp((${epochSeconds})::bigint * 1000000)`;

/** An ordinal score 1..cuts.length+1: one point for every cut point the latent value exceeds. */
export const sqlOrdinal = (latent: string, cuts: readonly number[]): string =>
  `(1 + ${cuts.map((cut) => `(${latent} > ${sqlDouble(cut)})::integer`).join(' + ')})`;
