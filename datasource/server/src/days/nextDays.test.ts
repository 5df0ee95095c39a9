import { DAY_MS } from '@touchpoint/contract/src/timeRange';
import { nextDays } from './nextDays';

describe('nextDays: the whole days a moving range asks for a day later', () => {
  const midnight = Date.UTC(2026, 5, 30);
  it('moves days that ended by the day before midnight on by a day', () => {
    const wall = { from: midnight - 91 * DAY_MS, to: midnight - DAY_MS };
    expect(nextDays(wall, midnight)).toEqual({ from: midnight - 90 * DAY_MS, to: midnight });
    const previousPeriod = { from: midnight - 181 * DAY_MS, to: midnight - 91 * DAY_MS };
    expect(nextDays(previousPeriod, midnight)).toEqual({ from: midnight - 180 * DAY_MS, to: midnight - 90 * DAY_MS });
  });

  it('leaves days already asked of the new day, or ending in the future, alone', () => {
    expect(nextDays({ from: midnight - 90 * DAY_MS, to: midnight }, midnight)).toBeUndefined();
    expect(nextDays({ from: midnight - 90 * DAY_MS, to: midnight + DAY_MS }, midnight)).toBeUndefined();
  });
});
