import { tableFrameFor } from '../support/serviceFrames';
import { cohortProblem, readCohortMatrix, type CohortModel } from '@touchpoint/scorecard-panel/src/model/cohortMatrix';
import { cohortTriangle, FEB, JAN, MAR } from '../support/cohortTriangle';
import { modelFrom } from '../support/modelFrom';

/**
 * Jan 2024 (100 customers): 90, 80, 70 active at k = 0, 1, 2
 * Feb 2024 (50 customers):  40, 30
 * Mar 2024 (20 customers):  10
 */
const triangle = () => cohortTriangle([100, 50, 20], [[90, 80, 70], [40, 30], [10]]);

const modelOf = (...frames: Array<ReturnType<typeof triangle>>): CohortModel => modelFrom(readCohortMatrix(frames));

describe('readCohortMatrix', () => {
  it('reads one row per cohort, oldest first, with its month, size and the cells it has reached', () => {
    const model = modelOf(triangle());
    expect(model.maxK).toBe(2);
    expect(model.cohorts.map((c) => [c.month, c.time, c.size])).toEqual([
      ['2024-01-01', JAN, 100],
      ['2024-02-01', FEB, 50],
      ['2024-03-01', MAR, 20],
    ]);
    expect(model.cohorts[0].cells).toEqual([
      { k: 0, active: 90, retention: 0.9 },
      { k: 1, active: 80, retention: 0.8 },
      { k: 2, active: 70, retention: 0.7 },
    ]);
  });

  it('leaves the months a cohort has not finished missing: the triangle', () => {
    const [, feb, mar] = modelOf(triangle()).cohorts;
    expect(feb.cells).toEqual([{ k: 0, active: 40, retention: 0.8 }, { k: 1, active: 30, retention: 0.6 }, undefined]);
    expect(mar.cells).toEqual([{ k: 0, active: 10, retention: 0.5 }, undefined, undefined]);
  });

  it('averages retention weighted by cohort size, with what each point rests on', () => {
    // k = 0: (90 + 40 + 10) / (100 + 50 + 20) = 140 / 170 = 0.8235 (a plain mean of 90%, 80%, 50% would say 73.3%)
    // k = 1: (80 + 30) / (100 + 50) = 110 / 150 = 0.7333
    // k = 2: 70 / 100 = 0.7, from January alone
    const { average } = modelOf(triangle());
    expect(average).toEqual([
      { k: 0, active: 140, customers: 170, cohorts: 3, retention: expect.closeTo(0.823529, 5) },
      { k: 1, active: 110, customers: 150, cohorts: 2, retention: expect.closeTo(0.733333, 5) },
      { k: 2, active: 70, customers: 100, cohorts: 1, retention: 0.7 },
    ]);
  });

  it('computes retention from the counts, not from a retention column', () => {
    const frame = tableFrameFor({
      cohort_month: { type: 'time', values: [JAN] },
      months_since_start: { type: 'number', values: [0] },
      cohort_size: { type: 'number', values: [8] },
      active: { type: 'number', values: [6] },
      retention: { type: 'number', values: [0.8] },
    });
    expect(modelOf(frame).cohorts[0].cells[0]?.retention).toBe(0.75);
  });

  it('reads cohort months written as text and rows in any order', () => {
    const frame = tableFrameFor({
      cohort_month: { type: 'string', values: ['2024-03-01', '2024-01-01', '2024-02-01', '2024-01-01'] },
      months_since_start: { type: 'number', values: [0, 1, 0, 0] },
      cohort_size: { type: 'number', values: [20, 100, 50, 100] },
      active: { type: 'number', values: [10, 80, 40, 90] },
    });
    const model = modelOf(frame);
    expect(model.cohorts.map((c) => [c.month, c.time])).toEqual([
      ['2024-01-01', JAN],
      ['2024-02-01', FEB],
      ['2024-03-01', MAR],
    ]);
    expect(model.cohorts[0].cells.map((cell) => cell?.active)).toEqual([90, 80]);
  });

  it('leaves a cohort of size 0 out of the average and gives its cells no retention', () => {
    const frame = tableFrameFor({
      cohort_month: { type: 'time', values: [JAN, FEB] },
      months_since_start: { type: 'number', values: [0, 0] },
      cohort_size: { type: 'number', values: [100, 0] },
      active: { type: 'number', values: [90, 0] },
    });
    const model = modelOf(frame);
    expect(model.cohorts[1].cells[0]).toEqual({ k: 0, active: 0, retention: null });
    expect(model.average).toEqual([{ k: 0, active: 90, customers: 100, cohorts: 1, retention: 0.9 }]);
  });

  it('has no average point where only empty cohorts reached that month', () => {
    const frame = tableFrameFor({
      cohort_month: { type: 'time', values: [JAN, JAN, FEB] },
      months_since_start: { type: 'number', values: [0, 1, 0] },
      cohort_size: { type: 'number', values: [0, 0, 10] },
      active: { type: 'number', values: [0, 0, 9] },
    });
    expect(modelOf(frame).average).toEqual([{ k: 0, active: 9, customers: 10, cohorts: 1, retention: 0.9 }, undefined]);
  });

  it('marks cohorts smaller than the minimum n the service stamps on the frame as low confidence', () => {
    expect(modelOf(triangle()).cohorts.map((c) => c.lowConfidence)).toEqual([false, false, true]);
    expect(modelOf(triangle()).minN).toBe(30);
  });

  it('marks nothing when the frame does not say what the minimum n is', () => {
    const unstamped = triangle();
    unstamped.meta = { ...unstamped.meta, custom: {} };
    expect(modelOf(unstamped).cohorts.map((c) => c.lowConfidence)).toEqual([false, false, false]);
  });

  it('skips rows it cannot place in the triangle', () => {
    const frame = tableFrameFor({
      cohort_month: { type: 'time', values: [JAN, null, JAN, JAN] },
      months_since_start: { type: 'number', values: [0, 1, 1.5, null] },
      cohort_size: { type: 'number', values: [100, 100, 100, 100] },
      active: { type: 'number', values: [90, 80, 70, 60] },
    });
    const model = modelOf(frame);
    expect(model.maxK).toBe(0);
    expect(model.cohorts).toHaveLength(1);
  });

  it('gives an empty table an empty triangle', () => {
    const frame = tableFrameFor({
      cohort_month: { type: 'time', values: [] },
      months_since_start: { type: 'number', values: [] },
      cohort_size: { type: 'number', values: [] },
      active: { type: 'number', values: [] },
    });
    expect(modelOf(frame)).toEqual({ cohorts: [], maxK: -1, average: [], minN: 30 });
  });

  it('refuses two rows for the same cell rather than picking one', () => {
    const frame = tableFrameFor({
      cohort_month: { type: 'time', values: [JAN, JAN] },
      months_since_start: { type: 'number', values: [0, 0] },
      cohort_size: { type: 'number', values: [100, 100] },
      active: { type: 'number', values: [90, 85] },
    });
    expect(readCohortMatrix([frame])).toEqual({
      problem: expect.stringMatching(/Cohort 2024-01 has two rows for month 0/),
    });
  });

  it('names the columns and the query it needs when no frame has them', () => {
    const other = tableFrameFor({
      cohort_month: { type: 'time', values: [JAN] },
      retention: { type: 'number', values: [0.9] },
    });
    expect(readCohortMatrix([other])).toEqual({ problem: cohortProblem });
    expect(readCohortMatrix([])).toEqual({
      problem: expect.stringMatching(/cohort_month, months_since_start, cohort_size and active.*rel_cohort_retention/),
    });
  });

  it('finds the cohort table among other frames', () => {
    const other = tableFrameFor({ branch_id: { type: 'string', values: ['BR001'] } });
    expect(modelOf(other, triangle()).cohorts).toHaveLength(3);
  });
});
