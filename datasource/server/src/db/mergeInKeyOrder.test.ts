import { mergeInKeyOrder } from './mergeInKeyOrder';

const keys = ['time', 'branch_id'];
const row = (time: number, branch_id: string | null) => ({ time, branch_id });

describe('mergeInKeyOrder', () => {
  const rows = [row(1, 'B1'), row(1, 'B3'), row(2, 'B1'), row(2, null)];

  it('puts each added row in its place, as order by would (NULLS LAST)', () => {
    expect(mergeInKeyOrder(rows, [row(3, 'B1'), row(1, 'B2'), row(0, 'B9'), row(2, 'B2')], keys)).toEqual([
      row(0, 'B9'),
      row(1, 'B1'),
      row(1, 'B2'),
      row(1, 'B3'),
      row(2, 'B1'),
      row(2, 'B2'),
      row(2, null),
      row(3, 'B1'),
    ]);
  });

  it('sorts rows that all come after the last (a range’s last bucket) and puts them at the end', () => {
    expect(mergeInKeyOrder(rows, [row(3, null), row(3, 'B2'), row(3, 'B1')], keys)).toEqual([
      ...rows,
      row(3, 'B1'),
      row(3, 'B2'),
      row(3, null),
    ]);
  });

  it('gives the rows as they are with nothing added, and the added in order with no rows', () => {
    expect(mergeInKeyOrder(rows, [], keys)).toBe(rows);
    expect(mergeInKeyOrder([], [row(2, 'B1'), row(1, 'B1')], keys)).toEqual([row(1, 'B1'), row(2, 'B1')]);
  });
});
