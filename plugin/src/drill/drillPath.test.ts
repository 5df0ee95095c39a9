import { decodeDrillPath, encodeDrillPath, type DrillPath } from './drillPath';

describe('drill path in the URL', () => {
  it('round-trips every kind of step, with values that need encoding', () => {
    const path: DrillPath = [
      { kind: 'branch', branchId: 'BR 001/north' },
      { kind: 'customer', customerId: 'C:42' },
    ];
    expect(encodeDrillPath(path)).toBe('branch:BR%20001%2Fnorth/customer:C%3A42');
    expect(decodeDrillPath(encodeDrillPath(path))).toEqual(path);
    const cohort: DrillPath = [
      { kind: 'cohort', cohortMonth: '2024-03-01' },
      { kind: 'customer', customerId: 'C1' },
    ];
    expect(decodeDrillPath(encodeDrillPath(cohort))).toEqual(cohort);
    expect(decodeDrillPath('day:2024-05-03')).toEqual([{ kind: 'day', day: '2024-05-03' }]);
  });

  it('reads a missing, hand-broken or unknown path as the scorecard itself', () => {
    expect(decodeDrillPath(undefined)).toEqual([]);
    expect(decodeDrillPath('')).toEqual([]);
    expect(decodeDrillPath('branch')).toEqual([]);
    expect(decodeDrillPath('planet:earth')).toEqual([]);
    expect(decodeDrillPath('cohort:March')).toEqual([]);
    expect(decodeDrillPath('customer:%E0%A4%A')).toEqual([]);
  });
});
