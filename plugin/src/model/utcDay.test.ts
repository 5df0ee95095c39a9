import { utcDay } from './utcDay';

describe('utcDay', () => {
  it('names the UTC day, whatever the hour', () => {
    expect(utcDay(Date.UTC(2024, 4, 3))).toBe('2024-05-03');
    expect(utcDay(Date.UTC(2024, 4, 3, 23, 59, 59))).toBe('2024-05-03');
    expect(utcDay(Date.UTC(2024, 11, 31, 23, 30) + 60 * 60 * 1000)).toBe('2025-01-01');
  });
});
