import { DAY_MS } from '@touchpoint/contract/src/timeRange';
import { chooseInterval } from './chooseInterval';

const year = { from: Date.parse('2024-01-01T00:00:00Z'), to: Date.parse('2025-01-01T00:00:00Z') };

describe('chooseInterval', () => {
  it.each([
    [DAY_MS / 24, 'day'],
    [DAY_MS, 'day'],
    [2 * DAY_MS, 'week'],
    [7 * DAY_MS, 'week'],
    [30 * DAY_MS, 'month'],
    [400 * DAY_MS, 'month'],
  ] as const)(
    'for auto, takes the finest bucket no finer than the panel interval (%d ms → %s)',
    (panelMs, expected) => {
      expect(chooseInterval('auto', year, undefined, panelMs)).toBe(expected);
    }
  );

  it('keeps an explicit interval whatever the panel interval', () => {
    expect(chooseInterval('day', year, undefined, 30 * DAY_MS)).toBe('day');
  });

  it('coarsens to fit maxDataPoints, for auto and explicit alike', () => {
    expect(chooseInterval('day', year, 100, DAY_MS)).toBe('week');
    expect(chooseInterval('auto', year, 20, DAY_MS)).toBe('month');
  });
});
