import { smallestGap } from './smallestGap';

const DAY = 86_400_000;

describe('smallestGap', () => {
  it('finds the shortest step between distinct times, in any order and with repeats', () => {
    expect(smallestGap([3 * DAY, 0, DAY, DAY, 10 * DAY])).toBe(DAY);
  });

  it('has no answer for fewer than two distinct times', () => {
    expect(smallestGap([])).toBeUndefined();
    expect(smallestGap([DAY, DAY])).toBeUndefined();
  });
});
