import { previousPeriod, withPreviousPeriod } from './previousPeriod';

describe('previousPeriod', () => {
  it('is as long as the range and ends where it starts', () => {
    expect(previousPeriod({ from: 1000, to: 1600 })).toEqual({ from: 400, to: 1000 });
  });
});

describe('withPreviousPeriod', () => {
  const groupBy = ['branch_id'];

  it('matches each group with its own previous value and gives the change', () => {
    const rows = withPreviousPeriod(
      [
        { branch_id: 'BR001', value: 40, n: 120 },
        { branch_id: 'BR002', value: -5, n: 80 },
      ],
      [
        { branch_id: 'BR002', value: 10, n: 70 },
        { branch_id: 'BR001', value: 52.5, n: 100 },
      ],
      groupBy
    );
    expect(rows).toEqual([
      { branch_id: 'BR001', value: 40, n: 120, previous: 52.5, previous_n: 100, change: -12.5 },
      { branch_id: 'BR002', value: -5, n: 80, previous: 10, previous_n: 70, change: -15 },
    ]);
  });

  it('leaves the change empty for a group that had no value before, and drops groups that have none now', () => {
    const rows = withPreviousPeriod(
      [{ branch_id: 'BR003', value: 20, n: 30 }],
      [{ branch_id: 'BR009', value: 5, n: 9 }],
      groupBy
    );
    expect(rows).toEqual([{ branch_id: 'BR003', value: 20, n: 30, previous: null, previous_n: 0, change: null }]);
  });

  it('compares a whole-range total with the previous total when nothing is grouped', () => {
    expect(withPreviousPeriod([{ value: 3, n: 1 }], [{ value: 1, n: 1 }], [])).toEqual([
      { value: 3, n: 1, previous: 1, previous_n: 1, change: 2 },
    ]);
  });
});
