/** The normal quantile of a two-sided 95% interval. */
const Z95 = 1.959963984540054;

export interface ProportionInterval {
  low: number;
  high: number;
}

/**
 * Wilson's score interval for a proportion x / n (no continuity correction);
 * undefined for n = 0, where there is nothing to estimate.
 */
export const wilsonInterval = (x: number, n: number, z: number = Z95): ProportionInterval | undefined => {
  if (n <= 0) {
    return undefined;
  }
  const p = x / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p) + z2 / (4 * n)) / n);
  const denominator = 1 + z2 / n;
  return { low: (centre - spread) / denominator, high: (centre + spread) / denominator };
};

export interface DifferenceInterval extends ProportionInterval {
  difference: number;
}

/**
 * The difference x1/n1 - x2/n2 of two independent proportions with its 95%
 * interval by Newcombe's method 10, the hybrid score interval (Newcombe
 * 1998, Statistics in Medicine 17:873-890): each proportion's Wilson limits,
 * combined by squaring and adding the distances to them. Undefined when
 * either group is empty. Proportions in 0..1; the journey view shows them
 * times 100 (percentage points).
 */
export const newcombeInterval = (
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  z: number = Z95
): DifferenceInterval | undefined => {
  const first = wilsonInterval(x1, n1, z);
  const second = wilsonInterval(x2, n2, z);
  if (!first || !second) {
    return undefined;
  }
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const difference = p1 - p2;
  return {
    difference,
    low: difference - Math.sqrt((p1 - first.low) ** 2 + (second.high - p2) ** 2),
    high: difference + Math.sqrt((first.high - p1) ** 2 + (p2 - second.low) ** 2),
  };
};
