import { timeTicks } from './timeTicks';

const day = (m: number, d: number, y = 2024) => Date.UTC(y, m - 1, d);

describe('timeTicks', () => {
  it('uses every day when the days fit', () => {
    expect(timeTicks(day(5, 1), day(5, 5), 8)).toEqual({
      times: [day(5, 1), day(5, 2), day(5, 3), day(5, 4), day(5, 5)],
      format: 'MMM D',
    });
  });

  it('moves to Mondays when days are too many', () => {
    // 2024-05-06, 13, 20, 27 were Mondays
    expect(timeTicks(day(5, 1), day(5, 31), 5)).toEqual({
      times: [day(5, 6), day(5, 13), day(5, 20), day(5, 27)],
      format: 'MMM D',
    });
  });

  it('moves to first days of months, then of quarters, then of years', () => {
    expect(timeTicks(day(1, 15), day(6, 30), 6)).toEqual({
      times: [day(2, 1), day(3, 1), day(4, 1), day(5, 1), day(6, 1)],
      format: 'MMM YYYY',
    });
    expect(timeTicks(day(1, 1), day(12, 31), 4)).toEqual({
      times: [day(1, 1), day(4, 1), day(7, 1), day(10, 1)],
      format: 'MMM YYYY',
    });
    expect(timeTicks(day(1, 1, 2020), day(12, 31, 2024), 5)).toEqual({
      times: [day(1, 1, 2020), day(1, 1, 2021), day(1, 1, 2022), day(1, 1, 2023), day(1, 1, 2024)],
      format: 'YYYY',
    });
  });

  it('uses hours inside a single day', () => {
    expect(timeTicks(day(5, 1), day(5, 1) + 12 * 3_600_000, 5)).toEqual({
      times: [0, 3, 6, 9, 12].map((h) => day(5, 1) + h * 3_600_000),
      format: 'MM-DD HH:mm',
    });
  });

  it('puts day boundaries at the local midnight of a zone ahead of or behind UTC', () => {
    const twoHours = 2 * 3_600_000;
    expect(timeTicks(day(5, 1), day(5, 3), 2, { offsetMs: twoHours }).times).toEqual([
      day(5, 2) - twoHours,
      day(5, 3) - twoHours,
    ]);
    expect(timeTicks(day(5, 1), day(5, 3), 2, { offsetMs: -twoHours }).times).toEqual([
      day(5, 1) + twoHours,
      day(5, 2) + twoHours,
    ]);
    expect(timeTicks(day(1, 15), day(3, 15), 2, { offsetMs: twoHours }).times).toEqual([
      day(2, 1) - twoHours,
      day(3, 1) - twoHours,
    ]);
  });

  it('never ticks finer than the data’s own buckets', () => {
    // daily buckets over two days would otherwise get 12-hour ticks
    expect(timeTicks(day(5, 1), day(5, 3), 8, { minStepMs: 86_400_000 }).times).toEqual([
      day(5, 1),
      day(5, 2),
      day(5, 3),
    ]);
    // monthly buckets (28 days at the shortest) keep monthly ticks
    expect(timeTicks(day(2, 1), day(4, 1), 8, { minStepMs: 28 * 86_400_000 })).toEqual({
      times: [day(2, 1), day(3, 1), day(4, 1)],
      format: 'MMM YYYY',
    });
  });

  it('lets the tick count depend on how wide each format writes', () => {
    const fits = (format: string) => (format === 'MMM D' ? 2 : 10);
    // two days: at most 2 ticks everywhere ends on 2-day steps; 10 hour ticks allow 6-hourly ones
    expect(timeTicks(day(5, 1), day(5, 3), 2)).toEqual({ times: [day(5, 1), day(5, 3)], format: 'MMM D' });
    expect(timeTicks(day(5, 1), day(5, 3), fits).format).toBe('MM-DD HH:mm');
    // daily buckets rule the hours out: days (6) and 2-day steps (3) are too many, Mondays fit
    expect(timeTicks(day(5, 1), day(5, 6), fits, { minStepMs: 86_400_000 })).toEqual({
      times: [day(5, 6)],
      format: 'MMM D',
    });
  });
});
