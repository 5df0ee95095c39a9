import { newcombeInterval, wilsonInterval } from '@touchpoint/server/src/journey/newcombeInterval';

/**
 * Newcombe RG (1998). Interval estimation for the difference between
 * independent proportions: comparison of eleven methods. Statistics in
 * Medicine 17:873-890, Table II, method 10 (the score interval with Wilson
 * limits for each proportion, no continuity correction). Example (a), 56/70
 * against 48/80 giving +0.0524 to +0.3339, is also the worked value a
 * public implementation tests against (found with the search tool:
 * "Newcombe (1998), table II, example (a): 56/70 against 48/80 gives
 * 0.0524 to 0.3339"); Epi::ci.pd (R) documents the same method 10.
 */
const tableII: Array<[string, [number, number, number, number], [number, number]]> = [
  ['(a) 56/70 - 48/80', [56, 70, 48, 80], [0.0524, 0.3339]],
  ['(b) 9/10 - 3/10', [9, 10, 3, 10], [0.1705, 0.809]],
  ['(d) 5/56 - 0/29', [5, 56, 0, 29], [-0.0381, 0.1926]],
  ['(f) 0/10 - 0/10', [0, 10, 0, 10], [-0.2775, 0.2775]],
  ['(h) 10/10 - 0/10', [10, 10, 0, 10], [0.6075, 1]],
];

describe("Newcombe's method 10 for a difference of independent proportions", () => {
  it.each(tableII)('reproduces Table II %s to four decimals', (_, [x1, n1, x2, n2], [low, high]) => {
    const interval = newcombeInterval(x1, n1, x2, n2)!;
    expect(interval.difference).toBeCloseTo(x1 / n1 - x2 / n2, 12);
    expect(Number(interval.low.toFixed(4))).toBe(low);
    expect(Number(interval.high.toFixed(4))).toBe(high);
  });

  it("builds on Wilson's score interval: 81/263 is 0.2553 to 0.3662 (Newcombe 1998, Statistics in Medicine 17:857-872)", () => {
    const interval = wilsonInterval(81, 263)!;
    expect(Number(interval.low.toFixed(4))).toBe(0.2553);
    expect(Number(interval.high.toFixed(4))).toBe(0.3662);
  });

  it('has no interval when a group is empty', () => {
    expect(newcombeInterval(1, 2, 0, 0)).toBeUndefined();
    expect(newcombeInterval(0, 0, 1, 2)).toBeUndefined();
  });

  it('is the mirror image with the groups swapped', () => {
    const forward = newcombeInterval(56, 70, 48, 80)!;
    const back = newcombeInterval(48, 80, 56, 70)!;
    expect(back.low).toBeCloseTo(-forward.high, 12);
    expect(back.high).toBeCloseTo(-forward.low, 12);
  });
});
