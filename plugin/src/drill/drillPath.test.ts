import { branchOfStep, decodeDrillPath, encodeDrillPath, type DrillPath } from './drillPath';

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

  it('writes a branch’s ratings awaiting follow-up as its own step, down to a customer', () => {
    const path: DrillPath = [
      { kind: 'followups', branchId: 'BR 001/north' },
      { kind: 'customer', customerId: 'C:42' },
    ];
    expect(encodeDrillPath(path)).toBe('followups:BR%20001%2Fnorth/customer:C%3A42');
    expect(decodeDrillPath(encodeDrillPath(path))).toEqual(path);
    expect(decodeDrillPath('followups:')).toEqual([]);
  });

  it('writes a touchpoint’s negative ratings as a step of its own, which sets no branch', () => {
    const path: DrillPath = [
      { kind: 'touchpoint', touchpoint: 'kiosk queue' },
      { kind: 'customer', customerId: 'C1' },
    ];
    expect(encodeDrillPath(path)).toBe('touchpoint:kiosk%20queue/customer:C1');
    expect(decodeDrillPath(encodeDrillPath(path))).toEqual(path);
    expect(branchOfStep(path[0])).toBeUndefined();
  });

  it('names the branch a step is about, so the dashboard’s branch variable follows it', () => {
    expect(branchOfStep({ kind: 'branch', branchId: 'BR001' })).toBe('BR001');
    expect(branchOfStep({ kind: 'followups', branchId: 'BR002' })).toBe('BR002');
    expect(branchOfStep({ kind: 'customer', customerId: 'C1' })).toBeUndefined();
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
