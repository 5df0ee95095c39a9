import { FIXTURE_AS_OF, metricFramesFor } from '../support/serviceFrames';
import { closedLoopFrames, DAY, HOUR, inSla, oldest, overdue } from '../support/closedLoopFrames';
import {
  describeBranch,
  formatClosedLoopValue,
  readClosedLoopBoard,
  sortClosedLoop,
  type ClosedLoopBoard,
  type ClosedLoopBranch,
} from '@touchpoint/scorecard-panel/src/model/closedLoopBoard';
import { messages } from '@touchpoint/scorecard-panel/src/messages';
import { modelFrom } from '../support/modelFrom';

const boardOf = (frames = closedLoopFrames): ClosedLoopBoard => modelFrom(readClosedLoopBoard(frames));

const branch = (id: string, overdueCount: number, sla: number | null, age: number | null = null): ClosedLoopBranch => ({
  branchId: id,
  name: id,
  overdue: overdueCount,
  oldestAwaitingSeconds: age,
  inSla: { value: sla, n: 50, lowConfidence: false },
});

describe('readClosedLoopBoard', () => {
  it('reads each branch’s backlog, shares and times, named as the SQL frame names them', () => {
    const board = boardOf();
    expect(
      board.branches.map((b) => [b.branchId, b.name, b.region, b.overdue, b.oldestAwaitingSeconds, b.awaiting])
    ).toEqual([
      ['BR001', 'Harbour Street', 'North', 3, 9 * DAY + 4 * HOUR, 4],
      ['BR002', 'Mill Lane', 'South', 5, 2 * DAY, 6],
      ['BR003', 'Quay Road', 'North', 0, null, 0],
    ]);
    expect(board.branches[0].inSla).toMatchObject({
      value: 85,
      n: 120,
      lowConfidence: false,
      band: { label: 'Meets goal' },
    });
    expect(board).toMatchObject({ hasOldest: true, minN: 30, asOf: FIXTURE_AS_OF });
    expect(Object.keys(board.metrics).sort()).toEqual(['contact', 'inSla', 'overdue', 'recovery']);
  });

  it('marks a value resting on fewer ratings than the minimum n as low confidence, and a branch a metric lacks as no value', () => {
    const [, millLane, quayRoad] = boardOf().branches;
    expect([millLane.inSla?.lowConfidence, millLane.contact?.lowConfidence, millLane.recovery?.lowConfidence]).toEqual([
      true,
      true,
      true,
    ]);
    expect(quayRoad.recovery).toEqual({ value: null, n: 0, lowConfidence: true });
  });

  it('draws only the columns whose query the panel has, named by the metric frames alone', () => {
    const board = boardOf([...overdue, ...inSla]);
    expect(Object.keys(board.metrics).sort()).toEqual(['inSla', 'overdue']);
    expect(board.hasOldest).toBe(false);
    expect(board.branches[0]).not.toHaveProperty('oldestAwaitingSeconds');
    expect(board.branches.map((b) => b.name)).toEqual(['Harbour Street', 'Mill Lane', 'Quay Road']);
  });

  it('writes ids when no frame names the branches', () => {
    const unnamed = metricFramesFor('followups_overdue', [{ branch_id: 'BR009', value: 1, n: 40 }], {
      groupBy: ['branch_id'],
    });
    expect(boardOf(unnamed).branches.map((b) => b.name)).toEqual(['BR009']);
  });

  it('names the query it needs when the overdue backlog is missing', () => {
    expect(readClosedLoopBoard([...inSla, oldest])).toEqual({ problem: messages.closedLoop.needsQuery });
    expect(readClosedLoopBoard([])).toEqual({ problem: messages.closedLoop.needsQuery });
  });
});

describe('sortClosedLoop', () => {
  it('puts the largest overdue backlog first', () => {
    expect(sortClosedLoop(boardOf().branches).map((b) => b.branchId)).toEqual(['BR002', 'BR001', 'BR003']);
  });

  it('breaks a tie on backlog by the lowest share closed within the SLA, a branch with none last', () => {
    const sorted = sortClosedLoop([branch('A', 2, 90), branch('B', 2, null), branch('C', 2, 40), branch('D', 7, 99)]);
    expect(sorted.map((b) => b.branchId)).toEqual(['D', 'C', 'A', 'B']);
  });

  it('then by the longest wait, then by name', () => {
    const sorted = sortClosedLoop([
      branch('BR10', 1, 50, HOUR),
      branch('BR9', 1, 50, HOUR),
      branch('BR2', 1, 50, DAY),
      branch('BR1', 1, 50, null),
    ]);
    expect(sorted.map((b) => b.branchId)).toEqual(['BR2', 'BR9', 'BR10', 'BR1']);
  });
});

describe('closed-loop formatting', () => {
  it('writes shares in the catalog’s unit and decimals and times as durations; no value is a dash', () => {
    const board = boardOf();
    const [harbour, millLane, quayRoad] = board.branches;
    expect(formatClosedLoopValue('inSla', millLane.inSla, board.metrics.inSla!)).toBe('41.7%');
    expect(formatClosedLoopValue('contact', harbour.contact, board.metrics.contact!)).toBe('5 h');
    expect(formatClosedLoopValue('contact', millLane.contact, board.metrics.contact!)).toBe('3 d 4 h');
    expect(formatClosedLoopValue('contact', quayRoad.contact, board.metrics.contact!)).toBe('–');
    expect(formatClosedLoopValue('recovery', quayRoad.recovery, board.metrics.recovery!)).toBe('–');
  });

  it('says a branch in words with every number, its band, n and low-n mark', () => {
    const board = boardOf();
    expect(describeBranch(board.branches[1], board)).toEqual([
      'Mill Lane (BR002)',
      '5 overdue',
      'oldest awaiting 2 d',
      'Closed within SLA 41.7% (Poor, n = 12, Low n (<30))',
      'First contact (median) 3 d 4 h (n = 9, Low n (<30))',
      'Recovery 50.0% (n = 4, Low n (<30))',
    ]);
    expect(describeBranch(board.branches[2], board).slice(1, 3)).toEqual(['none overdue', 'none awaiting']);
  });
});
