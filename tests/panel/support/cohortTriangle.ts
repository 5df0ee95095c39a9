import { tableFrameFor } from './serviceFrames';

export const JAN = Date.UTC(2024, 0, 1);
export const FEB = Date.UTC(2024, 1, 1);
export const MAR = Date.UTC(2024, 2, 1);

/**
 * Three cohorts as rel_cohort_retention has them once March 2024 has ended:
 * January with months 0..2, February with 0..1, March with 0. Each test
 * gives its own sizes and active counts, and works out its numbers by hand.
 */
export const cohortTriangle = (
  sizes: [number, number, number],
  active: [[number, number, number], [number, number], [number]]
) =>
  tableFrameFor({
    cohort_month: { type: 'time', values: [JAN, JAN, JAN, FEB, FEB, MAR] },
    months_since_start: { type: 'number', values: [0, 1, 2, 0, 1, 0] },
    cohort_size: { type: 'number', values: [sizes[0], sizes[0], sizes[0], sizes[1], sizes[1], sizes[2]] },
    active: { type: 'number', values: active.flat() },
  });
