import type { TimeRange } from '@touchpoint/contract/src/timeRange';

/**
 * `count` ranges cut anywhere (to the millisecond) between `start` and
 * `end`, drawn from a fixed LCG seeded with `seed`: the same ranges on every
 * run, none aligned to a day.
 */
export const arbitraryRanges = (seed: number, count: number, start: number, end: number): TimeRange[] => {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  return Array.from({ length: count }, () => {
    const [a, b] = [next(), next()].sort((x, y) => x - y);
    return { from: Math.floor(start + a * (end - start)), to: Math.ceil(start + b * (end - start)) + 1 };
  });
};
