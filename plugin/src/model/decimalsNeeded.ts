/**
 * The fewest decimals (up to `max`) that write a number exactly: a goal of
 * 80 reads "80%", not "80.0%", and a tick step of 2.5 still shows its half.
 */
export const decimalsNeeded = (value: number, max: number): number => {
  for (let decimals = 0; decimals < max; decimals++) {
    if (Math.abs(Number(value.toFixed(decimals)) - value) < 1e-9 * Math.max(1, Math.abs(value))) {
      return decimals;
    }
  }
  return max;
};
