import { FIXTURE_AS_OF, metricFramesFor } from '../support/serviceFrames';
import { readBranchBoard, type BranchBoard } from '@touchpoint/scorecard-panel/src/model/branchBoard';
import { modelFrom } from '../support/modelFrom';

const gauges = metricFramesFor(
  'sli',
  [
    { branch_id: 'BR001', region: 'North', value: 67.4, n: 250, previous: 70, previous_n: 240, change: -2.6 },
    { branch_id: 'BR002', region: 'South', value: -12.5, n: 12, previous: null, previous_n: 0, change: null },
  ],
  { groupBy: ['branch_id', 'region'], compared: true }
);
const trend = metricFramesFor(
  'sli',
  [
    { time: Date.UTC(2024, 4, 1), branch_id: 'BR001', value: 60, n: 100 },
    { time: Date.UTC(2024, 5, 1), branch_id: 'BR001', value: 67.4, n: 150 },
    { time: Date.UTC(2024, 5, 1), branch_id: 'BR002', value: -12.5, n: 12 },
  ],
  { groupBy: ['branch_id'], interval: 'month', refId: 'B' }
);

const boardOf = (frames = [...gauges, ...trend]): BranchBoard => modelFrom(readBranchBoard(frames));

describe('readBranchBoard', () => {
  it('reads each branch’s value, n, band and region from the service’s metric table', () => {
    const board = boardOf();
    expect(board.metric).toMatchObject({ metric: 'sli', label: 'SLI', level: 'relationship', min: -100, max: 100 });
    expect(board.branches.map((b) => [b.branchId, b.region, b.value, b.n, b.band?.label])).toEqual([
      ['BR001', 'North', 67.4, 250, 'Excellent'],
      ['BR002', 'South', -12.5, 12, 'Bad'],
    ]);
    expect(board).toMatchObject({ hasRegions: true, hasComparison: true, minN: 30, asOf: FIXTURE_AS_OF });
  });

  it('marks a branch under the minimum n as low confidence instead of dropping it', () => {
    expect(boardOf().branches.map((b) => b.lowConfidence)).toEqual([false, true]);
  });

  it('sets the previous period beside each branch, with no change where there was no value before', () => {
    const [first, second] = boardOf().branches;
    expect(first.previous).toEqual({ value: 70, n: 240, change: -2.6 });
    expect(second.previous).toEqual({ value: null, n: 0, change: null });
  });

  it('takes each branch’s trend line from the time series of the same metric', () => {
    const [first, second] = boardOf().branches;
    expect(first.trend).toEqual([
      { time: Date.UTC(2024, 4, 1), value: 60 },
      { time: Date.UTC(2024, 5, 1), value: 67.4 },
    ]);
    // The second series names its metric only (the first carries its bands).
    expect(second.trend).toEqual([{ time: Date.UTC(2024, 5, 1), value: -12.5 }]);
  });

  it('draws a branch without a trend when the time series has none for it', () => {
    expect(boardOf([...gauges, ...trend.slice(0, 1)]).branches[1].trend).toEqual([]);
  });

  it('takes a series’ bands from wherever the answer carries its metric in full', () => {
    const [firstSeries, secondSeries] = trend;
    expect(secondSeries.fields[1].config.custom).toEqual({ metric: 'sli' });
    const board = boardOf([secondSeries, ...gauges, firstSeries]);
    expect(board.branches[1].trend).toEqual([{ time: Date.UTC(2024, 5, 1), value: -12.5 }]);
  });

  it('ignores a trend of another metric', () => {
    const nps = metricFramesFor('nps', [{ time: Date.UTC(2024, 4, 1), branch_id: 'BR001', value: 10, n: 50 }], {
      groupBy: ['branch_id'],
      interval: 'month',
    });
    expect(boardOf([...gauges, ...nps]).branches[0].trend).toEqual([]);
  });

  it('names each branch as the service’s frames do, and by its id where they do not', () => {
    const named = metricFramesFor(
      'sli',
      [
        { branch_id: 'BR001', value: 5, n: 40 },
        { branch_id: 'BR404', value: 1, n: 40 },
      ],
      {
        groupBy: ['branch_id'],
        branches: new Map([['BR001', { name: 'Harbour Street', region: 'North' }]]),
      }
    );
    expect(boardOf(named).branches.map((b) => [b.branchId, b.name, b.region])).toEqual([
      ['BR001', 'Harbour Street', 'North'],
      ['BR404', 'BR404', undefined],
    ]);
    expect(boardOf(named).hasRegions).toBe(true);
  });

  it('works without regions and without a comparison', () => {
    const plain = metricFramesFor('sli', [{ branch_id: 'BR001', value: 5, n: 40 }], { groupBy: ['branch_id'] });
    const board = boardOf(plain);
    expect(board).toMatchObject({ hasRegions: false, hasComparison: false });
    expect(board.branches[0]).not.toHaveProperty('previous');
  });

  it('says what query it needs when the frames have no branch table', () => {
    const ungrouped = metricFramesFor('sli', [{ value: 5, n: 40 }]);
    expect(readBranchBoard(ungrouped)).toEqual({ problem: expect.stringMatching(/grouped by branch_id/) });
    expect(readBranchBoard(trend)).toEqual({ problem: expect.stringMatching(/whole range/) });
  });
});
